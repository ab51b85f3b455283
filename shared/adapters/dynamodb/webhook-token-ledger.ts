import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { sha256Hex } from '#platform/security/ids.ts';
import { documentClient, isConditionFailure } from './document-client.ts';
import { keys } from './keys.ts';

/**
 * Rentvine body-scheme tokens already used, per org, so each is accepted once. Only a hash of the
 * token is kept. Rows expire through the table's TTL (`expiresAt`, unix seconds); the verifier's
 * timestamp window, not the TTL, is what refuses an old token, so lazy TTL deletion is harmless.
 */
export class DynamoWebhookTokenLedger {
  constructor(private readonly tableName: string) {}

  /** Records the token unless it is there already: false means it was used before. */
  async claim(orgId: string, token: string, expiresAt: Date): Promise<boolean> {
    try {
      await documentClient().send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...tokenKey(orgId, token), expiresAt: Math.ceil(expiresAt.getTime() / 1000) },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Gives a token back when its delivery could not be kept, so the sender's retry is accepted. */
  async release(orgId: string, token: string): Promise<void> {
    await documentClient().send(
      new DeleteCommand({ TableName: this.tableName, Key: tokenKey(orgId, token) }),
    );
  }
}

function tokenKey(orgId: string, token: string) {
  return { PK: keys.org(orgId), SK: `WEBHOOK_TOKEN#${sha256Hex(token)}` };
}
