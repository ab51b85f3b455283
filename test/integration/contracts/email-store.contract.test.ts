import { describe, expect, it } from 'vitest';
import type { EmailRecord } from '#domain/emails/email.ts';
import type { EmailFilter, EmailStore } from '#domain/emails/ports.ts';
import { InvalidCursorError } from '#domain/inbox/stored-event.ts';
import { outboxEntry } from '#domain/messaging/outbox.ts';
import { draftOf, triaged } from '#test/support/triage-fixtures.ts';
import { email, waiting } from './fixtures.ts';
import { implementations } from './implementations.ts';

/** Every page of a listing, following cursors (bounded: a listing that never ends fails). */
async function everyPage(store: EmailStore, orgId: string, filter: EmailFilter, limit: number) {
  const pages: (readonly EmailRecord[])[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page += 1) {
    const answer = await store.list(orgId, filter, { limit, ...(cursor ? { cursor } : {}) });
    expect(answer.emails.length).toBeLessThanOrEqual(limit);
    pages.push(answer.emails);
    cursor = answer.cursor;
    if (!cursor) return { pages, ids: pages.flat().map((e) => e.emailId) };
  }
  throw new Error('the listing did not end within 50 pages');
}

const at = (minute: number) => `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

describe.each(implementations())('EmailStore contract: $name', (implementation) => {
  it('stores an email once; a second submit of its id finds the first', async () => {
    const world = await implementation.world();
    const first = { ...email(world.orgId, 'em_contract1', '2026-11-21T10:00:00.000Z'), html: '<p>t</p>' };
    expect(await world.emails.submit(first)).toEqual({ stored: true });
    const again = await world.emails.submit({ ...first, subject: 'other' });
    expect(again).toEqual({ stored: false, existing: first });
    expect(await world.emails.get(world.orgId, first.emailId)).toEqual(first);
    expect(await world.emails.get('another-org', first.emailId)).toBeUndefined();
  });

  it('keeps the first triage saved, with its draft and prepared text, and returns it to a later save', async () => {
    const world = await implementation.world();
    const stored = email(world.orgId, 'em_contract2', '2026-11-21T10:00:00.000Z');
    await world.emails.submit(stored);
    const first = triaged('lease_renewal', 'medium', draftOf('pending_approval'));
    expect(
      await world.emails.saveTriage(world.orgId, stored.emailId, first, '2026-11-21T10:01:00.000Z'),
    ).toEqual(first);
    const later = triaged('maintenance_emergency', 'emergency');
    expect(
      await world.emails.saveTriage(world.orgId, stored.emailId, later, '2026-11-21T10:02:00.000Z'),
    ).toEqual(first);
    expect(await world.emails.get(world.orgId, stored.emailId)).toEqual({
      ...stored,
      status: 'awaiting_approval',
      triage: first.triage,
      preparedText: first.preparedText,
      draft: first.draft,
      triagedAt: '2026-11-21T10:01:00.000Z',
    });
  });

  it('takes its status from the draft: blocked, or triaged when there is none', async () => {
    const world = await implementation.world();
    const blocked = email(world.orgId, 'em_contract6', '2026-11-21T10:00:00.000Z');
    const spam = email(world.orgId, 'em_contract7', '2026-11-21T10:00:00.000Z');
    await world.emails.submit(blocked);
    await world.emails.submit(spam);
    await world.emails.saveTriage(
      world.orgId,
      blocked.emailId,
      triaged('leasing_inquiry', 'low', draftOf('blocked')),
      at(1),
    );
    await world.emails.saveTriage(world.orgId, spam.emailId, triaged('spam', 'low'), at(1));
    expect((await world.emails.get(world.orgId, blocked.emailId))?.status).toBe('blocked');
    expect((await world.emails.get(world.orgId, spam.emailId))?.status).toBe('triaged');
  });

  it('waits in the outbox for triage, then for the next stage named in the same write as the winning save', async () => {
    const world = await implementation.world();
    const stored = email(world.orgId, 'em_contract3', '2001-01-01T00:00:00.000Z');
    await world.emails.submit(stored);
    expect((await waiting(world, '2001-01-02T00:00:00.000Z')).map((item) => item.entry)).toEqual([
      outboxEntry('classify', { orgId: world.orgId, emailId: stored.emailId }),
    ]);
    const next = outboxEntry('workflow', { source: 'email', orgId: world.orgId, emailId: stored.emailId });
    await world.emails.saveTriage(
      world.orgId,
      stored.emailId,
      triaged('complaint', 'medium', draftOf()),
      '2001-01-01T00:05:00.000Z',
      next,
    );
    expect(await waiting(world, '2001-01-02T00:00:00.000Z')).toMatchObject([
      { entry: next, pendingSince: '2001-01-01T00:05:00.000Z', resends: 0 },
    ]);
  });

  it('leaves the outbox when the triage starts nothing', async () => {
    const world = await implementation.world();
    const stored = email(world.orgId, 'em_contract4', '2001-01-01T00:00:00.000Z');
    await world.emails.submit(stored);
    await world.emails.saveTriage(
      world.orgId,
      stored.emailId,
      triaged('spam', 'low'),
      '2001-01-01T00:05:00.000Z',
    );
    expect(await waiting(world, '2001-01-02T00:00:00.000Z')).toEqual([]);
  });

  it("attaches an emergency's later draft once: the first saved wins", async () => {
    const world = await implementation.world();
    const stored = email(world.orgId, 'em_contract8', '2026-11-21T10:00:00.000Z');
    await world.emails.submit(stored);
    await world.emails.saveTriage(
      world.orgId,
      stored.emailId,
      triaged('maintenance_emergency', 'emergency'),
      at(1),
    );
    expect((await world.emails.get(world.orgId, stored.emailId))?.status).toBe('triaged');
    const first = draftOf('pending_approval', { text: 'Leave the building now and call 911.' });
    expect(await world.emails.saveDraft(world.orgId, stored.emailId, first)).toEqual(first);
    expect(await world.emails.saveDraft(world.orgId, stored.emailId, draftOf('blocked'))).toEqual(first);
    expect(await world.emails.get(world.orgId, stored.emailId)).toMatchObject({
      status: 'awaiting_approval',
      draft: first,
    });
  });

  it('records a decision only while the draft is in an expected status; the loser gets what is stored', async () => {
    const world = await implementation.world();
    const stored = email(world.orgId, 'em_contract9', '2026-11-21T10:00:00.000Z');
    await world.emails.submit(stored);
    await world.emails.saveTriage(world.orgId, stored.emailId, triaged('move_in', 'low', draftOf()), at(1));
    const approval = {
      action: 'approved' as const,
      by: { keyId: 'key-a', agentId: 'agent-a' },
      at: at(2),
      finalText: 'Edited reply.',
    };
    const decided = await world.emails.decideDraft(world.orgId, stored.emailId, {
      decision: approval,
      from: ['pending_approval', 'blocked'],
    });
    expect(decided).toEqual({ ...draftOf(), status: 'approved', decision: approval });
    const rejection = { action: 'rejected' as const, by: { keyId: 'key-b' }, at: at(3), reason: 'late' };
    expect(
      await world.emails.decideDraft(world.orgId, stored.emailId, {
        decision: rejection,
        from: ['pending_approval', 'blocked'],
      }),
    ).toEqual(decided);
    expect(await world.emails.get(world.orgId, stored.emailId)).toMatchObject({
      status: 'approved',
      draft: decided,
    });
    // Another org's id, or an email without a draft: nothing to decide.
    expect(
      await world.emails.decideDraft('another-org', stored.emailId, {
        decision: rejection,
        from: ['approved'],
      }),
    ).toBeUndefined();
    const bare = email(world.orgId, 'em_contract10', '2026-11-21T10:00:00.000Z');
    await world.emails.submit(bare);
    expect(
      await world.emails.decideDraft(world.orgId, bare.emailId, {
        decision: rejection,
        from: ['pending_approval'],
      }),
    ).toBeUndefined();
    expect((await world.emails.get(world.orgId, bare.emailId))?.status).toBe('received');
  });

  it('lists newest first, filters across pages, and stays within its org', async () => {
    const world = await implementation.world();
    const orgId = world.orgId;
    // 30 messages a minute apart: every fifth an emergency needing a person, the rest routine.
    for (let minute = 0; minute < 30; minute += 1) {
      const stored = email(orgId, `em_list${String(minute).padStart(4, '0')}aaaaaaaaaaaaaaaa`, at(minute));
      await world.emails.submit(stored);
      if (minute % 5 === 0) {
        await world.emails.saveTriage(
          orgId,
          stored.emailId,
          triaged('maintenance_emergency', 'emergency'),
          at(minute),
        );
      } else if (minute % 2 === 0) {
        await world.emails.saveTriage(
          orgId,
          stored.emailId,
          triaged('rent_payment', 'low', draftOf()),
          at(minute),
        );
      }
    }
    await world.emails.submit(email('another-org', 'em_listotherorgaaaaaaaaaa', at(15)));
    const all = await everyPage(world.emails, orgId, {}, 7);
    expect(all.ids).toHaveLength(30);
    expect(all.ids).toEqual([...all.ids].sort().reverse());

    const emergencies = await everyPage(world.emails, orgId, { urgency: 'emergency', needsHuman: true }, 4);
    expect(emergencies.ids).toEqual(
      ['25', '20', '15', '10', '05', '00'].map((m) => `em_list00${m}aaaaaaaaaaaaaaaa`),
    );
    const awaiting = await everyPage(
      world.emails,
      orgId,
      { status: 'awaiting_approval', category: 'rent_payment' },
      5,
    );
    expect(awaiting.ids).toHaveLength(12);
    const recent = await everyPage(world.emails, orgId, { since: at(25), needsHuman: false }, 10);
    expect(recent.ids).toEqual(['28', '26'].map((m) => `em_list00${m}aaaaaaaaaaaaaaaa`));
    expect((await world.emails.list(orgId, { category: 'legal_notice' }, { limit: 10 })).emails).toEqual([]);
  });

  it('refuses a cursor it did not issue for this org and range', async () => {
    const world = await implementation.world();
    for (let minute = 0; minute < 3; minute += 1)
      await world.emails.submit(email(world.orgId, `em_cursor${minute}aaaaaaaaaaaaaaaaaaa`, at(minute)));
    const first = await world.emails.list(world.orgId, {}, { limit: 1 });
    expect(first.cursor).toBeDefined();
    const cursor = String(first.cursor);
    await expect(world.emails.list('another-org', {}, { limit: 1, cursor })).rejects.toThrow(
      InvalidCursorError,
    );
    await expect(world.emails.list(world.orgId, { since: at(5) }, { limit: 1, cursor })).rejects.toThrow(
      InvalidCursorError,
    );
    await expect(
      world.emails.list(world.orgId, {}, { limit: 1, cursor: 'bm90LWEtY3Vyc29y' }),
    ).rejects.toThrow(InvalidCursorError);
  });
});
