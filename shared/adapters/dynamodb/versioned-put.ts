import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, isConditionFailure } from './document-client.ts';

type Item = Record<string, unknown>;

/** Puts a new item, whole: `exists` when one is already at its key (a second create is a no-op). */
export async function putIfAbsent(tableName: string, item: Item): Promise<'created' | 'exists'> {
  try {
    await documentClient().send(
      new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }),
    );
    return 'created';
  } catch (error) {
    if (isConditionFailure(error)) return 'exists';
    throw error;
  }
}

/**
 * Replaces an item, whole, only if the stored one is still at `expectedVersion` (the version the
 * writer read): `conflict` when another write came first, or the item is gone.
 */
export async function putOnVersion(
  tableName: string,
  item: Item,
  expectedVersion: number,
): Promise<'saved' | 'conflict'> {
  try {
    await documentClient().send(
      new PutCommand({
        TableName: tableName,
        Item: item,
        ConditionExpression: 'attribute_exists(PK) AND #version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expected': expectedVersion },
      }),
    );
    return 'saved';
  } catch (error) {
    if (isConditionFailure(error)) return 'conflict';
    throw error;
  }
}
