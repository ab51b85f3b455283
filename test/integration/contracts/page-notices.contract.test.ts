import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_ATTRIBUTES, SnsPageNotices } from '#adapters/sns/page-notices.ts';
import { snsClient } from '#adapters/sns/workflow-notices.ts';
import type { PageNotice, PageNotices } from '#domain/on-call/ports.ts';
import { InMemoryPageNotices } from '#test/support/in-memory/page-notices.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';
import { subscribedQueue, takeAll } from '#test/support/topic-subscriber.ts';

/**
 * The PageNotices port against its twin and against SNS on fauxqs (the pages topic `npm start`
 * provisions, read through a queue subscribed to it): a subscriber receives the page whole, and a
 * person's subscription filtered on `agentId` receives only theirs.
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  snsClient().destroy();
  await stack?.stop();
});

const implementations: readonly {
  name: string;
  world(): Promise<{ notices: PageNotices; received(): Promise<readonly PageNotice[]> }>;
}[] = [
  {
    name: 'in memory',
    async world() {
      const notices = new InMemoryPageNotices();
      return { notices, received: async () => notices.published };
    },
  },
  {
    name: 'SNS (fauxqs)',
    async world() {
      const queueUrl = await subscribedQueue(stack, stack.resources.topics.pages.arn);
      return {
        notices: new SnsPageNotices(stack.resources.topics.pages.arn),
        received: async () =>
          (await takeAll(stack, queueUrl)).map((message) => JSON.parse(message.Body ?? '') as PageNotice),
      };
    },
  },
];

const page = (orgId: string, agentId: string, attempt: number): PageNotice => ({
  orgId,
  pageId: 'pg_1',
  subject: 'workflow:wf_1',
  department: 'maintenance',
  urgency: 'emergency',
  agentId,
  level: attempt > 3 ? 'next_on_call' : 'on_call',
  attempt,
});

describe.each(implementations)('PageNotices contract: $name', (implementation) => {
  it('delivers each page whole, in order: ids, department, urgency, the person and the rung', async () => {
    const { notices, received } = await implementation.world();
    const orgId = `org-${randomBytes(4).toString('hex')}`;
    await notices.publish(page(orgId, 'ana', 1));
    await notices.publish(page(orgId, 'ben', 4));
    expect((await received()).filter((notice) => notice.orgId === orgId)).toEqual([
      page(orgId, 'ana', 1),
      page(orgId, 'ben', 4),
    ]);
  });
});

describe('SnsPageNotices on the topic', () => {
  it('gives each message its attributes, so a person’s phone can take only their pages', async () => {
    const orgId = `org-${randomBytes(4).toString('hex')}`;
    const anas = await subscribedQueue(stack, stack.resources.topics.pages.arn, {
      orgId: [orgId],
      agentId: ['ana'],
    });
    const notices = new SnsPageNotices(stack.resources.topics.pages.arn);
    await notices.publish(page(orgId, 'ana', 1));
    await notices.publish(page(orgId, 'ben', 4));
    const [only, ...rest] = await takeAll(stack, anas);
    expect(rest).toEqual([]);
    expect(JSON.parse(only?.Body ?? '')).toEqual(page(orgId, 'ana', 1));
    const attributes = Object.fromEntries(
      Object.entries(only?.MessageAttributes ?? {}).map(([name, value]) => [name, value.StringValue]),
    );
    expect(Object.keys(attributes).sort()).toEqual([...PAGE_ATTRIBUTES].sort());
    expect(attributes).toMatchObject({ orgId, agentId: 'ana', level: 'on_call', urgency: 'emergency' });
  });
});
