import { randomBytes } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDeliveryQuarantine } from '#adapters/dynamodb/delivery-quarantine.ts';
import { type DeliveryQuarantine, QUARANTINE_POLICY } from '#domain/inbox/ports.ts';
import { InMemoryDeliveryQuarantine } from '#test/support/in-memory/delivery-quarantine.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

let stack: TestStack | undefined;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

const implementations: { name: string; quarantine(): DeliveryQuarantine }[] = [
  { name: 'in-memory twin', quarantine: () => new InMemoryDeliveryQuarantine() },
  {
    name: 'DynamoDB adapter',
    quarantine: () => {
      if (!stack) throw new Error('the test stack is not started');
      return new DynamoDeliveryQuarantine(stack.resources.tables.main);
    },
  },
];

const freshOrg = () => `org-${randomBytes(5).toString('hex')}`;
const NOW = new Date('2026-11-27T12:00:00Z');
const at = (secondsAgo: number) => new Date(NOW.getTime() - secondsAgo * 1000).toISOString();

describe.each(implementations)('DeliveryQuarantine contract: $name', ({ quarantine: make }) => {
  it('keeps an org’s deliveries byte for byte, newest first, and shows them to that org only', async () => {
    const quarantine = make();
    const orgId = freshOrg();
    const other = freshOrg();
    const body = '{"event":{"eventType":"lease.updated"},"data":{"note":"caf\\u00e9 ☕"},"auth":{}}';
    await quarantine.keep({ orgId, receivedAt: at(20), body });
    await quarantine.keep({ orgId, receivedAt: at(10), body: '{"second":true}' });
    await quarantine.keep({ orgId: other, receivedAt: at(5), body: '{"other":true}' });
    expect(await quarantine.list(orgId, NOW)).toEqual([
      { orgId, receivedAt: at(10), body: '{"second":true}' },
      { orgId, receivedAt: at(20), body },
    ]);
    expect((await quarantine.list(other, NOW)).map((d) => d.body)).toEqual(['{"other":true}']);
    expect(await quarantine.list(freshOrg(), NOW)).toEqual([]);
  });

  it(`keeps at most ${QUARANTINE_POLICY.perOrg} per org: the newest, the oldest evicted`, async () => {
    const quarantine = make();
    const orgId = freshOrg();
    const extra = 5;
    for (let i = 0; i < QUARANTINE_POLICY.perOrg + extra; i += 1)
      await quarantine.keep({ orgId, receivedAt: at(1000 - i), body: `{"n":${i}}` });
    const kept = (await quarantine.list(orgId, NOW)).map((d) => JSON.parse(d.body).n as number);
    expect(kept).toHaveLength(QUARANTINE_POLICY.perOrg);
    expect(kept[0]).toBe(QUARANTINE_POLICY.perOrg + extra - 1);
    expect(Math.min(...kept)).toBe(extra);
  });

  it(`lists nothing older than ${QUARANTINE_POLICY.days} days, even before the store removes it`, async () => {
    const quarantine = make();
    const orgId = freshOrg();
    const days = QUARANTINE_POLICY.days * 86_400;
    await quarantine.keep({ orgId, receivedAt: at(days + 60), body: '{"expired":true}' });
    await quarantine.keep({ orgId, receivedAt: at(days - 60), body: '{"fresh":true}' });
    expect((await quarantine.list(orgId, NOW)).map((d) => d.body)).toEqual(['{"fresh":true}']);
  });
});

describe('DynamoDeliveryQuarantine rows', () => {
  it('carry the table’s TTL attribute, 7 days on, on every slot and on the counter', async () => {
    if (!stack) throw new Error('the test stack is not started');
    const orgId = freshOrg();
    const receivedAt = at(0);
    await new DynamoDeliveryQuarantine(stack.resources.tables.main).keep({ orgId, receivedAt, body: '{}' });
    const { Items = [] } = await stack.ddb.send(
      new QueryCommand({
        TableName: stack.resources.tables.main,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': `ORG#${orgId}`, ':sk': 'QUARANTINE' },
      }),
    );
    const expiresAt = Date.parse(receivedAt) / 1000 + QUARANTINE_POLICY.days * 86_400;
    expect(Items.map((item) => [item.SK, item.expiresAt])).toEqual([
      ['QUARANTINE#000', expiresAt],
      ['QUARANTINE_COUNTER', expiresAt],
    ]);
  });
});
