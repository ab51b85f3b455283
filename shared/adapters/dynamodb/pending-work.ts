import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PendingItem, PendingWork } from '#domain/messaging/ports.ts';
import { documentClient, isConditionFailure } from './document-client.ts';
import { keys, OUTBOX_SHARDS } from './keys.ts';

/** The outbox index (GSI2): rows still waiting for their next stage, across orgs, oldest first. */
export class DynamoPendingWork implements PendingWork {
  constructor(private readonly tableName: string) {}

  async listStale(olderThan: Date, limit: number): Promise<PendingItem[]> {
    const shards = await Promise.all(
      Array.from({ length: OUTBOX_SHARDS }, (_, shard) =>
        documentClient().send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: 'GSI2',
            KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK < :before',
            ExpressionAttributeValues: { ':pk': `OUTBOX#${shard}`, ':before': olderThan.toISOString() },
            Limit: limit,
          }),
        ),
      ),
    );
    return shards
      .flatMap((page) => page.Items ?? [])
      .map(toPendingItem)
      .filter((item): item is PendingItem => item !== undefined)
      .sort((a, b) => (a.pendingSince < b.pendingSince ? -1 : 1))
      .slice(0, limit);
  }

  async markResent(item: PendingItem, at: Date): Promise<void> {
    const key = rowKeyOf(item);
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: 'SET GSI2SK = :sk ADD resendCount :one',
          // Only while still pending: a row settled meanwhile must not re-enter the outbox.
          ConditionExpression: 'attribute_exists(GSI2PK)',
          ExpressionAttributeValues: {
            ':sk': keys.outbox(item.kind, item.orgId, item.id, at.toISOString(), item.attempt).GSI2SK,
            ':one': 1,
          },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async giveUp(item: PendingItem, at: Date, reason: string): Promise<void> {
    const key = rowKeyOf(item);
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression:
            'SET #status = :failed, reason = :reason, failedAt = :at REMOVE GSI2PK, GSI2SK, pendingKind',
          ConditionExpression: 'attribute_exists(GSI2PK) AND #status = :received',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':failed': 'failed',
            ':received': 'received',
            ':reason': reason,
            ':at': at.toISOString(),
          },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
}

/** The stored row a pending item points at. */
function rowKeyOf(item: PendingItem) {
  return item.kind === 'event' ? keys.event(item.orgId, item.id) : keys.email(item.orgId, item.id);
}

function toPendingItem(row: Record<string, unknown>): PendingItem | undefined {
  const sk = String(row.GSI2SK ?? '');
  const [pendingSince, kind, orgId, id, attempt] = sk.split('#');
  if (!pendingSince || !orgId || !id || (kind !== 'event' && kind !== 'email')) return undefined;
  return {
    kind,
    orgId,
    id,
    pendingSince,
    attempt: Number(attempt ?? 0) || 0,
    resends: Number(row.resendCount ?? 0) || 0,
  };
}
