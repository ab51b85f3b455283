import { beforeEach, describe, expect, it, vi } from 'vitest';
import { OrgWorkflowSettings } from '#adapters/workflow-settings.ts';
import { AuditWriteFailed } from '#domain/audit/audit-write-failed.ts';
import type { ResponseLinkClaims } from '#domain/workflow/response-link.ts';
import { logger } from '#platform/observability.ts';
import { sha256Hex } from '#platform/security/ids.ts';
import { issueResponseLink } from '#platform/security/response-links.ts';
import { InMemoryAuditTrail } from '#test/support/in-memory/audit-trail.ts';
import { InMemoryOrgSettingsStore } from '#test/support/in-memory/org-stores.ts';
import { ManualClock } from '#test/support/in-memory/platform.ts';
import { InMemoryResponseLinkLedger } from '#test/support/in-memory/response-link-ledger.ts';
import { InMemoryRows } from '#test/support/in-memory/rows.ts';
import { InMemoryWorkQueue } from '#test/support/in-memory/work-queue.ts';
import { InMemoryWorkflowStore } from '#test/support/in-memory/workflow-store.ts';
import { offeredToVendor, T0, waitingOnOwner } from '#test/unit/api/workflow-fixtures.ts';
import {
  answerResponseLink,
  type ResponseLinkDeps,
  showResponseLink,
} from '#usecases/answer-response-link.ts';

const SECRET = 'response-link-test-secret-0123456789abcdef';
const WORKFLOW_ID = 'wf_0123456789abcdef0123456789abcdef';
let store: InMemoryWorkflowStore;
let clock: ManualClock;
let deps: ResponseLinkDeps;
let audit: InMemoryAuditTrail;

const offerLink = (claims: Partial<ResponseLinkClaims> = {}) =>
  issueResponseLink(
    {
      purpose: 'vendor_offer',
      orgId: 'acme',
      workflowId: WORKFLOW_ID,
      stepId: 'offer_vendor.1',
      offerId: 'offer_vendor.1.1',
      vendorId: '11',
      expiresAt: '2026-11-23T10:00:00.000Z',
      ...claims,
    } as ResponseLinkClaims,
    SECRET,
  );

const OWNER_WORKFLOW = 'wf_22222222222222222222222222222222';

/** A repair the company approved, waiting on the owner; the owner's link for it. */
async function ownerWaiting(): Promise<string> {
  const companyApproved = waitingOnOwner('acme', OWNER_WORKFLOW);
  await store.create(companyApproved);
  const token = issueResponseLink(
    {
      purpose: 'owner_approval',
      orgId: 'acme',
      workflowId: OWNER_WORKFLOW,
      stepId: 'approve_dispatch.1',
      expiresAt: '2026-11-21T10:00:00.000Z',
    },
    SECRET,
  );
  return token;
}

beforeEach(async () => {
  audit = new InMemoryAuditTrail();
  store = new InMemoryWorkflowStore(new InMemoryRows());
  clock = new ManualClock(T0);
  deps = {
    workflows: store,
    settings: new OrgWorkflowSettings(new InMemoryOrgSettingsStore()),
    queue: new InMemoryWorkQueue(),
    clock,
    ledger: new InMemoryResponseLinkLedger(),
    linkSecrets: { secrets: async () => [SECRET] },
    audit,
  };
  await store.create(offeredToVendor('acme', WORKFLOW_ID));
});

describe('showing a response link', () => {
  it('says what it answers without personal data: the step, the deadline, the decisions, whether it is open', async () => {
    expect(await showResponseLink(deps, offerLink())).toEqual({
      outcome: 'shown',
      purpose: 'vendor_offer',
      title: 'Offer the job to vendors in rank order, each until its deadline',
      expiresAt: '2026-11-23T10:00:00.000Z',
      open: true,
      decisions: ['accept', 'decline'],
    });
    const elsewhere = await showResponseLink(deps, offerLink({ offerId: 'offer_vendor.1.9' }));
    expect(elsewhere).toMatchObject({ outcome: 'shown', open: false });
  });

  it('refuses a tampered or unknown token as not found, and a genuine one past its deadline as expired', async () => {
    const token = offerLink();
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await showResponseLink(deps, tampered)).toEqual({ outcome: 'not_found' });
    expect(await showResponseLink(deps, 'not-a-token')).toEqual({ outcome: 'not_found' });
    expect(
      await showResponseLink(deps, offerLink({ workflowId: 'wf_ffffffffffffffffffffffffffffffff' })),
    ).toEqual({
      outcome: 'not_found',
    });
    clock.advance(Date.parse('2026-11-23T10:00:00.000Z') - T0.getTime());
    expect(await showResponseLink(deps, token)).toEqual({ outcome: 'expired' });
  });
});

