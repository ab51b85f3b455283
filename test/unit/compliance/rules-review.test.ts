import { describe, expect, it } from 'vitest';
import { blocks } from '#domain/compliance/findings.ts';
import { reviewByRules, rulesComplianceReviewer } from '#domain/compliance/rules-reviewer.ts';
import { ComplianceFinding } from '#domain/drafts/draft.ts';
import type { ComplianceContext } from '#domain/drafts/ports.ts';
import { ACCEPTABLE_DRAFTS } from './acceptable-drafts.ts';
import { BLOCKED_DRAFTS, MORE_ACCEPTABLE_DRAFTS } from './varied-drafts.ts';

const leasing: ComplianceContext = { language: 'en', category: 'leasing_inquiry', region: 'US-TX' };
const leasingEs: ComplianceContext = { language: 'es', category: 'leasing_inquiry', region: 'US-TX' };

const rulesOf = (text: string, context: ComplianceContext = leasing) =>
  reviewByRules(text, context).map((finding) => finding.rule);

describe('the rule tables block a draft that mentions a protected class or steers', () => {
  it.each([
    ['Since you have two young kids, the ground-floor unit would suit you.', 'fair_housing.familial_status'],
    ['How many children will be living in the home?', 'fair_housing.familial_status'],
    [
      'Congratulations! Are you pregnant? We may need to talk about the lease.',
      'fair_housing.familial_status',
    ],
    ['Because of your wheelchair, the second floor will not work.', 'fair_housing.disability'],
    ['What is your disability, exactly?', 'fair_housing.disability'],
    ['Are you legally blind? The stairs are steep.', 'fair_housing.disability'],
    ['Where are you originally from? Your accent is lovely.', 'fair_housing.national_origin'],
    ['What church do you attend?', 'fair_housing.religion'],
    ['As Hispanic tenants you will feel at home on this street.', 'fair_housing.race_color'],
    ['As a single woman, you may prefer a unit near the office.', 'fair_housing.sex'],
  ])('English: %s', (text, rule) => {
    const findings = reviewByRules(text, leasing);
    expect(findings.map((finding) => finding.rule)).toContain(rule);
    expect(blocks(findings)).toBe(true);
  });

  it.each([
    ['Como usted tiene tres niños, le recomiendo otra propiedad.', 'fair_housing.familial_status'],
    ['¿Cuántos hijos tiene? Necesitamos saberlo.', 'fair_housing.familial_status'],
    ['Por su discapacidad, este edificio no le conviene.', 'fair_housing.disability'],
    ['¿De dónde es usted? Su acento es muy marcado.', 'fair_housing.national_origin'],
    ['¿Qué iglesia frecuenta su familia?', 'fair_housing.religion'],
  ])('Spanish: %s', (text, rule) => {
    const findings = reviewByRules(text, leasingEs);
    expect(findings.map((finding) => finding.rule)).toContain(rule);
    expect(blocks(findings)).toBe(true);
  });

  it.each([
    'You might be happier elsewhere, honestly.',
    'I think you would be more comfortable in a different neighborhood.',
    'This unit is not a good fit for children.',
    'The building is not suitable for families with babies.',
    'This is an adults only community.',
    'No kids allowed in this building.',
    'The studio is perfect for young professionals.',
    'It is ideal for empty nesters.',
    'We are a quiet Christian community.',
    'Tenants must speak English.',
    'English only, please.',
    'Honestly, people like you usually rent across town.',
    'You may want to look elsewhere.',
    'The neighborhood is mostly Hispanic.',
  ])('steering in English: %s', (text) => {
    const findings = reviewByRules(text, leasing);
    expect(findings.map((finding) => finding.rule)).toContain('fair_housing.steering');
    expect(blocks(findings)).toBe(true);
  });

  it.each([
    'Creo que estaría más a gusto en otro vecindario.',
    'Este apartamento no es adecuado para niños.',
    'Es una comunidad solo para adultos.',
    'El estudio es ideal para jóvenes profesionales.',
    'Somos una comunidad cristiana y tranquila.',
    'Los inquilinos deben hablar inglés.',
    'Le sugiero que busque en otro lugar.',
    'El barrio es mayormente latino.',
  ])('steering in Spanish: %s', (text) => {
    const findings = reviewByRules(text, leasingEs);
    expect(findings.map((finding) => finding.rule)).toContain('fair_housing.steering');
    expect(blocks(findings)).toBe(true);
  });

  it('a state-protected class blocks where the state protects it and warns elsewhere', () => {
    const refusal = 'Sorry, we do not accept Section 8 vouchers at this property.';
    const [inCalifornia] = reviewByRules(refusal, { ...leasing, region: 'US-CA' });
    const [inTexas] = reviewByRules(refusal, leasing);
    const [unknownState] = reviewByRules(refusal, { ...leasing, region: undefined });

    expect(inCalifornia).toMatchObject({ rule: 'fair_housing.source_of_income', severity: 'blocking' });
    expect(inCalifornia?.suggestion).toContain('Cal. Gov. Code');
    expect(inTexas).toMatchObject({ rule: 'fair_housing.source_of_income', severity: 'warning' });
    expect(unknownState?.severity).toBe('blocking');
  });

  it("quotes the draft's own words, accents and case as written", () => {
    const [finding] = reviewByRules('Hola. Como Usted tiene NIÑOS, no podemos.', leasingEs);
    expect(finding).toMatchObject({ rule: 'fair_housing.familial_status', excerpt: 'tiene NIÑOS' });
    expect(ComplianceFinding.parse(finding)).toEqual(finding);
  });
});

