import { beforeEach, describe, expect, it } from 'vitest';
import { OrgWorkflowSettings } from '#adapters/workflow-settings.ts';
import type { ResponseLinkClaims } from '#domain/workflow/response-link.ts';
import { issueResponseLink } from '#platform/security/response-links.ts';
import { InMemoryOrgSettingsStore } from '#test/support/in-memory/org-stores.ts';
import { ManualClock } from '#test/support/in-memory/platform.ts';
import { InMemoryResponseLinkLedger } from '#test/support/in-memory/response-link-ledger.ts';
import { InMemoryRows } from '#test/support/in-memory/rows.ts';
import { InMemoryWorkQueue } from '#test/support/in-memory/work-queue.ts';
import { InMemoryWorkflowStore } from '#test/support/in-memory/workflow-store.ts';
import { applied, offeredToVendor, routineRepair, T0, TECH_LEAD } from '#test/unit/api/workflow-fixtures.ts';
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

beforeEach(async () => {
  store = new InMemoryWorkflowStore(new InMemoryRows());
  clock = new ManualClock(T0);
  deps = {
    workflows: store,
    settings: new OrgWorkflowSettings(new InMemoryOrgSettingsStore()),
    queue: new InMemoryWorkQueue(),
    clock,
    ledger: new InMemoryResponseLinkLedger(),
    linkSecrets: { secrets: async () => [SECRET] },
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
    const workflowId = 'wf_22222222222222222222222222222222';
    const opened = routineRepair('acme', workflowId);
    const repair = {
      ...opened,
      facts: { ...opened.facts, estimateUsd: 1200 },
      waiting: { ...opened.waiting, holder: 'maintenance_supervisor', amountUsd: 1200, owner: 'required' },
    } as typeof opened;
    const companyApproved = applied(
      repair,
      { kind: 'decide', stepId: 'approve_dispatch.1', decision: 'approve' },
      { ...TECH_LEAD, personId: 'sue@example.com', role: 'maintenance_supervisor' },
    );
    expect(companyApproved.waiting).toMatchObject({ holder: 'owner', stage: 'owner' });
    await store.create(companyApproved);
    const token = issueResponseLink(
      {
        purpose: 'owner_approval',
        orgId: 'acme',
        workflowId,
        stepId: 'approve_dispatch.1',
        expiresAt: '2026-11-21T10:00:00.000Z',
      },
      SECRET,
    );
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
    const workflow = await store.get('acme', workflowId);
    expect(workflow?.state).toBe('create_work_order');
    expect(workflow?.history.at(-1)?.actor).toEqual({ kind: 'owner' });
  });
});
