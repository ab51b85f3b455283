import { describe, expect, it } from 'vitest';
import { SnapshotGroundingSource } from '#adapters/grounding/snapshot-grounding-source.ts';
import { composeReplyDraft } from '#domain/drafts/compose.ts';
import { ungroundedStatements } from '#domain/drafts/grounding-check.ts';
import { templateReplyDrafter } from '#domain/drafts/template-drafter.ts';
import { ENTITIES, type EntityKind } from '#domain/rentvine/event-types.ts';
import type { EntitySnapshot } from '#domain/rentvine/ports.ts';
import { triage as triageOf } from '#test/unit/drafts/triages.ts';
import { implementations } from './contracts/implementations.ts';

/** A Rentvine wire row (made-up data) read through the domain's own schema, as the sync stores it. */
function record(kind: EntityKind, row: object): EntitySnapshot {
  const read = ENTITIES[kind].read(row);
  if (!read.ok) throw new Error(`fixture ${kind} does not parse: ${read.error.message}`);
  const { dateTimeModified } = read.snapshot;
  return { kind, id: read.id, ...(dateTimeModified ? { dateTimeModified } : {}), data: read.snapshot };
}

const lease = (leaseID: string, fields: Record<string, unknown>) =>
  record('lease', {
    lease: {
      leaseID,
      propertyID: '12',
      unitID: '301',
      primaryLeaseStatusID: 2,
      dateTimeModified: '2026-11-20 10:00:00',
      ...fields,
    },
  });
const workOrder = (workOrderID: string, fields: Record<string, unknown>) =>
  record('work_order', {
    workOrder: {
      workOrderID,
      propertyID: '12',
      description: '<p>Kitchen faucet drips</p>',
      dateTimeModified: '2026-11-21 10:00:00',
      ...fields,
    },
  });

const MARIA = { contactID: '900', name: 'Maria Example', email: 'Maria.Example@Example.com' };

/** The org's synced records: Maria's active lease, another tenant's, and work orders across units. */
const RECORDS: EntitySnapshot[] = [
  lease('4410', {
    endDate: '2027-06-30',
    tenants: [MARIA],
    balances: { unpaidTotalAmount: '1180.50', pastDueTotalAmount: '95.00' },
  }),
  lease('3300', { primaryLeaseStatusID: 3, endDate: '2025-06-30', tenants: [MARIA] }),
  lease('4411', { unitID: '302', endDate: '2027-01-31', tenants: [{ contactID: '901', name: 'Sam Other' }] }),
  record('contact', {
    contact: { contactID: '901', role: 'tenant', name: 'Sam Other', email: 'sam@example.com' },
  }),
  workOrder('5150', { unitID: '301', primaryWorkOrderStatusID: 2, scheduledStartDate: '2026-12-02' }),
  workOrder('5151', { unitID: '301', primaryWorkOrderStatusID: 3 }),
  workOrder('5152', { unitID: '302', primaryWorkOrderStatusID: 2 }),
];

