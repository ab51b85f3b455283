import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyResult } from 'aws-lambda';
import {
  ApprovalListQuery,
  ApprovalPage,
  CompleteTaskRequest,
  DecideStepRequest,
  InvoiceRequest,
  SignalRequest,
  StartWorkflowRequest,
  WorkflowListQuery,
  WorkflowPage,
  WorkflowPath,
  WorkflowUnchanged,
  WorkflowView,
} from '#contracts/workflows.ts';
import type { Principal } from '#domain/access/principal.ts';
import type { Refusal } from '#domain/workflow/transition.ts';
import type { Actor, WorkflowFacts, WorkflowInput } from '#domain/workflow/workflow.ts';
import { type Operation, type OperationRequest, operation, principalOf } from '#platform/http/operation.ts';
import { type ProblemSlug, problem } from '#platform/http/problem.ts';
import { jsonResponse } from '#platform/http/response.ts';
import { stableId, timeOrderedId } from '#platform/security/ids.ts';
import {
  type AdvanceOutcome,
  type AdvanceWorkflowDeps,
  advanceWorkflow,
} from '#usecases/advance-workflow.ts';
import { type BeginWorkflowDeps, beginWorkflow } from '#usecases/start-workflow.ts';
import { type AuditDeps, recordAudit } from './audit-context.ts';
import { idempotencyKey } from './idempotency-key.ts';
import { pageOf } from './listing.ts';
import { unlessBusy } from './workflow-busy.ts';
import { workflowSummary, workflowView } from './workflow-view.ts';

/**
 * The store, the org's policy and the workflow queue; the synced records a manual repair is
 * started with; the desk's queue, where a decided step's item is closed at once.
 */
export type WorkflowRouteDeps = BeginWorkflowDeps & Pick<AdvanceWorkflowDeps, 'desk'>;

type WorkflowOperation =
  | 'listWorkflows'
  | 'getWorkflow'
  | 'startWorkflow'
  | 'listApprovals'
  | 'decideWorkflowStep'
  | 'completeWorkflowTask'
  | 'signalWorkflow'
  | 'recordInvoice';

/** Every refusal of the engine, as one stable problem. */
export const REFUSAL_PROBLEMS: Readonly<Record<Refusal, { status: number; slug: ProblemSlug }>> = {
  closed: { status: 409, slug: 'workflow-closed' },
  not_waiting: { status: 409, slug: 'step-not-waiting' },
  already_decided: { status: 409, slug: 'already-decided' },
  not_your_step: { status: 403, slug: 'not-your-step' },
  own_request: { status: 403, slug: 'own-request' },
  invalid_outcome: { status: 422, slug: 'invalid-outcome' },
  missing_fact: { status: 422, slug: 'missing-fact' },
  not_applicable: { status: 422, slug: 'not-applicable' },
  offer_expired: { status: 410, slug: 'offer-expired' },
};

const refusalResponses = {
  403: { description: '`not-your-step`: the step waits on another role; `own-request`: you asked for it' },
  404: { description: 'No such workflow in your org' },
  409: {
    description:
      '`workflow-closed`, `step-not-waiting` (the step moved on), or `already-decided` (you decided this step)',
  },
  422: { description: '`invalid-outcome`, `missing-fact`, `not-applicable`, or a field failing its schema' },
} as const;

const inputResponses = {
  200: {
    description: 'Applied (or applied before with the same Idempotency-Key): the workflow now',
    body: WorkflowView,
  },
  202: { description: 'Nothing waited for it: the workflow as it stands, and why', body: WorkflowUnchanged },
  ...refusalResponses,
} as const;

const idempotencyNote =
  'Send `Idempotency-Key` to make a retry safe: the same key from the same API key is applied once (the retry answers 200 with the workflow).';

