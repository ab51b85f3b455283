import { describe, expect, it } from 'vitest';
import { InvalidCursorError } from '#domain/inbox/stored-event.ts';
import type { EntitySnapshot } from '#domain/rentvine/ports.ts';
import { implementations } from './implementations.ts';

const AT = '2026-11-21T10:00:00.000Z';
const LATER = '2026-11-21T12:00:00.000Z';

describe.each(implementations())('OrgStore contract: $name', (implementation) => {
  it('creates an org once; a second create changes nothing', async () => {
    const world = await implementation.world();
    const org = { orgId: world.orgId, name: 'Acme Property Management', createdAt: AT };
    expect(await world.orgs.get(world.orgId)).toBeUndefined();
    expect(await world.orgs.create(org)).toBe(true);
    expect(await world.orgs.create({ ...org, name: 'Someone else' })).toBe(false);
    expect(await world.orgs.get(world.orgId)).toEqual(org);
  });
});

describe.each(implementations())('IntegrationStore contract: $name', (implementation) => {
  it('creates an id once across orgs, lists per org oldest first, deletes only its own', async () => {
    const world = await implementation.world();
    const other = `${world.orgId}-b`;
    const forms = { integrationId: `${world.orgId}-forms`, orgId: world.orgId, name: 'Forms', createdAt: AT };
    const phone = {
      integrationId: `${world.orgId}-phone`,
      orgId: world.orgId,
      name: 'Phone',
      createdAt: LATER,
    };
    expect(await world.integrations.create(phone)).toBe(true);
    expect(await world.integrations.create(forms)).toBe(true);
    // Ids are global: another org cannot take one, nor can the same org twice.
    expect(await world.integrations.create({ ...forms, orgId: other })).toBe(false);
    expect(await world.integrations.create(forms)).toBe(false);
    expect(await world.integrations.list(world.orgId)).toEqual([forms, phone]);
    expect(await world.integrations.list(other)).toEqual([]);

    expect(await world.integrations.delete(other, forms.integrationId)).toBe(false);
    expect(await world.integrations.get(forms.integrationId)).toEqual(forms);
    expect(await world.integrations.delete(world.orgId, forms.integrationId)).toBe(true);
    expect(await world.integrations.get(forms.integrationId)).toBeUndefined();
    expect(await world.integrations.list(world.orgId)).toEqual([phone]);
    expect(await world.integrations.delete(world.orgId, forms.integrationId)).toBe(false);
  });

  it("never writes over another org's integration of the same id", async () => {
    const world = await implementation.world();
    const forms = { integrationId: `${world.orgId}-seeded`, orgId: world.orgId, name: 'Forms' };
    await world.integrations.put(forms);
    await world.integrations.put({ ...forms, name: 'Forms (renamed)' });
    await expect(world.integrations.put({ ...forms, orgId: `${world.orgId}-b` })).rejects.toThrow();
    expect(await world.integrations.get(forms.integrationId)).toEqual({ ...forms, name: 'Forms (renamed)' });
  });
});

describe.each(implementations())('WebhookSecretsWriter contract: $name', (implementation) => {
  it('never answers an expired secret, and a plain string keeps its stored expiry and origin', async () => {
    const world = await implementation.world();
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const past = new Date(Date.now() - 1_000).toISOString();
    await world.webhookSecrets.setSecrets(world.orgId, [
      { secret: 'new-secret', origin: 'platform' },
      { secret: 'grace-secret', expiresAt: future, origin: 'platform' },
      { secret: 'gone-secret', expiresAt: past },
    ]);
    expect(await world.webhookSecrets.secretsFor(world.orgId)).toEqual(['new-secret', 'grace-secret']);
    // As `aictive rentvine signing-key add` does it: read the list, append, write it back.
    const read = await world.webhookSecrets.secretsFor(world.orgId);
    await world.webhookSecrets.setSecrets(world.orgId, [...read, 'rentvine-key']);
    expect(await world.webhookSecrets.entriesFor(world.orgId)).toEqual([
      { secret: 'new-secret', origin: 'platform' },
      { secret: 'grace-secret', expiresAt: future, origin: 'platform' },
      { secret: 'rentvine-key' },
    ]);
    await world.webhookSecrets.setSecrets(world.orgId, []);
    expect(await world.webhookSecrets.secretsFor(world.orgId)).toEqual([]);
  });
});

