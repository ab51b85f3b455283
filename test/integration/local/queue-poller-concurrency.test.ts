import { setTimeout as sleep } from 'node:timers/promises';
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { localSqsClient } from '#lib/local/aws-clients.ts';
import { type Emulators, startEmulators } from '#lib/local/emulators.ts';
import { LambdaInvoker } from '#lib/local/lambda.ts';
import { type LocalResources, provision } from '#lib/local/provision.ts';
import { startQueuePoller } from '#lib/local/queue-poller.ts';
import type { FunctionSpec } from '#lib/topology.ts';
import { fixtureConsumer } from '#test/support/local-fixture-handlers/functions.ts';

const MAX_CONCURRENCY = 3;
const MESSAGES = 8;

describe('local queue poller concurrency', () => {
  let emulators: Emulators;
  let resources: LocalResources;
  let sqs: SQSClient;

  beforeAll(async () => {
    emulators = await startEmulators();
    resources = await provision(emulators, { prefix: 'concurrency' });
    sqs = localSqsClient(emulators.sqsEndpoint);
  });
  afterAll(async () => {
    sqs?.destroy();
    await emulators?.stop();
  });

  it("runs at most the consumer's maxConcurrency batches at once, and uses all of them", async () => {
    const spec: FunctionSpec = {
      ...fixtureConsumer,
      consumes: {
        queue: 'events',
        batchSize: 1,
        maxBatchingWindowSeconds: 1,
        maxConcurrency: MAX_CONCURRENCY,
      },
    };
    let inFlight = 0;
    let mostAtOnce = 0;
    const handled: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const handler = async (event: SQSEvent) => {
      inFlight += 1;
      mostAtOnce = Math.max(mostAtOnce, inFlight);
      await gate;
      handled.push(...event.Records.map((record) => record.body));
      inFlight -= 1;
    };
    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: resources.queues.events.url,
        Entries: Array.from({ length: MESSAGES }, (_, i) => ({ Id: String(i), MessageBody: `m${i}` })),
      }),
    );

    const invoker = new LambdaInvoker();
    const poller = startQueuePoller({
      sqs,
      fn: { spec, handler: handler as never },
      queue: resources.queues.events,
      invoker,
      waitTimeSeconds: 1,
    });
    try {
      await vi.waitFor(() => expect(inFlight).toBe(MAX_CONCURRENCY), { timeout: 10_000, interval: 50 });
      // More messages wait, yet no further batch starts while these are held (a few more polls).
      await sleep(1500);
      expect(mostAtOnce).toBe(MAX_CONCURRENCY);
      release();
      await vi.waitFor(() => expect(handled).toHaveLength(MESSAGES), { timeout: 15_000, interval: 50 });
      expect(mostAtOnce).toBe(MAX_CONCURRENCY);
    } finally {
      release();
      await poller.stop();
      await invoker.drain();
    }
  }, 30_000);
});
