import { describe, expect, it } from 'vitest';
import { blocks, distinctFindings, mergeFindings } from '#domain/compliance/findings.ts';
import type { ComplianceFinding } from '#domain/drafts/draft.ts';

const by =
  (source: ComplianceFinding['source']) =>
  (rule: string, severity: ComplianceFinding['severity'], excerpt: string): ComplianceFinding => ({
    rule,
    severity,
    excerpt,
    suggestion: `${source} says`,
    source,
  });
const rules = by('rules');
const claude = by('claude');

describe('mergeFindings', () => {
  it('keeps every rules finding and adds what Claude says that is new', () => {
    const fromRules = [rules('fair_housing.steering', 'blocking', 'adults only')];
    const fromClaude = [claude('promise', 'blocking', 'we will cover the hotel')];

    expect(mergeFindings(fromRules, fromClaude)).toEqual([...fromRules, ...fromClaude]);
  });

  it("drops Claude's repeat of a rules finding: same area, overlapping words", () => {
    const fromRules = [rules('fair_housing.familial_status', 'blocking', 'you have two kids')];
    const fromClaude = [
      claude('fair_housing.protected_class', 'blocking', 'Since you have two kids,'),
      claude('fair_housing.protected_class', 'warning', 'since you have two KIDS'),
    ];

    expect(mergeFindings(fromRules, fromClaude)).toEqual(fromRules);
  });

  it('lets Claude raise a severity, never lower it', () => {
    const raised = mergeFindings(
      [rules('promise.repair_date', 'warning', 'will be fixed by Friday')],
      [claude('promise', 'blocking', 'will be fixed by Friday')],
    );
    const lowered = mergeFindings(
      [rules('tenant_rights.no_rights', 'blocking', 'you have no right')],
      [claude('tenant_rights', 'info', 'you have no right')],
    );

    expect(raised).toEqual([rules('promise.repair_date', 'blocking', 'will be fixed by Friday')]);
    expect(lowered).toEqual([rules('tenant_rights.no_rights', 'blocking', 'you have no right')]);
  });

  it('treats the state families as one area (state_law, ai_disclosure and state.XX.*)', () => {
    const merged = mergeFindings(
      [rules('state.CA.ai_disclosure', 'blocking', '')],
      [claude('ai_disclosure', 'blocking', ''), claude('state_law', 'blocking', '12 hours notice')],
    );
    expect(merged.map((finding) => finding.rule)).toEqual(['state.CA.ai_disclosure', 'state_law']);
  });

  it('keeps the same words under different areas apart', () => {
    const merged = mergeFindings(
      [rules('promise.money', 'blocking', 'we will waive your deposit')],
      [claude('tenant_rights', 'blocking', 'we will waive your deposit')],
    );
    expect(merged).toHaveLength(2);
  });
});

describe('blocks', () => {
  it('is true with any blocking finding, false with warnings and notes or none', () => {
    expect(blocks([])).toBe(false);
    expect(blocks([rules('promise.repair_date', 'warning', 'x'), rules('x.y', 'info', 'y')])).toBe(false);
    expect(blocks([rules('promise.repair_date', 'warning', 'x'), claude('promise', 'blocking', 'z')])).toBe(
      true,
    );
  });
});

describe('distinctFindings', () => {
  it('drops the same rule quoting the same words twice', () => {
    const one = rules('fair_housing.steering', 'blocking', 'Adults only.');
    expect(
      distinctFindings([one, { ...one, excerpt: 'adults only' }, rules('promise.money', 'blocking', 'x')]),
    ).toEqual([one, rules('promise.money', 'blocking', 'x')]);
  });
});
