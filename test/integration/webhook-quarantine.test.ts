import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoDeliveryQuarantine } from '#adapters/dynamodb/delivery-quarantine.ts';
import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { DynamoOrgSettingsStore } from '#adapters/dynamodb/org-settings-store.ts';
import { DynamoWebhookTokenLedger } from '#adapters/dynamodb/webhook-token-ledger.ts';
import { TableWebhookSecrets } from '#adapters/secrets/webhook-secrets.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import type { DeliveryQuarantine } from '#domain/inbox/ports.ts';
import { systemClock } from '#platform/clock.ts';
import { metrics } from '#platform/observability.ts';
import { postRentvine, rentvineDelivery } from '#test/support/deliveries.ts';
import { type ApiHandler, loadHandler } from '#test/support/lambda-events.ts';
import { createTestOrg, type TestOrg } from '#test/support/orgs.ts';
import { leaseEvent, workOrderEvent } from '#test/support/rentvine-payloads.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';
import { DECOY_QUARANTINE_ORG, ingestRentvineWebhook } from '#usecases/ingest-rentvine-webhook.ts';

/** Rentvine body-scheme deliveries that fail verification: which are kept, where, and what the sender hears. */
let stack: TestStack;
let org: TestOrg;
let handler: ApiHandler;
let quarantine: DynamoDeliveryQuarantine;

beforeAll(async () => {
  stack = await startTestStack();
  org = await createTestOrg(stack.resources.tables.main);
  handler = await loadHandler<ApiHandler>('webhook-ingest');
  quarantine = new DynamoDeliveryQuarantine(stack.resources.tables.main);
});
afterAll(async () => stack?.stop());

const nowSeconds = () => Math.floor(Date.now() / 1000);
const kept = async (orgId = org.orgId) => (await quarantine.list(orgId, new Date())).map((d) => d.body);

describe('the quarantine of suspect Rentvine deliveries', () => {
  it('keeps a well-formed delivery signed another way, answers 401 as ever, and counts it', async () => {
    const body = rentvineDelivery(workOrderEvent({ workOrderID: '9101' }), org.webhookSecret, {
      algorithm: 'body-without-auth:base64',
    });
    const addMetric = vi.spyOn(metrics, 'addMetric');
    const response = await postRentvine(handler, org.orgId, body);
    expect(response.statusCode).toBe(401);
    expect(addMetric).toHaveBeenCalledWith('QuarantinedDeliveries', 'Count', 1);
    expect(addMetric).toHaveBeenCalledWith('WebhookRejected_mismatch', 'Count', 1);
    addMetric.mockRestore();
    expect(await kept()).toEqual([body]);
    // Never processed: nothing was stored in the inbox or queued.
    expect(await stack.drain('events')).toHaveLength(0);
  });

  it.each([
    ['stale', () => rentvineDelivery(leaseEvent(), org.webhookSecret, { timestamp: nowSeconds() - 301 })],
    [
      'malformed',
      () => JSON.stringify({ ...leaseEvent(), auth: { signature: 'short', token: 't', timestamp: 1 } }),
    ],
    ['genuine', () => rentvineDelivery(leaseEvent({ leaseID: '9102' }), org.webhookSecret)],
    [
      'too large to keep',
      () => rentvineDelivery({ ...leaseEvent(), padding: 'x'.repeat(70 * 1024) }, 'not-the-signing-key'),
    ],
  ])('keeps nothing that is %s', async (_name, make) => {
    const before = await kept();
    await postRentvine(handler, org.orgId, make());
    expect(await kept()).toEqual(before);
  });

  it('keeps an unknown org’s suspect delivery only in the decoy ring, which no org can read', async () => {
    const body = rentvineDelivery(leaseEvent({ leaseID: '9103' }), 'made-up-key');
    const response = await postRentvine(handler, 'org-that-does-not-exist', body);
    expect(response.statusCode).toBe(401);
    expect(await kept('org-that-does-not-exist')).toEqual([]);
    expect(await kept(DECOY_QUARANTINE_ORG)).toContain(body);
  });

  it('verifies by the org’s selected reading, and fails loudly on a name it does not know', async () => {
    const other = await createTestOrg(stack.resources.tables.main);
    const settings = new DynamoOrgSettingsStore(stack.resources.tables.main);
    await settings.put({
      orgId: other.orgId,
      allowTimestamplessSignature: false,
      bodySignatureAlgorithm: 'data:hex',
    });
    const byData = rentvineDelivery(workOrderEvent({ workOrderID: '9104' }), other.webhookSecret, {
      algorithm: 'data:hex',
    });
    expect((await postRentvine(handler, other.orgId, byData)).statusCode).toBe(202);
    const byDefault = rentvineDelivery(workOrderEvent({ workOrderID: '9105' }), other.webhookSecret);
    expect((await postRentvine(handler, other.orgId, byDefault)).statusCode).toBe(401);
    expect(await kept(other.orgId)).toEqual([byDefault]);

    await settings.put({
      orgId: other.orgId,
      allowTimestamplessSignature: false,
      bodySignatureAlgorithm: 'hmac-md5',
    });
    const misconfigured = rentvineDelivery(workOrderEvent({ workOrderID: '9106' }), other.webhookSecret);
    expect((await postRentvine(handler, other.orgId, misconfigured)).statusCode).toBe(503);
  });

  it('answers the same 401 when the quarantine fails or hangs (its write is bounded)', async () => {
    const table = stack.resources.tables.main;
    const deps = {
      inbox: new DynamoEventInbox(table),
      queue: new SqsWorkQueue({ events: stack.resources.queues.events.url }),
      secrets: new TableWebhookSecrets(table),
      orgSettings: new DynamoOrgSettingsStore(table),
      tokens: new DynamoWebhookTokenLedger(table),
      clock: systemClock,
    };
    const failing: DeliveryQuarantine = {
      keep: () => Promise.reject(new Error('throttled')),
      list: async () => [],
    };
    const hanging: DeliveryQuarantine = { keep: () => new Promise(() => undefined), list: async () => [] };
    for (const broken of [failing, hanging]) {
      const body = rentvineDelivery(leaseEvent(), 'not-the-signing-key');
      expect(
        await ingestRentvineWebhook(
          { ...deps, quarantine: broken },
          { orgId: org.orgId, body: Buffer.from(body), headers: () => undefined },
        ),
      ).toEqual({ kind: 'rejected', reason: 'mismatch' });
    }
  });
});
