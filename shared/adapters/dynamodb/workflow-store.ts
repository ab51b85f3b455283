import { BatchGetCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Clock } from '#domain/clock.ts';
import type { DuePage, WorkflowFilter, WorkflowPage, WorkflowStore } from '#domain/workflow/ports.ts';
import { workflowKept } from '#domain/workflow/retention.ts';
import type { Holder, Workflow } from '#domain/workflow/workflow.ts';
import { systemClock } from '#platform/clock.ts';
import { documentClient, isConditionFailure } from './document-client.ts';
import { readDue } from './due-index.ts';
import { keys, withoutKeys } from './keys.ts';
import { readListingPage } from './listing-page.ts';
import { OUTBOX_REMOVE } from './outbox-attributes.ts';
import { waitingItem, workflowIndexes, workflowItem, workflowUpdate } from './workflow-item.ts';
import { waitingOnQuery, workflowListingQuery } from './workflow-listing.ts';
import { isTransactionConflict, type TransactItem, writeTogether } from './write-together.ts';

type Key = Record<string, unknown>;

/** BatchGetItem's limit of keys per request, and how often unprocessed keys are asked for again. */
const BATCH_GET_KEYS = 100;
const BATCH_GET_ROUNDS = 5;

/**
 * Workflows on the main table, one item each (layout: workflow-item.ts). A write that moves the
 * waiting-on item is a transaction; every other write is one conditional put or update.
 */
export class DynamoWorkflowStore implements WorkflowStore {
  /** `clock`: reads ignore a workflow closed 90 days before its `now` (the table's TTL deletes lazily). */
  constructor(
    private readonly tableName: string,
    private readonly clock: Clock = systemClock,
  ) {}

  async create(workflow: Workflow): Promise<'created' | 'exists'> {
    const put = {
      TableName: this.tableName,
      Item: workflowItem(workflow),
      ConditionExpression: 'attribute_not_exists(PK)',
    };
    const waiting = workflowIndexes(workflow).waiting;
    if (waiting) {
      const written = await writeTogether([
        { Put: { TableName: this.tableName, Item: waitingItem(workflow, waiting) } },
        { Put: put },
      ]);
      if (written === 'contended')
        throw new Error(`workflow ${workflow.workflowId}: another write of it is in progress`);
      return written === 'written' ? 'created' : 'exists';
    }
    try {
      await documentClient().send(new PutCommand(put));
      return 'created';
    } catch (error) {
      if (isConditionFailure(error)) return 'exists';
      throw error;
    }
  }

