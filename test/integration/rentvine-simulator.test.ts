import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RentvineSimulator, startRentvineSimulator } from '#lib/local/rentvine-simulator/server.ts';

/** The simulator reproduces Rentvine's API quirks (docs/RENTVINE.md). Webhooks: rentvine-simulator-webhooks.test.ts. */
let sim: RentvineSimulator;

beforeAll(async () => {
  sim = await startRentvineSimulator({ seed: 7 });
});
afterAll(async () => sim?.close());
afterEach(() => sim.faults.clear());

const basic = (accessKey: string, secret: string) =>
  `Basic ${Buffer.from(`${accessKey}:${secret}`).toString('base64')}`;

async function call(path: string, init: { method?: string; body?: unknown; auth?: string | null } = {}) {
  const auth = init.auth === undefined ? basic(sim.credentials.accessKey, sim.credentials.secret) : init.auth;
  const response = await fetch(`${sim.baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(auth ? { authorization: auth } : {}),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

describe('portfolio', () => {
  it('is believable at the default size: ~20 properties, ~300 units, leases with balances, work orders', () => {
    const p = sim.portfolio;
    expect(p.properties).toHaveLength(20);
    expect(p.units).toHaveLength(300);
    expect(p.properties.some((x) => x.isMultiUnit === '1')).toBe(true);
    expect(p.properties.some((x) => x.isMultiUnit === '0')).toBe(true);
    const statuses = new Set(p.leases.map((l) => l.primaryLeaseStatusID));
    expect([...statuses].sort()).toEqual(['1', '2', '3']);
    expect(
      p.leases.filter((l) => Number(p.balances(l.leaseID).pastDueTotalAmount) > 0).length,
    ).toBeGreaterThan(0);
    expect(p.contacts('tenant').length).toBeGreaterThan(200);
    expect(p.contacts('owner').length).toBeGreaterThan(0);
    expect(p.contacts('vendor').every((v) => v.vendorTradeIDs.length > 0)).toBe(true);
    const open = p.openWorkOrders();
    expect(open.length).toBeGreaterThan(10);
    expect(new Set(open.map((w) => w.priorityID))).toEqual(new Set(['1', '2', '3']));
  });

  it('is the same for the same seed, and another for another seed', async () => {
    const again = await startRentvineSimulator({ seed: 7 });
    const other = await startRentvineSimulator({ seed: 8 });
    try {
      expect(again.portfolio.properties).toEqual(sim.portfolio.properties);
      expect(again.portfolio.workOrders).toEqual(sim.portfolio.workOrders);
      expect(other.portfolio.properties).not.toEqual(sim.portfolio.properties);
    } finally {
      await Promise.all([again.close(), other.close()]);
    }
  });

  it('builds 1,000 units when asked', async () => {
    const big = await startRentvineSimulator({ properties: 60, units: 1000 });
    try {
      expect(big.portfolio.units).toHaveLength(1000);
      expect(big.portfolio.properties).toHaveLength(60);
    } finally {
      await big.close();
    }
  });
});

describe('auth', () => {
  it('answers 401 without credentials or with wrong ones, and logs the attempt as unauthorized', async () => {
    expect((await call('/properties', { auth: null })).status).toBe(401);
    expect((await call('/properties', { auth: basic(sim.credentials.accessKey, 'wrong') })).status).toBe(401);
    expect(sim.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: '/properties',
      authorized: false,
      status: 401,
    });
    const token = Buffer.from(`${sim.credentials.accessKey}:${sim.credentials.secret}`).toString('base64');
    expect((await call('/properties', { auth: `Bearer ${token}` })).status).toBe(401);
    expect((await call('/properties', { auth: `basic ${token}` })).status).toBe(200);
    expect((await call('/properties')).status).toBe(200);
    expect(sim.requests.at(-1)).toMatchObject({ authorized: true, status: 200 });
  });
});

describe('reads', () => {
  it('pages with page/pageSize, bare arrays, a short last page, and ignores limit', async () => {
    const total = sim.portfolio.units.length;
    const first = await call('/properties/units/export');
    expect(Array.isArray(first.body)).toBe(true);
    expect(first.body).toHaveLength(25);
    const big = await call('/properties/units/export?pageSize=5000&limit=3');
    expect(big.body).toHaveLength(Math.min(total, 500));
    const pageSize = 70;
    const lastPage = Math.ceil(total / pageSize);
    const last = await call(`/properties/units/export?page=${lastPage}&pageSize=${pageSize}`);
    expect(last.body).toHaveLength(total - (lastPage - 1) * pageSize);
    expect((await call(`/properties/units/export?page=${lastPage + 1}&pageSize=${pageSize}`)).body).toEqual(
      [],
    );
  });

  it('honours 2000 rows on the leases export and defaults work orders to 15, with paging headers', async () => {
    const leases = await call('/leases/export?pageSize=2000');
    expect(leases.body).toHaveLength(sim.portfolio.leases.length);
    const workOrders = await call('/maintenance/work-orders');
    expect(workOrders.body).toHaveLength(15);
    expect(workOrders.headers.get('pagination-page')).toBe('1');
    expect((await call('/maintenance/work-orders?pageSize=2000')).body).toHaveLength(
      sim.portfolio.workOrders.length,
    );
  });

  it('wraps rows by type, with string ids, flags and money', async () => {
    const [lease] = (await call('/leases/export?pageSize=1')).body;
    expect(Object.keys(lease).sort()).toEqual([
      'balances',
      'lease',
      'portfolio',
      'property',
      'unit',
      'unpaidCharges',
    ]);
    expect(lease.lease.leaseID).toMatch(/^\d+$/);
    expect(lease.balances.unpaidTotalAmount).toMatch(/^\d+\.\d\d$/);
    const [property] = (await call('/properties/export?pageSize=1')).body;
    expect(Object.keys(property).sort()).toEqual(['portfolio', 'property']);
    expect(property.property.isMultiUnit).toMatch(/^[01]$/);
    const [unit] = (await call('/properties/units/export?pageSize=1')).body;
    expect(Object.keys(unit).sort()).toEqual(['property', 'unit']);
    const [workOrder] = (await call('/maintenance/work-orders?pageSize=1')).body;
    expect(Object.keys(workOrder).sort()).toEqual(['contact', 'workOrder']);
    expect(workOrder.workOrder.description).toMatch(/^<p>/);
    const [tenant] = (await call('/tenants?pageSize=1')).body;
    expect(Object.keys(tenant)).toEqual(['contact']);
    expect(tenant.contact).toHaveProperty('birthDate');
    expect(tenant.contact).toHaveProperty('identificationNumber');
    const [owner] = (await call('/owners?pageSize=1')).body;
    expect(owner).toHaveProperty('contactID');
    expect(owner).toHaveProperty('bankRoutingNumber');
  });

  it('filters the three exports by dateTimeModifiedMin/Max, and not work orders', async () => {
    const sorted = sim.portfolio.leases.map((l) => l.dateTimeModified).sort();
    const min = sorted[Math.floor(sorted.length / 2)] as string;
    const expected = sorted.filter((t) => t >= min).length;
    const rows = (await call(`/leases/export?pageSize=2000&dateTimeModifiedMin=${encodeURIComponent(min)}`))
      .body;
    expect(rows).toHaveLength(expected);
    const max = sorted[10] as string;
    const upTo = (await call(`/leases/export?pageSize=2000&dateTimeModifiedMax=${encodeURIComponent(max)}`))
      .body;
    expect(upTo).toHaveLength(sorted.filter((t) => t <= max).length);
    for (const path of ['/properties/export', '/properties/units/export']) {
      const all = (await call(`${path}?pageSize=500`)).body.length;
      const none = (await call(`${path}?pageSize=500&dateTimeModifiedMin=2100-01-01%2000:00:00`)).body;
      expect(all).toBeGreaterThan(0);
      expect(none).toEqual([]);
    }
    const workOrders = (await call('/maintenance/work-orders?pageSize=500&dateTimeModifiedMin=2100-01-01'))
      .body;
    expect(workOrders).toHaveLength(sim.portfolio.workOrders.length);
    expect((await call('/leases/export?dateTimeModifiedMin=yesterday')).status).toBe(400);
  });

  it('filters the leases export by status and ids', async () => {
    const active = (await call('/leases/export?pageSize=2000&primaryLeaseStatusIDs[]=2')).body;
    expect(active.length).toBe(sim.portfolio.leases.filter((l) => l.primaryLeaseStatusID === '2').length);
    const ids = sim.portfolio.leases.slice(0, 3).map((l) => l.leaseID);
    const some = (await call(`/leases/export?${ids.map((id) => `leaseIDs[]=${id}`).join('&')}`)).body;
    expect(some.map((r: { lease: { leaseID: string } }) => r.lease.leaseID)).toEqual(ids);
  });

  it('answers single reads wrapped, lease tenants as names unless includes=tenants', async () => {
    const lease = sim.portfolio.leases[0];
    const single = await call(`/leases/${lease?.leaseID}`);
    expect(single.body.lease.leaseID).toBe(lease?.leaseID);
    expect(single.body.lease.tenants).toEqual(lease?.tenants.map((t) => t.name));
    const withTenants = await call(`/leases/${lease?.leaseID}?includes=tenants`);
    expect(withTenants.body.tenants[0].contact.contactID).toBe(lease?.tenants[0]?.contactID);
    const property = sim.portfolio.properties[0];
    expect((await call(`/properties/${property?.propertyID}`)).body).toEqual({ property });
    const unit = sim.portfolio.units.find((u) => u.propertyID === property?.propertyID);
    expect((await call(`/properties/${property?.propertyID}/units/${unit?.unitID}`)).body).toEqual({ unit });
    const workOrder = sim.portfolio.workOrders[0];
    expect((await call(`/maintenance/work-orders/${workOrder?.workOrderID}`)).body).toEqual({ workOrder });
    expect((await call('/maintenance/work-orders/1')).status).toBe(404);
  });

  it('lists work-order statuses and vendor trades', async () => {
    const statuses = (await call('/maintenance/work-order/statuses')).body;
    expect(
      statuses.map(
        (s: { workOrderStatus: { primaryWorkOrderStatusID: string } }) =>
          s.workOrderStatus.primaryWorkOrderStatusID,
      ),
    ).toContain('5');
    expect((await call('/maintenance/vendor-trades')).body.length).toBeGreaterThan(3);
  });

  it('answers 404 on unknown paths and on PUT and PATCH', async () => {
    expect((await call('/object-types')).status).toBe(404);
    const id = sim.portfolio.workOrders[0]?.workOrderID;
    expect(
      (await call(`/maintenance/work-orders/${id}`, { method: 'PUT', body: { priorityID: 3 } })).status,
    ).toBe(404);
    expect(
      (await call(`/maintenance/work-orders/${id}`, { method: 'PATCH', body: { priorityID: 3 } })).status,
    ).toBe(404);
  });
});

describe('writes', () => {
  const propertyID = () => sim.portfolio.properties[0]?.propertyID as string;

  it('creates a work order: {workOrder, schedulingStatusID}, attributed to the API user, notifying the vendor by default', async () => {
    const created = await call('/maintenance/work-orders', {
      method: 'POST',
      body: { propertyID: Number(propertyID()), description: '<p>Broken blinds</p>', priorityID: 2 },
    });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      workOrder: expect.objectContaining({ propertyID: propertyID() }),
      schedulingStatusID: null,
    });
    const id = created.body.workOrder.workOrderID;
    expect(sim.portfolio.workOrder(id)?.priorityID).toBe('2');
    expect(sim.portfolio.vendorNotification(id)).toBe(true);
    const quiet = await call('/maintenance/work-orders', {
      method: 'POST',
      body: { propertyID: propertyID(), description: 'x', priorityID: '1', sendVendorNotification: false },
    });
    expect(sim.portfolio.vendorNotification(quiet.body.workOrder.workOrderID)).toBe(false);
  });

  it('does not deduplicate: posting twice makes two', async () => {
    const before = sim.portfolio.workOrders.length;
    const body = { propertyID: propertyID(), description: 'Same request', priorityID: 1 };
    const a = await call('/maintenance/work-orders', { method: 'POST', body });
    const b = await call('/maintenance/work-orders', { method: 'POST', body });
    expect(a.body.workOrder.workOrderID).not.toBe(b.body.workOrder.workOrderID);
    expect(sim.portfolio.workOrders.length).toBe(before + 2);
  });

  it('refuses a bad create with 400 and a field map', async () => {
    const missing = await call('/maintenance/work-orders', { method: 'POST', body: {} });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body).sort()).toEqual(['description', 'priorityID', 'propertyID']);
    expect(missing.body.propertyID).toEqual([expect.any(String)]);
    const urgent = await call('/maintenance/work-orders', {
      method: 'POST',
      body: { propertyID: propertyID(), description: 'x', priorityID: 4 },
    });
    expect(urgent.status).toBe(400);
    expect(Object.keys(urgent.body)).toEqual(['priorityID']);
    const garbled = await fetch(`${sim.baseUrl}/maintenance/work-orders`, {
      method: 'POST',
      headers: { authorization: basic(sim.credentials.accessKey, sim.credentials.secret) },
      body: '{"propertyID": ',
    });
    expect(garbled.status).toBe(400);
  });

  it('updates by POST with a bare body, moving dateTimeModified; a wrapped body answers 200 and changes nothing', async () => {
    const workOrder = sim.portfolio.openWorkOrders()[0];
    const id = workOrder?.workOrderID as string;
    const before = { ...workOrder };
    const wrapped = await call(`/maintenance/work-orders/${id}`, {
      method: 'POST',
      body: { workOrder: { priorityID: 3, workOrderStatusID: 16 } },
    });
    expect(wrapped.status).toBe(200);
    expect(sim.portfolio.workOrder(id)).toEqual(before);
    const next = before.priorityID === '3' ? '1' : '3';
    const bare = await call(`/maintenance/work-orders/${id}`, {
      method: 'POST',
      body: { priorityID: Number(next), workOrderStatusID: '16' },
    });
    expect(bare.status).toBe(200);
    expect(bare.body.workOrder).toMatchObject({
      priorityID: next,
      workOrderStatusID: '16',
      primaryWorkOrderStatusID: '5',
    });
    expect(bare.body).toHaveProperty('schedulingStatusID');
    expect(bare.body.workOrder.dateTimeModified > (before.dateTimeModified as string)).toBe(true);
  });

  it('updates a lease by POST; startDate is required', async () => {
    const lease = sim.portfolio.leases.find((l) => l.primaryLeaseStatusID === '2');
    const id = lease?.leaseID as string;
    expect((await call(`/leases/${id}`, { method: 'POST', body: { noticeDate: '2026-12-01' } })).status).toBe(
      400,
    );
    const updated = await call(`/leases/${id}`, {
      method: 'POST',
      body: { startDate: lease?.startDate, noticeDate: '2026-12-01' },
    });
    expect(updated.body.lease.noticeDate).toBe('2026-12-01');
  });
});

describe('faults', () => {
  it('answers 429 with Retry-After for the next N matching requests', async () => {
    const fault = sim.faults.add({ status: 429, retryAfterSeconds: 2, times: 2, path: '/leases/export' });
    const first = await call('/leases/export');
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('2');
    expect((await call('/properties')).status).toBe(200);
    expect((await call('/leases/export')).status).toBe(429);
    expect((await call('/leases/export')).status).toBe(200);
    expect(fault.hits).toBe(2);
  });

  it('answers 500, delays, and drops the connection', async () => {
    sim.faults.add({ status: 500, path: /^\/properties$/ });
    expect((await call('/properties')).status).toBe(500);
    sim.faults.add({ delayMs: 50 });
    expect((await call('/properties')).status).toBe(200);
    sim.faults.add({ drop: true, method: 'GET' });
    await expect(call('/properties')).rejects.toThrow();
    expect(sim.requests.at(-1)?.status).toBe(0);
    expect((await call('/properties')).status).toBe(200);
  });

  it('repeats rows across pages as when records are inserted ahead of a client paging', async () => {
    sim.faults.add({ shiftRows: 2, times: Number.POSITIVE_INFINITY, path: '/properties/units/export' });
    const ids: string[] = [];
    for (let page = 1; page <= 100; page++) {
      const rows = (await call(`/properties/units/export?page=${page}&pageSize=50`)).body as {
        unit: { unitID: string };
      }[];
      ids.push(...rows.map((row) => row.unit.unitID));
      if (rows.length < 50) break;
    }
    expect(new Set(ids).size).toBe(sim.portfolio.units.length);
    expect(ids.length).toBeGreaterThan(sim.portfolio.units.length);
    expect((await call('/properties/units/export?pageSize=50')).body).toHaveLength(50);
  });

  it('asks a background schedule for requests no added fault matches, until it is removed', async () => {
    const seen: string[] = [];
    sim.faults.background(({ method, path, isWrite }) => {
      seen.push(`${method} ${path} ${isWrite}`);
      return { status: 503 };
    });
    try {
      sim.faults.add({ status: 429, path: '/leases/export' });
      expect((await call('/leases/export')).status).toBe(429);
      expect((await call('/properties')).status).toBe(503);
      sim.faults.clear();
      expect((await call('/leases/export')).status).toBe(503);
    } finally {
      sim.faults.background(undefined);
    }
    expect((await call('/properties')).status).toBe(200);
    expect(seen).toEqual(['GET /properties false', 'GET /leases/export false']);
  });

  it('lets a write answer 200 and change nothing', async () => {
    const workOrder = sim.portfolio.openWorkOrders()[1];
    const before = { ...workOrder };
    sim.faults.add({ ignoreWrite: true });
    const response = await call(`/maintenance/work-orders/${workOrder?.workOrderID}`, {
      method: 'POST',
      body: { priorityID: before.priorityID === '1' ? 2 : 1 },
    });
    expect(response.status).toBe(200);
    expect(sim.portfolio.workOrder(workOrder?.workOrderID as string)).toEqual(before);
  });
});

describe('test helpers', () => {
  it('change k records of each resource, moving their modified time forward', async () => {
    const p = sim.portfolio;
    type Versions = Map<string, string>;
    const versionsOf = <T extends { dateTimeModified: string }>(
      records: T[],
      idOf: (r: T) => string,
    ): Versions => new Map(records.map((r) => [idOf(r), r.dateTimeModified]));
    const resources = {
      properties: () => versionsOf(p.properties, (r) => r.propertyID),
      units: () => versionsOf(p.units, (r) => r.unitID),
      leases: () => versionsOf(p.leases, (r) => r.leaseID),
      workOrders: () => versionsOf(p.workOrders, (r) => r.workOrderID),
      vendors: () => versionsOf(p.contacts('vendor'), (r) => r.contactID),
    };
    const before = Object.fromEntries(Object.entries(resources).map(([name, read]) => [name, read()]));
    const changed: Record<keyof typeof resources, string[]> = {
      properties: p.changeProperties(2),
      units: p.changeUnits(3),
      leases: p.changeLeases(4, { webhook: false }),
      workOrders: p.changeWorkOrders(5, { webhook: false }),
      vendors: p.changeContacts('vendor', 2),
    };
    for (const [name, read] of Object.entries(resources) as [keyof typeof resources, () => Versions][]) {
      const moved = [...read()].filter(([id, at]) => at > (before[name]?.get(id) ?? '')).map(([id]) => id);
      expect(moved.sort(), name).toEqual([...changed[name]].sort());
    }
    // An incremental read finds them: the export filtered by the newest modified time before the change.
    const since = [...(before.leases?.values() ?? [])].sort().at(-1) as string;
    const fresh = (
      await call(`/leases/export?pageSize=2000&dateTimeModifiedMin=${encodeURIComponent(since)}`)
    ).body as { lease: { leaseID: string } }[];
    const ids = fresh.map((row) => row.lease.leaseID);
    expect(ids).toEqual(expect.arrayContaining(changed.leases));
    expect(ids.sort()).toEqual(
      p.leases
        .filter((l) => l.dateTimeModified >= since)
        .map((l) => l.leaseID)
        .sort(),
    );
  });
});
