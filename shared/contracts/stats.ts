import { z } from 'zod';
import { CATEGORIES, ENGINES, URGENCIES } from '#vocabulary/classification.ts';
import { EMAIL_STATUSES } from '#vocabulary/emails.ts';
import { DEFAULT_STATS_DAYS, MAX_STATS_DAYS } from '#vocabulary/stats.ts';
import { WORKFLOW_STATUSES, WORKFLOW_TYPES } from '#vocabulary/workflows.ts';
import { IsoInstant } from './iso-instant.ts';

/**
 * `GET /v1/stats` query. Strict, so a misspelt bound is an error rather than a silent default.
 * Cross-field rules (order, length, defaults) need the current time: the domain's
 * `resolveStatsPeriod` applies them.
 */
export const StatsQuery = z.strictObject({
  from: IsoInstant.optional().meta({
    description: `Start of the period, inclusive (a date means 00:00 UTC). Default: ${DEFAULT_STATS_DAYS} days before \`to\`.`,
  }),
  to: IsoInstant.optional().meta({
    description: `End of the period, exclusive; a date includes that whole day (UTC). Default: now. At most ${MAX_STATS_DAYS} days after \`from\`.`,
  }),
});
export type StatsQuery = z.infer<typeof StatsQuery>;

const Count = z.number().int().min(0);

/**
 * One member per key, each required: an object rather than a record, so the document names
 * every member it requires (a record keyed by an enum would require names it never defines).
 */
function everyOf<K extends string, S extends z.ZodType>(keys: readonly K[], schema: S) {
  return z.object(Object.fromEntries(keys.map((key) => [key, schema])) as Record<K, S>);
}

const EngineShare = z.object({
  count: Count,
  share: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .meta({ description: 'Of the triaged emails; null when none was' }),
});

const Seconds = z.number().min(0).nullable();
const Rate = z.number().min(0).max(1).nullable();

/** How the period's workflows were served (shared/domain/stats/org-stats.ts `ServiceLevels`). */
const ServiceLevels = z
  .object({
    medianTimeToFirstResponseSeconds: Seconds.meta({
      description:
        'Median time from a workflow’s creation to the first answer by a person or vendor (a decision, a task done, an offer answered); null when none was answered.',
    }),
    medianTimeToVendorAcceptanceSeconds: Seconds.meta({
      description:
        'Median time from a workflow’s creation to a vendor accepting its job; null when no vendor accepted one.',
    }),
    medianTimeToCompletionSeconds: Seconds.meta({
      description: 'Median time from creation to completion, over the completed workflows; null when none.',
    }),
    reopenRate: Rate.meta({
      description:
        'Of the completed maintenance workflows (emergency and routine), the share reopened at least once before completing (the resident said it was not fixed); null when none completed.',
    }),
    slaBreaches: Count.nullable().meta({
      description:
        'Steps of the period’s workflows that passed their service-level deadline (each counted once); null when the period has no workflows.',
    }),
    closedByTroubleshooting: Rate.meta({
      description:
        'Of the closed routine maintenance workflows, the share the resident fixed with the troubleshooting steps (no vendor sent); null when none closed.',
    }),
  })
  .meta({
    description:
      'Service levels of the workflows created in the period, each null when there is nothing to measure.',
  });

/** `GET /v1/stats`: one org's activity in a period. */
export const StatsView = z
  .object({
    period: z.object({ from: z.iso.datetime(), to: z.iso.datetime() }).meta({
      description: 'The period counted: emails received and workflows created in [from, to).',
    }),
    emails: z.object({
      total: Count,
      byCategory: everyOf(CATEGORIES, Count),
      byUrgency: everyOf(URGENCIES, Count),
      byStatus: everyOf(EMAIL_STATUSES, Count),
    }),
    workflows: z.object({
      total: Count,
      byType: everyOf(WORKFLOW_TYPES, Count),
      byStatus: everyOf(WORKFLOW_STATUSES, Count),
      serviceLevels: ServiceLevels,
    }),
    medianTimeToClassifySeconds: z.number().min(0).nullable().meta({
      description: 'Median of triagedAt − receivedAt over the triaged emails; null when none.',
    }),
    approvalsPending: Count.meta({
      description:
        'Emails of the period whose reply draft waits for a person (`awaiting_approval` or `blocked`).',
    }),
    engines: everyOf(ENGINES, EngineShare),
    tokens: z
      .object({ input: Count, output: Count })
      .meta({ description: 'Tokens Claude spent on the period’s emails: triage and reply drafts.' }),
    truncated: z.boolean().meta({
      description:
        'True when the period held more items than one request counts: the figures cover the oldest.',
    }),
  })
  .meta({ id: 'Stats' });
export type StatsView = z.infer<typeof StatsView>;
