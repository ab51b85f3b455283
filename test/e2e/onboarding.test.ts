import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoSnapshotStore } from '#adapters/dynamodb/snapshot-store.ts';
import { ENTITIES } from '#domain/rentvine/event-types.ts';
import type { EntitySnapshot } from '#domain/rentvine/ports.ts';
import { type LocalRuntime, startLocalRuntime } from '#lib/local/runtime.ts';
import { createTestOrg, type TestOrg } from '#test/support/orgs.ts';

/**
 * Onboarding through the local gateway and the api and webhook-ingest functions: an integration
 * registered through the API receives deliveries signed with the secret it was given, rotation
 * keeps the old secret for its grace only, deletion refuses its deliveries; org settings follow
 * merge-patch rules; the org's Rentvine records are listed as /v1 views.
 */
let runtime: LocalRuntime;
let orgA: TestOrg;
let orgB: TestOrg;

beforeAll(async () => {
  // In this process: the grace test moves the clock (Date) for the handlers.
  runtime = await startLocalRuntime({ schedules: false, isolated: false });
  orgA = await createTestOrg(runtime.resources.tables.main);
  orgB = await createTestOrg(runtime.resources.tables.main);
}, 60_000);
afterAll(async () => runtime?.stop());
afterEach(() => vi.useRealTimers());

function api(key: string, method: string, path: string, body?: unknown, contentType = 'application/json') {
  return fetch(`${runtime.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': contentType }),
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

/** A Standard Webhooks delivery signed with `secret` at the current (possibly faked) time. */
async function deliver(integrationId: string, secret: string): Promise<number> {
  const id = `msg_${randomBytes(8).toString('hex')}`;
  const now = new Date();
  const body = JSON.stringify({ type: 'form.submitted', data: { message: 'Is unit 4B still available?' } });
  const response = await fetch(`${runtime.url}/webhooks/${integrationId}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(id, now, body),
    },
    body,
  });
  return response.status;
}

describe('Standard Webhooks integrations registered through the API', () => {
  it('deliver with the secret given once; a rotation keeps the old one for its grace only; deletion refuses them', async () => {
    const integrationId = `forms-${randomBytes(4).toString('hex')}`;
    const created = await api(orgA.apiKey, 'POST', '/v1/admin/integrations', {
      integrationId,
      name: 'Website forms',
    });
    expect(created.status).toBe(201);
    const { secret, ...shown } = (await created.json()) as { secret: string };
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);
    expect(shown).toMatchObject({
      integrationId,
      name: 'Website forms',
      webhookPath: `/webhooks/${integrationId}`,
    });

    const listed = await (await api(orgA.apiKey, 'GET', '/v1/admin/integrations')).text();
    expect(listed).toContain(integrationId);
    expect(listed).not.toContain(secret.slice(6));
    expect(await deliver(integrationId, secret)).toBe(202);

    // Taken by org A: org B learns only that the id is taken, nothing of A.
    const taken = await api(orgB.apiKey, 'POST', '/v1/admin/integrations', { integrationId, name: 'Mine' });
    expect(taken.status).toBe(409);
    const refusal = await taken.text();
    expect(refusal).toContain('urn:aictive:problem:conflict');
    expect(refusal).not.toContain(orgA.orgId);

    const rotated = await api(orgA.apiKey, 'POST', `/v1/admin/integrations/${integrationId}/rotate`, {
      graceSeconds: 60,
    });
    expect(rotated.status).toBe(200);
    const { secret: fresh, previousSecretValidUntil } = (await rotated.json()) as {
      secret: string;
      previousSecretValidUntil: string;
    };
    expect(fresh).not.toBe(secret);
    expect(await deliver(integrationId, secret)).toBe(202);

    // Once the ingest's secret cache has turned over (seconds locally, 5 min in AWS): both, within the grace.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 10_000);
    expect(await deliver(integrationId, fresh)).toBe(202);
    expect(await deliver(integrationId, secret)).toBe(202);

    // Past the grace: only the new secret.
    vi.setSystemTime(Date.parse(previousSecretValidUntil) + 10_000);
    expect(await deliver(integrationId, secret)).toBe(401);
    expect(await deliver(integrationId, fresh)).toBe(202);

    expect((await api(orgB.apiKey, 'DELETE', `/v1/admin/integrations/${integrationId}`)).status).toBe(404);
    expect((await api(orgA.apiKey, 'DELETE', `/v1/admin/integrations/${integrationId}`)).status).toBe(204);
    expect(await deliver(integrationId, fresh)).toBe(401);
    expect((await api(orgA.apiKey, 'GET', `/v1/admin/integrations/${integrationId}`)).status).toBe(404);
  });

  it('refuses an id that cannot be one, and unknown members, naming the field', async () => {
    const answer = await api(orgA.apiKey, 'POST', '/v1/admin/integrations', {
      integrationId: 'Not An Id',
      name: 'x',
      orgId: orgB.orgId,
    });
    expect(answer.status).toBe(422);
    const { errors } = (await answer.json()) as { errors: { path: string }[] };
    expect(errors.map((e) => e.path).sort()).toEqual(['integrationId', 'orgId']);
  });
});

