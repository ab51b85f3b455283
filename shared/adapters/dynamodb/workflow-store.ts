import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { WorkflowStore } from '#domain/workflows/ports.ts';
import type { WorkflowRecord } from '#domain/workflows/workflow.ts';
import { documentClient, isConditionFailure } from './document-client.ts';
import { keys, withoutKeys } from './keys.ts';
import { OUTBOX_REMOVE } from './outbox-attributes.ts';

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
    // The source leaves the outbox only if it waits on this stage: a replay may have put it back
    // in for another one since, and that entry must stay.
    const linked = await this.link(key, workflow.workflowId, {
      remove: ` REMOVE ${OUTBOX_REMOVE}`,
      condition: 'attribute_exists(PK) AND outboxQueue = :workflow',
      values: { ':workflow': 'workflow' },
    });
    if (!linked)
      await this.link(key, workflow.workflowId, {
        remove: '',
        condition: 'attribute_exists(PK)',
        values: {},
      });
  }

  /** False when the condition did not hold (for the plain link: the source row is gone, by retention). */
  private async link(
    key: Record<string, string>,
    workflowId: string,
    how: { remove: string; condition: string; values: Record<string, string> },
  ): Promise<boolean> {
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: `SET workflowId = :id${how.remove}`,
          ConditionExpression: how.condition,
          ExpressionAttributeValues: { ':id': workflowId, ...how.values },
        }),
      );
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return false;
    }
  }
}
