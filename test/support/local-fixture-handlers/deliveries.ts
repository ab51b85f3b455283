import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';

// Built at import time from the ambient env only, as the real handlers do: this proves the runtime
// sets region, credentials, endpoints and table names before it loads a handler.
const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const tableName = process.env.TABLE_NAME;

/** Stores what a fixture handler received, for the test to read back from the main table. */
export async function recordDelivery(kind: string, id: string, payload: unknown): Promise<void> {
  await documents.send(
    new PutCommand({ TableName: tableName, Item: { PK: kind, SK: id, payload: JSON.stringify(payload) } }),
  );
}
