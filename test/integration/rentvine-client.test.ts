import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EntitySnapshot, RentvineAccount } from '#domain/rentvine/ports.ts';
import { RentvineError } from '#domain/rentvine/ports.ts';
import type { ContactSnapshot, LeaseSnapshot, UnitSnapshot } from '#domain/rentvine/snapshots.ts';
import { type RentvineSimulator, startRentvineSimulator } from '#lib/local/rentvine-simulator/server.ts';
import { simulatorAccount } from '#test/support/rentvine-client.ts';
import { applyFaultMode, FAULT_MODES, type FaultMix } from '#test/support/rentvine-fault-mix.ts';

async function all(pages: AsyncIterable<{ records: readonly EntitySnapshot[]; filtered: boolean }>) {
  const records: EntitySnapshot[] = [];
  const filtered: boolean[] = [];
  for await (const page of pages) {
    records.push(...page.records);
    filtered.push(page.filtered);
  }
  return { records, filtered };
}

/** The client against the simulator: auth, paging, coercion and single reads; clean, then with faults on. */
describe.each(FAULT_MODES)('the client on the simulator, $name', (mode) => {
  let sim: RentvineSimulator;
  let account: RentvineAccount;

  /** Counts of requests count what the client would have sent to a clean simulator: `mix.answered`. */
  let mix: FaultMix;

  beforeAll(async () => {
    sim = await startRentvineSimulator({ seed: 7 });
    mix = applyFaultMode(sim, mode);
    account = await simulatorAccount(sim);
  });
  afterAll(async () => sim?.close());
  afterEach(() => {
    sim.faults.clear();
    sim.requests.length = 0;
  });

  describe('authentication', () => {
    it('sends the org’s access key and secret as HTTP Basic on every request', async () => {
      await all(account.pages('properties'));
      await account.read({ kind: 'lease', id: sim.portfolio.leases[0]?.leaseID ?? '' });
      expect(sim.requests.length).toBeGreaterThan(1);
      expect(sim.requests.every((request) => request.authorized)).toBe(true);
    });

    it('calls wrong credentials `unauthorized`, once: retrying would not help', async () => {
      const wrong = await simulatorAccount(sim, {
        credentials: { accessKey: 'not-the-key', secret: 'not-the-secret' },
      });
      await expect(wrong.probe()).rejects.toMatchObject({ name: 'RentvineError', failure: 'unauthorized' });
      expect(mix.answered(sim.requests).map((r) => [r.path, r.status])).toEqual([
        ['/maintenance/work-order/statuses', 401],
      ]);
    });
  });

  describe('paging', () => {
    it('reads every record of each resource once, at the largest page size it honours', async () => {
      for (const [resource, count, pageSize] of [
        ['properties', sim.portfolio.properties.length, 500],
        ['units', sim.portfolio.units.length, 500],
        ['leases', sim.portfolio.leases.length, 2000],
        ['tenants', sim.portfolio.contacts('tenant').length, 500],
        ['owners', sim.portfolio.contacts('owner').length, 500],
        ['vendors', sim.portfolio.contacts('vendor').length, 500],
        ['work_orders', sim.portfolio.workOrders.length, 500],
      ] as const) {
        sim.requests.length = 0;
        const { records } = await all(account.pages(resource));
        expect(records).toHaveLength(count);
        expect(new Set(records.map((r) => r.id)).size).toBe(count);
        const pages = Array.from({ length: Math.ceil(count / pageSize) }, (_, i) => [
          String(i + 1),
          String(pageSize),
        ]);
        expect([resource, mix.answered(sim.requests).map((r) => [r.query.page, r.query.pageSize])]).toEqual([
          resource,
          pages,
        ]);
      }
    });

    it('filters the exports by modified time on Rentvine’s side, and reads the other lists whole', async () => {
      const unit = sim.portfolio.units[3];
      const tenant = sim.portfolio.contacts('tenant')[0];
      if (!unit || !tenant) throw new Error('seeded portfolio too small');
      const since = new Date(Date.now() - 1_000).toISOString();
      sim.portfolio.updateUnit(unit.unitID, { name: 'Unit 3B (renamed)' });

      const units = await all(account.pages('units', { modifiedSince: since }));
      const tenants = await all(account.pages('tenants', { modifiedSince: since }));

      expect(units.records.map((r) => r.id)).toEqual([unit.unitID]);
      expect(units.filtered).toEqual([true]);
      expect(tenants.records).toHaveLength(sim.portfolio.contacts('tenant').length);
      expect(tenants.filtered.every((f) => f === false)).toBe(true);
      const [unitsRequest, tenantsRequest] = mix.answered(sim.requests);
      expect(unitsRequest?.query.dateTimeModifiedMin).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(tenantsRequest?.query.dateTimeModifiedMin).toBeUndefined();
    });
  });

  describe('paging across several pages', () => {
    let big: RentvineSimulator;
    let bigAccount: RentvineAccount;
    let bigMix: FaultMix;
    beforeAll(async () => {
      big = await startRentvineSimulator({ seed: 3, properties: 40, units: 1_200 });
      bigMix = applyFaultMode(big, mode);
      bigAccount = await simulatorAccount(big);
    });
    afterAll(async () => big?.close());

    it('stops on the short last page, without headers to say so', async () => {
      big.requests.length = 0;
      const { records } = await all(bigAccount.pages('units'));
      expect(records).toHaveLength(1_200);
      expect(bigMix.answered(big.requests).map((r) => r.query.page)).toEqual(['1', '2', '3']);
    });

    it('reads a row met twice across pages once (a record modified mid-sync moves between pages)', async () => {
      // 700 units modified after `since`; the first unit is not, until page 1 has been read.
      const since = new Date(Date.now() - 1_000).toISOString();
      const [first, ...rest] = big.portfolio.units;
      if (!first) throw new Error('no units');
      for (const unit of rest.slice(0, 700)) big.portfolio.updateUnit(unit.unitID, { name: `${unit.name}.` });
      big.requests.length = 0;

      const seen: string[] = [];
      let page = 0;
      for await (const { records } of bigAccount.pages('units', { modifiedSince: since })) {
        seen.push(...records.map((r) => r.id));
        page += 1;
        // Now it matches the filter and is listed first: page 2 starts with page 1's last row.
        if (page === 1) big.portfolio.updateUnit(first.unitID, { name: `${first.name}.` });
      }

      expect(bigMix.answered(big.requests)).toHaveLength(2);
      expect(seen).toHaveLength(new Set(seen).size);
      expect(seen).toHaveLength(700);
    });

    it('reads each row once when every later page repeats the previous page’s last rows', async () => {
      big.faults.add({ path: '/properties/units/export', shiftRows: 7, times: Number.POSITIVE_INFINITY });
      big.requests.length = 0;
      const ids: string[] = [];
      for await (const { records } of bigAccount.pages('units')) ids.push(...records.map((r) => r.id));
      big.faults.clear();

      expect(ids).toHaveLength(1_200);
      expect(new Set(ids).size).toBe(1_200);
      expect(bigMix.answered(big.requests).map((r) => r.query.page)).toEqual(['1', '2', '3']);
    });

    it('spends no empty request on a list whose size is a multiple of the page size when headers give the count', async () => {
      // Work orders come with pagination-* headers; make them exactly two full pages.
      const property = big.portfolio.properties[0];
      if (!property) throw new Error('no property');
      while (big.portfolio.workOrders.length < 1_000)
        big.portfolio.createWorkOrder({
          propertyID: property.propertyID,
          description: 'Filter change',
          priorityID: '1',
        });
      big.requests.length = 0;

      const { records } = await all(bigAccount.pages('work_orders'));

      expect(records).toHaveLength(1_000);
      // Without the headers a third, empty page would be asked for to learn the list had ended.
      expect(bigMix.answered(big.requests).map((r) => r.query.page)).toEqual(['1', '2']);
    });
  });

  describe('coercion at the boundary', () => {
    it('turns string ids, flags and money into the platform’s types, and keeps unknown fields out', async () => {
      const { records } = await all(account.pages('units'));
      const wire = sim.portfolio.units[0];
      const unit = records.find((r) => r.id === wire?.unitID)?.data as UnitSnapshot;
      expect(unit).toMatchObject({ unitId: wire?.unitID, propertyId: wire?.propertyID });
      expect(typeof unit.rent).toBe('number');
      expect(unit.rent).toBe(Number(wire?.rent));
      expect(typeof unit.isActive).toBe('boolean');
      expect(Object.keys(unit)).not.toContain('dateTimeCreated');
    });

    it('puts the export’s balances on each lease', async () => {
      const { records } = await all(account.pages('leases'));
      const wire = sim.portfolio.leases.find(
        (l) => Number(sim.portfolio.balances(l.leaseID).pastDueTotalAmount) > 0,
      );
      if (!wire) throw new Error('the seed has no past-due lease');
      const lease = records.find((r) => r.id === wire.leaseID)?.data as LeaseSnapshot;
      expect(lease.balances?.pastDueTotal).toBe(
        Number(sim.portfolio.balances(wire.leaseID).pastDueTotalAmount),
      );
      expect(lease.tenants.length).toBeGreaterThan(0);
    });

    it('drops personal data from contacts and gives each its role', async () => {
      const { records } = await all(account.pages('owners'));
      expect(records.length).toBeGreaterThan(0);
      for (const record of records) {
        expect((record.data as ContactSnapshot).role).toBe('owner');
        expect(JSON.stringify(record.data)).not.toMatch(/birth|identification|bank|routing/i);
      }
    });
  });

  describe('single reads', () => {
    it('reads each kind fresh at its own path', async () => {
      const unit = sim.portfolio.units[5];
      const lease = sim.portfolio.leases[0];
      const vendor = sim.portfolio.contacts('vendor')[0];
      const workOrder = sim.portfolio.workOrders[0];
      if (!unit || !lease || !vendor || !workOrder) throw new Error('seeded portfolio too small');

      expect(
        await account.read({ kind: 'unit', id: unit.unitID, propertyId: unit.propertyID }),
      ).toMatchObject({
        kind: 'unit',
        id: unit.unitID,
      });
      const read = await account.read({ kind: 'lease', id: lease.leaseID });
      expect((read?.data as LeaseSnapshot | undefined)?.tenants.map((t) => t.contactId)).toEqual(
        lease.tenants.map((t) => t.contactID),
      );
      expect(
        (await account.read({ kind: 'contact', id: vendor.contactID, role: 'vendor' }))?.data,
      ).toMatchObject({
        role: 'vendor',
      });
      expect(await account.read({ kind: 'work_order', id: workOrder.workOrderID })).toMatchObject({
        id: workOrder.workOrderID,
        dateTimeModified: workOrder.dateTimeModified,
      });
    });

    it('answers undefined for an id Rentvine does not have', async () => {
      expect(
        await account.read({ kind: 'property', id: sim.portfolio.unusedId('property') }),
      ).toBeUndefined();
      expect(mix.answered(sim.requests).map((r) => r.status)).toEqual([404]);
    });

    it('fails a call that cannot succeed with a RentvineError', async () => {
      sim.faults.add({ status: 503, times: 10 });
      const error = await account.probe().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RentvineError);
      expect(error).toMatchObject({ failure: 'unavailable' });
    });
  });

  it('ran under its mode: faults on means the mix failed requests the client absorbed', () => {
    expect(mix.injected > 0).toBe(mode.seed !== undefined);
  });
});
