import { DynamoOrgSettingsStore } from '#adapters/dynamodb/org-settings-store.ts';
import { DynamoWorkflowStore } from '#adapters/dynamodb/workflow-store.ts';
import { locateQueuePair } from '#adapters/sqs/dead-letter-queues.ts';
import { SqsWorkQueue, sqsClient } from '#adapters/sqs/work-queue.ts';
import { OrgWorkflowSettings } from '#adapters/workflow-settings.ts';
import { queueNames } from '#lib/aws/names.ts';
import { useLocalStack } from '#lib/local/endpoints-file.ts';
import { systemClock } from '#platform/clock.ts';
import { sweepWorkflows } from '#usecases/sweep-workflows.ts';
import { UsageError } from './io.ts';
import { stageTableName } from './stage-outputs.ts';

/** A date and time with an explicit zone (no silent local time); seconds and fractions optional. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

export interface SweepOptions {
  readonly at?: string;
  readonly table?: string;
  readonly queueUrl?: string;
  readonly stage?: string;
  readonly local: boolean;
}

/**
 * `aictive sweep [--at ISO]`: runs the workflow sweep once as if it were that time (now without
 * `--at`): every workflow whose waiting step is due by then is looked at (an overdue approval
 * escalates, a wait times out, an unanswered offer goes to the next vendor). Tests and demos move
 * time with it. Prints one JSON line of figures: due, advanced, escalations, itemsRead. Reaches
 * the running `npm start` (--local), a deployed stage (--stage), or what the environment names
 * (TABLE_NAME, WORKFLOW_QUEUE_URL).
 */
export async function sweepCommand(options: SweepOptions): Promise<number> {
  const at = parseAt(options.at);
  if (options.local && (options.stage || options.table || options.queueUrl))
    throw new UsageError('--local finds the table and queue itself: drop --stage, --table and --queue-url');
  if (options.local) await useLocalStack();

  const table =
    options.table ?? (options.stage ? await stageTableName(options.stage) : process.env.TABLE_NAME);
  if (!table)
    throw new UsageError('--table (or TABLE_NAME, or --stage S, or --local) is required: the main table');
  const queueUrl =
    options.queueUrl ??
    (options.stage ? await stageWorkflowQueueUrl(options.stage) : process.env.WORKFLOW_QUEUE_URL);
  if (!queueUrl)
    throw new UsageError(
      '--queue-url (or WORKFLOW_QUEUE_URL, or --stage S, or --local) is required: the workflow queue',
    );

  const orgSettings = new DynamoOrgSettingsStore(table);
  const figures = await sweepWorkflows(
    {
      workflows: new DynamoWorkflowStore(table),
      settings: new OrgWorkflowSettings(orgSettings),
      queue: new SqsWorkQueue({ workflow: queueUrl }),
      clock: systemClock,
    },
    at,
  );
  process.stdout.write(`${JSON.stringify({ at: at.toISOString(), ...figures })}\n`);
  return 0;
}

function parseAt(value: string | undefined): Date {
  if (value === undefined) return systemClock.now();
  const time = ISO_TIME.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(time))
    throw new UsageError('--at must be an ISO date and time with its zone, e.g. 2026-11-21T09:30:00Z');
  return new Date(time);
}

async function stageWorkflowQueueUrl(stage: string): Promise<string> {
  const names = queueNames(stage, 'workflow');
  const pair = await locateQueuePair(sqsClient(), {
    queue: { name: names.queue },
    deadLetter: { name: names.deadLetter },
  });
  return pair.url;
}
