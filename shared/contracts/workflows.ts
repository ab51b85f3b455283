import { z } from 'zod';
import { ROLE_NAMES } from '#vocabulary/access.ts';
import { CATEGORIES, URGENCIES } from '#vocabulary/classification.ts';
import { RENTVINE_RECORD_ID } from '#vocabulary/orgs.ts';
import { ISSUE_TYPES } from '#vocabulary/triage.ts';
import {
  APPROVAL_DECISIONS,
  OWNER_INVOLVEMENTS,
  RESPONSE_LINK_PURPOSES,
  STEP_ID,
  STEP_KINDS,
  VENDOR_OFFER_DECISIONS,
  WORKFLOW_ID,
  WORKFLOW_SIGNALS,
  WORKFLOW_SOURCE_KINDS,
  WORKFLOW_STATUSES,
  WORKFLOW_TYPES,
} from '#vocabulary/workflows.ts';
import { IsoDateTime, IsoInstant } from './iso-instant.ts';
import { NextCursor, PageQuery } from './paging.ts';

/*
 * The workflow routes: `/v1/workflows` (list, read, start, and the inputs people give a workflow:
 * approvals, task outcomes, signals, invoices), `/v1/approvals` (what waits on the caller's role)
 * and `/v1/respond/{token}` (the signed link a vendor or an owner answers through, no login).
 * A view carries ids, amounts, times and the summary, never the message's text, a person's contact
 * details or a link's token.
 */

/** The most a manual start or an input may name in USD: far above any repair or invoice. */
const MAX_USD = 10_000_000;
const Usd = z.number().min(0).max(MAX_USD);
const RentvineRecordId = z.string().regex(RENTVINE_RECORD_ID, 'expected a Rentvine record id (digits)');
/** A state of a definition, as the views name it and `state=` filters by it. */
const STATE_NAME = /^[a-z][a-z0-9_]{0,63}$/;
const StateName = z.string().regex(STATE_NAME, 'expected a state name (lower-case letters, digits and _)');
const StepId = z.string().regex(STEP_ID, 'expected a step id as the workflow names it: <state>.<n>').meta({
  description: 'The waiting step, as `waiting.stepId` names it: `<state>.<n>`',
  example: 'approve.1',
});
/** Invoice ids are the sender's (Rentvine's bill id, an accounting system's number): opaque and bounded. */
const OPAQUE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
const Comment = z.string().trim().min(1).max(1000);

export const WorkflowPath = z.object({ workflowId: z.string().regex(WORKFLOW_ID) });

// ----- views -----

/** Who did something: for a person only their id (the key's agent id, or the key id) and role. */
export const ActorView = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('system'), name: z.string() }),
    z.object({ kind: z.literal('person'), personId: z.string(), role: z.enum(ROLE_NAMES).optional() }),
    z.object({ kind: z.literal('vendor'), vendorId: z.string() }),
    z.object({ kind: z.literal('owner') }),
    z.object({ kind: z.literal('policy'), rule: z.string() }),
  ])
  .meta({ id: 'WorkflowActor' });
export type ActorView = z.infer<typeof ActorView>;

export const WorkflowSourceView = z
  .object({
    kind: z.enum(WORKFLOW_SOURCE_KINDS),
    emailId: z.string().optional(),
    eventId: z.string().optional(),
    workflowId: z.string().optional().meta({ description: 'The workflow that started this one' }),
  })
  .meta({ id: 'WorkflowSource' });
export type WorkflowSourceView = z.infer<typeof WorkflowSourceView>;

/** What is known about the matter: ids, amounts and times; the summary is its only free text. */
export const WorkflowFactsView = z
  .object({
    category: z.enum(CATEGORIES).optional(),
    summary: z.string().optional(),
    propertyId: z.string().optional(),
    unitId: z.string().optional(),
    leaseId: z.string().optional(),
    routeTo: z.enum(ROLE_NAMES).optional().meta({ description: 'The role triage routed the message to' }),
    estimateUsd: z.number().optional(),
    approvedUsd: z.number().optional(),
    invoiceUsd: z.number().optional(),
    deductionsUsd: z.number().optional(),
    concessionUsd: z.number().optional(),
    habitability: z.boolean().optional(),
    propertyUnits: z.number().optional(),
    ownerThresholdUsd: z.number().optional(),
    trade: z.string().optional(),
    vendorCandidates: z.array(z.string()).optional(),
    vendorId: z.string().optional(),
    scheduledFor: z.string().optional(),
    workOrderId: z.string().optional(),
    troubleshootingOffered: z.boolean().optional(),
    lateSince: z.string().optional(),
    pastDueUsd: z.number().optional(),
    deadlineAt: z.string().optional(),
    parentWorkflowId: z.string().optional(),
  })
  .meta({ id: 'WorkflowFacts' });
