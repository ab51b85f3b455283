import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredEvent } from '#domain/inbox/stored-event.ts';
import type { EventInbox } from '#domain/ports.ts';
import { documentClient, isConditionFailure, putUnlessPresent } from './document-client.ts';
import { keys, withoutKeys } from './keys.ts';

export class DynamoEventInbox implements EventInbox {
  constructor(private readonly tableName: string) {}

  async store(event: StoredEvent) {
    const item = {
      ...keys.event(event.orgId, event.eventId),
      ...keys.listing(event.orgId, 'EVENTS', event.receivedAt, event.eventId),
      ...(event.status === 'received'
        ? { ...keys.outbox('event', event.orgId, event.eventId, event.receivedAt), pendingKind: 'event' }
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
    const outbox = keys.outbox('event', orgId, eventId, at, attempt);
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.event(orgId, eventId),
          UpdateExpression:
            'SET #status = :received, attempt = :attempt, reopenedAt = :at, GSI2PK = :gsi2pk, GSI2SK = :gsi2sk, pendingKind = :kind REMOVE reason, processedAt',
          // Only from the state we read: two replays racing cannot both take the same attempt.
          ConditionExpression: '#status = :status AND (attribute_not_exists(attempt) OR attempt = :previous)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':received': 'received',
            ':status': current.status,
            ':attempt': attempt,
            ':previous': current.attempt ?? 0,
            ':at': at,
            ':gsi2pk': outbox.GSI2PK,
            ':gsi2sk': outbox.GSI2SK,
            ':kind': 'event',
          },
        }),
      );
      return attempt;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return (await this.get(orgId, eventId))?.attempt ?? 0;
    }
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
    for (const field of ['reason', 'eventType', 'objectId'] as const) {
      if (outcome[field] === undefined) continue;
      names[`#${field}`] = field;
      values[`:${field}`] = outcome[field];
      sets.push(`#${field} = :${field}`);
    }
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.event(orgId, eventId),
          UpdateExpression: `SET ${sets.join(', ')} REMOVE GSI2PK, GSI2SK, pendingKind`,
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
