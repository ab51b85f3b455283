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
}

const SWEEPER = { actor: { kind: 'system', name: 'sweeper' } } as const;

/**
 * Resolves every conversation 24 h without activity (the due index, family `conversation`, holds
 * each unresolved one at its last activity + 24 h): a system line says why, its queue item is
 * done, the audit says the sweeper did it. An entry whose conversation moved since is left be.
 */
export async function sweepConversations(
  deps: ConversationDeps & ResolveConversationDeps,
  at: Date,
): Promise<ConversationSweep> {
  let due = 0;
  let resolved = 0;
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
      if (outcome.kind !== 'changed') continue;
      await afterResolve(deps, SWEEPER, outcome.before, outcome.change.conversation);
      resolved += 1;
    }
    cursor = found.cursor;
    if (cursor === undefined) break;
  }
  return { due, resolved };
}
