import { messagesTtlOwed } from '#domain/conversations/retention.ts';
import { autoResolve } from '#domain/conversations/transitions.ts';
import { type ConversationDeps, changeConversation } from './change-conversation.ts';
import { afterResolve, type ResolveConversationDeps } from './resolve-conversation.ts';

/** One sweep reads at most this many pages of due conversations (the next minute's sweep goes on). */
const MAX_PAGES = 20;
const PAGE = 100;

export interface ConversationSweep {
  /** Due entries read. */
  readonly due: number;
  readonly resolved: number;
  /** Conversations whose messages' TTL a crashed write left owed, settled now. */
  readonly settled: number;
}

const SWEEPER = { actor: { kind: 'system', name: 'sweeper' } } as const;

/**
 * Resolves every conversation 24 h without activity (the due index, family `conversation`, holds
 * each unresolved one at its last activity + 24 h): a system line says why, its queue item is
 * done, the audit says the sweeper did it. An entry whose conversation moved since is left be.
 * It also settles what a write that changed the status did not finish (it crashed before marking
 * the messages): resolved, they get their TTL; reopened, it is lifted — so no message is kept
 * forever, nor deleted under an open conversation.
 */
export async function sweepConversations(
  deps: ConversationDeps & ResolveConversationDeps,
  at: Date,
): Promise<ConversationSweep> {
  let due = 0;
  let resolved = 0;
  let settled = 0;
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const found = await deps.conversations.due(
      at,
      cursor === undefined ? { limit: PAGE } : { limit: PAGE, cursor },
    );
    due += found.due.length;
    for (const entry of found.due) {
      const outcome = await changeConversation(deps, entry.orgId, entry.id, (conversation) =>
        autoResolve(conversation, at),
      );
      if (outcome.kind === 'unchanged' && messagesTtlOwed(outcome.conversation)) {
        await deps.conversations.settleMessagesTtl(entry.orgId, entry.id, at);
        settled += 1;
      }
      if (outcome.kind !== 'changed') continue;
      await afterResolve(deps, SWEEPER, outcome.before, outcome.change.conversation);
      resolved += 1;
    }
    cursor = found.cursor;
    if (cursor === undefined) break;
  }
  return { due, resolved, settled };
}
