import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Conversation, ConversationMessage } from '#domain/conversations/conversation.ts';
import type { ConversationFilter, ConversationPage, ConversationStore } from '#domain/conversations/ports.ts';
import { isExpired, messagesExpireAt, messagesTtlOwed } from '#domain/conversations/retention.ts';
import {
  conversationItem,
  conversationKeys,
  messageItem,
  messageOf,
  ttlSeconds,
} from './conversation-item.ts';
import { documentClient, isConditionFailure } from './document-client.ts';
import { readDue } from './due-index.ts';
import { keys, withoutKeys } from './keys.ts';
import { readListingPage } from './listing-page.ts';
import { putOnVersion } from './versioned-put.ts';
import { type TransactItem, writeTogether } from './write-together.ts';

type Key = Record<string, unknown>;

/** A thread longer than this many pages of messages is read no further (a page is up to 1 MB). */
const MAX_MESSAGE_PAGES = 20;

/** Status changes racing a settlement: each is followed by marking the messages again; a handful is plenty. */
const SETTLE_ATTEMPTS = 5;

/**
 * Conversations and their messages on the main table (layout: conversation-item.ts). A write is
 * the conversation's put, conditional on its version, with the puts of the messages it adds
 * (each only if absent), in one transaction.
 */
export class DynamoConversationStore implements ConversationStore {
  constructor(private readonly tableName: string) {}

  async create(
    conversation: Conversation,
    messages: readonly ConversationMessage[],
  ): Promise<'created' | 'exists'> {
    const written = await writeTogether([
      {
        Put: {
          TableName: this.tableName,
          Item: conversationItem(conversation),
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      ...messages.map((message) => this.messagePut(message)),
    ]);
    if (written === 'contended')
      throw new Error(`conversation ${conversation.conversationId}: another write of it is in progress`);
    return written === 'written' ? 'created' : 'exists';
  }

  async get(orgId: string, conversationId: string): Promise<Conversation | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({
        TableName: this.tableName,
        Key: conversationKeys.conversation(orgId, conversationId),
        ConsistentRead: true,
      }),
    );
    return Item ? withoutKeys<Conversation>(Item) : undefined;
  }

