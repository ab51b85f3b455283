import { describe, expect, it } from 'vitest';
import { ROLES } from '#domain/roles/registry.ts';
import { ACCOMMODATION_REVIEWER, LEGAL_REVIEWER, routeFor } from '#domain/triage/routing.ts';
import { suggestActions } from '#domain/triage/suggested-actions.ts';
import { CATEGORIES } from '#vocabulary/classification.ts';

describe('routeFor', () => {
  it('sends every category to the registry role that handles it', () => {
    for (const category of CATEGORIES) {
      expect((ROLES[routeFor(category)].handles as readonly string[]).includes(category), category).toBe(
        true,
      );
    }
    expect(routeFor('maintenance_emergency')).toBe('maintenance_supervisor');
    expect(routeFor('spam')).toBe('admin_assistant');
  });

  it('names managers as the reviewers of accommodations and legal matters', () => {
    expect(ACCOMMODATION_REVIEWER).toBe('resident_services_manager');
    expect(LEGAL_REVIEWER).toBe('vice_president_of_operations');
  });
});

describe('suggestActions', () => {
  const base = { content: '', paymentDetailsChange: false };

  it('suggests the emergency actions for an emergency', () => {
    expect(suggestActions({ ...base, category: 'maintenance_emergency' })).toEqual([
      'send_safety_instructions',
      'dispatch_emergency_vendor',
      'call_sender',
    ]);
  });

  it('offers troubleshooting only for a safe repair in a trade the library covers', () => {
    const repair = { ...base, category: 'maintenance_request' as const };
    expect(suggestActions({ ...repair, maintenance: { issueType: 'appliance', safetyFlags: [] } })).toEqual([
      'create_work_order',
      'offer_troubleshooting',
    ]);
    expect(
      suggestActions({
        ...repair,
        maintenance: { issueType: 'electrical', safetyFlags: ['water_near_electricity'] },
      }),
    ).toEqual(['create_work_order']);
    expect(suggestActions({ ...repair, maintenance: { issueType: 'roof', safetyFlags: [] } })).toEqual([
      'create_work_order',
    ]);
    expect(
      suggestActions({
        ...repair,
        content: 'i wont be home can you let yourself in',
        maintenance: undefined,
      }),
    ).toEqual(['create_work_order', 'schedule_entry']);
  });

  it('follows the situation: receipts, showings, a request to pay somewhere new', () => {
    expect(
      suggestActions({ ...base, category: 'rent_payment', content: 'can i get a receipt for march' }),
    ).toEqual(['review_ledger', 'send_receipt']);
    expect(
      suggestActions({ ...base, category: 'leasing_inquiry', content: 'can i see the apartment saturday' }),
    ).toEqual(['send_application_link', 'schedule_showing']);
    expect(suggestActions({ ...base, category: 'spam', paymentDetailsChange: true })).toEqual([
      'verify_sender_identity',
      'mark_spam',
    ]);
  });
});
