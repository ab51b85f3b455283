import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { conversationKeys } from '#adapters/dynamodb/conversation-item.ts';
import { documentClient } from '#adapters/dynamodb/document-client.ts';
import { keys } from '#adapters/dynamodb/keys.ts';

/** A conversation's message items as the table holds them (TTL marks included), oldest first. */
export async function rawMessages(
  table: string,
  orgId: string,
  conversationId: string,
): Promise<Record<string, unknown>[]> {
  const { Items = [] } = await documentClient().send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: {
        ':pk': keys.org(orgId),
        ':prefix': conversationKeys.messagePrefix(conversationId),
      },
      ConsistentRead: true,
    }),
  );
  return Items;
}