describe('answering a response link', () => {
  it("applies the vendor's acceptance as the vendor, once: the link again is already used", async () => {
    const token = offerLink();
    const answer = { decision: 'accept', proposedTime: '2026-11-21T09:00:00-06:00' };
    expect(await answerResponseLink(deps, token, answer)).toEqual({
      outcome: 'recorded',
      purpose: 'vendor_offer',
      decision: 'accept',
    });
    const workflow = await store.get('acme', WORKFLOW_ID);
    expect(workflow?.state).toBe('assign_vendor');
    expect(workflow?.facts).toMatchObject({ vendorId: '11', scheduledFor: '2026-11-21T15:00:00.000Z' });
    expect(workflow?.history.find((h) => h.from === 'offer_vendor')?.actor).toEqual({
      kind: 'vendor',
      vendorId: '11',
    });
    expect(await answerResponseLink(deps, token, answer)).toEqual({ outcome: 'already_used' });
    expect(await answerResponseLink(deps, token, { decision: 'decline' })).toEqual({
      outcome: 'already_used',
    });
  });

  it('applies two racing answers of one link once, and tells exactly one of them it was recorded', async () => {
    const token = offerLink();
    const outcomes = await Promise.all([
      answerResponseLink(deps, token, { decision: 'accept' }),
      answerResponseLink(deps, token, { decision: 'accept' }),
    ]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['already_used', 'recorded']);
    const workflow = await store.get('acme', WORKFLOW_ID);
    expect(workflow?.history.filter((h) => h.actor.kind === 'vendor')).toHaveLength(1);
  });

  it("refuses an answer the link's purpose does not take, and spends nothing", async () => {
    const token = offerLink();
    const wrong = await answerResponseLink(deps, token, { decision: 'approve' });
    expect(wrong).toMatchObject({
      outcome: 'invalid_answer',
      errors: [expect.objectContaining({ path: 'decision' })],
    });
    expect(await answerResponseLink(deps, token, { decision: 'accept' })).toMatchObject({
      outcome: 'recorded',
    });
  });

  it('refuses an answer to an offer that has moved on, without spending the link', async () => {
    const declined = await answerResponseLink(deps, offerLink(), { decision: 'decline' });
    expect(declined).toMatchObject({ outcome: 'recorded', decision: 'decline' });
    // The job went to vendor 12; vendor 11's link for the old offer, issued again, cannot take it.
    const late = await answerResponseLink(deps, offerLink(), { decision: 'accept' });
    expect(late).toMatchObject({ outcome: 'refused', refusal: 'not_waiting' });
  });

  it('is refused expired from its deadline on', async () => {
    clock.advance(Date.parse('2026-11-23T10:00:00.000Z') - T0.getTime());
    expect(await answerResponseLink(deps, offerLink(), { decision: 'accept' })).toEqual({
      outcome: 'expired',
    });
  });

  it("records an owner's approval as the owner, on the step it was issued for", async () => {
    const token = await ownerWaiting();
    expect(await showResponseLink(deps, token)).toMatchObject({
      purpose: 'owner_approval',
      title: 'Approve the dispatch',
      open: true,
      decisions: ['approve', 'reject'],
    });
    expect(await answerResponseLink(deps, token, { decision: 'accept' })).toMatchObject({
      outcome: 'invalid_answer',
    });
    expect(await answerResponseLink(deps, token, { decision: 'approve', comment: 'Go ahead' })).toEqual({
      outcome: 'recorded',
      purpose: 'owner_approval',
      decision: 'approve',
    });
    const workflow = await store.get('acme', OWNER_WORKFLOW);
    expect(workflow?.state).toBe('create_work_order');
    expect(workflow?.history.at(-1)?.actor).toEqual({ kind: 'owner' });
  });
});

