import { describe, expect, it } from 'vitest';
import { implementations } from './implementations.ts';

describe.each(implementations())('EntitySnapshotStore contract: $name', (implementation) => {
  const at = '2026-11-21T10:00:00.000Z';
  const version = (dateTimeModified?: string, data: object = { v: dateTimeModified }) =>
    ({ kind: 'work_order', id: '42', data, ...(dateTimeModified ? { dateTimeModified } : {}) }) as const;

  it('moves forward only; the same version is rewritten only with other data; an undated one only fills a gap', async () => {
    const world = await implementation.world();
    const { snapshots, orgId } = world;
    expect(await snapshots.put(orgId, version('2026-11-21 09:00:00'), at)).toBe('created');
    expect(await snapshots.put(orgId, version('2026-11-21 10:00:00'), at)).toBe('updated');
    expect(await snapshots.put(orgId, version('2026-11-21 10:00:00'), at)).toBe('unchanged');
    expect(await snapshots.put(orgId, version('2026-11-21 10:00:00', { v: 'more fields' }), at)).toBe(
      'refreshed',
    );
    expect(await snapshots.put(orgId, version('2026-11-21 08:00:00'), at)).toBe('stale');
    expect(await snapshots.put(orgId, version(), at)).toBe('stale');
    expect(await snapshots.get(orgId, 'work_order', '42')).toEqual({
      kind: 'work_order',
      id: '42',
      dateTimeModified: '2026-11-21 10:00:00',
      data: { v: 'more fields' },
    });
    // Another org's entity of the same id is its own.
    expect(await snapshots.get(`${orgId}-b`, 'work_order', '42')).toBeUndefined();
    expect(await snapshots.put(`${orgId}-b`, version('2026-11-21 08:00:00'), at)).toBe('created');
  });

  it('keeps undated snapshots by content', async () => {
    const world = await implementation.world();
    expect(await world.snapshots.put(world.orgId, version(undefined, { a: 1 }), at)).toBe('created');
    expect(await world.snapshots.put(world.orgId, version(undefined, { a: 1 }), at)).toBe('unchanged');
    expect(await world.snapshots.put(world.orgId, version(undefined, { a: 2 }), at)).toBe('refreshed');
    expect(await world.snapshots.get(world.orgId, 'work_order', '42')).toEqual({
      kind: 'work_order',
      id: '42',
      data: { a: 2 },
    });
  });
});

describe.each(implementations())('EntitySnapshotStore.getMany contract: $name', (implementation) => {
  it('returns the stored snapshots among the ids, of this org and kind only, across batches', async () => {
    const { snapshots, orgId } = await implementation.world();
    const ids = Array.from({ length: 130 }, (_, i) => String(i + 1));
    for (const id of ids.filter((id) => Number(id) % 2 === 0))
      await snapshots.put(
        orgId,
        { kind: 'unit', id, dateTimeModified: '2026-11-21 09:00:00', data: { id } },
        'x',
      );
    await snapshots.put(`${orgId}-b`, { kind: 'unit', id: '1', data: {} }, 'x');
    await snapshots.put(orgId, { kind: 'property', id: '1', data: {} }, 'x');
    const found = await snapshots.getMany(orgId, 'unit', [...ids, '2']);
    expect(found.size).toBe(65);
    expect(found.get('130')).toEqual({
      kind: 'unit',
      id: '130',
      dateTimeModified: '2026-11-21 09:00:00',
      data: { id: '130' },
    });
    expect(found.has('1')).toBe(false);
  });
});

describe.each(implementations())('SyncWatermarks contract: $name', (implementation) => {
  it('has none before the first pass; the high water moves forward only, per org and resource', async () => {
    const { watermarks, orgId } = await implementation.world();
    expect(await watermarks.get(orgId, 'leases')).toBeUndefined();
    await watermarks.advance(orgId, { resource: 'leases', syncedAt: '2026-11-21T10:00:00.000Z' });
    expect(await watermarks.get(orgId, 'leases')).toEqual({
      resource: 'leases',
      syncedAt: '2026-11-21T10:00:00.000Z',
    });
    await watermarks.advance(orgId, {
      resource: 'leases',
      highWater: '2026-11-21 09:00:00',
      syncedAt: '2026-11-21T10:15:00.000Z',
    });
    // A slower pass that saw less cannot pull it back, but still records that it completed.
    await watermarks.advance(orgId, {
      resource: 'leases',
      highWater: '2026-11-21 08:00:00',
      syncedAt: '2026-11-21T10:30:00.000Z',
    });
    expect(await watermarks.get(orgId, 'leases')).toEqual({
      resource: 'leases',
      highWater: '2026-11-21 09:00:00',
      syncedAt: '2026-11-21T10:30:00.000Z',
    });
    expect(await watermarks.get(orgId, 'units')).toBeUndefined();
    expect(await watermarks.get(`${orgId}-b`, 'leases')).toBeUndefined();
  });
});

describe.each(implementations())(
  'OrgSettingsStore and IntegrationStore contracts: $name',
  (implementation) => {
    it('answers the defaults until settings are saved, then what was saved', async () => {
      const world = await implementation.world();
      expect(await world.orgSettings.get(world.orgId)).toEqual({
        orgId: world.orgId,
        allowTimestamplessSignature: false,
      });
      await world.orgSettings.put({
        orgId: world.orgId,
        rentvineUserId: '42',
        allowTimestamplessSignature: true,
      });
      expect(await world.orgSettings.get(world.orgId)).toEqual({
        orgId: world.orgId,
        rentvineUserId: '42',
        allowTimestamplessSignature: true,
      });
    });

    it("keeps the org's emergency settings, the per-property map whole, and replaces it on a put", async () => {
      const world = await implementation.world();
      const emergency = {
        orgId: world.orgId,
        allowTimestamplessSignature: false,
        emergencyResponseMinutes: 45,
        waterShutOffLocation: 'la llave azul debajo del fregadero',
        waterShutOffLocationByProperty: {
          '5150': 'the valve in the garage',
          '77': 'the meter box by the gate',
        },
      };
      await world.orgSettings.put(emergency);
      expect(await world.orgSettings.get(world.orgId)).toEqual(emergency);
      await world.orgSettings.put({
        ...emergency,
        waterShutOffLocationByProperty: { '77': 'the meter box' },
      });
      expect((await world.orgSettings.get(world.orgId)).waterShutOffLocationByProperty).toEqual({
        '77': 'the meter box',
      });
      expect(await world.orgSettings.get(`${world.orgId}-other`)).toEqual({
        orgId: `${world.orgId}-other`,
        allowTimestamplessSignature: false,
      });
    });

    it('keeps an integration by its id', async () => {
      const world = await implementation.world();
      const integration = {
        integrationId: `${world.orgId}-forms`,
        orgId: world.orgId,
        name: 'Forms',
        allowedCidrs: ['10.0.0.0/8'],
      };
      expect(await world.integrations.get(integration.integrationId)).toBeUndefined();
      await world.integrations.put(integration);
      expect(await world.integrations.get(integration.integrationId)).toEqual(integration);
    });
  },
);