export type WorkflowFactsView = z.infer<typeof WorkflowFactsView>;

/** The step the workflow waits on. */
export const WaitingStepView = z
  .object({
    stepId: z.string(),
    state: z.string(),
    kind: z.enum(STEP_KINDS),
    title: z.string().meta({ description: "The state's title, for people" }),
    enteredAt: z.iso.datetime(),
    holder: z
      .union([z.enum(ROLE_NAMES), z.literal('owner')])
      .optional()
      .meta({ description: 'Who holds it: a role of the company, or the owner' }),
    dueAt: z.iso
      .datetime()
      .optional()
      .meta({ description: 'When it is next looked at: escalation, a timer, an offer’s deadline' }),
    slaDueAt: z.iso.datetime().optional().meta({ description: 'When it breaches its SLA' }),
    amountUsd: z.number().optional().meta({ description: 'The money an approval commits' }),
    owner: z.enum(OWNER_INVOLVEMENTS).optional().meta({ description: "The owner's part in an approval" }),
    stage: z
      .enum(['company', 'owner'])
      .optional()
      .meta({ description: '`owner` once the company approved and the owner’s agreement is awaited' }),
    escalations: z.number().int().min(0),
    breached: z.boolean(),
    offer: z
      .object({ vendorId: z.string(), expiresAt: z.iso.datetime() })
      .optional()
      .meta({ description: 'The vendor the job is offered to and when the offer lapses' }),
  })
  .meta({ id: 'WaitingStep' });
export type WaitingStepView = z.infer<typeof WaitingStepView>;

export const HistoryEntryView = z
  .object({
    at: z.iso.datetime(),
    actor: ActorView,
    from: z.string(),
    to: z.string(),
    reason: z.string(),
  })
  .meta({ id: 'WorkflowHistoryEntry' });
export type HistoryEntryView = z.infer<typeof HistoryEntryView>;

export const PendingEffectView = z
  .object({
    effectId: z.string(),
    stepId: z.string(),
    kind: z
      .string()
      .meta({ description: 'notify, escalated, rentvine, offer_vendor, ask_owner, start_workflow' }),
    workflowType: z
      .enum(WORKFLOW_TYPES)
      .optional()
      .meta({ description: 'For `start_workflow`: the workflow it starts' }),
  })
  .meta({ id: 'WorkflowPendingEffect' });
export type PendingEffectView = z.infer<typeof PendingEffectView>;

export const WorkflowTimesView = z.object({
  firstResponseAt: z.iso.datetime().optional(),
  vendorAcceptedAt: z.iso.datetime().optional(),
  completedAt: z.iso.datetime().optional(),
  reopened: z.number().int().min(0),
  slaBreaches: z.number().int().min(0),
});

const WorkflowFields = {
  workflowId: z.string().regex(WORKFLOW_ID),
  type: z.enum(WORKFLOW_TYPES),
  status: z.enum(WORKFLOW_STATUSES),
  state: z.string(),
  stateTitle: z.string().meta({ description: "The current state's title, for people" }),
  urgency: z.enum(URGENCIES),
  source: WorkflowSourceView,
  requestedBy: ActorView,
  facts: WorkflowFactsView,
  waiting: WaitingStepView.optional().meta({ description: 'Absent once the workflow is closed' }),
  pendingEffects: z
    .array(PendingEffectView)
    .meta({ description: 'What the platform still owes the workflow (done by its runner, then removed)' }),
  times: WorkflowTimesView,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
};

