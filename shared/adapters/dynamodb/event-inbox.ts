import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { EventInbox, EventQuery } from '#domain/inbox/ports.ts';
import { InvalidCursorError, type StoredEvent } from '#domain/inbox/stored-event.ts';
import { outboxEntry } from '#domain/messaging/outbox.ts';
import { documentClient, isConditionFailure, putUnlessPresent } from './document-client.ts';
import { keys, withoutKeys } from './keys.ts';
import { OUTBOX_REMOVE, outboxAttributes, outboxSet } from './outbox-attributes.ts';

export class DynamoEventInbox implements EventInbox {
  constructor(private readonly tableName: string) {}

  async store(event: StoredEvent) {
    const item = {
      ...keys.event(event.orgId, event.eventId),
      ...keys.listing(event.orgId, 'EVENTS', event.receivedAt, event.eventId),
      ...(event.status === 'received'
        ? outboxAttributes(
            eventsEntry(event.orgId, event.eventId, event.attempt ?? 0),
            event.orgId,
            event.eventId,
            event.receivedAt,
          )
        : {}),
      ...event,
    };
    return putUnlessPresent(this.tableName, item, () => this.get(event.orgId, event.eventId));
  }

  async reopen(orgId: string, eventId: string, at: string): Promise<number | undefined> {
    const current = await this.get(orgId, eventId);
    if (!current) return undefined;
    if (current.status === 'received') return current.attempt ?? 0;
    const attempt = (current.attempt ?? 0) + 1;
    const outbox = outboxSet(eventsEntry(orgId, eventId, attempt), orgId, eventId, at);
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.event(orgId, eventId),
          UpdateExpression: `SET #status = :received, attempt = :attempt, reopenedAt = :at, ${outbox.clause} REMOVE reason, processedAt, #trigger`,
          // Only from the state we read: two replays racing cannot both take the same attempt.
          ConditionExpression: '#status = :status AND (attribute_not_exists(attempt) OR attempt = :previous)',
          ExpressionAttributeNames: { '#status': 'status', '#trigger': 'trigger' },
          ExpressionAttributeValues: {
            ':received': 'received',
            ':status': current.status,
            ':attempt': attempt,
            ':previous': current.attempt ?? 0,
            ':at': at,
            ...outbox.values,
          },
        }),
      );
      return attempt;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return (await this.get(orgId, eventId))?.attempt ?? 0;
    }
  }

  async list(orgId: string, query: EventQuery): Promise<{ events: StoredEvent[]; cursor?: string }> {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':pk': keys.listing(orgId, 'EVENTS', '', '').GSI1PK };
    const filters: string[] = [];
    if (query.status) {
      names['#status'] = 'status';
      values[':status'] = query.status;
      filters.push('#status = :status');
    }
    if (query.type) {
      values[':type'] = query.type;
      filters.push('eventType = :type');
    }
    let condition = 'GSI1PK = :pk';
    if (query.since) {
      values[':since'] = query.since;
      condition += ' AND GSI1SK >= :since';
    }
    const events: StoredEvent[] = [];
    let startKey = decodeCursor(query.cursor, orgId, query.since);
    // Filters apply after the read, so keep reading (bounded) until the page is full.
    for (let reads = 0; reads < 10 && events.length < query.limit; reads += 1) {
      const page = await documentClient().send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: condition,
          ...(filters.length > 0 ? { FilterExpression: filters.join(' AND ') } : {}),
          ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
          ExpressionAttributeValues: values,
          Limit: query.limit - events.length,
          ExclusiveStartKey: startKey,
        }),
      );
      events.push(...(page.Items ?? []).map((item) => withoutKeys<StoredEvent>(item)));
      startKey = page.LastEvaluatedKey;
      if (!startKey) break;
    }
    return startKey ? { events, cursor: encodeCursor(startKey) } : { events };
  }

  async get(orgId: string, eventId: string): Promise<StoredEvent | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: this.tableName, Key: keys.event(orgId, eventId), ConsistentRead: true }),
    );
    return Item ? withoutKeys<StoredEvent>(Item) : undefined;
  }

  async settle(
    orgId: string,
    eventId: string,
    outcome: Parameters<EventInbox['settle']>[2],
  ): Promise<boolean> {
    const names: Record<string, string> = { '#status': 'status', '#processedAt': 'processedAt' };
    const values: Record<string, unknown> = {
      ':status': outcome.status,
      ':at': outcome.at,
      ':received': 'received',
    };
    const sets = ['#status = :status', '#processedAt = :at'];
    for (const field of ['reason', 'eventType', 'objectId', 'trigger'] as const) {
      if (outcome[field] === undefined) continue;
      names[`#${field}`] = field;
      values[`:${field}`] = outcome[field];
      sets.push(`#${field} = :${field}`);
    }
    const next = outcome.next ? outboxSet(outcome.next, orgId, eventId, outcome.at) : undefined;
    if (next) {
      sets.push(next.clause);
      Object.assign(values, next.values);
    }
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.event(orgId, eventId),
          UpdateExpression: `SET ${sets.join(', ')}${next ? '' : ` REMOVE ${OUTBOX_REMOVE}`}`,
          ConditionExpression: '#status = :received',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}

/** What an event in `received` owes the events queue: its pointer, with the attempt to process. */
function eventsEntry(orgId: string, eventId: string, attempt: number) {
  return outboxEntry('events', { orgId, eventId, attempt });
}

function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * A cursor is only ever honoured within its own org's partition and inside the query's range;
 * anything else is refused, never silently read as "start from the beginning".
 */
function decodeCursor(
  cursor: string | undefined,
  orgId: string,
  since: string | undefined,
): Record<string, unknown> | undefined {
  if (cursor === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!isListingKey(key, orgId) || (since !== undefined && key.GSI1SK < since))
    throw new InvalidCursorError();
  return key;
}

function isListingKey(key: unknown, orgId: string): key is Record<'PK' | 'SK' | 'GSI1PK' | 'GSI1SK', string> {
  if (!key || typeof key !== 'object' || Array.isArray(key)) return false;
  const { PK, SK, GSI1PK, GSI1SK, ...extra } = key as Record<string, unknown>;
  return (
    Object.keys(extra).length === 0 &&
    PK === keys.org(orgId) &&
    GSI1PK === keys.listing(orgId, 'EVENTS', '', '').GSI1PK &&
    typeof SK === 'string' &&
    SK.startsWith('EVENT#') &&
    typeof GSI1SK === 'string'
  );
}
