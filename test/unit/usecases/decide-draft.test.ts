import { describe, expect, it } from 'vitest';
import type { ReplyDraft } from '#domain/drafts/draft.ts';
import { InMemoryOrgSettingsStore } from '#test/support/in-memory/org-stores.ts';
import { inMemoryPlatform } from '#test/support/in-memory/platform.ts';
import { PhraseComplianceReviewer } from '#test/support/in-memory/triage-doubles.ts';
import { draftOf, triaged } from '#test/support/triage-fixtures.ts';
import { type DecideDraftDeps, decideDraft } from '#usecases/decide-draft.ts';
import { submitEmail } from '#usecases/submit-email.ts';

const orgId = 'org-decide';
const approver = { orgId, keyId: 'key-approver', agentId: 'agent-maria' };

async function withDraft(draft: ReplyDraft | null) {
  const platform = inMemoryPlatform();
  const { email } = await submitEmail(platform, orgId, {
    messageId: '<decide@example.com>',
    from: 'tenant@example.com',
    subject: 'Showing',
    text: 'Can I see the apartment this weekend with my kids?',
  });
  await platform.emails.saveTriage(
    orgId,
    email.emailId,
    triaged('leasing_inquiry', 'low', draft),
    '2026-11-21T10:00:10.000Z',
  );
  const compliance = new PhraseComplianceReviewer();
  const orgSettings = new InMemoryOrgSettingsStore();
  await orgSettings.put({ orgId, allowTimestamplessSignature: false, region: 'US-CA' });
  const deps: { -readonly [K in keyof DecideDraftDeps]: DecideDraftDeps[K] } = {
    emails: platform.emails,
    compliance,
    orgSettings,
    clock: platform.clock,
  };
  return { platform, deps, compliance, emailId: email.emailId };
}

describe('decideDraft', () => {
  it('approves a pending draft as written, recording who and when', async () => {
    const { deps, platform, emailId, compliance } = await withDraft(draftOf());
    const outcome = await decideDraft(deps, approver, emailId, { action: 'approve' });
    const decision = {
      action: 'approved',
      by: { keyId: 'key-approver', agentId: 'agent-maria' },
      at: '2026-11-21T10:00:00.000Z',
      finalText: draftOf().text,
    };
    expect(outcome).toMatchObject({ kind: 'decided', draft: { status: 'approved', decision } });
    expect(await platform.emails.get(orgId, emailId)).toMatchObject({
      status: 'approved',
      draft: { decision },
    });
    // Nothing new to review: the draft's own text passed when it was drafted.
    expect(compliance.reviewed).toEqual([]);
  });

  it("reviews an approver's edit again, in the draft's language and the org's region", async () => {
    const { deps, emailId, compliance } = await withDraft(draftOf());
    const reviewed: unknown[] = [];
    deps.compliance = {
      review: async (text: string, context: unknown) => {
        reviewed.push(context);
        return compliance.review(text);
      },
    };
    const edited = await decideDraft(deps, approver, emailId, {
      action: 'approve',
      text: 'Sorry, adults only.',
    });
    expect(edited).toMatchObject({ kind: 'still_blocked', findings: [{ excerpt: 'adults only' }] });
    expect(reviewed).toEqual([{ language: 'en', category: 'leasing_inquiry', region: 'US-CA' }]);
    const fine = await decideDraft(deps, approver, emailId, {
      action: 'approve',
      text: 'Yes, Saturday at 10.',
    });
    expect(fine).toMatchObject({
      kind: 'decided',
      draft: { decision: { finalText: 'Yes, Saturday at 10.' } },
    });
  });

  it('approves a blocked draft only with an edit that passes the rules', async () => {
    const { deps, emailId, platform } = await withDraft(draftOf('blocked'));
    expect(await decideDraft(deps, approver, emailId, { action: 'approve' })).toMatchObject({
      kind: 'still_blocked',
      findings: [{ severity: 'blocking' }],
    });
    expect((await platform.emails.get(orgId, emailId))?.status).toBe('blocked');
    expect(
      await decideDraft(deps, approver, emailId, {
        action: 'approve',
        text: 'We welcome families; when suits you?',
      }),
    ).toMatchObject({ kind: 'decided', email: { status: 'approved' } });
  });

  it('rejects with the reason; a second decision finds nothing awaiting', async () => {
    const { deps, emailId } = await withDraft(draftOf());
    expect(await decideDraft(deps, approver, emailId, { action: 'reject', reason: 'tone' })).toMatchObject({
      kind: 'decided',
      draft: {
        status: 'rejected',
        decision: { action: 'rejected', reason: 'tone', by: { keyId: 'key-approver' } },
      },
    });
    expect(await decideDraft(deps, approver, emailId, { action: 'approve' })).toEqual({
      kind: 'not_awaiting',
      status: 'rejected',
    });
  });

  it('answers not found for another org, and not awaiting for a message without a draft', async () => {
    const { deps, emailId } = await withDraft(null);
    expect(
      await decideDraft(deps, { ...approver, orgId: 'org-other' }, emailId, { action: 'approve' }),
    ).toEqual({
      kind: 'not_found',
    });
    expect(await decideDraft(deps, approver, emailId, { action: 'reject', reason: 'x' })).toEqual({
      kind: 'not_awaiting',
    });
  });

  it('lets one of two racing decisions win; the other is told the draft moved on', async () => {
    const { deps, emailId, platform } = await withDraft(draftOf());
    const [first, second] = await Promise.all([
      decideDraft(deps, approver, emailId, { action: 'approve' }),
      decideDraft(deps, { orgId, keyId: 'key-other' }, emailId, { action: 'reject', reason: 'no' }),
    ]);
    const kinds = [first.kind, second.kind].sort();
    expect(kinds).toEqual(['decided', 'not_awaiting']);
    const stored = await platform.emails.get(orgId, emailId);
    const winner = first.kind === 'decided' ? first : second;
    expect(winner.kind === 'decided' && winner.draft).toEqual(stored?.draft);
  });
});
