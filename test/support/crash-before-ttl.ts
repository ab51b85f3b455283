import type { ConversationStore } from '#domain/conversations/ports.ts';

/**
 * The store's next `times` TTL writes fail, as a process dying between the status change and the
 * write would leave them: not run. The writes after go through as before.
 */
export function crashBeforeTtl(store: ConversationStore, times = 1): void {
  const settle = store.settleMessagesTtl.bind(store);
  let left = times;
  store.settleMessagesTtl = async (orgId, conversationId, now) => {
    if (left > 0) {
      left -= 1;
      throw new Error('crashed before the TTL write');
    }
    await settle(orgId, conversationId, now);
  };
}
