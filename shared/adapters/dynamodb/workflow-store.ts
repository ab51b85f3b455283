import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { WorkflowStore } from '#domain/workflows/ports.ts';
import type { WorkflowRecord } from '#domain/workflows/workflow.ts';
import { documentClient, isConditionFailure } from './document-client.ts';
import { keys, withoutKeys } from './keys.ts';

export class DynamoWorkflowStore implements WorkflowStore {
  constructor(private readonly tableName: string) {}

  async create(workflow: WorkflowRecord): Promise<'created' | 'exists'> {
    try {
      await documentClient().send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.workflow(workflow.orgId, workflow.workflowId),
            ...keys.listing(workflow.orgId, 'WORKFLOWS', workflow.createdAt, workflow.workflowId),
            ...workflow,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return 'created';
    } catch (error) {
      if (isConditionFailure(error)) return 'exists';
      throw error;
    }
  }

  async get(orgId: string, workflowId: string): Promise<WorkflowRecord | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.workflow(orgId, workflowId),
        ConsistentRead: true,
      }),
    );
    return Item ? withoutKeys<WorkflowRecord>(Item) : undefined;
  }

  async linkSource(workflow: WorkflowRecord): Promise<void> {
    const key =
      workflow.source.kind === 'email'
        ? keys.email(workflow.orgId, workflow.source.emailId)
        : keys.event(workflow.orgId, workflow.source.eventId);
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: 'SET workflowId = :id',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':id': workflow.workflowId },
        }),
      );
    } catch (error) {
      // The source row is gone (retention): the workflow still stands on its own.
      if (!isConditionFailure(error)) throw error;
    }
  }
}
