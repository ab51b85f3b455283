import { describe, expect, it } from 'vitest';
import { reviewByRules } from '#domain/compliance/rules-reviewer.ts';
import {
  aiDisclosureFor,
  STATE_FACTS_AS_OF,
  stateFactsFor,
  stateFactsForCategory,
} from '#domain/compliance/state-facts.ts';
import type { ComplianceContext } from '#domain/drafts/ports.ts';
import { REGION } from '#vocabulary/orgs.ts';

const REQUIRED_STATES = ['US-CA', 'US-TX', 'US-FL', 'US-NY', 'US-GA', 'US-NC', 'US-AZ'];

/** The state-law rules a draft raises (the AI disclosure aside, tested on its own). */
function stateRules(text: string, context: ComplianceContext): string[] {
  return reviewByRules(text, context)
    .map((finding) => finding.rule)
    .filter((rule) => rule.startsWith('state.') && !rule.endsWith('.ai_disclosure'));
}

const repair = (region: string): ComplianceContext => ({
  language: 'en',
  category: 'maintenance_request',
  region,
});
const moveOut = (region: string): ComplianceContext => ({
  language: 'en',
  category: 'lease_termination',
  region,
});
const rent = (region: string, monthlyRent?: number): ComplianceContext => ({
  language: 'en',
  category: 'rent_payment',
  region,
  monthlyRent,
});

