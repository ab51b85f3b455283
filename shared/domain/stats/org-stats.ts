import {
  CATEGORIES,
  type Category,
  ENGINES,
  type Engine,
  URGENCIES,
  type Urgency,
} from '#vocabulary/classification.ts';
import { EMAIL_STATUSES, type EmailStatus } from '#vocabulary/emails.ts';
import {
  WORKFLOW_STATUSES,
  WORKFLOW_TYPES,
  type WorkflowStatus,
  type WorkflowType,
} from '#vocabulary/workflows.ts';
import type { OrgActivity, WorkflowActivity } from './org-activity.ts';
import type { StatsPeriod } from './stats-period.ts';

/** Emails whose reply draft waits for a person (a blocked one waits for an edit). */
const AWAITING_APPROVAL: readonly EmailStatus[] = ['awaiting_approval', 'blocked'];

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
  readonly workflows: {
    readonly total: number;
    readonly byType: Counts<WorkflowType>;
    readonly byStatus: Counts<WorkflowStatus>;
    readonly serviceLevels: ServiceLevels;
  };
  /** Median of triagedAt − receivedAt over the triaged emails; null when none. */
  readonly medianTimeToClassifySeconds: number | null;
  readonly approvalsPending: number;
  /** Each engine's triages and share of them; the share is null when none was triaged. */
  readonly engines: Readonly<Record<Engine, { readonly count: number; readonly share: number | null }>>;
  /** Tokens spent by Claude, triage and drafts. */
  readonly tokens: { readonly input: number; readonly output: number };
  /** True when the period held more items than one request counts: the figures cover the oldest. */
  readonly truncated: boolean;
}

/**
 * How the period's workflows were served, each figure null when the period holds nothing it
 * could be measured on. Durations run from the workflow's creation.
 */
export interface ServiceLevels {
  /** Median of createdAt → times.firstResponseAt, over the workflows a person (or vendor) has answered. */
  readonly medianTimeToFirstResponseSeconds: number | null;
  /** Median of createdAt → times.vendorAcceptedAt, over the workflows a vendor has accepted. */
  readonly medianTimeToVendorAcceptanceSeconds: number | null;
  /** Median of createdAt → times.completedAt, over the completed workflows. */
  readonly medianTimeToCompletionSeconds: number | null;
  /**
   * Of the completed maintenance workflows (emergency and routine), the share reopened at least
   * once before completing (the resident said "not fixed"). A workflow completes once, after its
   * reopens, so both counts are of the same completed workflows and the rate is at most 1.
   */
  readonly reopenRate: number | null;
  /** Steps of the period's workflows that passed their service-level deadline. */
  readonly slaBreaches: number | null;
  /** Of the closed routine maintenance workflows, the share the resident fixed with the troubleshooting steps. */
  readonly closedByTroubleshooting: number | null;
}

const MAINTENANCE: readonly WorkflowType[] = ['maintenance_emergency', 'maintenance_routine'];
/** The final state of a routine maintenance workflow the resident fixed themselves (definitions.ts). */
const RESOLVED_BY_RESIDENT = 'resolved_by_resident';

/** Seconds from one stored instant to another; a clock skew never makes a duration negative. */
function secondsBetween(from: string, to: string): number {
  return Math.max(0, Date.parse(to) - Date.parse(from)) / 1000;
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** Pure: the service levels of workflows already limited to the org and the period. */
export function serviceLevels(workflows: readonly WorkflowActivity[]): ServiceLevels {
  const toFirstResponse: number[] = [];
  const toVendorAcceptance: number[] = [];
  const toCompletion: number[] = [];
  let maintenanceCompleted = 0;
  let maintenanceReopened = 0;
  let slaBreaches = 0;
  let routineClosed = 0;
  let routineByTroubleshooting = 0;
  for (const workflow of workflows) {
    const times = workflow.times as WorkflowActivity['times'] | undefined;
    const completed = workflow.status === 'completed';
    if (times?.firstResponseAt)
      toFirstResponse.push(secondsBetween(workflow.createdAt, times.firstResponseAt));
    if (times?.vendorAcceptedAt)
      toVendorAcceptance.push(secondsBetween(workflow.createdAt, times.vendorAcceptedAt));
    if (completed && times?.completedAt)
      toCompletion.push(secondsBetween(workflow.createdAt, times.completedAt));
    slaBreaches += times?.slaBreaches ?? 0;
    if (MAINTENANCE.includes(workflow.type) && completed) {
      maintenanceCompleted += 1;
      if ((times?.reopened ?? 0) > 0) maintenanceReopened += 1;
    }
    if (workflow.type === 'maintenance_routine' && workflow.status !== 'open') {
      routineClosed += 1;
      if (completed && workflow.state === RESOLVED_BY_RESIDENT) routineByTroubleshooting += 1;
    }
  }
  return {
    medianTimeToFirstResponseSeconds: median(toFirstResponse),
    medianTimeToVendorAcceptanceSeconds: median(toVendorAcceptance),
    medianTimeToCompletionSeconds: median(toCompletion),
    reopenRate: share(maintenanceReopened, maintenanceCompleted),
    slaBreaches: workflows.length === 0 ? null : slaBreaches,
    closedByTroubleshooting: share(routineByTroubleshooting, routineClosed),
  };
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

  let approvalsPending = 0;
  for (const email of activity.emails) {
    // Rows stored before the triage statuses (`classified`) are counted in the total only.
    if (email.status in byStatus) byStatus[email.status] += 1;
    if (AWAITING_APPROVAL.includes(email.status)) approvalsPending += 1;
    for (const usage of [email.triage?.usage, email.draft?.usage]) {
      if (!usage) continue;
      tokens.input += usage.inputTokens;
      tokens.output += usage.outputTokens;
    }
    const t = email.triage;
    if (!t) continue;
    byCategory[t.category] += 1;
    byUrgency[t.urgency] += 1;
    byEngine[t.engine] += 1;
    if (email.triagedAt) {
      // Two functions' clocks stamp the times: a skew must not make a duration negative.
      const ms = Date.parse(email.triagedAt) - Date.parse(email.receivedAt);
      secondsToClassify.push(Math.max(0, ms) / 1000);
    }
  }

  const byType = zeroCounts(WORKFLOW_TYPES);
  const byWorkflowStatus = zeroCounts(WORKFLOW_STATUSES);
  for (const workflow of activity.workflows) {
    // Workflows stored before the engine (types `maintenance`, `collections`…) count in the total only.
    if (workflow.type in byType) byType[workflow.type] += 1;
    if (workflow.status in byWorkflowStatus) byWorkflowStatus[workflow.status] += 1;
  }

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
    workflows: {
      total: activity.workflows.length,
      byType,
      byStatus: byWorkflowStatus,
      serviceLevels: serviceLevels(activity.workflows),
    },
    medianTimeToClassifySeconds: median(secondsToClassify),
    approvalsPending,
    engines,
    tokens,
    truncated: activity.truncated,
  };
}