describe('the audit of a response link answered', () => {
  const lines = async () => (await audit.list('acme', {}, { limit: 10 }, clock.now())).records;
  const origin = { ip: '198.51.100.4', userAgent: 'Mail/1.0' };

  it("records the owner's decision once, the link as actor (never its token), from where it came", async () => {
    const token = await ownerWaiting();
    const answer = { decision: 'approve', comment: 'Go ahead' };
    expect(await answerResponseLink(deps, token, answer, origin)).toMatchObject({ outcome: 'recorded' });
    expect(await answerResponseLink(deps, token, answer, origin)).toEqual({ outcome: 'already_used' });
    const recorded = await lines();
    expect(recorded).toEqual([
      expect.objectContaining({
        action: 'approval.decided',
        actor: { kind: 'link', purpose: 'owner_approval', linkId: sha256Hex(token) },
        target: { kind: 'workflow', id: OWNER_WORKFLOW },
        from: origin,
        before: { state: 'approve_dispatch' },
        after: { stepId: 'approve_dispatch.1', decision: 'approve', state: 'create_work_order' },
        note: 'Go ahead',
      }),
    ]);
    expect(JSON.stringify(recorded)).not.toContain(token);
  });

  it("records a vendor's answer with the vendor as recipient, once however many racing uses", async () => {
    const token = offerLink();
    await Promise.all([
      answerResponseLink(deps, token, { decision: 'accept' }),
      answerResponseLink(deps, token, { decision: 'accept' }),
    ]);
    expect(await lines()).toEqual([
      expect.objectContaining({
        action: 'offer.answered',
        actor: { kind: 'link', purpose: 'vendor_offer', linkId: sha256Hex(token), recipient: '11' },
        after: expect.objectContaining({ offerId: 'offer_vendor.1.1', decision: 'accept' }),
      }),
    ]);
  });

  it('records nothing for an answer refused, invalid or expired', async () => {
    await answerResponseLink(deps, offerLink(), { decision: 'approve' });
    await answerResponseLink(deps, offerLink(), { decision: 'decline' });
    await answerResponseLink(deps, offerLink(), { decision: 'accept' });
    expect((await lines()).map((line) => line.after)).toEqual([
      expect.objectContaining({ decision: 'decline' }),
    ]);
  });

  it('fails as AuditWriteFailed when the line cannot be written, the decision made and the link not yet spent', async () => {
    const token = await ownerWaiting();
    audit.failWrites();
    vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    await expect(answerResponseLink(deps, token, { decision: 'approve' })).rejects.toBeInstanceOf(
      AuditWriteFailed,
    );
    vi.restoreAllMocks();
    expect((await store.get('acme', OWNER_WORKFLOW))?.state).toBe('create_work_order');
    // The click again changes nothing in the workflow (it applied the answer once) and writes the
    // line the first use could not: the decision applied, whatever the retry carries; once.
    audit.failWrites(false);
    expect(await answerResponseLink(deps, token, { decision: 'reject' }, origin)).toMatchObject({
      outcome: 'recorded',
    });
    expect(await answerResponseLink(deps, token, { decision: 'approve' })).toEqual({
      outcome: 'already_used',
    });
    expect(await lines()).toEqual([
      expect.objectContaining({
        action: 'approval.decided',
        actor: { kind: 'link', purpose: 'owner_approval', linkId: sha256Hex(token) },
        from: origin,
        before: { state: 'approve_dispatch' },
        after: { stepId: 'approve_dispatch.1', decision: 'approve', state: 'create_work_order' },
      }),
    ]);
  });

  it("writes a vendor's missed line once, however many uses follow, racing or not", async () => {
    const token = offerLink();
    audit.failWrites();
    vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    await expect(answerResponseLink(deps, token, { decision: 'accept' })).rejects.toBeInstanceOf(
      AuditWriteFailed,
    );
    vi.restoreAllMocks();
    audit.failWrites(false);
    clock.advance(60_000);
    await Promise.all([
      answerResponseLink(deps, token, { decision: 'accept' }),
      answerResponseLink(deps, token, { decision: 'accept' }),
    ]);
    await answerResponseLink(deps, token, { decision: 'accept' });
    expect(await lines()).toEqual([
      expect.objectContaining({
        action: 'offer.answered',
        actor: { kind: 'link', purpose: 'vendor_offer', linkId: sha256Hex(token), recipient: '11' },
        after: expect.objectContaining({ offerId: 'offer_vendor.1.1', decision: 'accept' }),
      }),
    ]);
  });
});
