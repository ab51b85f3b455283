import { describe, expect, it } from 'vitest';
import { WorkflowSummary, WorkflowView } from '#contracts/workflows.ts';
import { SIGNALS } from '#domain/workflow/definition.ts';
import { RESPONSE_LINK_PURPOSES as DOMAIN_PURPOSES } from '#domain/workflow/response-link.ts';
import { workflowSummary, workflowView } from '#functions/api/workflow-view.ts';
import { RESPONSE_LINK_PURPOSES, WORKFLOW_SIGNALS } from '#vocabulary/workflows.ts';
import { applied, offeredToVendor, REQUESTER, routineRepair, TECH_LEAD } from './workflow-fixtures.ts';

describe('the workflow view', () => {
  it('matches its contract: where it stands, the waiting step with its title and holder, the history', () => {
    const view = workflowView(routineRepair());
    expect(WorkflowView.parse(view)).toEqual(view);
    expect(view).toMatchObject({
      workflowId: 'wf_0123456789abcdef0123456789abcdef',
      type: 'maintenance_routine',
      status: 'open',
      state: 'approve_dispatch',
      stateTitle: 'Approve the dispatch',
      urgency: 'medium',
      source: { kind: 'manual' },
      facts: { summary: 'The kitchen tap drips', estimateUsd: 300, propertyId: '7' },
      waiting: {
        stepId: 'approve_dispatch.1',
        kind: 'approval',
        title: 'Approve the dispatch',
        holder: 'maintenance_tech_lead',
        amountUsd: 300,
        owner: 'none',
        escalations: 0,
        breached: false,
        dueAt: '2026-11-22T10:00:00.000Z',
      },
    });
    expect(view.history.map((h) => [h.from, h.to])).toEqual([
      ['(new)', 'start'],
      ['start', 'approve_dispatch'],
    ]);
  });

  it('names a person by id and role only: never their key, the chain or who decided before', () => {
    const view = workflowView(
      applied(
        routineRepair(),
        { kind: 'decide', stepId: 'approve_dispatch.1', decision: 'approve' },
        TECH_LEAD,
      ),
    );
    expect(view.requestedBy).toEqual({ kind: 'person', personId: REQUESTER.personId, role: REQUESTER.role });
    const decided = view.history.find((h) => h.from === 'approve_dispatch');
    expect(decided?.actor).toEqual({ kind: 'person', personId: TECH_LEAD.personId, role: TECH_LEAD.role });
    const text = JSON.stringify(view);
    expect(text).not.toContain(TECH_LEAD.keyId);
    expect(text).not.toContain(REQUESTER.keyId);
    expect(text).not.toContain('"chain"');
    expect(text).not.toContain('"decidedBy"');
    expect(text).not.toContain('idempotencyKey');
  });

  it('shows a vendor offer by vendor and expiry, never its offer id or link', () => {
    const view = workflowView(offeredToVendor());
    expect(view.waiting).toMatchObject({
      kind: 'vendor_offer',
      title: 'Offer the job to vendors in rank order, each until its deadline',
      offer: { vendorId: '11', expiresAt: '2026-11-23T10:00:00.000Z' },
    });
    expect(Object.keys(view.waiting?.offer ?? {}).sort()).toEqual(['expiresAt', 'vendorId']);
    expect(JSON.stringify(view)).not.toContain('offer_vendor.1.1');
    expect(view.facts.workOrderId).toBe('4711');
  });

  it('lists the effects still owed, naming the workflow a start_workflow effect starts', () => {
    const workflow = applied(
      offeredToVendor(),
      { kind: 'invoice', invoiceId: 'inv-1', amountUsd: 900 },
      { kind: 'system', name: 'test' },
    );
    const view = workflowView(workflow);
    expect(view.pendingEffects).toContainEqual(
      expect.objectContaining({ kind: 'start_workflow', workflowType: 'vendor_invoice' }),
    );
  });

  it('copies only the published facts, and the summary line has no history', () => {
    const workflow = routineRepair();
    const odd = { ...workflow, facts: { ...workflow.facts, secretNote: 'not for clients' } };
    const summary = workflowSummary(odd as typeof workflow);
    expect(WorkflowSummary.parse(summary)).toEqual(summary);
    expect(summary).not.toHaveProperty('history');
    expect(JSON.stringify(summary)).not.toContain('not for clients');
  });
});

describe('the workflow vocabulary', () => {
  it('publishes the signals and link purposes the domain uses, with the same values', () => {
    expect([...WORKFLOW_SIGNALS]).toEqual([...SIGNALS]);
    expect([...RESPONSE_LINK_PURPOSES]).toEqual([...DOMAIN_PURPOSES]);
  });
});
