import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  PurgeQueueCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { locateQueuePair, type QueuePair, SqsDeadLetterQueue } from '#adapters/sqs/dead-letter-queues.ts';
import { queueNames } from '#lib/aws/names.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';
import { redriveDeadLetters } from '#usecases/redrive-dead-letters.ts';

let stack: TestStack;
let events: QueuePair;
let dlq: SqsDeadLetterQueue;

beforeAll(async () => {
  stack = await startTestStack();
  events = stack.resources.queues.events;
  dlq = new SqsDeadLetterQueue(stack.sqs, events);
});
afterAll(async () => stack?.stop());
beforeEach(async () => {
  await stack.purge('events');
  await stack.sqs.send(new PurgeQueueCommand({ QueueUrl: events.dlqUrl }));
});

async function deadLetter(bodies: readonly string[]): Promise<void> {
  for (const body of bodies) {
    await stack.sqs.send(
      new SendMessageCommand({
        QueueUrl: events.dlqUrl,
        MessageBody: body,
        MessageAttributes: { origin: { DataType: 'String', StringValue: 'test' } },
      }),
    );
  }
}

async function visible(url: string): Promise<number> {
  const { Attributes } = await stack.sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages'] }),
  );
  return Number(Attributes?.ApproximateNumberOfMessages);
}

const bodies = Array.from({ length: 13 }, (_, i) =>
  JSON.stringify({ orgId: 'org-redrive', eventId: `evt_${String(i).padStart(32, '0')}`, attempt: 0 }),
);

describe('redriving a dead-letter queue on the emulator', () => {
  it('moves every message back to its queue, attributes included, and empties the DLQ', async () => {
    await deadLetter(bodies);

    const result = await redriveDeadLetters(dlq, { dryRun: false });

    // fauxqs has no StartMessageMoveTask (InvalidAction): the messages are moved one by one.
    expect(result).toEqual({ dryRun: false, waiting: 13, method: 'one-by-one', moved: 13, failed: 0 });
    const back = await stack.drain('events');
    expect(back.map((m) => m.Body).sort()).toEqual([...bodies].sort());
    expect(back[0]?.MessageAttributes?.origin?.StringValue).toBe('test');
    expect(await visible(events.dlqUrl)).toBe(0);
    expect(await stack.drain('events', { dlq: true })).toEqual([]);
  });

  it('a dry run counts the waiting messages and moves nothing', async () => {
    await deadLetter(bodies.slice(0, 3));

    expect(await redriveDeadLetters(dlq, { dryRun: true })).toEqual({ dryRun: true, waiting: 3 });

    expect(await visible(events.dlqUrl)).toBe(3);
    expect(await visible(events.url)).toBe(0);
  });

  it('when the send to the queue fails, the messages stay in the DLQ', async () => {
    await deadLetter(bodies.slice(0, 2));
    const broken = new SqsDeadLetterQueue(stack.sqs, { ...events, url: `${events.url}-gone` });

    await expect(broken.moveBack()).rejects.toThrow();

    // Not deleted: back in the DLQ once the move's visibility timeout is over (none are lost).
    const dlqAttributes = await stack.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: events.dlqUrl,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    expect(
      Number(dlqAttributes.Attributes?.ApproximateNumberOfMessages) +
        Number(dlqAttributes.Attributes?.ApproximateNumberOfMessagesNotVisible),
    ).toBe(2);
  });

  it("finds a stage's queues by their deployed names", async () => {
    const names = queueNames('itest', 'events');
    const created = await Promise.all(
      [names.queue, names.deadLetter].map(
        async (QueueName) => (await stack.sqs.send(new CreateQueueCommand({ QueueName }))).QueueUrl,
      ),
    );
    const pair = await locateQueuePair(stack.sqs, {
      queue: { name: names.queue },
      deadLetter: { name: names.deadLetter },
    });
    expect(pair).toEqual({
      url: created[0],
      arn: expect.stringMatching(/:aictive-itest-events$/),
      dlqUrl: created[1],
      dlqArn: expect.stringMatching(/:aictive-itest-events-dlq$/),
    });
    await expect(
      locateQueuePair(stack.sqs, {
        queue: { name: 'aictive-nope-events' },
        deadLetter: { url: created[1] ?? '' },
      }),
    ).rejects.toThrow('queue aictive-nope-events does not exist in this account and region');
  });
});

describe('redriving on SQS proper', () => {
  let server: Server;
  let client: SQSClient;
  const calls: { target: string; body: unknown }[] = [];

  /** Answers StartMessageMoveTask as SQS does (JSON protocol); nothing else is expected. */
  beforeAll(async () => {
    server = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      request.on('end', () => {
        calls.push({ target: String(request.headers['x-amz-target']), body: JSON.parse(text) });
        response.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
        response.end(JSON.stringify({ TaskHandle: 'task-handle-from-fake' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = new SQSClient({
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test-secret-not-real' },
      maxAttempts: 1,
    });
  });
  afterAll(async () => {
    client?.destroy();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('starts one message move task from the DLQ to its queue', async () => {
    const pair: QueuePair = {
      url: 'https://sqs.us-east-1.amazonaws.com/123456789012/aictive-prod-events',
      arn: 'arn:aws:sqs:us-east-1:123456789012:aictive-prod-events',
      dlqUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/aictive-prod-events-dlq',
      dlqArn: 'arn:aws:sqs:us-east-1:123456789012:aictive-prod-events-dlq',
    };

    expect(await new SqsDeadLetterQueue(client, pair).moveBack()).toEqual({
      method: 'move-task',
      taskHandle: 'task-handle-from-fake',
    });
    expect(calls).toEqual([
      {
        target: 'AmazonSQS.StartMessageMoveTask',
        body: { SourceArn: pair.dlqArn, DestinationArn: pair.arn },
      },
    ]);
  });
});
