import type { APIGatewayProxyResult } from 'aws-lambda';
import {
  AssignQueueItemRequest,
  QueueItemPath,
  QueueItemView,
  QueueListing,
  QueueListQuery,
  TransferQueueItemRequest,
} from '#contracts/queue.ts';
import { byPriority } from '#domain/desk/priority.ts';
import type { QueueRefusal } from '#domain/desk/transitions.ts';
import { type Operation, type OperationRequest, operation, principalOf } from '#platform/http/operation.ts';
import { type ProblemSlug, problem } from '#platform/http/problem.ts';
import { jsonResponse } from '#platform/http/response.ts';
import {
  type AuditedQueueDeps,
  assignQueueItem,
  type QueueCommandBy,
  type QueueCommandResult,
} from '#usecases/assign-queue-item.ts';
import { closeFinishedSteps } from '#usecases/close-finished-steps.ts';
import { transferQueueItem } from '#usecases/transfer-queue-item.ts';
import { auditContext } from './audit-context.ts';
import { queueItemView } from './queue-view.ts';

/** The queue store, the agent directory, the org's settings, the workflows, notices and the audit trail. */
export type QueueRouteDeps = AuditedQueueDeps;

type QueueOperation = 'listQueue' | 'assignQueueItem' | 'transferQueueItem';

/** Every refusal of a queue transition, as one stable problem. */
const REFUSALS: Readonly<Record<QueueRefusal, { status: number; slug: ProblemSlug }>> = {
  done: { status: 409, slug: 'queue-item-done' },
  unknown_agent: { status: 422, slug: 'unknown-agent' },
  not_assignee: { status: 403, slug: 'forbidden' },
};

const handOverResponses = {
  200: { description: 'The item now', body: QueueItemView },
  404: { description: 'No such queue item in your org' },
  409: { description: '`queue-item-done`: the item is finished' },
  422: { description: '`unknown-agent`: the org has no such agent; or a field failing its schema' },
} as const;

/** The queue routes: the org's open work in priority order, and assigning or transferring an item. */
export function queueOperations(deps: QueueRouteDeps): Record<QueueOperation, Operation> {
  return {
    listQueue: operation(
      {
        summary: "List the org's open queue items in priority order",
        description:
          "Urgency first (emergency, high, medium, low), then the oldest first. `mine=true` lists the items assigned to the caller's agent: a key without an `agentId` is answered 422. An item whose workflow step was decided or left is done and not listed.",
        query: QueueListQuery,
        responses: {
          200: { description: 'The open items', body: QueueListing },
          422: {
            description: '`mine=true` from a key that carries no `agentId`, or a query failing its schema',
          },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const { mine, status } = request.query;
        if (mine && principal.agentId === undefined)
          return problem(422, 'validation', {
            detail: 'mine=true lists the items of the key’s agent: this key carries no agentId',
          });
        const listed = await deps.queue.listOpen(principal.orgId, {
          ...(status ? { status: status as 'queued' | 'assigned' | 'in_progress' } : {}),
          ...(mine && principal.agentId ? { assignee: principal.agentId } : {}),
        });
        const open = await closeFinishedSteps(deps, listed);
        const answer: QueueListing = { items: byPriority(open).map(queueItemView) };
        return jsonResponse(200, answer);
      },
    ),
    assignQueueItem: operation(
      {
        summary: 'Assign a queue item to an agent',
        description:
          'Any agent of the org, whatever their status or shift (a person decided). The agent must answer within the urgency’s SLA or the item escalates. Audited (`queue.assigned`).',
        params: QueueItemPath,
        body: AssignQueueItemRequest,
        responses: handOverResponses,
      },
      async (request) => {
        const principal = principalOf(request);
        const result = await assignQueueItem(deps, {
          orgId: principal.orgId,
          itemId: request.params.itemId,
          agentId: request.body.agentId,
          by: commandBy(request),
        });
        return answered(result);
      },
    ),
    transferQueueItem: operation(
      {
        summary: 'Transfer a queue item to an agent, or back to the queue needing another skill',
        description:
          '`{agentId, note}` hands it to that agent; `{skill, note}` puts it back in the queue needing that skill, where it is offered to an agent with it at once. The note stays in the history. Audited (`queue.transferred`).',
        params: QueueItemPath,
        body: TransferQueueItemRequest,
        responses: handOverResponses,
      },
      async (request) => {
        const principal = principalOf(request);
        const { note, ...to } = request.body;
        const result = await transferQueueItem(deps, {
          orgId: principal.orgId,
          itemId: request.params.itemId,
          to: 'agentId' in to ? { agentId: to.agentId } : { skill: to.skill },
          note,
          by: commandBy(request),
        });
        return answered(result);
      },
    ),
  };
}

function answered(result: QueueCommandResult): APIGatewayProxyResult {
  switch (result.outcome) {
    case 'not_found':
      // Another org's item is answered exactly like one that does not exist.
      return problem(404, 'not-found');
    case 'refused': {
      const { status, slug } = REFUSALS[result.reason];
      return problem(status, slug, { detail: result.detail });
    }
    default:
      return jsonResponse(200, queueItemView(result.item));
  }
}

/** The acting key, its person, and where the request came from, as the audit trail records them. */
function commandBy(request: Pick<OperationRequest, 'principal' | 'event'>): QueueCommandBy {
  const { actor, from } = auditContext(request);
  return { actor, ...(from ? { from } : {}) };
}
