import type { APIGatewayProxyResult } from 'aws-lambda';
import {
  AddedConversationMessage,
  ConversationListQuery,
  ConversationMessageRequest,
  ConversationPage,
  ConversationPath,
  ConversationSummary,
  ConversationView,
  EscalateConversationRequest,
  EscalatedConversation,
} from '#contracts/conversations.ts';
import type { Conversation } from '#domain/conversations/conversation.ts';
import type { ConversationRefusal } from '#domain/conversations/transitions.ts';
import { queueItemId } from '#domain/desk/open-item.ts';
import { type Operation, type OperationRequest, operation, principalOf } from '#platform/http/operation.ts';
import { problem } from '#platform/http/problem.ts';
import { jsonResponse } from '#platform/http/response.ts';
import { timeOrderedId } from '#platform/security/ids.ts';
import {
  type AddConversationMessageDeps,
  addConversationMessage,
} from '#usecases/add-conversation-message.ts';
import type { ConversationActor } from '#usecases/conversation-actor.ts';
import { type EscalateConversationDeps, escalateConversation } from '#usecases/escalate-conversation.ts';
import { resolveConversation } from '#usecases/resolve-conversation.ts';
import { auditContext } from './audit-context.ts';
import { conversationMessageView, conversationSummary, conversationView } from './conversation-view.ts';
import { idempotencyKey } from './idempotency-key.ts';
import { pageOf } from './listing.ts';

/** The conversation store, the queue and the org's policy (escalation), the audit trail, the clock. */
export type ConversationRouteDeps = AddConversationMessageDeps & EscalateConversationDeps;

type ConversationOperation =
  | 'listConversations'
  | 'getConversation'
  | 'addConversationMessage'
  | 'escalateConversation'
  | 'resolveConversation';

const notFound = { 404: { description: 'No such conversation in your org' } } as const;
const resolvedConflict = {
  409: {
    description: '`conversation-resolved`: a resolved conversation takes no replies, escalation or resolve',
  },
} as const;

