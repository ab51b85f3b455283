/**
 * The authorizer's floor: a handler holding only the clients the authorizer uses (a DynamoDB
 * document client for the key, Secrets Manager for the pepper) and nothing of ours. Its bundle is
 * what the authorizer's is judged by (npm run bench:bundles, test/infra/authorizer-bundle.test.ts).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

const dynamodb = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const secrets = new SecretsManagerClient({});

export const handler = async () => ({ dynamodb: dynamodb.config, secrets: secrets.config });
