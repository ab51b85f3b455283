import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { WebhookTokenLedger } from '#domain/inbox/ports.ts';
import { sha256Hex } from '#platform/security/ids.ts';
import { documentClient, isConditionFailure } from './document-client.ts';
import { keys } from './keys.ts';

/**
 * Rentvine body-scheme tokens already used, per org, each bound to the one event it was first used
 * for. Only a hash of the token is kept. Rows expire through the table's TTL (`expiresAt`, unix
 * seconds); the verifier's timestamp window, not the TTL, is what refuses an old token, so lazy TTL
 * deletion is harmless.
 */
export class DynamoWebhookTokenLedger implements WebhookTokenLedger {
  constructor(private readonly tableName: string) {}

  /**
   * Records the token for `eventKey` unless it is there for another event: false means it was
   * used for a different body. One conditional write, so two bodies racing on one token cannot both pass.
   */
  async claim(orgId: string, token: string, expiresAt: Date, eventKey: string): Promise<boolean> {
    try {
      await documentClient().send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...tokenKey(orgId, token), eventKey, expiresAt: Math.ceil(expiresAt.getTime() / 1000) },
          ConditionExpression: 'attribute_not_exists(PK) OR eventKey = :eventKey',
          ExpressionAttributeValues: { ':eventKey': eventKey },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}

function tokenKey(orgId: string, token: string) {
  return { PK: keys.org(orgId), SK: `WEBHOOK_TOKEN#${sha256Hex(token)}` };
}
