import { randomBytes } from 'node:crypto';
import { SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SnsWorkflowNotices, snsClient } from '#adapters/sns/workflow-notices.ts';
import type { WorkflowNotice, WorkflowNotices } from '#domain/workflow/ports.ts';
import { InMemoryWorkflowNotices } from '#test/support/in-memory/workflow-notices.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

/**
 * The WorkflowNotices port, against its twin and against SNS on fauxqs (the topic `npm start`
 * provisions, read through the queue subscribed to it): what a subscriber receives is the notice
 * itself. LOCAL-STACK: fauxqs needs nothing special for SNS: it serves it on the SQS endpoint
 * (AWS_ENDPOINT_URL_SNS), confirms SQS subscriptions at once, delivers synchronously with the
 * Publish, and honours RawMessageDelivery and filter policies on message attributes.
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  snsClient().destroy();
  await stack?.stop();
});

interface Implementation {
  readonly name: string;
  /** A fresh publisher, and what its subscribers have received since. */
  world(): Promise<{ notices: WorkflowNotices; received(): Promise<readonly WorkflowNotice[]> }>;
}

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

/** A queue of its own subscribed to the topic (raw delivery, an optional filter policy). */
async function subscribedQueue(filterPolicy?: Record<string, unknown>): Promise<string> {
  const name = `notices-${randomBytes(4).toString('hex')}`;
  const { QueueUrl } = await stack.sqs.send(new CreateQueueCommand({ QueueName: name }));
  const { Attributes } = await stack.sqs.send(
    new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
  );
  await snsClient().send(
    new SubscribeCommand({
      TopicArn: stack.resources.topics.workflowNotices.arn,
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

const implementations: readonly Implementation[] = [
  {
    name: 'in memory',
    async world() {
      const notices = new InMemoryWorkflowNotices();
      return { notices, received: async () => notices.published };
    },
  },
  {
    name: 'SNS (fauxqs)',
    async world() {
      const queueUrl = await subscribedQueue();
      const notices = new SnsWorkflowNotices(stack.resources.topics.workflowNotices.arn);
      return {
        notices,
        received: async () =>
          (await receiveAll(queueUrl)).map((message) => JSON.parse(message.Body ?? '') as WorkflowNotice),
      };
    },
  },
];

const orgId = () => `org_${randomBytes(4).toString('hex')}`;

const offer = (org: string): WorkflowNotice => ({
  orgId: org,
  workflowId: 'wf_1',
  stepId: 'offer_vendor#1',
  kind: 'offer_vendor',
  to: 'vendor:4417',
  urgency: 'emergency',
  link: 'https://api.example.test/r/abc.def',
  detail: { offerId: 'off_1', expiresAt: '2030-01-01T00:00:00.000Z', attempt: 2, final: false },
});

describe.each(implementations)('WorkflowNotices contract: $name', (implementation) => {
  it('delivers each notice whole, as JSON: ids, recipient, urgency, link and detail', async () => {
    const { notices, received } = await implementation.world();
    const notice = offer(orgId());
    await notices.publish(notice);
    expect(await received()).toEqual([notice]);
  });

  it('delivers a notice without a link or detail as it was, in publishing order', async () => {
    const { notices, received } = await implementation.world();
    const org = orgId();
    const waiting: WorkflowNotice = {
      orgId: org,
      workflowId: 'wf_2',
      stepId: 'approve#1',
      kind: 'approval_waiting',
      to: 'maintenance_coordinator',
      urgency: 'normal',
    };
    await notices.publish(waiting);
    await notices.publish({ ...waiting, kind: 'escalated', to: 'property_manager' });
    const got = await received();
    expect(got).toEqual([waiting, { ...waiting, kind: 'escalated', to: 'property_manager' }]);
    expect(got[0]).not.toHaveProperty('link');
  });
});

describe('SnsWorkflowNotices on the topic', () => {
  it('gives each message the attributes orgId, kind, to and urgency', async () => {
    const queueUrl = await subscribedQueue();
    const notice = offer(orgId());
    await new SnsWorkflowNotices(stack.resources.topics.workflowNotices.arn).publish(notice);
    const [message, ...rest] = await receiveAll(queueUrl);
    expect(rest).toEqual([]);
    const attribute = (name: string) => message?.MessageAttributes?.[name];
    expect(attribute('orgId')).toMatchObject({ DataType: 'String', StringValue: notice.orgId });
    expect(attribute('kind')).toMatchObject({ DataType: 'String', StringValue: 'offer_vendor' });
    expect(attribute('to')).toMatchObject({ DataType: 'String', StringValue: 'vendor:4417' });
    expect(attribute('urgency')).toMatchObject({ DataType: 'String', StringValue: 'emergency' });
  });

  it("lets a person's subscription take only their role's notices (a filter policy on `to`)", async () => {
    const coordinator = await subscribedQueue({ to: ['maintenance_coordinator'] });
    const emergencies = await subscribedQueue({ urgency: ['emergency'] });
    const org = orgId();
    const publisher = new SnsWorkflowNotices(stack.resources.topics.workflowNotices.arn);
    const base = { orgId: org, workflowId: 'wf_3', stepId: 'approve#1', kind: 'approval_waiting' };
    await publisher.publish({ ...base, to: 'maintenance_coordinator', urgency: 'normal' });
    await publisher.publish({ ...base, to: 'owner', urgency: 'emergency' });
    const toCoordinator = (await receiveAll(coordinator)).map((m) => JSON.parse(m.Body ?? '').to);
    const toEmergency = (await receiveAll(emergencies)).map((m) => JSON.parse(m.Body ?? '').to);
    expect(toCoordinator).toEqual(['maintenance_coordinator']);
    expect(toEmergency).toEqual(['owner']);
  });

  it('reaches the local queue `npm start` subscribes to the topic', async () => {
    const notice = offer(orgId());
    await new SnsWorkflowNotices(stack.resources.topics.workflowNotices.arn).publish(notice);
    const bodies = (await receiveAll(stack.resources.topics.workflowNotices.queueUrl)).map((m) =>
      JSON.parse(m.Body ?? ''),
    );
    expect(bodies).toContainEqual(notice);
  });
});
