import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type OutboxEntry, outboxEntry, storedOutboxEntry } from '#domain/messaging/outbox.ts';
import type { PendingItem, PendingWork } from '#domain/messaging/ports.ts';

import { documentClient, isConditionFailure } from './document-client.ts';
import { keys, OUTBOX_SHARDS } from './keys.ts';
import { OUTBOX_REMOVE } from './outbox-attributes.ts';

const WORKFLOW_ROW = keys.workflow('', '').SK;

/** The outbox index (GSI2): rows still owing a queue a message, across orgs, oldest first. */
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
    const row = rowOf(item);
    // Queue and message are written again: a row from before they were stored gets them now.
    await this.whilePending(item, {
      UpdateExpression:
        'SET GSI2SK = :sk, outboxQueue = :queue, outboxMessage = :message ADD resendCount :one REMOVE pendingKind',
      ExpressionAttributeValues: {
        ':sk': keys.outbox(item.entry.queue, item.orgId, row.id, at.toISOString()).GSI2SK,
        ':queue': item.entry.queue,
        ':message': item.entry.message,
        ':one': 1,
      },
    });
  }

  async giveUp(item: PendingItem, at: Date, reason: string): Promise<void> {
    // A workflow's status is its own (open or final, written only by its transitions, on its
    // version): the give-up is recorded beside it, and its pending effects stay for a person to see.
    if (rowOf(item).sk.startsWith(WORKFLOW_ROW)) {
      await this.whilePending(item, {
        UpdateExpression: `SET outboxFailedAt = :at, outboxFailedReason = :reason REMOVE ${OUTBOX_REMOVE}`,
        ExpressionAttributeValues: { ':reason': reason, ':at': at.toISOString() },
      });
      return;
    }
    await this.whilePending(item, {
      UpdateExpression: `SET #status = :failed, reason = :reason, failedAt = :at REMOVE ${OUTBOX_REMOVE}`,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':failed': 'failed', ':reason': reason, ':at': at.toISOString() },
    });
  }

  /**
   * Only while the row still waits where the item saw it: a row that moved on meanwhile (its
   * stage took it, or it entered the next one) must not be touched.
   */
  private async whilePending(
    item: PendingItem,
    update: {
      UpdateExpression: string;
      ExpressionAttributeNames?: Record<string, string>;
      ExpressionAttributeValues: Record<string, unknown>;
    },
  ): Promise<void> {
    const row = rowOf(item);
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { PK: keys.org(item.orgId), SK: row.sk },
          ...update,
          ConditionExpression: 'GSI2SK = :pendingSk',
          ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':pendingSk': row.outboxSk },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
}

/**
 * The row handle: its sort key (`<KIND>#<id>`; the id is what the outbox key is built from) and
 * the outbox key it was read with, which every update requires unchanged.
 */
function rowOf(item: PendingItem): { sk: string; id: string; outboxSk: string } {
  const [sk = '', outboxSk = ''] = JSON.parse(item.row) as string[];
  return { sk, id: sk.slice(sk.indexOf('#') + 1), outboxSk };
}

function toPendingItem(row: Record<string, unknown>): PendingItem | undefined {
  const outboxSk = String(row.GSI2SK ?? '');
  const [pendingSince, , orgId] = outboxSk.split('#');
  if (!pendingSince || !orgId || typeof row.SK !== 'string') return undefined;
  const entry = storedOutboxEntry(row.outboxQueue, row.outboxMessage) ?? earlierEntry(row, outboxSk);
  if (!entry) return undefined;
  return {
    entry,
    orgId,
    row: JSON.stringify([row.SK, outboxSk]),
    pendingSince,
    resends: Number(row.resendCount ?? 0) || 0,
  };
}

/**
 * Rows put in the outbox before rows named their queue and message (`pendingKind` and
 * `<since>#<event|email>#<org>#<id>#<attempt>`): only the first stage waited there.
 */
function earlierEntry(row: Record<string, unknown>, outboxSk: string): OutboxEntry | undefined {
  const [, kind, orgId = '', id = '', attempt] = outboxSk.split('#');
  if (row.pendingKind === 'event' && kind === 'event')
    return outboxEntry('events', { orgId, eventId: id, attempt: Number(attempt ?? 0) || 0 });
  if (row.pendingKind === 'email' && kind === 'email') return outboxEntry('classify', { orgId, emailId: id });
  return undefined;
}
