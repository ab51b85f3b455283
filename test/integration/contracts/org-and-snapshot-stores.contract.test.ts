import { describe, expect, it } from 'vitest';
import { implementations } from './implementations.ts';

describe.each(implementations())('EntitySnapshotStore contract: $name', (implementation) => {
  it('moves forward only; an equal version rewrites, an undated snapshot only fills a gap', async () => {
    const world = await implementation.world();
    const at = '2026-11-21T10:00:00.000Z';
    const version = (dateTimeModified?: string) =>
      ({
        kind: 'work_order',
        id: '42',
        data: { v: dateTimeModified },
        ...(dateTimeModified ? { dateTimeModified } : {}),
      }) as const;
    expect(await world.snapshots.put(world.orgId, version('2026-11-21 09:00:00'), at)).toBe('written');
    expect(await world.snapshots.put(world.orgId, version('2026-11-21 10:00:00'), at)).toBe('written');
    expect(await world.snapshots.put(world.orgId, version('2026-11-21 10:00:00'), at)).toBe('written');
    expect(await world.snapshots.put(world.orgId, version('2026-11-21 08:00:00'), at)).toBe('stale');
    expect(await world.snapshots.put(world.orgId, version(), at)).toBe('stale');
    // Another org's entity of the same id is its own.
    expect(await world.snapshots.put(`${world.orgId}-b`, version('2026-11-21 08:00:00'), at)).toBe('written');
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
