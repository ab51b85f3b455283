import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '#adapters/dynamodb/document-client.ts';
import { keys } from '#adapters/dynamodb/keys.ts';
import { DynamoWorkflowStore } from '#adapters/dynamodb/workflow-store.ts';
import type { Clock } from '#domain/clock.ts';
import type { WorkflowStore } from '#domain/workflow/ports.ts';
import { ManualClock } from '#test/support/in-memory/platform.ts';
import { InMemoryRows } from '#test/support/in-memory/rows.ts';
import { InMemoryWorkflowStore } from '#test/support/in-memory/workflow-store.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';
import { advanced, workflowOf } from './fixtures.ts';

let stack: TestStack | undefined;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

const implementations: { name: string; store: (clock: Clock) => WorkflowStore; table?: () => string }[] = [
  { name: 'in-memory twin', store: (clock) => new InMemoryWorkflowStore(new InMemoryRows(), clock) },
  {
    name: 'DynamoDB adapter',
    store: (clock) => new DynamoWorkflowStore(tableName(), clock),
    table: () => tableName(),
  },
];

function tableName(): string {
  if (!stack) throw new Error('the test stack is not started');
  return stack.resources.tables.main;
}

const CLOSED_AT = '2026-11-21T12:00:00.000Z';
const DAY = 86_400_000;
const daysOn = (days: number) => new Date(Date.parse(CLOSED_AT) + days * DAY).toISOString();

describe.each(implementations)('workflow retention: $name', ({ store: make, table }) => {
  it('keeps a closed workflow 90 days after it closed, then reads ignore it; an open one stays', async () => {
    const clock = new ManualClock(new Date(CLOSED_AT));
    const store = make(clock);
    const orgId = `org-${randomBytes(5).toString('hex')}`;
    const open = workflowOf(orgId, 'wf_open');
    const closing = workflowOf(orgId, 'wf_closed');
    await store.create(open);
    await store.create(closing);
    const closed = advanced(closing, {
      status: 'completed',
      state: 'done',
      times: { ...closing.times, completedAt: CLOSED_AT },
      updatedAt: CLOSED_AT,
    });
    expect(await store.save(closed, closing.version)).toBe('saved');

    clock.advance(90 * DAY - 1);
    expect(await store.get(orgId, 'wf_closed')).toMatchObject({ status: 'completed' });
    clock.advance(1);
    expect(await store.get(orgId, 'wf_closed')).toBeUndefined();
    expect((await store.list(orgId, {}, { limit: 10 })).workflows.map((w) => w.workflowId)).toEqual([
      'wf_open',
    ]);
    clock.advance(310 * DAY);
    expect(await store.get(orgId, 'wf_open')).toMatchObject({ status: 'open' });

    if (table) {
      // The table's TTL attribute, in epoch seconds, on the closed item only.
      const read = async (id: string) =>
        (await documentClient().send(new GetCommand({ TableName: table(), Key: keys.workflow(orgId, id) })))
          .Item;
      expect((await read('wf_closed'))?.expiresAt).toBe(Date.parse(daysOn(90)) / 1000);
      expect((await read('wf_open'))?.expiresAt).toBeUndefined();
    }
  });
});
