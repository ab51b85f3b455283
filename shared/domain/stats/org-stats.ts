import {
  CATEGORIES,
  type Category,
  ENGINES,
  type Engine,
  URGENCIES,
  type Urgency,
} from '#vocabulary/classification.ts';
import { EMAIL_STATUSES, type EmailStatus } from '#vocabulary/emails.ts';
import { WORKFLOW_STATES, type WorkflowState } from '#vocabulary/workflows.ts';
import type { OrgActivity } from './org-activity.ts';
import type { StatsPeriod } from './stats-period.ts';

/**
 * Workflow states in which a workflow waits for a person's approval. No state does yet (every
 * workflow is in `triage`), so approvals pending is 0 by construction until the approval
 * states exist; they are to be listed here then.
 */
const AWAITING_APPROVAL: readonly WorkflowState[] = [];

type Counts<K extends string> = Readonly<Record<K, number>>;

/** One org's activity in a period (`GET /v1/stats` publishes it as shared/contracts/stats.ts). */
export interface OrgStats {
  /** Emails received and workflows created in [from, to). */
  readonly period: StatsPeriod;
  readonly emails: {
    readonly total: number;
    readonly byCategory: Counts<Category>;
    readonly byUrgency: Counts<Urgency>;
    readonly byStatus: Counts<EmailStatus>;
  };
  readonly workflows: { readonly total: number; readonly byState: Counts<WorkflowState> };
  /** Median of classifiedAt − receivedAt over the classified emails; null when none. */
  readonly medianTimeToClassifySeconds: number | null;
  readonly approvalsPending: number;
  /** Each engine's classifications and share of them; the share is null when none was classified. */
  readonly engines: Readonly<Record<Engine, { readonly count: number; readonly share: number | null }>>;
  /** Tokens spent by Claude classifications. */
  readonly tokens: { readonly input: number; readonly output: number };
  /** True when the period held more items than one request counts: the figures cover the oldest. */
  readonly truncated: boolean;
}

function zeroCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Pure: the stats of activity already limited to the org and the period. */
export function aggregateStats(period: StatsPeriod, activity: OrgActivity): OrgStats {
  const byCategory = zeroCounts(CATEGORIES);
  const byUrgency = zeroCounts(URGENCIES);
  const byStatus = zeroCounts(EMAIL_STATUSES);
  const byEngine = zeroCounts<Engine>(ENGINES);
  const tokens = { input: 0, output: 0 };
  const secondsToClassify: number[] = [];

  for (const email of activity.emails) {
    byStatus[email.status] += 1;
    const c = email.classification;
    if (!c) continue;
    byCategory[c.category] += 1;
    byUrgency[c.urgency] += 1;
    byEngine[c.engine] += 1;
    if (c.engine === 'claude' && c.usage) {
      tokens.input += c.usage.inputTokens;
      tokens.output += c.usage.outputTokens;
    }
    if (email.classifiedAt) {
      // Two functions' clocks stamp the times: a skew must not make a duration negative.
      const ms = Date.parse(email.classifiedAt) - Date.parse(email.receivedAt);
      secondsToClassify.push(Math.max(0, ms) / 1000);
    }
  }

  const byState = zeroCounts(WORKFLOW_STATES);
  for (const workflow of activity.workflows) byState[workflow.state] += 1;

  const classified = ENGINES.reduce((sum, engine) => sum + byEngine[engine], 0);
  const engines = Object.fromEntries(
    ENGINES.map((engine) => [
      engine,
      { count: byEngine[engine], share: classified === 0 ? null : byEngine[engine] / classified },
    ]),
  ) as OrgStats['engines'];

  return {
    period: { from: period.from, to: period.to },
    emails: { total: activity.emails.length, byCategory, byUrgency, byStatus },
    workflows: { total: activity.workflows.length, byState },
    medianTimeToClassifySeconds: median(secondsToClassify),
    approvalsPending: activity.workflows.filter((w) => AWAITING_APPROVAL.includes(w.state)).length,
    engines,
    tokens,
    truncated: activity.truncated,
  };
}