describe("statements about tenants' rights and promises", () => {
  it.each([
    ['You have no right to withhold rent.', 'tenant_rights.no_rights'],
    ['You are not entitled to a repair.', 'tenant_rights.no_rights'],
    ['By signing the renewal you waive your rights to a jury.', 'tenant_rights.waiver'],
    ['We can evict you immediately if this happens again.', 'tenant_rights.self_help_eviction'],
    ['If rent is not paid by Friday we will change the locks.', 'tenant_rights.self_help_eviction'],
    ['Your deposit is forfeited because you broke the lease.', 'tenant_rights.deposit_forfeiture'],
    ['Our staff may enter your unit at any time to check on things.', 'tenant_rights.entry_without_notice'],
    ['We will waive the late fee this month.', 'promise.money'],
    ['We will refund the $200 today.', 'promise.money'],
    ['The late fee has been removed.', 'promise.money'],
    ['You will get your full deposit back.', 'promise.deposit_outcome'],
    ['I guarantee that the heater will work tonight.', 'promise.guarantee'],
    ['You are not responsible for the damage.', 'promise.legal_position'],
    ['Your application is approved!', 'promise.legal_position'],
    ['No tiene derecho a retener la renta.', 'tenant_rights.no_rights'],
    ['Lo desalojaremos de inmediato.', 'tenant_rights.self_help_eviction'],
    ['Perderá su depósito si se muda antes.', 'tenant_rights.deposit_forfeiture'],
    ['Le garantizamos que quedará arreglado.', 'promise.guarantee'],
    ['Le devolveremos todo su depósito.', 'promise.deposit_outcome'],
    ['El recargo ha sido perdonado.', 'promise.money'],
  ])('%s → %s (blocking)', (text, rule) => {
    const context: ComplianceContext = { language: 'en', category: 'general_inquiry' };
    const findings = reviewByRules(text, context);
    expect(findings.find((finding) => finding.rule === rule)?.severity).toBe('blocking');
  });

  it.each([
    'The leak will be fixed by Friday.',
    'The plumber will fix the pipe tomorrow.',
    'Quedará reparado mañana.',
  ])('a promised repair date is a warning: %s', (text) => {
    const findings = reviewByRules(text, { language: 'en', category: 'maintenance_request' });
    expect(findings).toEqual([expect.objectContaining({ rule: 'promise.repair_date', severity: 'warning' })]);
  });

  it('entry without notice is fine in an emergency', () => {
    const text = 'Our plumber will enter your unit without notice if the leak continues.';
    expect(rulesOf(text, { language: 'en', category: 'maintenance_emergency' })).toEqual([]);
    expect(rulesOf(text, { language: 'en', category: 'maintenance_request' })).toEqual([
      'tenant_rights.entry_without_notice',
    ]);
  });
});