/** The desk's conversations: read the thread, reply or note, escalate, resolve. Nothing is sent from here. */
export function conversationOperations(
  deps: ConversationRouteDeps,
): Record<ConversationOperation, Operation> {
  return {
    listConversations: operation(
      {
        summary: "List the org's conversations, newest first",
        description:
          'Filters combine with AND. A page may hold fewer than `limit` conversations and still carry `nextCursor`: follow the cursor until it is absent.',
        query: ConversationListQuery,
        responses: { 200: { description: 'One page of conversations', body: ConversationPage } },
      },
      async (request) => {
        const { limit, cursor, ...filter } = request.query;
        const page = await pageOf(() =>
          deps.conversations.list(principalOf(request).orgId, filter, {
            limit,
            ...(cursor ? { cursor } : {}),
          }),
        );
        const answer: ConversationPage = {
          conversations: page.conversations.map(conversationSummary),
          ...(page.cursor ? { nextCursor: page.cursor } : {}),
        };
        return jsonResponse(200, answer);
      },
    ),
    getConversation: operation(
      {
        summary: 'Read a conversation and its messages, oldest first',
        description:
          'A conversation resolved 7 days ago has no messages left; its summary stays (the audit trail keeps who did what).',
        params: ConversationPath,
        responses: { 200: { description: 'The conversation', body: ConversationView }, ...notFound },
      },
      async (request) => {
        const orgId = principalOf(request).orgId;
        const conversation = await deps.conversations.get(orgId, request.params.conversationId);
        // Another org's conversation is answered exactly like one that does not exist.
        if (!conversation) return problem(404, 'not-found');
        const messages = await deps.conversations.messages(
          orgId,
          conversation.conversationId,
          deps.clock.now(),
        );
        return jsonResponse(200, conversationView(conversation, messages));
      },
    ),
    addConversationMessage: operation(
      {
        summary: "Add a person's reply (outbound, not yet sent) or internal note",
        description:
          'A reply waits for the email channel (`delivery: awaiting_channel`): nothing is sent by this call. It needs a person: a key without an `agentId` may add a note, not a reply. A reply in a conversation someone else (or the AI alone) handles takes it over, audited as `conversation.taken_over`.',
        params: ConversationPath,
        body: ConversationMessageRequest,
        responses: {
          201: { description: 'Added', body: AddedConversationMessage },
          200: {
            description:
              'A retry of a request already applied (the same `Idempotency-Key`): nothing added; the conversation as it is, `Idempotent-Replayed: true`',
            body: ConversationSummary,
          },
          ...notFound,
          ...resolvedConflict,
          422: { description: '`person-required`: a reply from a key that carries no `agentId`' },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const { text, internal } = request.body;
        const who = requestOf(request);
        if ('invalid' in who) return who.invalid;
        if (!internal && !principal.agentId)
          return problem(422, 'person-required', {
            detail: "a reply is a person's words: use a key that carries an agentId (a note needs none)",
          });
        const outcome = await addConversationMessage(deps, who, {
          orgId: principal.orgId,
          conversationId: request.params.conversationId,
          messageId: timeOrderedId('msg', deps.clock.now()),
          text,
          internal,
        });
        if (outcome.kind !== 'added') return refused(outcome);
        const body: AddedConversationMessage = {
          message: conversationMessageView(outcome.message),
          ...(outcome.takenOverFrom !== undefined ? { takenOverFrom: outcome.takenOverFrom } : {}),
        };
        return jsonResponse(201, body);
      },
    ),
    escalateConversation: operation(
      {
        summary: 'Escalate a conversation: its queue item moves one level up its department',
        params: ConversationPath,
        body: EscalateConversationRequest,
        responses: {
          200: {
            description:
              'Escalated; or, for a retry of a request already applied (the same `Idempotency-Key`), the conversation as it is, `Idempotent-Replayed: true`',
            body: EscalatedConversation,
          },
          ...notFound,
          ...resolvedConflict,
        },
      },
      async (request) => {
        const who = requestOf(request);
        if ('invalid' in who) return who.invalid;
        const outcome = await escalateConversation(deps, who, {
          orgId: principalOf(request).orgId,
          conversationId: request.params.conversationId,
          reason: request.body.reason,
        });
        if (outcome.kind !== 'escalated')
          return refused(outcome, (conversation) => ({
            ...conversationSummary(conversation),
            queueItemId: queueItemId({ kind: 'conversation', conversationId: conversation.conversationId }),
          }));
        const body: EscalatedConversation = {
          ...conversationSummary(outcome.conversation),
          queueItemId: outcome.item.itemId,
          ...(outcome.item.holderRole ? { holderRole: outcome.item.holderRole } : {}),
        };
        return jsonResponse(200, body);
      },
    ),
    resolveConversation: operation(
      {
        summary: 'Resolve a conversation',
        description: 'Its queue item is done; its messages are deleted 7 days later, its summary stays.',
        params: ConversationPath,
        responses: {
          200: {
            description:
              'Resolved; or, for a retry of a request already applied (the same `Idempotency-Key`), the conversation as it is, `Idempotent-Replayed: true`',
            body: ConversationSummary,
          },
          ...notFound,
          ...resolvedConflict,
        },
      },
      async (request) => {
        const who = requestOf(request);
        if ('invalid' in who) return who.invalid;
        const outcome = await resolveConversation(deps, who, {
          orgId: principalOf(request).orgId,
          conversationId: request.params.conversationId,
        });
        if (outcome.kind !== 'resolved') return refused(outcome);
        return jsonResponse(200, conversationSummary(outcome.conversation));
      },
    ),
  };
}

/**
 * A refusal as its problem; a retried request (its Idempotency-Key seen before) changed nothing
 * more: 200 with the conversation as it is now (`replay` shapes it as the route answers).
 */
function refused(
  outcome:
    | { kind: 'not_found' }
    | { kind: 'refused'; reason: ConversationRefusal }
    | { kind: 'duplicate'; conversation: Conversation },
  replay: (conversation: Conversation) => object = conversationSummary,
) {
  if (outcome.kind === 'not_found') return problem(404, 'not-found');
  if (outcome.kind === 'duplicate')
    return jsonResponse(200, replay(outcome.conversation), { 'idempotent-replayed': 'true' });
  return problem(409, 'conversation-resolved', { detail: 'the conversation is resolved' });
}

/**
 * Who acts, from where (the audit line's, functions/api/audit-context.ts), and which request this
 * is: the key and its `Idempotency-Key`, when sent, so a retry applies once.
 */
function requestOf(
  request: Pick<OperationRequest, 'principal' | 'event'>,
): ConversationActor | { invalid: APIGatewayProxyResult } {
  const key = idempotencyKey(request);
  if (key.invalid) return { invalid: key.invalid };
  const { actor, from } = auditContext(request);
  return {
    actor,
    ...(from ? { from } : {}),
    ...(key.value ? { requestId: `api:${actor.keyId}:${key.value}` } : {}),
  };
}