  async save(
    next: Conversation,
    expectedVersion: number,
    added: readonly ConversationMessage[],
  ): Promise<'saved' | 'conflict'> {
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.tableName,
          Item: conversationItem(next),
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':expected': expectedVersion },
        },
      },
      ...added.map((message) => this.messagePut(message)),
    ];
    // Contended or a condition failed: either way, re-reading and applying again is safe.
    return (await writeTogether(items)) === 'written' ? 'saved' : 'conflict';
  }

  async settleMessagesTtl(orgId: string, conversationId: string, now: Date): Promise<void> {
    let conversation = await this.get(orgId, conversationId);
    if (!conversation || !messagesTtlOwed(conversation)) return;
    for (let attempt = 0; attempt < SETTLE_ATTEMPTS; attempt += 1) {
      const expiresAt = messagesExpireAt(conversation);
      await this.markMessages(orgId, conversationId, expiresAt, now);
      // A write since may have changed the status, and its own marking may have run before ours:
      // marked again for the stored one above; recorded already if it owes nothing.
      if (!messagesTtlOwed(conversation)) return;
      // Recorded on the version read, one up: a writer that read before this conflicts and reads
      // again, rather than saving over the record (and its messages keeping a TTL it lost).
      const { messagesTtl: _owed, ...rest } = conversation;
      const settled = {
        ...(expiresAt === undefined ? rest : { ...rest, messagesTtl: expiresAt }),
        version: conversation.version + 1,
      };
      if ((await putOnVersion(this.tableName, conversationItem(settled), conversation.version)) === 'saved')
        return;
      conversation = await this.get(orgId, conversationId);
      if (!conversation) return;
    }
    throw new Error(
      `conversation ${conversationId}: its messages' TTL still contended after ${SETTLE_ATTEMPTS} attempts`,
    );
  }

  /** Each message's TTL set to `expiresAt`, or (undefined) lifted from those not yet expired at `now`. */
  private async markMessages(
    orgId: string,
    conversationId: string,
    expiresAt: string | undefined,
    now: Date,
  ): Promise<void> {
    for (const item of await this.messageItems(orgId, conversationId)) {
      const key = { PK: item.PK, SK: item.SK };
      try {
        await documentClient().send(
          new UpdateCommand(
            expiresAt === undefined
              ? {
                  TableName: this.tableName,
                  Key: key,
                  // A message already expired stays expired: reopening does not bring it back.
                  UpdateExpression: 'REMOVE expiresAt',
                  ConditionExpression: 'attribute_exists(PK) AND expiresAt > :now',
                  ExpressionAttributeValues: { ':now': Math.floor(now.getTime() / 1000) },
                }
              : {
                  TableName: this.tableName,
                  Key: key,
                  UpdateExpression: 'SET expiresAt = :at',
                  ConditionExpression: 'attribute_exists(PK)',
                  ExpressionAttributeValues: { ':at': ttlSeconds(expiresAt) },
                },
          ),
        );
      } catch (error) {
        // Gone already (deleted by its TTL), or nothing to lift.
        if (!isConditionFailure(error)) throw error;
      }
    }
  }

  async messages(orgId: string, conversationId: string, now: Date): Promise<readonly ConversationMessage[]> {
    const conversation = await this.get(orgId, conversationId);
    if (!conversation || isExpired(messagesExpireAt(conversation), now)) return [];
    return (await this.messageItems(orgId, conversationId))
      .map(messageOf)
      .filter((message) => !isExpired(message.expiresAt, now));
  }

  async list(
    orgId: string,
    filter: ConversationFilter,
    page: { limit: number; cursor?: string },
  ): Promise<ConversationPage> {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':pk': conversationKeys.listing(orgId) };
    const filters: string[] = [];
    for (const name of ['status', 'assignee'] as const) {
      if (filter[name] === undefined) continue;
      names[`#${name}`] = name;
      values[`:${name}`] = filter[name];
      filters.push(`#${name} = :${name}`);
    }
    const accepts = (key: Key) => {
      const { PK, SK, GSI1PK, GSI1SK, ...extra } = key;
      return (
        Object.keys(extra).length === 0 &&
        PK === keys.org(orgId) &&
        typeof SK === 'string' &&
        SK.startsWith('CONV#') &&
        GSI1PK === values[':pk'] &&
        typeof GSI1SK === 'string'
      );
    };
    const { items, cursor } = await readListingPage(
      {
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ScanIndexForward: false,
        ...(filters.length > 0
          ? { FilterExpression: filters.join(' AND '), ExpressionAttributeNames: names }
          : {}),
        ExpressionAttributeValues: values,
      },
      { ...page, accepts, map: withoutKeys<Conversation> },
    );
    return cursor ? { conversations: items, cursor } : { conversations: items };
  }

  async due(at: Date, page: { limit: number; cursor?: string }) {
    const { due, cursor } = await readDue(this.tableName, 'conversation', at, page);
    return cursor ? { due, cursor } : { due };
  }

  private messagePut(message: ConversationMessage): TransactItem {
    return {
      Put: {
        TableName: this.tableName,
        Item: messageItem(message),
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    };
  }

  /** The thread's message items, oldest first (their sort keys start with the instant). */
  private async messageItems(orgId: string, conversationId: string): Promise<Key[]> {
    const found: Key[] = [];
    let start: Key | undefined;
    for (let page = 0; page < MAX_MESSAGE_PAGES; page += 1) {
      const answer = await documentClient().send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: {
            ':pk': keys.org(orgId),
            ':prefix': conversationKeys.messagePrefix(conversationId),
          },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      found.push(...(answer.Items ?? []));
      start = answer.LastEvaluatedKey;
      if (!start) return found;
    }
    throw new Error(`conversation ${conversationId} has more messages than ${MAX_MESSAGE_PAGES} pages hold`);
  }
}
