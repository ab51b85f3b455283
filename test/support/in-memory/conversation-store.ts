import type { Conversation, ConversationMessage } from '#domain/conversations/conversation.ts';
import type { ConversationFilter, ConversationPage, ConversationStore } from '#domain/conversations/ports.ts';
import {
  conversationDueAt,
  isExpired,
  messagesExpireAt,
  messagesTtlOwed,
} from '#domain/conversations/retention.ts';
import { InvalidCursorError } from '#domain/inbox/stored-event.ts';
import { copy, rowKey } from './rows.ts';

type Page = { limit: number; cursor?: string };

/**
 * The in-memory twin of DynamoConversationStore (test/integration/contracts proves them alike):
 * messages keep their TTL as the table does, in whole seconds rounded up, and are dropped from
 * reads once past it, as if DynamoDB had not deleted them yet.
 */
export class InMemoryConversationStore implements ConversationStore {
  readonly #conversations = new Map<string, Conversation>();
  /** By conversation, each message by its sort key (`<at>#<messageId>`). */
  readonly #messages = new Map<string, Map<string, ConversationMessage>>();

  async create(
    conversation: Conversation,
    messages: readonly ConversationMessage[],
  ): Promise<'created' | 'exists'> {
    const key = rowKey(conversation.orgId, conversation.conversationId);
    if (this.#conversations.has(key) || messages.some((m) => this.thread(m).has(sortKey(m)))) return 'exists';
    this.#conversations.set(key, copy(conversation));
    for (const message of messages) this.thread(message).set(sortKey(message), stored(message));
    return 'created';
  }

  async get(orgId: string, conversationId: string): Promise<Conversation | undefined> {
    const found = this.#conversations.get(rowKey(orgId, conversationId));
    return found ? copy(found) : undefined;
  }

  async save(
    next: Conversation,
    expectedVersion: number,
    added: readonly ConversationMessage[],
  ): Promise<'saved' | 'conflict'> {
    const key = rowKey(next.orgId, next.conversationId);
    if (this.#conversations.get(key)?.version !== expectedVersion) return 'conflict';
    if (added.some((m) => this.thread(m).has(sortKey(m)))) return 'conflict';
    this.#conversations.set(key, copy(next));
    for (const message of added) this.thread(message).set(sortKey(message), stored(message));
    return 'saved';
  }

  async settleMessagesTtl(orgId: string, conversationId: string, now: Date): Promise<void> {
    const key = rowKey(orgId, conversationId);
    const conversation = this.#conversations.get(key);
    if (!conversation || !messagesTtlOwed(conversation)) return;
    const expiresAt = messagesExpireAt(conversation);
    const thread = this.#messages.get(key);
    for (const [at, message] of thread ?? []) {
      if (expiresAt !== undefined) thread?.set(at, stored({ ...message, expiresAt }));
      else if (message.expiresAt !== undefined && !isExpired(message.expiresAt, now)) {
        const { expiresAt: _lifted, ...kept } = message;
        thread?.set(at, kept);
      }
    }
    // One version up, as the table's: a writer that read before the settlement conflicts.
    const { messagesTtl: _owed, ...rest } = conversation;
    const settled = expiresAt === undefined ? rest : { ...rest, messagesTtl: expiresAt };
    this.#conversations.set(key, { ...settled, version: conversation.version + 1 });
  }

  async messages(orgId: string, conversationId: string, now: Date): Promise<readonly ConversationMessage[]> {
    const conversation = this.#conversations.get(rowKey(orgId, conversationId));
    if (!conversation || isExpired(messagesExpireAt(conversation), now)) return [];
    return [...(this.#messages.get(rowKey(orgId, conversationId)) ?? [])]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, message]) => copy(message))
      .filter((message) => !isExpired(message.expiresAt, now));
  }

  async list(orgId: string, filter: ConversationFilter, page: Page): Promise<ConversationPage> {
    const listed = [...this.#conversations.values()]
      .filter(
        (c) =>
          c.orgId === orgId &&
          (filter.status === undefined || c.status === filter.status) &&
          (filter.assignee === undefined || c.assignee === filter.assignee),
      )
      .map((c) => ({ key: `${c.createdAt}#${c.conversationId}`, conversation: c }))
      .sort((a, b) => (a.key < b.key ? 1 : -1));
    const after = page.cursor === undefined ? undefined : positionIn(page.cursor, orgId);
    const rest = after === undefined ? listed : listed.filter((entry) => entry.key < after);
    const taken = rest.slice(0, page.limit);
    const last = taken.at(-1);
    const conversations = taken.map((entry) => copy(entry.conversation));
    return rest.length > taken.length && last
      ? { conversations, cursor: cursorOf(orgId, last.key) }
      : { conversations };
  }

  async due(at: Date, page: Page) {
    const upTo = at.toISOString();
    const index = [...this.#conversations.values()]
      .flatMap((c) => {
        const dueAt = conversationDueAt(c);
        return dueAt && dueAt <= upTo
          ? [
              {
                key: `${dueAt}#${c.orgId}#${c.conversationId}`,
                entry: { orgId: c.orgId, id: c.conversationId, dueAt },
              },
            ]
          : [];
      })
      .sort((a, b) => (a.key < b.key ? -1 : 1));
    const scope = `due@${upTo}`;
    const after = page.cursor === undefined ? undefined : positionIn(page.cursor, scope);
    const rest = after === undefined ? index : index.filter((item) => item.key > after);
    const taken = rest.slice(0, page.limit);
    const last = taken.at(-1);
    const due = taken.map((item) => item.entry);
    return rest.length > taken.length && last ? { due, cursor: cursorOf(scope, last.key) } : { due };
  }

  private thread(message: Pick<ConversationMessage, 'orgId' | 'conversationId'>) {
    const key = rowKey(message.orgId, message.conversationId);
    const thread = this.#messages.get(key) ?? new Map<string, ConversationMessage>();
    this.#messages.set(key, thread);
    return thread;
  }
}

function sortKey(message: ConversationMessage): string {
  return `${message.at}#${message.messageId}`;
}

/** As the table keeps it: a copy, its TTL in whole seconds rounded up. */
function stored(message: ConversationMessage): ConversationMessage {
  const kept = copy(message);
  return message.expiresAt === undefined
    ? kept
    : { ...kept, expiresAt: new Date(Math.ceil(Date.parse(message.expiresAt) / 1000) * 1000).toISOString() };
}

/** A cursor is the last key returned, bound to its listing (the org's, or one sweep instant's). */
function cursorOf(scope: string, key: string): string {
  return Buffer.from(`${scope}|${key}`).toString('base64url');
}

function positionIn(cursor: string, scope: string): string {
  const [issuedFor, position] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (issuedFor !== scope || !position) throw new InvalidCursorError();
  return position;
}