/** One line of `GET /v1/workflows` and `GET /v1/approvals`: the workflow without its history. */
export const WorkflowSummary = z.object(WorkflowFields).meta({ id: 'WorkflowSummary' });
export type WorkflowSummary = z.infer<typeof WorkflowSummary>;

/** `GET /v1/workflows/{workflowId}`, and the answer of every input. */
export const WorkflowView = z
  .object({ ...WorkflowFields, history: z.array(HistoryEntryView) })
  .meta({ id: 'Workflow' });
export type WorkflowView = z.infer<typeof WorkflowView>;

/** `202` to an input nothing waited for (a signal no step listens to): the workflow as it stands. */
export const WorkflowUnchanged = z
  .object({
    ...WorkflowFields,
    history: z.array(HistoryEntryView),
    note: z.string().meta({ description: 'Why nothing changed' }),
  })
  .meta({ id: 'WorkflowUnchanged' });
export type WorkflowUnchanged = z.infer<typeof WorkflowUnchanged>;

export const WorkflowPage = z.object({ workflows: z.array(WorkflowSummary), nextCursor: NextCursor });
export type WorkflowPage = z.infer<typeof WorkflowPage>;

export const ApprovalPage = z.object({
  approvals: z.array(WorkflowSummary).meta({ description: 'The oldest deadline first' }),
  nextCursor: NextCursor,
  note: z
    .string()
    .optional()
    .meta({ description: 'Set when the key has no role: approvals wait on roles, so none is listed' }),
});
export type ApprovalPage = z.infer<typeof ApprovalPage>;

// ----- queries -----

/** `GET /v1/workflows`: strict, so a misspelt filter is an error rather than an unfiltered listing. */
export const WorkflowListQuery = z.strictObject({
  type: z.enum(WORKFLOW_TYPES).optional(),
  status: z.enum(WORKFLOW_STATUSES).optional(),
  state: StateName.optional().meta({ description: 'Only workflows now in this state' }),
  propertyId: RentvineRecordId.optional(),
  since: IsoInstant.transform((since) => new Date(since).toISOString())
    .optional()
    .meta({ description: 'Only workflows created at or after this instant' }),
  ...PageQuery,
});
export type WorkflowListQuery = z.infer<typeof WorkflowListQuery>;

/** `GET /v1/approvals`. */
export const ApprovalListQuery = z.strictObject({ ...PageQuery });
export type ApprovalListQuery = z.infer<typeof ApprovalListQuery>;

// ----- requests -----

/** `POST /v1/workflows`: a manual start. Strict: a misspelt member is an error, not dropped. */
export const StartWorkflowRequest = z
  .strictObject({
    type: z.enum(WORKFLOW_TYPES),
    urgency: z.enum(URGENCIES).optional().meta({
      description: '`emergency` for a `maintenance_emergency`, `medium` otherwise, when absent',
    }),
    facts: z.strictObject({
      summary: z.string().trim().min(1).max(300).meta({ description: 'What the matter is, in one line' }),
      propertyId: RentvineRecordId.optional(),
      unitId: RentvineRecordId.optional(),
      leaseId: RentvineRecordId.optional(),
      estimateUsd: Usd.optional(),
      trade: z.enum(ISSUE_TYPES).optional().meta({ description: 'Which ranked vendors are offered the job' }),
      habitability: z
        .boolean()
        .optional()
        .meta({ description: 'A repair the law requires whatever the owner says' }),
      propertyUnits: z.int().min(1).max(100_000).optional(),
      vendorCandidates: z
        .array(RentvineRecordId)
        .max(20)
        .optional()
        .meta({ description: "Vendors to offer the job to, best first; the org's ranking when absent" }),
      lateSince: IsoDateTime.optional().meta({ description: 'When the unpaid rent was due' }),
      pastDueUsd: Usd.optional(),
      deadlineAt: IsoDateTime.optional().meta({ description: 'A legal deadline no waiting step may pass' }),
      invoiceUsd: Usd.optional(),
      deductionsUsd: Usd.optional(),
      concessionUsd: Usd.optional(),
    }),
  })
  .meta({ id: 'StartWorkflowRequest' });
export type StartWorkflowRequest = z.infer<typeof StartWorkflowRequest>;

