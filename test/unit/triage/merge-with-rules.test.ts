import { describe, expect, it } from 'vitest';
import { mergeWithRules } from '#domain/triage/merge-with-rules.ts';
import { Triage } from '#domain/triage/triage.ts';
import { NO_EVIDENCE } from '#domain/triage/triage-policy.ts';

const base: Triage = {
  category: 'maintenance_request',
  urgency: 'medium',
  confidence: 0.9,
  sentiment: 'neutral',
  language: 'en',
  summary: 'A resident reports a problem.',
  entities: { people: [], phones: [], amounts: [], dates: [] },
  routeTo: 'maintenance_supervisor',
  suggestedActions: ['create_work_order'],
  needsHuman: false,
  needsHumanReasons: [],
  engine: 'rules',
  reasons: ['rules'],
};
const claude: Triage = {
  ...base,
  engine: 'claude',
  model: 'claude-haiku-5-5',
  reasons: ['claude'],
  usage: { inputTokens: 900, outputTokens: 120, cacheReadTokens: 1_800 },
};
const rulesEmergency: Triage = {
  ...base,
  category: 'maintenance_emergency',
  urgency: 'emergency',
  maintenance: { issueType: 'electrical', location: 'bedroom outlet', safetyFlags: ['electrical', 'fire'] },
  suggestedActions: ['send_safety_instructions', 'dispatch_emergency_vendor', 'call_sender'],
  needsHuman: true,
  needsHumanReasons: ['emergency'],
};

describe('mergeWithRules', () => {
  it("answers with Claude's reading, model and usage when the rules found nothing Claude missed", () => {
    const claudeSays: Triage = {
      ...claude,
      category: 'lease_renewal',
      urgency: 'low',
      routeTo: 'leasing_manager',
    };

    expect(Triage.parse(mergeWithRules(claudeSays, base, NO_EVIDENCE))).toEqual(claudeSays);
  });

  it('lets Claude raise urgency and make an emergency the rules did not see', () => {
    const claudeEmergency: Triage = {
      ...claude,
      category: 'maintenance_emergency',
      urgency: 'emergency',
      needsHuman: true,
      needsHumanReasons: ['emergency'],
    };

    expect(mergeWithRules(claudeEmergency, base, NO_EVIDENCE)).toMatchObject({
      category: 'maintenance_emergency',
      urgency: 'emergency',
      engine: 'claude',
    });
  });

  it('never lowers an emergency the rules found, and keeps their hazards among the safety flags', () => {
    const claudeCalm: Triage = {
      ...claude,
      urgency: 'low',
      maintenance: { issueType: 'electrical', safetyFlags: ['water_near_electricity'] },
    };

    const merged = mergeWithRules(claudeCalm, rulesEmergency, NO_EVIDENCE);

    expect(Triage.parse(merged)).toMatchObject({
      category: 'maintenance_emergency',
      urgency: 'emergency',
      engine: 'claude',
      usage: claude.usage,
    });
    expect(merged.maintenance?.safetyFlags).toEqual(['electrical', 'fire', 'water_near_electricity']);
    expect(merged.suggestedActions).toEqual(
      expect.arrayContaining(['send_safety_instructions', 'dispatch_emergency_vendor']),
    );
  });

  it('sends an injection to a person whatever Claude says, without changing what the message is about', () => {
    const merged = mergeWithRules(claude, base, { ...NO_EVIDENCE, injection: true });

    expect(Triage.parse(merged)).toMatchObject({
      category: 'maintenance_request',
      urgency: 'medium',
      needsHuman: true,
      needsHumanReasons: ['instructions_to_assistant'],
      engine: 'claude',
    });
  });

  it('holds Claude to the same policy as the rules: low confidence, legal matters to a manager', () => {
    expect(mergeWithRules({ ...claude, confidence: 0.3 }, base, NO_EVIDENCE)).toMatchObject({
      needsHuman: true,
      needsHumanReasons: ['low_confidence'],
    });
    const legal = mergeWithRules(
      {
        ...claude,
        category: 'general_inquiry',
        routeTo: 'resident_services_rep',
        suggestedActions: ['acknowledge'],
      },
      base,
      { ...NO_EVIDENCE, legalMatter: true },
    );
    expect(legal).toMatchObject({
      routeTo: 'vice_president_of_operations',
      needsHumanReasons: ['legal_matter'],
    });
    expect(legal.suggestedActions).toEqual(['acknowledge', 'forward_to_counsel']);
  });
});
