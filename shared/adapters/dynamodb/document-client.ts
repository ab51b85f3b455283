import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { tracedAwsClient } from '#platform/aws-client-tracing.ts';

let shared: DynamoDBDocumentClient | undefined;

/** One client per Lambda instance, traced when the function traces; AWS_ENDPOINT_URL_DYNAMODB redirects it to an emulator. */
export function documentClient(): DynamoDBDocumentClient {
  shared ??= DynamoDBDocumentClient.from(tracedAwsClient(new DynamoDBClient({})), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return shared;
}

export function isConditionFailure(error: unknown): error is Error & { Item?: Record<string, unknown> } {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/**
 * Writes an item unless one with its key exists; then returns the existing record instead, so a
 * second delivery of the same thing finds the first (dedupe by natural key).
 */
export async function putUnlessPresent<T>(
  tableName: string,
  item: Record<string, unknown>,
  readExisting: () => Promise<T | undefined>,
): Promise<{ stored: true } | { stored: false; existing: T }> {
  try {
    await documentClient().send(
      new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }),
    );
    return { stored: true };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const existing = await readExisting();
    if (existing === undefined) throw error;
    return { stored: false, existing };
  }
}
