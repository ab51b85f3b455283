import { createHmac as realCreateHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeliveryQuarantine, EventInbox, WebhookTokenLedger } from '#domain/inbox/ports.ts';
import type { WorkQueue } from '#domain/messaging/ports.ts';
import type { Integration, OrgSettings } from '#domain/orgs/org-settings.ts';
import type { IntegrationStore, OrgSettingsStore, WebhookSecrets } from '#domain/orgs/ports.ts';
import { signWebhook } from '#platform/security/webhook-signature.ts';
import { ingestIntegrationWebhook } from '#usecases/ingest-integration-webhook.ts';
import { DECOY_QUARANTINE_ORG, ingestRentvineWebhook } from '#usecases/ingest-rentvine-webhook.ts';

/**
 * Org enumeration: a delivery for an org that does not exist must cost exactly the work of one for
 * an org that does, with a bad signature: the same store reads, in the same order, and the same
 * HMACs. Counted through in-memory ports, so no timing is measured (bench/webhook-timing.ts does).
 */
const hmacs = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return {
    ...actual,
    createHmac: (...args: Parameters<typeof actual.createHmac>) => {
      hmacs.count += 1;
      return actual.createHmac(...args);
    },
  };
});

const NOW = new Date('2026-11-27T12:00:00Z');
const nowSeconds = Math.floor(NOW.getTime() / 1000);
const KNOWN = 'known-org';
const UNKNOWN = 'unknown-org';
const SECRET = 'the-orgs-secret';

/** Every port call, by port and method, in order. */
let calls: string[];

/** A port method that notes its call, then answers. */
function recorded<A extends unknown[], R>(name: string, answer: (...args: A) => R) {
  return async (...args: A): Promise<R> => {
    calls.push(name);
    return answer(...args);
  };
}

function rentvineDeps() {
  const secrets: WebhookSecrets = {
    secretsFor: recorded('secrets.secretsFor', (orgId: string) => (orgId === KNOWN ? [SECRET] : [])),
  };
  const orgSettings: OrgSettingsStore = {
    get: recorded(
      'orgSettings.get',
      (orgId: string): OrgSettings => ({ orgId, allowTimestamplessSignature: false }),
    ),
    put: recorded('orgSettings.put', () => undefined),
  };
  const tokens: WebhookTokenLedger = { claim: recorded('tokens.claim', () => true) };
  const inbox = { store: recorded('inbox.store', () => ({ stored: true })) } as unknown as EventInbox;
  const queue = { enqueueEvent: recorded('queue.enqueueEvent', () => undefined) } as unknown as WorkQueue;
  const quarantine: DeliveryQuarantine = {
    keep: recorded('quarantine.keep', () => undefined),
    list: recorded('quarantine.list', () => []),
  };
  return { secrets, orgSettings, tokens, inbox, queue, quarantine, clock: { now: () => NOW } };
}

const event = JSON.stringify({
  event: { eventType: 'maintenance::workOrder.created', objectID: '1' },
  data: {},
});
const headerScheme = (signature: Record<string, string>) => (name: string) =>
  Object.entries(signature).find(([key]) => key.toLowerCase() === name)?.[1];

/** Deliveries with a bad signature, one per path through verification. */
const DELIVERIES: Record<string, { body: string; headers: (name: string) => string | undefined }> = {
  'header scheme': { body: event, headers: headerScheme(signWebhook('wrong', event, nowSeconds)) },
  'header scheme without timestamp': {
    body: event,
    headers: headerScheme({
      'x-rentvine-signature': signWebhook('wrong', event, nowSeconds)['X-RentVine-Signature'],
    }),
  },
  'body scheme': {
    body: JSON.stringify({
      ...JSON.parse(event),
      auth: {
        token: 'tok-1',
        timestamp: nowSeconds,
        signature: realCreateHmac('sha256', 'wrong').update(`${nowSeconds}tok-1`).digest('hex'),
      },
    }),
    headers: () => undefined,
  },
  'a body that is not JSON': {
    body: 'not json',
    headers: headerScheme(signWebhook('wrong', 'not json', nowSeconds)),
  },
  'no signature at all': { body: event, headers: () => undefined },
};

async function workFor(orgId: string, delivery: (typeof DELIVERIES)[string]) {
  calls = [];
  hmacs.count = 0;
  const outcome = await ingestRentvineWebhook(rentvineDeps(), {
    orgId,
    body: Buffer.from(delivery.body),
    headers: delivery.headers,
  });
  return { outcome, calls, hmacs: hmacs.count };
}

