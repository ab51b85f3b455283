import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import { EVENT_TYPE } from '#contracts/events.ts';
import { ORG_ID } from '#domain/orgs/org-settings.ts';
import { useLocalStack } from '#lib/local/endpoints-file.ts';
import { systemClock } from '#platform/clock.ts';
import { replayEvents } from '#usecases/replay-events.ts';
import { UsageError } from './io.ts';

/** A date, or a date and time with seconds optional and an explicit zone (no silent local time). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

export interface ReplayOptions {
  readonly org?: string;
  readonly since?: string;
  readonly type?: string;
  readonly dryRun: boolean;
  readonly table?: string;
  readonly queueUrl?: string;
  readonly local: boolean;
}

/**
 * `aictive replay --org ORG --since ISO [--type T] [--dry-run]`: re-enqueues an org's stored
 * events since a time (see replay-events.ts). Prints one JSON line per event, then a summary line;
 * exit code 1 when any event could not be replayed.
 */
export async function replayCommand(options: ReplayOptions): Promise<number> {
  if (!options.org || !ORG_ID.test(options.org))
    throw new UsageError('--org is required: lower-case letters, digits and -');
  const since = parseSince(options.since);
  // Stored types are as delivered, so the filter is too.
  const type = options.type;
  if (type !== undefined && !EVENT_TYPE.test(type))
    throw new UsageError('--type must name an event type as delivered, e.g. maintenance::workOrder.created');
  if (options.local && (options.table || options.queueUrl))
    throw new UsageError('--local finds the table and queue itself: drop --table and --queue-url');
  if (options.local) await useLocalStack();

  const table = options.table ?? process.env.TABLE_NAME;
  if (!table) throw new UsageError('--table (or TABLE_NAME) is required: the main table of the deployment');
  const queueUrl = options.queueUrl ?? process.env.EVENTS_QUEUE_URL;
  if (!queueUrl && !options.dryRun)
    throw new UsageError('--queue-url (or EVENTS_QUEUE_URL) is required: the events queue of the deployment');

  const summary = await replayEvents(
    // A dry run sends nothing, so it may go without a queue URL.
    { inbox: new DynamoEventInbox(table), queue: new SqsWorkQueue({ events: queueUrl }), clock: systemClock },
    { orgId: options.org, since, type, dryRun: options.dryRun },
    (event) => process.stdout.write(`${JSON.stringify(event)}\n`),
  );
  process.stdout.write(`${JSON.stringify({ summary })}\n`);
  return summary.failed > 0 ? 1 : 0;
}

/** Normalised as the inbox stores times (toISOString), so it compares with the listing's sort key. */
function parseSince(value: string | undefined): string {
  const time = value && ISO_INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(time))
    throw new UsageError('--since is required: an ISO date or time, e.g. 2026-11-21 or 2026-11-21T09:30:00Z');
  return new Date(time).toISOString();
}
