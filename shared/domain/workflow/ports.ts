/** Ports of the workflow engine. Adapters in shared/adapters implement them; in-memory twins live in test/support. */
import type { WorkflowStatus, WorkflowType } from '#vocabulary/workflows.ts';
import type { ApprovalPolicy } from './approval-policy.ts';
import type { VendorRanking } from './vendor-ranking.ts';
import type { Holder, Workflow } from './workflow.ts';

export interface WorkflowFilter {
  readonly type?: WorkflowType;
  readonly status?: WorkflowStatus;
  readonly state?: string;
  readonly propertyId?: string;
  /** Created at or after this instant. */
  readonly since?: string;
}

export interface WorkflowPage {
  readonly workflows: readonly Workflow[];
  /** Opaque; absent on the last page. */
  readonly cursor?: string;
}

/** A workflow whose waiting step is due, as the due index lists it. */
export interface DueWorkflow {
  readonly orgId: string;
  readonly workflowId: string;
  readonly dueAt: string;
}

export interface DuePage {
  readonly due: readonly DueWorkflow[];
  /** Index items read to find them (the sweep's cost: about the number due, never every open workflow). */
  readonly itemsRead: number;
  readonly cursor?: string;
}

/**
 * Workflows, one item each with a version. Every write after the first is conditional on the
 * version read, and keeps three things true in the same write: the due index (a workflow waiting
 * on a step with a due time is findable by that time, across orgs), the waiting-on index (an
 * approval waiting on a holder is listable by that holder, oldest due first, within its org) and
 * the outbox (a workflow with pending effects owes the workflow queue a message).
 */
export interface WorkflowStore {
  /** Creates it if absent: a second create of the same id changes nothing. */
  create(workflow: Workflow): Promise<'created' | 'exists'>;
  get(orgId: string, workflowId: string): Promise<Workflow | undefined>;
  /** Writes `next` if the stored version is still `expectedVersion`; `conflict` when another write came first. */
  save(next: Workflow, expectedVersion: number): Promise<'saved' | 'conflict'>;
  /** The org's workflows, newest first, filtered. */
  list(
    orgId: string,
    filter: WorkflowFilter,
    page: { limit: number; cursor?: string },
  ): Promise<WorkflowPage>;
  /** The org's approvals waiting on a holder, the oldest due first. */
  waitingOn(orgId: string, holder: Holder, page: { limit: number; cursor?: string }): Promise<WorkflowPage>;
  /** Workflows of every org whose waiting step is due at `at` or before, the earliest first. */
  due(at: Date, page: { limit: number; cursor?: string }): Promise<DuePage>;
  /**
   * Records on the email or event that started it which workflow it started; the source leaves
   * the outbox if it was waiting on the workflow stage.
   */
  linkSource(workflow: Workflow): Promise<void>;
  /**
   * Records which workflow follows a subject — `work_order:<id>` (its events move that workflow;
   * an emergency work order we created must not start a second one), `delinquency:<leaseId>` (the
   * lease's open collection) — so its events and the sync find it. The first link stands: false
   * when another workflow holds the subject, unless `replacing` names that one (it closed).
   */
  linkSubject(orgId: string, subject: string, workflowId: string, replacing?: string): Promise<boolean>;
  /** The workflow following a subject, if any. */
  workflowOfSubject(orgId: string, subject: string): Promise<string | undefined>;
}

/** What the engine needs of an org's settings: its approval policy and its vendor ranking. */
export interface WorkflowSettings {
  readonly policy: ApprovalPolicy;
  readonly vendorRanking: VendorRanking;
}

export interface WorkflowSettingsSource {
  forOrg(orgId: string): Promise<WorkflowSettings>;
}

/**
 * Tells people what the workflows need of them: a step waiting on a role, an escalation, a job
 * offered to a vendor (with its link), an owner asked to agree. An SNS topic in AWS; the log and
 * a queue locally. A notice carries ids and links, never the message's text.
 */
export interface WorkflowNotices {
  publish(notice: WorkflowNotice): Promise<void>;
}

export interface WorkflowNotice {
  readonly orgId: string;
  readonly workflowId: string;
  readonly stepId: string;
  /** What happened (the effect's kind and template), e.g. `approval_waiting`, `escalated`, `offer_vendor`. */
  readonly kind: string;
  /** Who it is for: a role, the owner, the resident, a vendor (by Rentvine contact id). */
  readonly to: string;
  readonly urgency: string;
  /** The signed answer link, for a vendor or an owner. */
  readonly link?: string;
  readonly detail?: Readonly<Record<string, string | number | boolean>>;
}

/** What a response link answers: one vendor offer, or one owner approval. */
export interface ResponseLinkRequest {
  readonly purpose: 'vendor_offer' | 'owner_approval';
  readonly orgId: string;
  readonly workflowId: string;
  readonly stepId: string;
  readonly offerId?: string;
  readonly vendorId?: string;
  readonly expiresAt: string;
}

/** Issues the signed, expiring, single-use links vendors and owners answer through (no login). */
export interface ResponseLinkIssuer {
  linkFor(request: ResponseLinkRequest): Promise<string>;
}