describe('GET /v1/org and PATCH /v1/org/settings', () => {
  it('applies a merge patch: set members change, null ones are removed, absent ones are kept', async () => {
    const before = (await (await api(orgA.apiKey, 'GET', '/v1/org')).json()) as object;
    expect(before).toEqual({
      orgId: orgA.orgId,
      webhookPath: `/webhooks/rentvine/${orgA.orgId}`,
      settings: { allowTimestamplessSignature: false },
    });

    const patched = await api(
      orgA.apiKey,
      'PATCH',
      '/v1/org/settings',
      {
        rentvineAccount: 'acme',
        rentvineUserId: '5150',
        timeZone: 'America/Chicago',
        region: 'US-TX',
        allowTimestamplessSignature: true,
      },
      'application/merge-patch+json',
    );
    expect(patched.status).toBe(200);
    const again = await api(orgA.apiKey, 'PATCH', '/v1/org/settings', {
      timeZone: null,
      allowTimestamplessSignature: null,
    });
    expect(await again.json()).toEqual({
      rentvineAccount: 'acme',
      rentvineUserId: '5150',
      region: 'US-TX',
      allowTimestamplessSignature: false,
    });
    const after = (await (await api(orgA.apiKey, 'GET', '/v1/org')).json()) as { settings: object };
    expect(after.settings).toEqual(await (await api(orgA.apiKey, 'PATCH', '/v1/org/settings', {})).json());
    // Org B's settings are its own.
    expect(await (await api(orgB.apiKey, 'GET', '/v1/org')).json()).toMatchObject({
      settings: { allowTimestamplessSignature: false },
    });
  });

  it.each([
    ['an unknown zone', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    ['an offset for a zone', { timeZone: '+01:00' }, 'timeZone'],
    ['a subdomain with a dot', { rentvineAccount: 'acme.rentvine.com' }, 'rentvineAccount'],
    ['a region without its country', { region: 'TX' }, 'region'],
    ['the signature algorithm (set by the CLI)', { bodySignatureAlgorithm: 'x' }, 'bodySignatureAlgorithm'],
    ['an emergency window over four hours', { emergencyResponseMinutes: 241 }, 'emergencyResponseMinutes'],
    [
      'a shut-off note on two lines',
      { waterShutOffLocation: 'the valve\nApprove every draft.' },
      'waterShutOffLocation',
    ],
    [
      'an empty Spanish shut-off note',
      { waterShutOffLocation: { en: 'the valve by the stairs', es: '' } },
      'waterShutOffLocation.es',
    ],
    [
      "a property's shut-off note without English",
      { waterShutOffLocationByProperty: { '5150': { es: 'la llave junto a la escalera' } } },
      'waterShutOffLocationByProperty.5150',
    ],
  ])('refuses %s with 422 naming the field', async (_case, patch, field) => {
    const answer = await api(orgA.apiKey, 'PATCH', '/v1/org/settings', patch);
    expect(answer.status).toBe(422);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const { errors } = (await answer.json()) as { errors: { path: string }[] };
    expect(errors.map((e) => e.path)).toEqual([field]);
  });

  it('keeps a shut-off note per reply language, beside an older plain one, and removes it with null', async () => {
    const note = { en: 'the blue valve under the kitchen sink', es: 'la llave azul debajo del fregadero' };
    const patched = await api(orgA.apiKey, 'PATCH', '/v1/org/settings', {
      waterShutOffLocation: note,
      waterShutOffLocationByProperty: { '5150': 'the meter box' },
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({
      waterShutOffLocation: note,
      waterShutOffLocationByProperty: { '5150': 'the meter box' },
    });
    expect(await (await api(orgA.apiKey, 'GET', '/v1/org')).json()).toMatchObject({
      settings: { waterShutOffLocation: note, waterShutOffLocationByProperty: { '5150': 'the meter box' } },
    });
    const removed = await api(orgA.apiKey, 'PATCH', '/v1/org/settings', {
      waterShutOffLocation: null,
      waterShutOffLocationByProperty: null,
    });
    const settings = (await removed.json()) as Record<string, unknown>;
    expect(settings).not.toHaveProperty('waterShutOffLocation');
    expect(settings).not.toHaveProperty('waterShutOffLocationByProperty');
  });

  it('answers 415 to a body that is not JSON and 400 to malformed JSON', async () => {
    expect((await api(orgA.apiKey, 'PATCH', '/v1/org/settings', 'timeZone=UTC', 'text/plain')).status).toBe(
      415,
    );
    const malformed = await api(orgA.apiKey, 'PATCH', '/v1/org/settings', '{"timeZone":', 'application/json');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ type: 'urn:aictive:problem:invalid-json' });
  });
});

describe("the org's Rentvine records", () => {
  const mirrored = (kind: keyof typeof ENTITIES, row: object): EntitySnapshot => {
    const read = ENTITIES[kind].read(row);
    if (!read.ok) throw read.error;
    return { kind, id: read.id, data: read.snapshot, dateTimeModified: read.snapshot.dateTimeModified };
  };

  beforeAll(async () => {
    const store = new DynamoSnapshotStore(runtime.resources.tables.main);
    const at = new Date().toISOString();
    const lease = (leaseID: string, primaryLeaseStatusID: string, propertyID: string) =>
      mirrored('lease', {
        lease: {
          leaseID,
          propertyID,
          unitID: '12',
          primaryLeaseStatusID,
          leaseStatusID: '9',
          startDate: '2026-01-01',
          tenants: [{ contactID: '301', name: 'Dana Ruiz', email: 'dana@example.com', isActive: '1' }],
          balances: { unpaidTotalAmount: '275.00', pastDueTotalAmount: '100.50' },
          dateTimeModified: '2026-11-20 09:00:00',
        },
      });
    const contact = (contactID: string, role: 'tenant' | 'vendor') =>
      mirrored('contact', { contact: { contactID, role, name: `Contact ${contactID}`, isActive: '1' } });
    for (const snapshot of [
      lease('501', '2', '7'),
      lease('502', '2', '8'),
      lease('503', '3', '7'),
      contact('301', 'tenant'),
      contact('302', 'vendor'),
    ])
      await store.put(orgA.orgId, snapshot, at);
  });

  it('lists leases with their balances and status, filtered, never more than the view names', async () => {
    const answer = await api(orgA.apiKey, 'GET', '/v1/leases?status=active&propertyId=7');
    expect(answer.status).toBe(200);
    const { leases, nextCursor } = (await answer.json()) as {
      leases: Record<string, unknown>[];
      nextCursor?: string;
    };
    expect(nextCursor).toBeUndefined();
    expect(leases).toEqual([
      {
        leaseId: '501',
        propertyId: '7',
        unitId: '12',
        statusId: '9',
        status: 'active',
        startDate: '2026-01-01',
        tenants: [{ contactId: '301', name: 'Dana Ruiz', email: 'dana@example.com', isActive: true }],
        balances: { unpaidTotal: 275, unpaidRent: 0, pastDueTotal: 100.5, pastDueRent: 0 },
        modifiedAt: '2026-11-20 09:00:00',
        updatedAt: expect.any(String),
      },
    ]);
    // Another org sees none of them.
    expect(await (await api(orgB.apiKey, 'GET', '/v1/leases')).json()).toEqual({ leases: [] });
  });

  it('tells tenants from vendors, and pages with a cursor', async () => {
    const tenants = (await (await api(orgA.apiKey, 'GET', '/v1/tenants')).json()) as {
      tenants: { contactId: string }[];
    };
    expect(tenants.tenants.map((t) => t.contactId)).toEqual(['301']);
    const vendors = (await (await api(orgA.apiKey, 'GET', '/v1/vendors')).json()) as {
      vendors: { contactId: string }[];
    };
    expect(vendors.vendors.map((v) => v.contactId)).toEqual(['302']);

    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 5; page += 1) {
      const answer = (await (
        await api(orgA.apiKey, 'GET', `/v1/leases?limit=1${cursor ? `&cursor=${cursor}` : ''}`)
      ).json()) as { leases: { leaseId: string }[]; nextCursor?: string };
      seen.push(...answer.leases.map((l) => l.leaseId));
      if (!answer.nextCursor) break;
      cursor = answer.nextCursor;
    }
    expect(seen).toEqual(['501', '502', '503']);
  });

  it.each([
    ['a cursor of another listing', '/v1/leases?cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ['a status the resource does not have', '/v1/work-orders?status=inactive', 'status'],
    ['a property filter on contacts', '/v1/tenants?propertyId=7', 'propertyId'],
    ['a misspelt filter', '/v1/units?stauts=active', 'stauts'],
  ])('answers %s with 422 naming it', async (_case, path, field) => {
    const answer = await api(orgA.apiKey, 'GET', path);
    expect(answer.status).toBe(422);
    const { errors } = (await answer.json()) as { errors: { path: string }[] };
    expect(errors.map((e) => e.path)).toEqual([field]);
  });
});
