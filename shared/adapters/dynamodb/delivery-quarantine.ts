import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type DeliveryQuarantine, QUARANTINE_POLICY, type QuarantinedDelivery } from '#domain/inbox/ports.ts';
import { documentClient } from './document-client.ts';
import { keys } from './keys.ts';

const SLOT_PREFIX = 'QUARANTINE#';
const SLOT_DIGITS = String(QUARANTINE_POLICY.perOrg - 1).length;
/** Pages of a listing: 300 bodies of at most 64 KB fit in far fewer 1 MB pages. */
const MAX_PAGES = 100;

/**
 * The quarantine as a ring of `perOrg` slots per org in the main table: a counter item hands out
 * sequence numbers, and delivery n goes to slot n mod perOrg, overwriting the org's oldest. Two
 * writes, no read; the table's TTL (`expiresAt`) removes expired slots and an idle counter (both
 * expire after `days`, so a counter never outlives the slots it numbered). Bodies are encrypted at
 * rest by the table's customer-managed KMS key, as every row is; they are never logged.
 */
export class DynamoDeliveryQuarantine implements DeliveryQuarantine {
  constructor(private readonly tableName: string) {}

  async keep(delivery: QuarantinedDelivery): Promise<void> {
    const expiresAt = Math.ceil(Date.parse(delivery.receivedAt) / 1000) + QUARANTINE_POLICY.days * 86_400;
    const { Attributes } = await documentClient().send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { PK: keys.org(delivery.orgId), SK: 'QUARANTINE_COUNTER' },
        UpdateExpression: 'ADD delivered :one SET expiresAt = :expiresAt',
        ExpressionAttributeValues: { ':one': 1, ':expiresAt': expiresAt },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    const sequence = Number(Attributes?.delivered);
    const slot = String((sequence - 1) % QUARANTINE_POLICY.perOrg).padStart(SLOT_DIGITS, '0');
    await documentClient().send(
      new PutCommand({
        TableName: this.tableName,
        Item: { PK: keys.org(delivery.orgId), SK: `${SLOT_PREFIX}${slot}`, ...delivery, sequence, expiresAt },
      }),
    );
  }

  async list(orgId: string, now: Date): Promise<QuarantinedDelivery[]> {
    const found: { sequence: number; delivery: QuarantinedDelivery }[] = [];
    let cursor: Record<string, unknown> | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const result = await documentClient().send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :slot)',
          // TTL deletes lazily: an expired slot may still be there.
          FilterExpression: 'expiresAt > :now',
          ExpressionAttributeValues: {
            ':pk': keys.org(orgId),
            ':slot': SLOT_PREFIX,
            ':now': Math.floor(now.getTime() / 1000),
          },
          ...(cursor ? { ExclusiveStartKey: cursor } : {}),
        }),
      );
      for (const item of result.Items ?? []) {
        found.push({
          sequence: Number(item.sequence),
          delivery: {
            orgId: String(item.orgId),
            receivedAt: String(item.receivedAt),
            body: String(item.body),
          },
        });
      }
      cursor = result.LastEvaluatedKey;
      if (!cursor) break;
    }
    return found.sort((a, b) => b.sequence - a.sequence).map((entry) => entry.delivery);
  }
}