describe('acceptable drafts raise no blocking finding', () => {
  it.each(ACCEPTABLE_DRAFTS.map((draft) => [draft.label, draft]))('%s', (_label, draft) => {
    const findings = reviewByRules(draft.text, draft.context);
    expect(findings.filter((finding) => finding.severity === 'blocking')).toEqual([]);
    expect(blocks(findings)).toBe(false);
  });

  it('covers both languages and the emergency, accommodation and leasing cases', () => {
    expect(ACCEPTABLE_DRAFTS.length).toBeGreaterThanOrEqual(25);
    const languages = new Set(ACCEPTABLE_DRAFTS.map((draft) => draft.context.language));
    const categories = new Set(ACCEPTABLE_DRAFTS.map((draft) => draft.context.category));
    expect([...languages].sort()).toEqual(['en', 'es']);
    for (const category of ['maintenance_emergency', 'accommodation_request', 'leasing_inquiry'] as const)
      expect(categories).toContain(category);
  });

  it('is the ComplianceReviewer port', async () => {
    const text = 'This is an adults only building.';
    expect(await rulesComplianceReviewer.review(text, leasing)).toEqual(reviewByRules(text, leasing));
  });
});

describe('varied phrasings', () => {
  const base: ComplianceContext = { language: 'en', category: 'general_inquiry', region: 'US-TX' };

  it.each(BLOCKED_DRAFTS.map((draft) => [draft.text, draft]))('blocked: %s', (_text, draft) => {
    expect(blocks(reviewByRules(draft.text, { ...base, ...draft.context }))).toBe(true);
  });

  it.each(MORE_ACCEPTABLE_DRAFTS.map((draft) => [draft.text, draft]))('passes: %s', (_text, draft) => {
    expect(blocks(reviewByRules(draft.text, { ...base, ...draft.context }))).toBe(false);
  });

  it("mentioning the reader's children at all blocks, by design, outside safety instructions", () => {
    const text = "Thanks for reaching out about your kids' bikes; please store them in the bike room.";
    expect(rulesOf(text, base)).toEqual(['fair_housing.familial_status']);
    expect(rulesOf('Please keep your kids away from the open trench.', base)).toEqual([]);
  });
});

describe('statements about who lives or fits somewhere, and Spanish waivers', () => {
  it.each([
    ['Mostly Mexicans live on this street.', leasing],
    ['Asians tend to live in the building across town.', leasing],
    ['Honestly, Hispanics fit in better at our other property.', leasing],
    ['The neighbors here are mostly Asian.', leasing],
    ['You would be more comfortable among the other Latinos.', leasing],
    ['En este edificio viven puros mexicanos.', leasingEs],
    ['Los hispanos encajan mejor en nuestra otra propiedad.', leasingEs],
    ['Los vecinos de aquí son mayormente asiáticos.', leasingEs],
    ['El barrio está lleno de mexicanos, se sentiría cómodo.', leasingEs],
  ] as const)('blocks "%s" as steering', (text, context) => {
    const findings = reviewByRules(text, context);
    expect(findings.map((finding) => finding.rule)).toContain('fair_housing.steering');
    expect(blocks(findings)).toBe(true);
  });

  it.each([
    'Esta vez renunciamos al cargo por pago tardío.',
    'Le perdonamos el cargo de este mes.',
    'No le cobraremos el recargo.',
    'Cancelamos la multa de su cuenta.',
    'We have waived the late fee this time.',
    'We will not charge you for the repair.',
  ])('blocks the waiver promise "%s"', (text) => {
    const findings = reviewByRules(text, { ...leasingEs, category: 'rent_payment' });
    expect(findings.map((finding) => finding.rule)).toContain('promise.money');
    expect(blocks(findings)).toBe(true);
  });

  it.each([
    'Our office has staff who speak Spanish, Korean and Vietnamese.',
    'The Mexican restaurant on the corner is open late.',
    'Lo revisaremos y le confirmaremos por escrito si corresponde algún cargo.',
    'The team will review whether the late fee applies and reply by email.',
    'Los cables negros del termostato no se deben tocar.',
  ])('leaves "%s" alone', (text) => {
    expect(blocks(reviewByRules(text, leasing))).toBe(false);
  });
});