/** `POST /v1/workflows/{workflowId}/approvals`. */
export const DecideStepRequest = z
  .strictObject({
    stepId: StepId,
    decision: z.enum(APPROVAL_DECISIONS),
    comment: Comment.optional(),
  })
  .meta({ id: 'DecideStepRequest' });
export type DecideStepRequest = z.infer<typeof DecideStepRequest>;

/** `POST /v1/workflows/{workflowId}/tasks`: a person reports how a task they hold ended. */
export const CompleteTaskRequest = z
  .strictObject({
    stepId: StepId,
    outcome: z
      .string()
      .regex(STATE_NAME, 'expected one of the outcomes the task names')
      .meta({ description: "One of the task's outcomes (a 422 lists them)", example: 'done' }),
    comment: Comment.optional(),
    facts: z
      .strictObject({
        vendorId: RentvineRecordId.optional(),
        estimateUsd: Usd.optional(),
        deductionsUsd: Usd.optional(),
        concessionUsd: Usd.optional(),
      })
      .optional()
      .meta({ description: 'What the task established (a vendor chosen, an estimate, deductions…)' }),
  })
  .meta({ id: 'CompleteTaskRequest' });
export type CompleteTaskRequest = z.infer<typeof CompleteTaskRequest>;

/** `POST /v1/workflows/{workflowId}/signals`: staff record a resident's answer or a Rentvine fact. */
export const SignalRequest = z
  .strictObject({ signal: z.enum(WORKFLOW_SIGNALS) })
  .meta({ id: 'SignalRequest' });
export type SignalRequest = z.infer<typeof SignalRequest>;

/** `POST /v1/workflows/{workflowId}/invoices`: a vendor's invoice for the job. */
export const InvoiceRequest = z
  .strictObject({
    invoiceId: z.string().regex(OPAQUE_ID, 'expected an invoice id: letters, digits and _ . : -'),
    amountUsd: Usd,
  })
  .meta({ id: 'InvoiceRequest' });
export type InvoiceRequest = z.infer<typeof InvoiceRequest>;

// ----- response links -----

/**
 * The token as the path carries it. Any text up to the router's bounds: a token that is not one
 * of ours is answered 404 like any unknown one, never with a validation error naming its format.
 */
export const ResponseLinkPath = z.object({ token: z.string().min(1).max(4096) });

/** `GET /v1/respond/{token}`: what the link answers, without personal data. */
export const ResponseLinkView = z
  .object({
    purpose: z.enum(RESPONSE_LINK_PURPOSES),
    title: z.string().meta({ description: 'The step the link answers, e.g. the job offered' }),
    expiresAt: z.iso.datetime().meta({ description: 'The link is refused from this instant on' }),
    open: z.boolean().meta({ description: 'Whether the step still waits for this answer' }),
    decisions: z.array(z.string()).meta({ description: 'The decisions the answer may carry' }),
  })
  .meta({ id: 'ResponseLink' });
export type ResponseLinkView = z.infer<typeof ResponseLinkView>;

/**
 * `POST /v1/respond/{token}`: a vendor accepts (with a proposed time) or declines an offer; an
 * owner approves or rejects. Which members a link takes depends on its purpose (422 otherwise).
 */
export const ResponseLinkAnswerRequest = z
  .strictObject({
    decision: z.enum([...VENDOR_OFFER_DECISIONS, ...APPROVAL_DECISIONS]),
    proposedTime: z.iso
      .datetime({ offset: true })
      .optional()
      .meta({ description: 'A vendor accepting: when they propose to come' }),
    reason: z.string().max(500).optional().meta({ description: 'A vendor declining: why (optional)' }),
    comment: z.string().max(1000).optional().meta({ description: 'An owner: a comment (optional)' }),
  })
  .meta({ id: 'ResponseLinkAnswer' });
export type ResponseLinkAnswerRequest = z.infer<typeof ResponseLinkAnswerRequest>;

export const ResponseLinkAnswered = z
  .object({
    purpose: z.enum(RESPONSE_LINK_PURPOSES),
    decision: z.string(),
    recorded: z.literal(true),
  })
  .meta({ id: 'ResponseLinkAnswered' });
export type ResponseLinkAnswered = z.infer<typeof ResponseLinkAnswered>;
