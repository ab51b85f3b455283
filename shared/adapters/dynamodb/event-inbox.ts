import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { EventInbox, EventQuery } from '#domain/inbox/ports.ts';
import type { StoredEvent } from '#domain/inbox/stored-event.ts';
import { outboxEntry } from '#domain/messaging/outbox.ts';
import { documentClient, isConditionFailure, putUnlessPresent } from './document-client.ts';
import { keys, withoutKeys } from './keys.ts';
import { readListingPage } from './listing-page.ts';
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
    const { items, cursor } = await readListingPage(
      {
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: condition,
        ...(filters.length > 0 ? { FilterExpression: filters.join(' AND ') } : {}),
        ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
        ExpressionAttributeValues: values,
      },
      {
        limit: query.limit,
        cursor: query.cursor,
        accepts: (key) =>
          isListingKey(key, orgId) && (query.since === undefined || key.GSI1SK >= query.since),
        map: (item) => withoutKeys<StoredEvent>(item),
      },
    );
    return cursor ? { events: items, cursor } : { events: items };
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

function isListingKey(
  key: Record<string, unknown>,
  orgId: string,
): key is Record<'PK' | 'SK' | 'GSI1PK' | 'GSI1SK', string> {
  const { PK, SK, GSI1PK, GSI1SK, ...extra } = key;
  return (
    Object.keys(extra).length === 0 &&
    PK === keys.org(orgId) &&
    GSI1PK === keys.listing(orgId, 'EVENTS', '', '').GSI1PK &&
    typeof SK === 'string' &&
    SK.startsWith('EVENT#') &&
    typeof GSI1SK === 'string'
  );
}
