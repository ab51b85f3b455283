import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { countBy, deliverEmergency, eventIdOf } from '#test/support/deliveries.ts';
import {
  DYNAMODB_THROTTLING,
  type FaultProxy,
  faultFraction,
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
 * DynamoDB throttling during ingest: a proxy in front of the emulator answers about two thirds of the table
 * calls with ProvisionedThroughputExceededException; the real SDK retries (4 attempts) and
 * sometimes gives up. A 2xx must mean stored and queued; a 5xx must mean nothing acknowledged.
 */

const DELIVERIES = 40;
const CONCURRENCY = 10;

let faulty: FaultyStack;
let stack: TestStack;
let proxy: FaultProxy;
let org: TestOrg;
let ingest: ApiHandler;
let processor: SqsHandler;

beforeAll(async () => {
  faulty = await startFaultyStack('AWS_ENDPOINT_URL_DYNAMODB', DYNAMODB_THROTTLING);
  ({ stack, proxy, org } = faulty);
  ingest = await loadHandler<ApiHandler>('webhook-ingest');
  processor = await loadHandler<SqsHandler>('event-processor');
});
afterAll(async () => faulty?.stop());

const deliver = (workOrderID: string) => deliverEmergency(ingest, org, workOrderID, 'No heat');

describe('DynamoDB throttling during ingest', () => {
  it('every 2xx ends processed; every 5xx was not acknowledged and its retry is processed once', async () => {
    proxy.setRule(faultFraction(0.65, ['GetItem', 'PutItem', 'UpdateItem', 'Query'], 7));
    const workOrders = Array.from({ length: DELIVERIES }, (_, i) => `${7000 + i}`);
    const first = new Map<string, { statusCode: number; body: string }>();
    for (let i = 0; i < workOrders.length; i += CONCURRENCY) {
      const group = workOrders.slice(i, i + CONCURRENCY);
      const answers = await Promise.all(group.map(deliver));
      for (const [j, id] of group.entries())
        first.set(id, answers[j] as { statusCode: number; body: string });
    }
    proxy.setRule(forwardEverything);

    const statuses = [...first.values()].map((a) => a.statusCode);
    expect(statuses.every((s) => s === 202 || s === 503)).toBe(true);
    // The faults bit: some deliveries were refused, some got through regardless.
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 202).length).toBeGreaterThan(0);

    // The sender retries what got a 5xx; the store is healthy again.
    const acknowledged = new Map<string, string>();
    for (const [workOrder, answer] of first) {
      const final = answer.statusCode === 503 ? await deliver(workOrder) : answer;
      expect(final.statusCode, final.body).toBe(202);
      acknowledged.set(workOrder, (JSON.parse(final.body) as { eventId: string }).eventId);
    }
    const eventIds = [...acknowledged.values()];

    // Exactly one queue message per acknowledged event, none for the refused attempts.
    const queued = await stack.drain('events');
    expect(countBy(queued.map(eventIdOf))).toEqual(countBy(eventIds));
    for (let i = 0; i < queued.length; i += 10) {
      const response = await processor(
        sqsEventFromMessages(queued.slice(i, i + 10)),
        lambdaContext('event-processor'),
      );
      expect(response.batchItemFailures).toEqual([]);
    }
    const inbox = new DynamoEventInbox(stack.resources.tables.main);
    for (const eventId of eventIds) expect((await inbox.get(org.orgId, eventId))?.status).toBe('processed');
    expect(countBy((await stack.drain('workflow')).map(eventIdOf))).toEqual(countBy(eventIds));
    expect(await stack.drain('events', { dlq: true })).toEqual([]);
  }, 90_000);
});