describe('the state table', () => {
  it.each(REQUIRED_STATES)('%s: every fact names its statute and a URL', (region) => {
    const state = stateFactsFor(region);
    expect(state?.region).toMatch(REGION);
    for (const fact of [state?.entryNotice, state?.depositReturn, state?.lateFee, state?.aiDisclosure]) {
      expect(fact?.source.citation.length).toBeGreaterThan(3);
      expect(fact?.source.url).toMatch(/^https?:\/\//);
      expect(['high', 'medium', 'low']).toContain(fact?.confidence);
    }
  });

  it('is dated and knows nothing about states it does not hold', () => {
    expect(STATE_FACTS_AS_OF).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(stateFactsFor('US-WY')).toBeUndefined();
    expect(stateFactsFor(undefined)).toBeUndefined();
    expect(reviewByRules('We will enter with 1 hour notice.', repair('US-WY'))).toEqual([]);
  });

  it('gives the facts that apply to a category, with their sources', () => {
    expect(stateFactsForCategory('US-CA', 'maintenance_request')).toEqual([
      expect.objectContaining({
        topic: 'entry_notice',
        region: 'US-CA',
        statement: expect.stringContaining('24 hours'),
        source: expect.objectContaining({ citation: 'Cal. Civ. Code § 1954(d)(1)' }),
        asOf: STATE_FACTS_AS_OF,
      }),
    ]);
    expect(stateFactsForCategory('US-NY', 'rent_payment')[0]?.statement).toContain('$50 or 5%');
    expect(stateFactsForCategory('US-TX', 'lease_termination')[0]).toMatchObject({
      topic: 'deposit_return',
      statement: expect.stringContaining('30th day'),
    });
    expect(stateFactsForCategory('US-AZ', 'leasing_inquiry')).toEqual([]);
    expect(stateFactsForCategory(undefined, 'rent_payment')).toEqual([]);
  });
});

describe('entry notice', () => {
  it.each([
    ['US-CA', 'Our technician will enter your unit with 12 hours notice.', ['state.CA.entry_notice']],
    ['US-CA', 'We will give you 24 hours notice before we enter.', []],
    ['US-FL', 'We can come in with a 2-hour heads up to inspect the AC.', ['state.FL.entry_notice']],
    ['US-FL', 'We will give at least 24 hours notice before entry.', []],
    ['US-AZ', 'We will give you one day of notice before entering the unit.', ['state.AZ.entry_notice']],
    ['US-AZ', 'We will give you two days notice before entering the unit.', []],
    ['US-AZ', 'Le avisaremos con 24 horas de anticipación antes de entrar.', ['state.AZ.entry_notice']],
    ['US-TX', 'We will give you 2 hours notice before we enter.', []],
    ['US-NY', 'We will give you 2 hours notice before we enter.', []],
  ])('%s: %s', (region, text, expected) => {
    expect(stateRules(text, repair(region))).toEqual(expected);
  });

  it('does not apply to emergencies', () => {
    const text = 'We will enter with 1 hour notice or less to stop the leak.';
    expect(stateRules(text, { ...repair('US-CA'), category: 'maintenance_emergency' })).toEqual([]);
  });
});

describe('deposit deadline', () => {
  it.each([
    ['US-CA', 'Your deposit will be returned within 45 days of move-out.', ['state.CA.deposit_return']],
    ['US-CA', 'We will send your deposit back within 21 days.', []],
    ['US-TX', 'You will receive the deposit refund in about 6 weeks.', ['state.TX.deposit_return']],
    ['US-TX', 'We refund the deposit within 30 days after you give us a forwarding address.', []],
    [
      'US-NY',
      'The itemized statement and deposit will be mailed within 30 days.',
      ['state.NY.deposit_return'],
    ],
    ['US-NY', 'The itemized statement and deposit will be mailed within 14 days.', []],
    ['US-GA', 'Expect your deposit back in 2 months.', ['state.GA.deposit_return']],
    ['US-GA', 'Your deposit will be returned within 30 days.', []],
    ['US-AZ', 'We will return the deposit within 30 days.', ['state.AZ.deposit_return']],
    ['US-AZ', 'We will return the deposit within 14 business days.', []],
    ['US-NC', 'Le devolveremos el saldo del depósito dentro de 45 días.', ['state.NC.deposit_return']],
    ['US-FL', 'Your deposit will be refunded within 15 days if there are no deductions.', []],
  ])('%s: %s', (region, text, expected) => {
    expect(stateRules(text, moveOut(region))).toEqual(expected);
  });

  it('is a warning where the statute allows a longer path (NC interim accounting, FL claims)', () => {
    const [finding] = reviewByRules('Your deposit will be returned within 45 days.', moveOut('US-NC'));
    expect(finding).toMatchObject({ rule: 'state.NC.deposit_return', severity: 'warning' });
    expect(finding?.suggestion).toContain('N.C. Gen. Stat. § 42-52');
  });
});

describe('late fees', () => {
  it.each([
    ['US-NY', undefined, 'A late fee of $75 will be added to your ledger.', ['state.NY.late_fee_cap']],
    ['US-NY', undefined, 'A 10% late fee applies to late payments.', ['state.NY.late_fee_cap']],
    ['US-NY', 800, 'A late fee of $45 will be added to your ledger.', ['state.NY.late_fee_cap']],
    ['US-NY', 1800, 'A late fee of $50 will be added to your ledger.', []],
    ['US-NC', 1000, 'A late fee of $75 will be added.', ['state.NC.late_fee_cap']],
    ['US-NC', 1000, 'A late fee of $50 will be added.', []],
    ['US-NC', undefined, 'A late fee of $50 will be added.', []],
    ['US-TX', 1500, 'A late fee of $250 applies.', ['state.TX.late_fee_cap']],
    ['US-TX', undefined, 'A 15% late fee applies.', ['state.TX.late_fee_cap']],
    ['US-TX', undefined, 'A late fee of 10% applies.', []],
    ['US-CA', undefined, 'A late fee of $95 applies.', []],
    ['US-TX', undefined, 'A late fee is charged on the 2nd.', ['state.TX.late_fee_grace']],
    ['US-TX', undefined, 'A late fee is charged if rent is not paid by the 3rd.', []],
    [
      'US-TX',
      undefined,
      'Hay un recargo por atraso a partir del 2 de cada mes.',
      ['state.TX.late_fee_grace'],
    ],
    [
      'US-NY',
      undefined,
      'There is a 2-day grace period, then a late fee of $50.',
      ['state.NY.late_fee_grace'],
    ],
    ['US-NC', undefined, 'The late fee starts after the 5th.', []],
    ['US-NC', undefined, 'The late fee starts on the 3rd.', ['state.NC.late_fee_grace']],
    ['US-GA', undefined, 'The late fee starts on the 2nd.', []],
  ])('%s (rent %s): %s', (region, monthlyRent, text, expected) => {
    expect(stateRules(text, rent(region, monthlyRent))).toEqual(expected);
  });

  it("a fee above the Texas safe harbour warns; New York's cap blocks", () => {
    expect(reviewByRules('A 15% late fee applies.', rent('US-TX'))[0]?.severity).toBe('warning');
    expect(reviewByRules('A 15% late fee applies.', rent('US-NY'))[0]?.severity).toBe('blocking');
  });
});

describe('AI disclosure', () => {
  it.each([
    ['US-CA', 'en', 'This reply was prepared with the help of AI and reviewed by our team.'],
    [
      'US-CA',
      'es',
      'Esta respuesta se preparó con ayuda de inteligencia artificial y fue revisada por nuestro equipo.',
    ],
    ['US-CO', 'en', 'This reply was prepared with the help of AI and reviewed by our team.'],
  ] as const)('%s requires it in %s', (region, language, sentence) => {
    expect(aiDisclosureFor(region, language)).toBe(sentence);
  });

  it.each(['US-TX', 'US-FL', 'US-NY', 'US-GA', 'US-NC', 'US-AZ', 'US-WY'])('%s does not', (region) => {
    expect(aiDisclosureFor(region, 'en')).toBeUndefined();
  });

  it('a draft for a state that requires it is blocked until it carries it', () => {
    const context: ComplianceContext = { language: 'es', category: 'general_inquiry', region: 'US-CA' };
    const body = 'Gracias por su mensaje; la oficina abre a las 9.';

    const [missing] = reviewByRules(body, context);
    expect(missing).toMatchObject({ rule: 'state.CA.ai_disclosure', severity: 'blocking' });
    expect(missing?.suggestion).toContain(aiDisclosureFor('US-CA', 'es'));
    expect(reviewByRules(`${body}\n\n${aiDisclosureFor('US-CA', 'es')}`, context)).toEqual([]);
    expect(reviewByRules(body, { ...context, region: 'US-TX' })).toEqual([]);
  });

  it('accepts the disclosure in other words, not a passing mention of AI', () => {
    const context: ComplianceContext = { language: 'en', category: 'general_inquiry', region: 'US-CO' };
    const body = 'The office opens at 9.';
    expect(reviewByRules(`${body} Drafted with AI assistance; a manager approved it.`, context)).toEqual([]);
    expect(reviewByRules(`${body} We do not sell AI products.`, context).map((f) => f.rule)).toEqual([
      'state.CO.ai_disclosure',
    ]);
  });
});
