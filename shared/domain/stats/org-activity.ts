import type { ReplyDraft } from '../drafts/draft.ts';
import type { EmailRecord } from '../emails/email.ts';
import type { Triage } from '../triage/triage.ts';
import type { Workflow } from '../workflow/workflow.ts';
import type { StatsPeriod } from './stats-period.ts';

/** The parts of an email the stats need (the reader fetches no more: no bodies). */
export type EmailActivity = Pick<EmailRecord, 'status' | 'receivedAt' | 'triagedAt'> & {
  readonly triage?: Pick<Triage, 'category' | 'urgency' | 'engine' | 'usage'>;
  readonly draft?: Pick<ReplyDraft, 'usage'>;
};

/**
 * The parts of a workflow the stats need: what it is, where it stands, and its service-level
 * times (no facts, no history). Workflows stored before the engine may lack `times`.
 */
export type WorkflowActivity = Pick<Workflow, 'type' | 'status' | 'state' | 'times' | 'createdAt'>;

/** One org's emails received and workflows created in a period. */
export interface OrgActivity {
  readonly emails: readonly EmailActivity[];
  readonly workflows: readonly WorkflowActivity[];
  /** True when a listing held more than the reader's limit: the counts cover only the first ones. */
  readonly truncated: boolean;
}

/** Port: reads an org's activity for the stats, bounded. */
export interface OrgActivityReader {
  /** At most `limit` emails and `limit` workflows, oldest first. */
  read(orgId: string, period: StatsPeriod, limit: number): Promise<OrgActivity>;
}