  async get(orgId: string, workflowId: string): Promise<Workflow | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.workflow(orgId, workflowId),
        ConsistentRead: true,
      }),
    );
    const workflow = Item ? withoutKeys<Workflow>(Item) : undefined;
    return workflow && workflowKept(workflow, this.clock.now()) ? workflow : undefined;
  }

  /**
   * First as if the waiting-on item stays where it is (most saves): one update, conditional on
   * the version and on the stored item's key. Only when that fails on a version still current,
   * the item moved: then the update, the old item's delete and the new one's put, together.
   */
  async save(next: Workflow, expectedVersion: number): Promise<'saved' | 'conflict'> {
    const update = workflowUpdate(next);
    const key = keys.workflow(next.orgId, next.workflowId);
    const waiting = workflowIndexes(next).waiting;
    const condition = (waitingKey: string | undefined) => ({
      ConditionExpression: `#version = :expectedVersion AND ${waitingKey === undefined ? 'attribute_not_exists(waitingKey)' : 'waitingKey = :waitingKey'}`,
      ExpressionAttributeNames: { ...update.ExpressionAttributeNames, '#version': 'version' },
      ExpressionAttributeValues: {
        ...update.ExpressionAttributeValues,
        ':expectedVersion': expectedVersion,
        ...(waitingKey === undefined ? {} : { ':waitingKey': waitingKey }),
      },
    });
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: update.UpdateExpression,
          ...condition(waiting?.SK),
        }),
      );
      return 'saved';
    } catch (error) {
      // Another write in progress is a conflict too: re-reading and applying again is always safe.
      if (isTransactionConflict(error)) return 'conflict';
      if (!isConditionFailure(error)) throw error;
    }
    const { Item: stored } = await documentClient().send(
      new GetCommand({
        TableName: this.tableName,
        Key: key,
        ConsistentRead: true,
        ProjectionExpression: '#version, waitingKey',
        ExpressionAttributeNames: { '#version': 'version' },
      }),
    );
    const storedKey = typeof stored?.waitingKey === 'string' ? stored.waitingKey : undefined;
    // Same version and same item key: the update above failed on a write that has since gone. A conflict either way.
    if (stored?.version !== expectedVersion || storedKey === waiting?.SK) return 'conflict';
    const items: TransactItem[] = [];
    if (waiting) items.push({ Put: { TableName: this.tableName, Item: waitingItem(next, waiting) } });
    items.push({
      Update: {
        TableName: this.tableName,
        Key: key,
        UpdateExpression: update.UpdateExpression,
        ...condition(storedKey),
      },
    });
    if (storedKey !== undefined)
      items.push({ Delete: { TableName: this.tableName, Key: { PK: keys.org(next.orgId), SK: storedKey } } });
    return (await writeTogether(items)) === 'written' ? 'saved' : 'conflict';
  }

  async list(
    orgId: string,
    filter: WorkflowFilter,
    page: { limit: number; cursor?: string },
  ): Promise<WorkflowPage> {
    const { query, accepts } = workflowListingQuery(this.tableName, orgId, filter);
    const { items, cursor } = await readListingPage(query, { ...page, accepts, map: withoutKeys<Workflow> });
    // An expired workflow leaves a page short; the cursor still goes on from the last item read.
    const kept = items.filter((workflow) => workflowKept(workflow, this.clock.now()));
    return cursor ? { workflows: kept, cursor } : { workflows: kept };
  }

  /**
   * The holder's waiting-on items, then their workflows in one consistent BatchGetItem (it
   * takes `ConsistentRead` per table). A workflow that no longer waits there (it moved between
   * the two reads, or an interrupted write on an endpoint without transactions left the item)
   * is skipped, so a page can come back short; the cursor still goes on from the last item read.
   */
  async waitingOn(
    orgId: string,
    holder: Holder,
    page: { limit: number; cursor?: string },
  ): Promise<WorkflowPage> {
    const { query, accepts } = waitingOnQuery(this.tableName, orgId, holder);
    const { items, cursor } = await readListingPage(query, { ...page, accepts, map: (item) => item });
    const workflows = await this.readMany(
      orgId,
      items.map((item) => String(item.workflowId)),
    );
    const listed = items.flatMap((item) => {
      const workflow = workflows.get(String(item.workflowId));
      return workflow && workflowIndexes(workflow).waiting?.SK === item.SK ? [workflow] : [];
    });
    return cursor ? { workflows: listed, cursor } : { workflows: listed };
  }

  async due(at: Date, page: { limit: number; cursor?: string }): Promise<DuePage> {
    const { due, ...rest } = await readDue(this.tableName, 'workflow', at, page);
    return { ...rest, due: due.map(({ orgId, id, dueAt }) => ({ orgId, workflowId: id, dueAt })) };
  }

  async linkSource(workflow: Workflow): Promise<void> {
    const { source } = workflow;
    if (source.kind !== 'email' && source.kind !== 'event') return;
    const key =
      source.kind === 'email'
        ? keys.email(workflow.orgId, source.emailId)
        : keys.event(workflow.orgId, source.eventId);
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

  async linkSubject(
    orgId: string,
    subject: string,
    workflowId: string,
    replacing?: string,
  ): Promise<boolean> {
    try {
      await documentClient().send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.workflowSubject(orgId, subject), workflowId },
          // The first link stands; a link to the same workflow again, or over the one it replaces, passes.
          ConditionExpression: `attribute_not_exists(PK) OR workflowId = :id${replacing ? ' OR workflowId = :replacing' : ''}`,
          ExpressionAttributeValues: { ':id': workflowId, ...(replacing ? { ':replacing': replacing } : {}) },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async workflowOfSubject(orgId: string, subject: string): Promise<string | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.workflowSubject(orgId, subject),
        ConsistentRead: true,
      }),
    );
    return typeof Item?.workflowId === 'string' ? Item.workflowId : undefined;
  }

  private async readMany(orgId: string, workflowIds: readonly string[]): Promise<Map<string, Workflow>> {
    const found = new Map<string, Workflow>();
    for (let i = 0; i < workflowIds.length; i += BATCH_GET_KEYS) {
      let wanted: Key[] = workflowIds.slice(i, i + BATCH_GET_KEYS).map((id) => keys.workflow(orgId, id));
      for (let round = 0; wanted.length > 0; round += 1) {
        if (round === BATCH_GET_ROUNDS)
          throw new Error(`workflows still unprocessed after ${round} batch reads`);
        const answer = await documentClient().send(
          new BatchGetCommand({
            RequestItems: { [this.tableName]: { Keys: wanted, ConsistentRead: true } },
          }),
        );
        for (const item of answer.Responses?.[this.tableName] ?? []) {
          const workflow = withoutKeys<Workflow>(item);
          found.set(workflow.workflowId, workflow);
        }
        wanted = answer.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
      }
    }
    return found;
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
