import { describe, expect, it } from 'vitest';
import { outboxEntry } from '#domain/messaging/outbox.ts';
import { classification, email, waiting } from './fixtures.ts';
import { implementations } from './implementations.ts';

describe.each(implementations())('EmailStore contract: $name', (implementation) => {
  it('stores an email once; a second submit of its id finds the first', async () => {
    const world = await implementation.world();
    const first = email(world.orgId, 'em_contract1', '2026-11-21T10:00:00.000Z');
    expect(await world.emails.submit(first)).toEqual({ stored: true });
    const again = await world.emails.submit({ ...first, subject: 'other' });
    expect(again).toEqual({ stored: false, existing: first });
    expect(await world.emails.get(world.orgId, first.emailId)).toEqual(first);
    expect(await world.emails.get('another-org', first.emailId)).toBeUndefined();
  });

  it('keeps the first classification saved and returns it to a later save', async () => {
    const world = await implementation.world();
    const stored = email(world.orgId, 'em_contract2', '2026-11-21T10:00:00.000Z');
    await world.emails.submit(stored);
    const first = classification('spam', 'low');
    expect(
      await world.emails.saveClassification(world.orgId, stored.emailId, first, '2026-11-21T10:01:00.000Z'),
    ).toEqual(first);
    const later = classification('maintenance_emergency', 'emergency');
    expect(
      await world.emails.saveClassification(world.orgId, stored.emailId, later, '2026-11-21T10:02:00.000Z'),
    ).toEqual(first);
    expect(await world.emails.get(world.orgId, stored.emailId)).toEqual({
      ...stored,
      status: 'classified',
      classification: first,
      classifiedAt: '2026-11-21T10:01:00.000Z',
    });
  });

  it('waits in the outbox for classification, then for the next stage named with the winning save', async () => {
    const world = await implementation.world();
    const stored = email(world.orgId, 'em_contract3', '2001-01-01T00:00:00.000Z');
    await world.emails.submit(stored);
    expect((await waiting(world, '2001-01-02T00:00:00.000Z')).map((item) => item.entry)).toEqual([
      outboxEntry('classify', { orgId: world.orgId, emailId: stored.emailId }),
    ]);
    const next = outboxEntry('workflow', { source: 'email', orgId: world.orgId, emailId: stored.emailId });
    await world.emails.saveClassification(
      world.orgId,
      stored.emailId,
      classification('complaint', 'medium'),
      '2001-01-01T00:05:00.000Z',
      next,
    );
    expect(await waiting(world, '2001-01-02T00:00:00.000Z')).toMatchObject([
      { entry: next, pendingSince: '2001-01-01T00:05:00.000Z', resends: 0 },
    ]);
  });

  it('leaves the outbox when the classification starts nothing', async () => {
    const world = await implementation.world();
    const stored = email(world.orgId, 'em_contract4', '2001-01-01T00:00:00.000Z');
    await world.emails.submit(stored);
    await world.emails.saveClassification(
      world.orgId,
      stored.emailId,
      classification('spam', 'low'),
      '2001-01-01T00:05:00.000Z',
    );
    expect(await waiting(world, '2001-01-02T00:00:00.000Z')).toEqual([]);
  });
});
