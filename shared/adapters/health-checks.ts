import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { HealthCheck } from '#platform/health.ts';
import { documentClient } from './dynamodb/document-client.ts';
import { keys } from './dynamodb/keys.ts';
import { sqsClient } from './sqs/work-queue.ts';

/** A point read: proves the table exists and this function may read it. */
export function tableCheck(tableName: string): HealthCheck {
  return async () => {
    await documentClient().send(new GetCommand({ TableName: tableName, Key: keys.health }));
  };
}

export function queueCheck(queueUrl: string): HealthCheck {
  return async () => {
    await sqsClient().send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
    );
  };
}