describe.each(implementations())(
  'SnapshotGroundingSource over the synced snapshots: $name',
  (implementation) => {
    async function seeded(limits = {}) {
      const world = await implementation.world();
      for (const snapshot of RECORDS)
        await world.snapshots.put(world.orgId, snapshot, '2026-11-27T10:00:00.000Z');
      return { world, source: new SnapshotGroundingSource(world.snapshots, world.catalogue, limits) };
    }

    it('matches the sender to the tenant on their current lease and states its records, each cited', async () => {
      const { world, source } = await seeded();
      const facts = await source.factsFor({
        orgId: world.orgId,
        from: 'Maria Example <maria.example@example.com>',
      });
      const lease4410 = { kind: 'lease', id: '4410' } as const;
      const order5150 = { kind: 'work_order', id: '5150' } as const;
      expect(
        facts.map(({ topic, value, statement, citation }) => [topic, value, statement, citation]),
      ).toEqual([
        ['lease_end', '2027-06-30', 'Our records show your lease ends on June 30, 2027.', lease4410],
        ['balance_due', '1180.50', 'Our records show a balance of $1,180.50 on your account.', lease4410],
        ['past_due', '95.00', 'Our records show $95.00 of it past due.', lease4410],
        ['work_order_status', 'open', 'Work order 5150 is open in our records.', order5150],
        [
          'work_order_scheduled',
          '2026-12-02',
          'Work order 5150 is scheduled to start on December 2, 2026.',
          order5150,
        ],
      ]);
    });

    it('reads the lease a request names when the sender is a tenant on it, with its unit’s open work orders only', async () => {
      const { world, source } = await seeded();
      // Sam is on 4411 through his tenant contact's email; Maria is on 4410 and (closed) 3300.
      const facts = await source.factsFor({ orgId: world.orgId, from: 'Sam@Example.com', leaseId: '4411' });
      expect(facts.map((f) => [f.topic, f.citation.id])).toEqual([
        ['lease_end', '4411'],
        ['work_order_status', '5152'],
      ]);
      const closed = await source.factsFor({ orgId: world.orgId, from: MARIA.email, leaseId: '3300' });
      expect(closed.filter((f) => f.citation.kind === 'lease').map((f) => f.citation.id)).toEqual(['3300']);
    });

    it('states nothing from a named lease the sender is not a tenant on', async () => {
      const { world, source } = await seeded();
      for (const from of ['anyone@example.com', MARIA.email, 'not an address'])
        expect(await source.factsFor({ orgId: world.orgId, from, leaseId: '4411' }), from).toEqual([]);
      expect(await source.factsFor({ orgId: world.orgId, from: 'sam@example.com', leaseId: '4410' })).toEqual(
        [],
      );
      expect(
        await source.factsFor({ orgId: world.orgId, from: MARIA.email, leaseId: 'no-such-lease' }),
      ).toEqual([]);
    });

    it('matches a tenant whose lease row has no email through their tenant contact, across listing pages', async () => {
      const { world, source } = await seeded({ pageSize: 1 });
      const facts = await source.factsFor({ orgId: world.orgId, from: 'SAM@example.com' });
      expect(facts.map((f) => f.citation.id)).toEqual(['4411', '5152']);
    });

    it('states nothing for a sender on no lease, or on two equally current leases', async () => {
      const { world, source } = await seeded();
      expect(await source.factsFor({ orgId: world.orgId, from: 'stranger@example.com' })).toEqual([]);
      expect(await source.factsFor({ orgId: world.orgId, from: 'not an address' })).toEqual([]);
      await world.snapshots.put(world.orgId, lease('4499', { unitID: '309', tenants: [MARIA] }), 'x');
      expect(await source.factsFor({ orgId: world.orgId, from: MARIA.email })).toEqual([]);
    });

    it('never reads another org’s records', async () => {
      const { world, source } = await seeded();
      const other = `${world.orgId}-other`;
      expect(await source.factsFor({ orgId: other, from: MARIA.email })).toEqual([]);
      expect(await source.factsFor({ orgId: other, from: MARIA.email, leaseId: '4410' })).toEqual([]);
    });

    it('the facts it finds reach the draft with their citations; a question with no record is checked, not guessed', async () => {
      const { world, source } = await seeded();
      const triage = triageOf({ category: 'rent_payment', routeTo: 'accountant', maintenance: undefined });
      const message = { subject: 'Balance', text: 'How much do I owe?' };
      for (const [from, stated] of [
        [MARIA.email, true],
        ['stranger@example.com', false],
      ] as const) {
        const facts = await source.factsFor({ orgId: world.orgId, from });
        const body = await templateReplyDrafter.draft({
          message: { from, ...message },
          triage,
          language: 'en',
          facts,
        });
        const draft = composeReplyDraft({ triage, message, body, facts, language: 'en', now: new Date() });
        expect(draft.text.includes('$1,180.50')).toBe(stated);
        expect(draft.citations.map((f) => f.citation)).toEqual(
          stated
            ? [
                { kind: 'lease', id: '4410' },
                { kind: 'lease', id: '4410' },
              ]
            : [],
        );
        expect(ungroundedStatements(draft.text, draft.citations)).toEqual([]);
        if (!stated) expect(draft.text).toContain('We will check your account balance in our records');
      }
    });
  },
);
