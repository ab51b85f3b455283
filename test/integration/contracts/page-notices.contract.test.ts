import { randomBytes } from 'node:crypto';
import { SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_ATTRIBUTES, SnsPageNotices } from '#adapters/sns/page-notices.ts';
import { snsClient } from '#adapters/sns/workflow-notices.ts';
import type { PageNotice, PageNotices } from '#domain/on-call/ports.ts';
import { InMemoryPageNotices } from '#test/support/in-memory/page-notices.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

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

async function receiveAll(queueUrl: string): Promise<Message[]> {
  const messages: Message[] = [];
  // Bounded: fauxqs delivers with the Publish, so two empty polls mean nothing more is coming.
  for (let empty = 0, round = 0; empty < 2 && round < 20; round += 1) {
    const { Messages = [] } = await stack.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 0,
        VisibilityTimeout: 30,
        MessageAttributeNames: ['All'],
      }),
    );
    if (Messages.length === 0) empty += 1;
    messages.push(...Messages);
  }
  return messages;
}

/** A queue of its own subscribed to the pages topic (raw delivery, an optional filter policy). */
async function subscribedQueue(filterPolicy?: Record<string, unknown>): Promise<string> {
  const { QueueUrl } = await stack.sqs.send(
    new CreateQueueCommand({ QueueName: `pages-${randomBytes(4).toString('hex')}` }),
  );
  const { Attributes } = await stack.sqs.send(
    new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
  );
  await snsClient().send(
    new SubscribeCommand({
      TopicArn: stack.resources.topics.pages.arn,
      Protocol: 'sqs',
      Endpoint: Attributes?.QueueArn,
      Attributes: {
        RawMessageDelivery: 'true',
        ...(filterPolicy ? { FilterPolicy: JSON.stringify(filterPolicy) } : {}),
      },
    }),
  );
  return QueueUrl ?? '';
}

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
      const queueUrl = await subscribedQueue();
      return {
        notices: new SnsPageNotices(stack.resources.topics.pages.arn),
        received: async () =>
          (await receiveAll(queueUrl)).map((message) => JSON.parse(message.Body ?? '') as PageNotice),
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
    const anas = await subscribedQueue({ orgId: [orgId], agentId: ['ana'] });
    const notices = new SnsPageNotices(stack.resources.topics.pages.arn);
    await notices.publish(page(orgId, 'ana', 1));
    await notices.publish(page(orgId, 'ben', 4));
    const [only, ...rest] = await receiveAll(anas);
    expect(rest).toEqual([]);
    expect(JSON.parse(only?.Body ?? '')).toEqual(page(orgId, 'ana', 1));
    const attributes = Object.fromEntries(
      Object.entries(only?.MessageAttributes ?? {}).map(([name, value]) => [name, value.StringValue]),
    );
    expect(Object.keys(attributes).sort()).toEqual([...PAGE_ATTRIBUTES].sort());
    expect(attributes).toMatchObject({ orgId, agentId: 'ana', level: 'on_call', urgency: 'emergency' });
  });
});
