import { ChangeMessageVisibilityCommand, type Message } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { DynamoPendingWork } from '#adapters/dynamodb/pending-work.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import { messageLifetimeSeconds } from '#lib/topology.ts';
import { countBy, deliverEmergency, eventIdOf } from '#test/support/deliveries.ts';
import {
  type FaultProxy,
  faultFraction,
  forwardEverything,
  SQS_SEND_REFUSED,
} from '#test/support/fault-proxy.ts';
import { type FaultyStack, startFaultyStack } from '#test/support/faulty-stack.ts';
import {
  type ApiHandler,
  lambdaContext,
  loadHandler,
  type SqsHandler,
  sqsEventFromMessages,
} from '#test/support/lambda-events.ts';
import type { TestOrg } from '#test/support/orgs.ts';
import { topologyGrace } from '#test/support/outbox-policy.ts';
import type { TestStack } from '#test/support/test-stack.ts';
import { resendPendingWork } from '#usecases/resend-pending-work.ts';

/**
 * The events queue refusing sends during ingest (a proxy in front of the SQS emulator): the
 * delivery is stored and accepted (202, as an email would be), a sender's retry is a duplicate
 * (not queued again), and the sweeper re-sends it once the events queue's grace has passed. End
 * to end, each accepted delivery is processed exactly once.
 */

const DELIVERIES = 30;

let faulty: FaultyStack;
let stack: TestStack;
let proxy: FaultProxy;
let org: TestOrg;
let ingest: ApiHandler;
let processor: SqsHandler;

beforeAll(async () => {
  faulty = await startFaultyStack('AWS_ENDPOINT_URL_SQS', SQS_SEND_REFUSED);
  ({ stack, proxy, org } = faulty);
  ingest = await loadHandler<ApiHandler>('webhook-ingest');
  processor = await loadHandler<SqsHandler>('event-processor');
});
afterAll(async () => faulty?.stop());

const deliver = (workOrderID: string) => deliverEmergency(ingest, org, workOrderID, 'Sewage backup');

/** Runs the event-processor over everything the events queue holds; returns the event ids seen. */
async function processQueue(): Promise<string[]> {
  const messages = await stack.drain('events');
  for (let i = 0; i < messages.length; i += 10) {
    const response = await processor(
      sqsEventFromMessages(messages.slice(i, i + 10)),
      lambdaContext('event-processor'),
    );
    expect(response.batchItemFailures).toEqual([]);
  }
  return messages.map(eventIdOf);
}

/** The event ids on the events queue, left there for processQueue (visible again after 1 s). */
async function queuedEventIds(): Promise<string[]> {
  const messages = await stack.drain('events');
  await Promise.all(
    messages.map((m) =>
      stack.sqs.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: stack.resources.queues.events.url,
          ReceiptHandle: m.ReceiptHandle,
          VisibilityTimeout: 0,
        }),
      ),
    ),
  );
  return messages.map(eventIdOf);
}

async function startWorkflows(messages: Message[]): Promise<void> {
  const workflow = await loadHandler<SqsHandler>('workflow');
  for (let i = 0; i < messages.length; i += 10) {
    const response = await workflow(
      sqsEventFromMessages(messages.slice(i, i + 10)),
      lambdaContext('workflow'),
    );
    expect(response.batchItemFailures).toEqual([]);
  }
}

describe('queue send failing during ingest', () => {
  it('after the sweeper, each accepted delivery is processed exactly once', async () => {
    proxy.setRule(faultFraction(0.4, ['SendMessage'], 3));
    const accepted: string[] = [];
    for (let i = 0; i < DELIVERIES; i += 1) {
      const answer = await deliver(`${8000 + i}`);
      expect(answer.statusCode, answer.body).toBe(202);
      accepted.push((JSON.parse(answer.body) as { eventId: string }).eventId);
      // A sender's retry while the queue still refuses: stored already, not re-sent.
      const retry = await deliver(`${8000 + i}`);
      expect(retry.statusCode, retry.body).toBe(200);
    }
    proxy.setRule(forwardEverything);
    const queued = await queuedEventIds();
    const eventIds = accepted.filter((eventId) => queued.includes(eventId));
    const unqueued = accepted.filter((eventId) => !queued.includes(eventId));
    expect(unqueued.length).toBeGreaterThan(0);
    expect(eventIds.length).toBeGreaterThan(0);

    const firstPass = await processQueue();
    expect(countBy(firstPass)).toEqual(countBy(eventIds));
    // The workflow stage takes the first pass's emergencies, so their rows leave the outbox.
    const firstStarts = await stack.drain('workflow');
    expect(countBy(firstStarts.map(eventIdOf))).toEqual(countBy(eventIds));
    await startWorkflows(firstStarts);
    // Each started workflow owes its first effects (the approver told): its run takes it out of the outbox.
    await startWorkflows(await stack.drain('workflow'));

    // The scheduled sweep, once the events queue's grace has passed, finds exactly the unqueued rows.
    const later = new Date(Date.now() + (messageLifetimeSeconds('events') + 60) * 1000);
    const swept = await resendPendingWork(
      {
        pending: new DynamoPendingWork(stack.resources.tables.main),
        queue: new SqsWorkQueue({ events: stack.resources.queues.events.url }),
        clock: { now: () => later },
      },
      topologyGrace(3),
    );
    expect(swept).toEqual({ resent: unqueued.length, failed: 0, gaveUp: 0 });
    const secondPass = await processQueue();
    expect(countBy(secondPass)).toEqual(countBy(unqueued));

    const inbox = new DynamoEventInbox(stack.resources.tables.main);
    for (const eventId of accepted) expect((await inbox.get(org.orgId, eventId))?.status).toBe('processed');
    // One emergency workflow start per event: nothing was processed twice.
    expect(countBy((await stack.drain('workflow')).map(eventIdOf))).toEqual(countBy(unqueued));
  }, 60_000);
});
