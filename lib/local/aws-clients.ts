import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';

/**
 * The emulators accept any signature; these values only have to look like an AWS account.
 * Letters only: DynamoDB Local refuses access key ids with other characters.
 */
export const LOCAL_REGION = 'us-east-1';
export const LOCAL_ACCOUNT_ID = '000000000000';
export const LOCAL_CREDENTIALS = {
  accessKeyId: 'localNotARealKey',
  secretAccessKey: 'localNotARealSecret',
};

export function localDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
}

/** Explicit endpoint: fauxqs queue URLs name a host (sqs.<region>.localhost) that does not resolve. */
export function localSqsClient(endpoint: string): SQSClient {
  return new SQSClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
}

/** fauxqs serves SNS on its SQS endpoint. */
export function localSnsClient(endpoint: string): SNSClient {
  return new SNSClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
}