/** The workflow routes: read, start, and the inputs people give a workflow. */
export function workflowOperations(
  deps: WorkflowRouteDeps,
  audit: AuditDeps,
): Record<WorkflowOperation, Operation> {
  const advance = async (
    request: OperationRequest<{ workflowId: string }, unknown, unknown>,
    input: WorkflowInput,
  ): Promise<APIGatewayProxyResult> => {
    const principal = principalOf(request);
    const key = idempotencyKey(request);
    if (key.invalid) return key.invalid;
    const outcome = await unlessBusy(
      advanceWorkflow(deps, {
        orgId: principal.orgId,
        workflowId: request.params.workflowId,
        inputId: `api:${principal.keyId}:${key.value ?? randomUUID()}`,
        input,
        actor: personOf(principal),
      }),
    );
    // An approval decided is audited when it was applied: not a refusal, nor a repeat.
    if (input.kind === 'decide' && outcome.outcome === 'applied')
      await recordAudit(audit, request, {
        action: 'approval.decided',
        target: { kind: 'workflow', id: request.params.workflowId },
        before: { state: outcome.before.state },
        after: { stepId: input.stepId, decision: input.decision, state: outcome.workflow.state },
        ...(input.comment ? { note: input.comment } : {}),
      });
    return advanced(outcome);
  };

  return {
    listWorkflows: operation(
      {
        summary: "List the org's workflows, newest first",
        description:
          'Filters combine with AND. A page may hold fewer than `limit` workflows and still carry `nextCursor`: follow the cursor until it is absent.',
        query: WorkflowListQuery,
        responses: { 200: { description: 'One page of workflows', body: WorkflowPage } },
      },
      async (request) => {
        const { limit, cursor, ...filter } = request.query;
        const page = await pageOf(() =>
          deps.workflows.list(principalOf(request).orgId, filter, { limit, ...(cursor ? { cursor } : {}) }),
        );
        const answer: WorkflowPage = {
          workflows: page.workflows.map(workflowSummary),
          ...(page.cursor ? { nextCursor: page.cursor } : {}),
        };
        return jsonResponse(200, answer);
      },
    ),
    getWorkflow: operation(
      {
        summary: 'Read a workflow: where it stands, the step it waits on, and its history',
        params: WorkflowPath,
        responses: {
          200: { description: 'The workflow', body: WorkflowView },
          404: { description: 'No such workflow in your org' },
        },
      },
      async (request) => {
        const workflow = await deps.workflows.get(principalOf(request).orgId, request.params.workflowId);
        // Another org's workflow is answered exactly like one that does not exist.
        return workflow ? jsonResponse(200, workflowView(workflow)) : problem(404, 'not-found');
      },
    ),
    startWorkflow: operation(
      {
        summary: 'Start a workflow by hand',
        description:
          'The caller is its requester (who never approves it). Send `Idempotency-Key` to make a retry safe: the same key from the same API key starts one workflow, and a retry answers 200 with it.',
        body: StartWorkflowRequest,
        responses: {
          201: { description: 'Started: Location names it', body: WorkflowView },
          200: {
            description: 'Started before with the same Idempotency-Key: that workflow',
            body: WorkflowView,
          },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const key = idempotencyKey(request);
        if (key.invalid) return key.invalid;
        const now = deps.clock.now();
        const workflowId = key.value
          ? stableId('wf', principal.orgId, 'api', principal.keyId, key.value)
          : timeOrderedId('wf', now);
        const { type, urgency, facts } = request.body;
        const requestedBy = personOf(principal);
        const started = await beginWorkflow(deps, {
          orgId: principal.orgId,
          workflowId,
          type,
          urgency: urgency ?? (type === 'maintenance_emergency' ? 'emergency' : 'medium'),
          source: { kind: 'manual' },
          requestedBy,
          facts: manualFacts(facts),
          reason: `started by hand by ${requestedBy.personId}`,
        });
        const view = workflowView(started.workflow);
        return started.outcome === 'created'
          ? jsonResponse(201, view, { location: `/v1/workflows/${workflowId}` })
          : jsonResponse(200, view);
      },
    ),
    listApprovals: operation(
      {
        summary: "The approvals waiting on your key's role, the oldest deadline first",
        description:
          'Approvals wait on roles: a key without a `role` gets an empty list and a `note` saying so. An approval a higher role may also sign is listed for its holder only.',
        query: ApprovalListQuery,
        responses: { 200: { description: 'One page of approvals', body: ApprovalPage } },
      },
      async (request) => {
        const principal = principalOf(request);
        if (!principal.role) {
          const none: ApprovalPage = {
            approvals: [],
            note: 'this key has no role: approvals wait on roles, so none is listed (issue a key with --role)',
          };
          return jsonResponse(200, none);
        }
        const { limit, cursor } = request.query;
        const page = await pageOf(() =>
          deps.workflows.waitingOn(principal.orgId, principal.role as NonNullable<Principal['role']>, {
            limit,
            ...(cursor ? { cursor } : {}),
          }),
        );
        const answer: ApprovalPage = {
          approvals: page.workflows.map(workflowSummary),
          ...(page.cursor ? { nextCursor: page.cursor } : {}),
        };
        return jsonResponse(200, answer);
      },
    ),
    decideWorkflowStep: operation(
      {
        summary: 'Approve or reject the step a workflow waits on',
        description: `By a person whose role holds the step (or a higher role of its chain whose limit covers the amount); never by its requester, and once per person. A rejection follows the definition's reject path. ${idempotencyNote}`,
        params: WorkflowPath,
        body: DecideStepRequest,
        responses: inputResponses,
      },
      async (request) =>
        advance(request, {
          kind: 'decide',
          stepId: request.body.stepId,
          decision: request.body.decision,
          ...(request.body.comment ? { comment: request.body.comment } : {}),
        }),
    ),
    completeWorkflowTask: operation(
      {
        summary: 'Report how a task the workflow waits on ended',
        description: `One of the task's outcomes (a 422 lists them), with what it established. ${idempotencyNote}`,
        params: WorkflowPath,
        body: CompleteTaskRequest,
        responses: inputResponses,
      },
      async (request) => {
        const { stepId, outcome, comment, facts } = request.body;
        return advance(request, {
          kind: 'complete_task',
          stepId,
          outcome,
          ...(comment ? { comment } : {}),
          ...(facts && Object.keys(facts).length > 0 ? { facts: definedOnly(facts) } : {}),
        });
      },
    ),
    signalWorkflow: operation(
      {
        summary: "Record a resident's answer or a Rentvine fact the workflow may wait for",
        description: `A signal no step waits for changes nothing (202 with a note). ${idempotencyNote}`,
        params: WorkflowPath,
        body: SignalRequest,
        responses: inputResponses,
      },
      async (request) => advance(request, { kind: 'signal', signal: request.body.signal }),
    ),
    recordInvoice: operation(
      {
        summary: "Record a vendor's invoice for the job",
        description: `Above the approved amount it starts a \`vendor_invoice\` approval; within it, accounting is told. ${idempotencyNote}`,
        params: WorkflowPath,
        body: InvoiceRequest,
        responses: inputResponses,
      },
      async (request) =>
        advance(request, {
          kind: 'invoice',
          invoiceId: request.body.invoiceId,
          amountUsd: request.body.amountUsd,
        }),
    ),
  };
}

/** An engine outcome as the API answers it. */
export function advanced(outcome: AdvanceOutcome): APIGatewayProxyResult {
  switch (outcome.outcome) {
    case 'not_found':
      return problem(404, 'not-found');
    case 'refused': {
      const { status, slug } = REFUSAL_PROBLEMS[outcome.refusal];
      return problem(status, slug, { detail: outcome.message });
    }
    case 'ignored': {
      const body: WorkflowUnchanged = { ...workflowView(outcome.workflow), note: outcome.why };
      return jsonResponse(202, body);
    }
    case 'duplicate':
    case 'applied':
      return jsonResponse(200, workflowView(outcome.workflow));
  }
}

/** The caller as the workflow records a person: their agent id (else the key id), key and role. */
export function personOf(principal: Principal): Extract<Actor, { kind: 'person' }> {
  return {
    kind: 'person',
    personId: principal.agentId ?? principal.keyId,
    keyId: principal.keyId,
    ...(principal.role ? { role: principal.role } : {}),
  };
}

function manualFacts(facts: StartWorkflowRequest['facts']): WorkflowFacts {
  return definedOnly(facts) as WorkflowFacts;
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