describe('Rentvine webhook for an unknown org', () => {
  beforeEach(() => {
    calls = [];
  });

  it.each(Object.keys(DELIVERIES))('costs what a bad signature of a known org costs: %s', async (name) => {
    const delivery = DELIVERIES[name] as (typeof DELIVERIES)[string];
    const known = await workFor(KNOWN, delivery);
    const unknown = await workFor(UNKNOWN, delivery);
    expect(known.outcome.kind).toBe('rejected');
    expect(unknown.outcome).toEqual({ kind: 'rejected', reason: 'unknown_sender' });
    expect(unknown.calls).toEqual(known.calls);
    expect(unknown.hmacs).toBe(known.hmacs);
    expect(unknown.calls).toContain('secrets.secretsFor');
  });

  it('quarantines a known org’s suspect body-scheme delivery, and an unknown one’s goes to the decoy at the same cost', async () => {
    const delivery = DELIVERIES['body scheme'] as (typeof DELIVERIES)[string];
    const kept: string[] = [];
    const deps = () => {
      const base = rentvineDeps();
      return {
        ...base,
        quarantine: { ...base.quarantine, keep: async (d: { orgId: string }) => void kept.push(d.orgId) },
      };
    };
    const run = (orgId: string) =>
      ingestRentvineWebhook(deps(), { orgId, body: Buffer.from(delivery.body), headers: delivery.headers });
    expect(await run(KNOWN)).toEqual({ kind: 'rejected', reason: 'mismatch', quarantined: true });
    expect(await run(UNKNOWN)).toEqual({ kind: 'rejected', reason: 'unknown_sender' });
    expect(kept).toEqual([KNOWN, DECOY_QUARANTINE_ORG]);
  });

  it('verifies a signed delivery of a known org (the fakes are not refusing everything)', async () => {
    const signed = { body: event, headers: headerScheme(signWebhook(SECRET, event, nowSeconds)) };
    expect((await workFor(KNOWN, signed)).outcome).toMatchObject({ kind: 'accepted' });
  });
});

describe('Standard Webhooks for an unknown integration', () => {
  const integration: Integration = { integrationId: 'forms', orgId: KNOWN, name: 'forms' };
  const secret = `whsec_${Buffer.from('integration-secret-bytes').toString('base64')}`;

  function integrationDeps() {
    const integrations: Pick<IntegrationStore, 'get' | 'put'> = {
      get: recorded('integrations.get', (id: string) =>
        id === integration.integrationId ? integration : undefined,
      ),
      put: recorded('integrations.put', () => undefined),
    };
    const secrets: WebhookSecrets = {
      secretsFor: recorded('secrets.secretsFor', (id: string) =>
        id === integration.integrationId ? [secret] : [],
      ),
    };
    const { inbox, queue } = rentvineDeps();
    return { integrations, secrets, inbox, queue, clock: { now: () => NOW } };
  }

  async function workFor(integrationId: string) {
    calls = [];
    const verify = vi.spyOn(Webhook.prototype, 'verify');
    const other = `whsec_${Buffer.from('another-secret-bytes').toString('base64')}`;
    const headers = new Webhook(other).sign('msg_1', new Date(nowSeconds * 1000), event);
    verify.mockClear();
    const outcome = await ingestIntegrationWebhook(integrationDeps(), {
      integrationId,
      body: Buffer.from(event),
      headers: (name) =>
        ({ 'webhook-id': 'msg_1', 'webhook-timestamp': String(nowSeconds), 'webhook-signature': headers })[
          name
        ],
      sourceIp: '192.0.2.1',
    });
    const verifications = verify.mock.calls.length;
    verify.mockRestore();
    return { outcome, calls: [...calls].sort(), verifications };
  }

  it('costs what a bad signature of a known integration costs', async () => {
    const known = await workFor(integration.integrationId);
    const unknown = await workFor('no-such-forms');
    expect(known.outcome).toEqual({ kind: 'rejected', reason: 'mismatch' });
    expect(unknown.outcome).toEqual({ kind: 'rejected', reason: 'unknown_sender' });
    expect(unknown.calls).toEqual(known.calls);
    expect(unknown.verifications).toBe(known.verifications);
  });
});
