import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ResponseLinkLedger } from '#domain/workflow/response-link.ts';
import { sha256Hex } from '#platform/security/ids.ts';
import { documentClient, isConditionFailure } from './document-client.ts';
import { keys } from './keys.ts';

/** Kept a day past the link's expiry: the link itself is refused by then, so a late TTL harms nothing. */
const KEEP_AFTER_EXPIRY_SECONDS = 24 * 60 * 60;

/**
 * Response links already used, per org. Only a hash of the token is kept (the token would answer
 * for its holder). One conditional put: of racing uses of one token exactly one writes the row.
 */
export class DynamoResponseLinkLedger implements ResponseLinkLedger {
  constructor(private readonly tableName: string) {}

  async use(orgId: string, token: string, expiresAt: Date): Promise<'first_use' | 'used'> {
    try {
      await documentClient().send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            PK: keys.org(orgId),
            SK: `LINK#${sha256Hex(token)}`,
            expiresAt: Math.ceil(expiresAt.getTime() / 1000) + KEEP_AFTER_EXPIRY_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return 'first_use';
    } catch (error) {
      if (isConditionFailure(error)) return 'used';
      throw error;
    }
  }
}
