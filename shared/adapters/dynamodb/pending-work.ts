import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PendingItem, PendingWork } from '#domain/ports.ts';
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
    const key = item.kind === 'event' ? keys.event(item.orgId, item.id) : keys.email(item.orgId, item.id);
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: 'SET GSI2SK = :sk ADD resendCount :one',
          // Only while still pending: a row settled meanwhile must not re-enter the outbox.
          ConditionExpression: 'attribute_exists(GSI2PK)',
          ExpressionAttributeValues: {
            ':sk': keys.outbox(item.kind, item.orgId, item.id, at.toISOString()).GSI2SK,
            ':one': 1,
          },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
}

function toPendingItem(row: Record<string, unknown>): PendingItem | undefined {
  const sk = String(row.GSI2SK ?? '');
  const [pendingSince, kind, orgId, id] = sk.split('#');
  if (!pendingSince || !orgId || !id || (kind !== 'event' && kind !== 'email')) return undefined;
  return { kind, orgId, id, pendingSince };
}