describe.each(implementations())('SnapshotCatalogue contract: $name', (implementation) => {
  const workOrder = (id: string, propertyId: string, primaryStatusId: number): EntitySnapshot => ({
    kind: 'work_order',
    id,
    dateTimeModified: '2026-11-20 09:00:00',
    data: { workOrderId: id, propertyId, primaryStatusId, description: `work order ${id}` },
  });

  it('lists one kind of the org in id order, filtered by status, property and time stored', async () => {
    const world = await implementation.world();
    await world.snapshots.put(world.orgId, workOrder('101', '7', 2), AT);
    await world.snapshots.put(world.orgId, workOrder('102', '8', 2), AT);
    await world.snapshots.put(world.orgId, workOrder('103', '7', 3), LATER);
    await world.snapshots.put(world.orgId, { kind: 'lease_charge', id: '1', data: { leaseId: '5' } }, AT);
    await world.snapshots.put(world.orgId, { kind: 'lease', id: '5', data: { leaseId: '5' } }, AT);
    await world.snapshots.put(`${world.orgId}-b`, workOrder('104', '7', 2), AT);
    const ids = async (query: Omit<Parameters<typeof world.catalogue.list>[1], 'limit'>) =>
      (await world.catalogue.list(world.orgId, { limit: 50, ...query })).items.map((item) => item.id);

    expect(await ids({ kind: 'work_order' })).toEqual(['101', '102', '103']);
    expect(await ids({ kind: 'work_order', status: 'open' })).toEqual(['101', '102']);
    expect(await ids({ kind: 'work_order', status: 'on_hold' })).toEqual([]);
    // A word the kind has no status for matches nothing rather than everything.
    expect(await ids({ kind: 'work_order', status: 'inactive' })).toEqual([]);
    expect(await ids({ kind: 'work_order', propertyId: '7' })).toEqual(['101', '103']);
    expect(await ids({ kind: 'work_order', since: '2026-11-21T11:00:00.000Z' })).toEqual(['103']);
    // `LEASE#` is not a prefix of `LEASECHARGE#`.
    expect(await ids({ kind: 'lease' })).toEqual(['5']);
    const [first] = (await world.catalogue.list(world.orgId, { kind: 'work_order', limit: 1 })).items;
    expect(first).toEqual({ id: '101', data: workOrder('101', '7', 2).data, updatedAt: AT });
  });

  it('tells tenants from vendors by the role the reader gave them, and active from inactive', async () => {
    const world = await implementation.world();
    const contact = (id: string, role: string, isActive: boolean): EntitySnapshot => ({
      kind: 'contact',
      id,
      data: { contactId: id, role, isActive },
    });
    await world.snapshots.put(world.orgId, contact('1', 'tenant', true), AT);
    await world.snapshots.put(world.orgId, contact('2', 'vendor', true), AT);
    await world.snapshots.put(world.orgId, contact('3', 'tenant', false), AT);
    const ids = async (role: 'tenant' | 'vendor', status?: string) =>
      (await world.catalogue.list(world.orgId, { kind: 'contact', role, status, limit: 50 })).items.map(
        (i) => i.id,
      );
    expect(await ids('tenant')).toEqual(['1', '3']);
    expect(await ids('vendor')).toEqual(['2']);
    expect(await ids('tenant', 'inactive')).toEqual(['3']);
  });

  it('pages with a cursor that only its own org and kind accept', async () => {
    const world = await implementation.world();
    for (const id of ['201', '202', '203', '204', '205'])
      await world.snapshots.put(world.orgId, workOrder(id, '7', id === '203' ? 3 : 2), AT);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const answer = await world.catalogue.list(world.orgId, {
        kind: 'work_order',
        status: 'open',
        limit: 2,
        cursor,
      });
      seen.push(...answer.items.map((item) => item.id));
      cursor = answer.cursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(['201', '202', '204', '205']);

    const { cursor: issued } = await world.catalogue.list(world.orgId, { kind: 'work_order', limit: 1 });
    expect(issued).toBeDefined();
    await expect(
      world.catalogue.list(`${world.orgId}-b`, { kind: 'work_order', limit: 1, cursor: issued }),
    ).rejects.toThrow(InvalidCursorError);
    await expect(
      world.catalogue.list(world.orgId, { kind: 'lease', limit: 1, cursor: issued }),
    ).rejects.toThrow(InvalidCursorError);
    await expect(
      world.catalogue.list(world.orgId, { kind: 'work_order', limit: 1, cursor: 'bm90LWEtY3Vyc29y' }),
    ).rejects.toThrow(InvalidCursorError);
  });
});
