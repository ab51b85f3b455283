import { describe, expect, it } from 'vitest';
import { Triage } from '#domain/triage/triage.ts';
import {
  applyTriagePolicy,
  LOW_CONFIDENCE_THRESHOLD,
  NO_EVIDENCE,
  type TriageEvidence,
} from '#domain/triage/triage-policy.ts';

/** A confident, routine triage as any engine might answer it, before the policy. */
const routine = (overrides: Partial<Triage> = {}): Triage => ({
  category: 'maintenance_request',
  urgency: 'low',
  confidence: 0.85,
  sentiment: 'neutral',
  language: 'en',
  summary: 'Repair request.',
  entities: { people: [], phones: [], amounts: [], dates: [] },
  maintenance: { issueType: 'plumbing', safetyFlags: [] },
  routeTo: 'maintenance_supervisor',
  suggestedActions: ['create_work_order', 'offer_troubleshooting'],
  needsHuman: false,
  needsHumanReasons: [],
  engine: 'claude',
  reasons: ['model rationale'],
  ...overrides,
});

const policed = (triage: Triage, evidence: Partial<TriageEvidence> = {}) =>
  Triage.parse(applyTriagePolicy(triage, { ...NO_EVIDENCE, ...evidence }));

describe('applyTriagePolicy', () => {
  it('leaves a confident routine message alone', () => {
    expect(policed(routine())).toEqual(routine());
  });

  it('sends emergencies to a person with the safety actions first', () => {
    const triage = policed(
      routine({
        category: 'maintenance_emergency',
        urgency: 'emergency',
        suggestedActions: ['create_work_order'],
      }),
    );
    expect(triage.needsHumanReasons).toEqual(['emergency']);
    expect(triage.suggestedActions).toEqual([
      'send_safety_instructions',
      'dispatch_emergency_vendor',
      'call_sender',
      'create_work_order',
    ]);
    expect(triage.routeTo).toBe('maintenance_supervisor');
  });

  it(`asks a person below confidence ${LOW_CONFIDENCE_THRESHOLD}`, () => {
    expect(policed(routine({ confidence: LOW_CONFIDENCE_THRESHOLD - 0.01 })).needsHumanReasons).toEqual([
      'low_confidence',
    ]);
    expect(policed(routine({ confidence: LOW_CONFIDENCE_THRESHOLD })).needsHuman).toBe(false);
  });

  it('flags an injection and changes nothing else', () => {
    const triage = policed(routine(), { injection: true });
    expect(triage).toEqual({
      ...routine(),
      needsHuman: true,
      needsHumanReasons: ['instructions_to_assistant'],
    });
  });

  it('routes an accommodation request to the resident services manager: acknowledge and review only', () => {
    const triage = policed(routine(), { accommodation: true });
    expect(triage.category).toBe('maintenance_request');
    expect(triage.routeTo).toBe('resident_services_manager');
    expect(triage.suggestedActions).toEqual(['acknowledge', 'start_accommodation_review']);
    expect(triage.needsHumanReasons).toEqual(['accommodation_request']);
    expect(policed(routine({ category: 'accommodation_request' })).needsHumanReasons).toEqual([
      'accommodation_request',
    ]);
  });

  it('routes a legal matter to the vice president of operations: acknowledge and counsel only', () => {
    const legal = policed(
      routine({ category: 'legal_notice', urgency: 'high', suggestedActions: ['reply_to_owner'] }),
    );
    expect(legal.routeTo).toBe('vice_president_of_operations');
    expect(legal.suggestedActions).toEqual(['acknowledge', 'forward_to_counsel']);
    expect(legal.needsHumanReasons).toEqual(['legal_matter']);
    expect(policed(routine({ category: 'complaint' }), { legalMatter: true }).routeTo).toBe(
      'vice_president_of_operations',
    );
  });

  it('treats a discrimination claim as legal and a fair-housing concern, over an accommodation', () => {
    const triage = policed(routine({ category: 'complaint' }), { discrimination: true, accommodation: true });
    expect(triage.needsHumanReasons).toEqual([
      'accommodation_request',
      'legal_matter',
      'fair_housing_concern',
    ]);
    expect(triage.routeTo).toBe('vice_president_of_operations');
    expect(triage.suggestedActions).toEqual([
      'acknowledge',
      'forward_to_counsel',
      'start_accommodation_review',
    ]);
  });

  it('verifies the sender of a request to pay somewhere new', () => {
    const triage = policed(routine({ category: 'spam', suggestedActions: ['mark_spam'] }), {
      paymentDetailsChange: true,
    });
    expect(triage.needsHumanReasons).toEqual(['payment_details_change']);
    expect(triage.suggestedActions).toEqual(['verify_sender_identity', 'mark_spam']);
  });

  it('asks a person on a threat or distress, and on a language the templates do not speak', () => {
    expect(policed(routine(), { threat: true }).needsHumanReasons).toEqual(['threat_or_distress']);
    expect(policed(routine({ sentiment: 'distressed' })).needsHumanReasons).toEqual(['threat_or_distress']);
    expect(policed(routine({ language: 'fr' })).needsHumanReasons).toEqual(['unsupported_language']);
    expect(policed(routine({ language: 'es' })).needsHuman).toBe(false);
  });

  it('keeps verifying the sender of a payment change, even for a legal matter', () => {
    const triage = policed(routine({ category: 'legal_notice', urgency: 'high' }), {
      paymentDetailsChange: true,
    });
    expect(triage.suggestedActions).toEqual(['verify_sender_identity', 'acknowledge', 'forward_to_counsel']);
  });

  it('changes nothing when applied twice', () => {
    const evidence = {
      ...NO_EVIDENCE,
      legalMatter: true,
      accommodation: true,
      injection: true,
      paymentDetailsChange: true,
    };
    for (const triage of [
      routine(),
      routine({ category: 'maintenance_emergency', urgency: 'emergency' }),
      routine({ category: 'spam', confidence: 0.3 }),
    ]) {
      const once = applyTriagePolicy(triage, evidence);
      expect(applyTriagePolicy(once, evidence)).toEqual(once);
    }
  });

  it("keeps an engine's own reasons and never lowers urgency or changes the category", () => {
    const triage = policed(
      routine({ needsHuman: true, needsHumanReasons: ['compliance_blocked'], urgency: 'high' }),
      { injection: true, threat: true },
    );
    expect(triage.needsHumanReasons).toEqual([
      'instructions_to_assistant',
      'threat_or_distress',
      'compliance_blocked',
    ]);
    expect(triage.urgency).toBe('high');
    expect(triage.category).toBe('maintenance_request');
  });
});
