import { GetQueueAttributesCommand, type Message, SendMessageCommand } from '@aws-sdk/client-sqs';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { LambdaInvoker, loadFunctions } from '#lib/local/lambda.ts';
import { startQueuePoller } from '#lib/local/queue-poller.ts';
import { type FunctionSpec, functions, queues } from '#lib/topology.ts';
import { deliverEmergency, eventIdOf } from '#test/support/deliveries.ts';
import {
  DYNAMODB_REFUSED,
  type FaultProxy,
  type FaultRule,
  faultTimes,
  forwardEverything,
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
import type { TestStack } from '#test/support/test-stack.ts';

/**
 * The event-processor crashing mid-batch, driven by the local event source mapping (the queue
 * poller) over the real emulators, with the work queues' visibility at 1 s. Crashes are DynamoDB
 * errors the SDK does not retry, injected by a proxy once per chosen event at a chosen step; poison messages (events that are not in the inbox) fail on every receive.
 */

const EVENTS = 12;
const POISON = 3;

let faulty: FaultyStack;
let stack: TestStack;
let proxy: FaultProxy;
let org: TestOrg;
let ingest: ApiHandler;

beforeAll(async () => {
  faulty = await startFaultyStack('AWS_ENDPOINT_URL_DYNAMODB', DYNAMODB_REFUSED);
  ({ stack, proxy, org } = faulty);
  ingest = await loadHandler<ApiHandler>('webhook-ingest');
});
afterAll(async () => faulty?.stop());

/** Accepts an emergency work order through the real ingest function; returns its event id. */
async function acceptEmergency(workOrderID: string): Promise<string> {
  const response = await deliverEmergency(ingest, org, workOrderID);
  expect(response.statusCode, response.body).toBe(202);
  return (JSON.parse(response.body) as { eventId: string }).eventId;
}

async function messagesIn(url: string): Promise<number> {
  const { Attributes } = await stack.sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return (
    Number(Attributes?.ApproximateNumberOfMessages) +
    Number(Attributes?.ApproximateNumberOfMessagesNotVisible)
  );
}

/** Any of the rules: the first that matches a request decides. */
function anyOf(rules: readonly FaultRule[]): FaultRule {
  return (req) => rules.some((rule) => rule(req));
}

describe('event-processor crashing mid-batch', () => {
  const eventIds: string[] = [];
  const poisonIds = Array.from({ length: POISON }, (_, i) => `evt_${'0'.repeat(31)}${i}`);
  // A third crash at the settle (after the snapshot, before the workflow is queued); a third
  // before the snapshot write; the rest run clean.
  const afterEnqueue = () => eventIds.filter((_, i) => i % 3 === 0);
  const beforeSnapshot = () => eventIds.filter((_, i) => i % 3 === 1);
  let dead: string[] = [];
  let workflowStarts: Message[] = [];
  /** The local runtime's failure lines: expected here, so kept out of the test output and checked. */
  let runtimeLog = '';

  beforeAll(async () => {
    for (let i = 0; i < EVENTS; i += 1) eventIds.push(await acceptEmergency(`${9000 + i}`));
    for (const eventId of poisonIds) {
      await stack.sqs.send(
        new SendMessageCommand({
          QueueUrl: stack.resources.queues.events.url,
          MessageBody: JSON.stringify({ orgId: org.orgId, eventId, attempt: 0 }),
        }),
      );
    }
    const workOrderOf = (eventId: string) => `${9000 + eventIds.indexOf(eventId)}`;
    proxy.setRule(
      anyOf([
        ...afterEnqueue().map((eventId) =>
          faultTimes(
            1,
            (req) =>
              req.operation === 'UpdateItem' &&
              req.body.includes(eventId) &&
              req.body.includes('processedAt'),
          ),
        ),
        ...beforeSnapshot().map((eventId) =>
          faultTimes(
            1,
            (req) =>
              req.operation === 'PutItem' &&
              req.body.includes('modifiedAt') &&
              req.body.includes(`WORKORDER#${workOrderOf(eventId)}"`),
          ),
        ),
      ]),
    );

    const topologySpec = functions.find((fn) => fn.name === 'event-processor') as FunctionSpec;
    // One receive loop, as SQS with one consumer instance: with the stack's 1 s visibility, several
    // loops would re-receive a batch still running on a slow store and count receives towards the
    // DLQ that are not failures (the crash semantics under test are per message, not concurrency).
    const spec = {
      ...topologySpec,
      consumes: topologySpec.consumes && { ...topologySpec.consumes, maxConcurrency: 1 },
    };
    // Its own worker, with the stack's environment (the DynamoDB endpoint is the fault proxy).
    const loaded = await loadFunctions([spec], () => ({ ...(process.env as Record<string, string>) }));
    const [processor] = loaded.functions;
    if (!processor) throw new Error('event-processor did not load');
    const invoker = new LambdaInvoker();
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      runtimeLog += String(chunk);
      return true;
    });
    const poller = startQueuePoller({
      sqs: stack.sqs,
      fn: processor,
      queue: stack.resources.queues.events,
      invoker,
      waitTimeSeconds: 1,
    });
    try {
      // Poison messages need maxReceiveCount (5) receives 1 s apart before they are dead-lettered.
      await vi.waitFor(async () => expect(await messagesIn(stack.resources.queues.events.url)).toBe(0), {
        timeout: 50_000,
        interval: 250,
      });
    } finally {
      await poller.stop();
      await invoker.drain();
      stderr.mockRestore();
      await loaded.close();
      proxy.setRule(forwardEverything);
    }
    dead = (await stack.drain('events', { dlq: true })).map(eventIdOf);
    workflowStarts = await stack.drain('workflow');
  }, 90_000);

  it('crashed where intended: each injected fault was hit once', () => {
    expect(proxy.injected.get('UpdateItem')).toBe(afterEnqueue().length);
    expect(proxy.injected.get('PutItem')).toBe(beforeSnapshot().length);
  });

  it('ends every accepted event processed, and only the poison in the DLQ, where it is visible', async () => {
    const inbox = new DynamoEventInbox(stack.resources.tables.main);
    for (const eventId of eventIds) {
      const status = (await inbox.get(org.orgId, eventId))?.status;
      expect(status === 'processed' || dead.includes(eventId), `${eventId} is ${status}`).toBe(true);
    }
    expect([...dead].sort()).toEqual([...poisonIds].sort());
  });

  it('logs each dead letter with the function and the error that failed it, and nothing else as dead', () => {
    const deadLines = runtimeLog.split('\n').filter((line) => line.includes('dead-lettered'));
    expect(deadLines).toHaveLength(POISON);
    for (const eventId of poisonIds) {
      const line = deadLines.find((candidate) => candidate.includes(`eventId=${eventId}`));
      expect(line).toMatch(/^\S+ {2}event-processor dead-lettered/);
      const maxReceiveCount = queues.find((queue) => queue.name === 'events')?.maxReceiveCount;
      expect(line).toContain(`receive=${maxReceiveCount}/${maxReceiveCount}`);
      expect(line).toContain(
        `error=EventNotFoundError: event ${eventId} of org ${org.orgId} is not in the inbox`,
      );
    }
  });

  // SQS is at-least-once and a redelivered message of a settled emergency asks for its workflow
  // again; what must hold is the effect: no emergency lost, none started twice.
  it('starts exactly one workflow per emergency, whatever crashed: none lost, re-sent starts absorbed', async () => {
    const started = new Set(
      workflowStarts.map((m) => (JSON.parse(m.Body ?? '{}') as { eventId: string }).eventId),
    );
    expect([...started].sort()).toEqual([...eventIds].sort());

    const workflow = await loadHandler<SqsHandler>('workflow');
    for (let i = 0; i < workflowStarts.length; i += 10) {
      const batch = sqsEventFromMessages(workflowStarts.slice(i, i + 10));
      expect(await workflow(batch, lambdaContext('workflow'))).toEqual({ batchItemFailures: [] });
    }
    const { Items = [] } = await stack.ddb.send(
      new QueryCommand({
        TableName: stack.resources.tables.main,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :wf)',
        ExpressionAttributeValues: { ':pk': `ORG#${org.orgId}`, ':wf': 'WORKFLOW#' },
      }),
    );
    const perWorkOrder = new Map<string, number>();
    for (const item of Items) {
      const workOrderId = (item.facts as { workOrderId: string }).workOrderId;
      perWorkOrder.set(workOrderId, (perWorkOrder.get(workOrderId) ?? 0) + 1);
    }
    expect(Object.fromEntries(perWorkOrder)).toEqual(
      Object.fromEntries(eventIds.map((_, i) => [`${9000 + i}`, 1])),
    );
  });
});
