import { describe, expect, it } from 'vitest';
import { composeReplyDraft } from '#domain/drafts/compose.ts';
import { groundedFact } from '#domain/drafts/facts.ts';
import { ungroundedStatements, unsupportedFactFindings } from '#domain/drafts/grounding-check.ts';
import { DRAFT_TEMPLATES } from '#domain/drafts/templates.ts';
import { templateDraftOf, triage } from './triages.ts';

const lease = { kind: 'lease', id: '4410' } as const;
const balance = groundedFact('balance_due', '1180.5', lease);
const pastDue = groundedFact('past_due', '95', lease);
const leaseEnd = groundedFact('lease_end', '2027-06-30', lease);
const order = { kind: 'work_order', id: '5150' } as const;
const orderOpen = groundedFact('work_order_status', 'open', order);
const orderScheduled = groundedFact('work_order_scheduled', '2026-12-02', order);

const rent = triage({ category: 'rent_payment', routeTo: 'accountant', maintenance: undefined });
const renewal = triage({
  category: 'lease_renewal',
  routeTo: 'leasing_manager',
  maintenance: undefined,
  language: 'es',
});
const askBalance = { subject: 'Balance', text: 'Hi, how much do I owe this month?' };

describe('grounded drafts', () => {
  it('states a fact that has a record, citing it', async () => {
    const draft = await templateDraftOf(rent, askBalance, { facts: [balance, pastDue, leaseEnd] });
    expect(draft.text).toContain('Our records show a balance of $1,180.50 on your account.');
    expect(draft.text).toContain('Our records show $95.00 of it past due.');
    expect(draft.citations).toEqual([balance, pastDue]);
    expect(ungroundedStatements(draft.text, draft.citations)).toEqual([]);
    // The lease end was not asked about: not stated.
    expect(draft.text).not.toContain('2027');
  });

  it('in Spanish too, from the same record', async () => {
    const draft = await templateDraftOf(
      renewal,
      { subject: 'Renovación', text: 'Quiero renovar mi contrato.' },
      { facts: [leaseEnd] },
    );
    expect(draft.text).toContain(
      'Nuestros registros indican que su contrato termina el 30 de junio de 2027.',
    );
    expect(draft.citations).toEqual([leaseEnd]);
    expect(ungroundedStatements(draft.text, draft.citations)).toEqual([]);
  });

  it('never states a fact without a record: it says it will be checked', async () => {
    const draft = await templateDraftOf(rent, askBalance, { facts: [leaseEnd, orderOpen] });
    expect(draft.text).toContain(DRAFT_TEMPLATES.topics.balance?.check.en);
    expect(draft.text).not.toMatch(/\$\d/);
    expect(draft.citations).toEqual([]);
    expect(ungroundedStatements(draft.text, [])).toEqual([]);
    const es = await templateDraftOf(renewal, { subject: 'Contrato', text: '¿Cuándo vence mi contrato?' });
    expect(es.text).toContain(DRAFT_TEMPLATES.topics.lease?.check.es);
  });

  it('states the open work orders a follow-up asks about', async () => {
    const draft = await templateDraftOf(
      triage({ maintenance: { issueType: 'plumbing', safetyFlags: [] } }),
      { subject: 'Follow up', text: 'Any update on the leak under my sink? Still waiting.' },
      { facts: [orderOpen, orderScheduled, balance] },
    );
    expect(draft.text).toContain('Work order 5150 is open in our records.');
    expect(draft.text).toContain('Work order 5150 is scheduled to start on December 2, 2026.');
    expect(draft.citations).toEqual([orderOpen, orderScheduled]);
  });

  it('refuses a body citing a fact it was not given', () => {
    expect(() =>
      composeReplyDraft({
        triage: rent,
        message: askBalance,
        body: { text: 'You owe $1,180.50.', engine: 'claude', cited: [balance] },
        facts: [],
        language: 'en',
        now: new Date(),
      }),
    ).toThrow(/not given/);
  });
});

describe('ungroundedStatements', () => {
  it('finds amounts and dates no fact holds, in English and Spanish, in the forms people write', () => {
    const text = [
      'You owe $99 and a 5% late fee.',
      'Pay USD 20 or 1.250,00 dólares by 7/4/2026.',
      'The visit is on March 3rd, el 15 de enero de 2027, or 2026-12-01.',
      'A charge of 310.25 was posted.',
    ].join(' ');
    expect(ungroundedStatements(text, [balance, leaseEnd]).map((s) => s.excerpt)).toEqual([
      '$99',
      '5%',
      'usd 20',
      '1.250,00 dolares',
      '7/4/2026',
      'march 3rd',
      '15 de enero de 2027',
      '2026-12-01',
      '310.25',
    ]);
  });

  it('accepts what a fact holds, however it is written', () => {
    const text =
      'Your balance is $1,180.50 (1180.50 dollars; 1.180,50 $). The lease ends June 30, 2027 — el 30 de junio de 2027, 6/30/2027, 30/06/2027, 2027-06-30, June 2027.';
    expect(ungroundedStatements(text, [balance, leaseEnd])).toEqual([]);
    expect(ungroundedStatements(text, [])).toHaveLength(9);
  });

  it('gives the pipeline one blocking finding per unsupported statement', () => {
    expect(unsupportedFactFindings('Your balance is $0.00, due 2026-12-01.', [leaseEnd])).toEqual([
      expect.objectContaining({
        rule: 'grounding.unsupported_fact',
        severity: 'blocking',
        excerpt: '$0.00',
        source: 'rules',
      }),
      expect.objectContaining({
        rule: 'grounding.unsupported_fact',
        severity: 'blocking',
        excerpt: '2026-12-01',
      }),
    ]);
    expect(unsupportedFactFindings('Our records show your lease ends on June 30, 2027.', [leaseEnd])).toEqual(
      [],
    );
  });

  it('ignores numbers that are neither money nor dates', () => {
    expect(
      ungroundedStatements('Call 911. Work order 5150, unit 4B, 2 hours, AA batteries, 10 times.', []),
    ).toEqual([]);
  });
});

describe('claims stated without digits', () => {
  const balanceClaims = [
    'Good news: you owe nothing this month.',
    'Your account is paid in full.',
    'There is no balance on your account.',
    'Usted no tiene saldo pendiente.',
    'Su cuenta está al día.',
    'The charge was twelve hundred dollars.',
    'Son mil doscientos dólares.',
  ];
  const visitClaims = [
    'The plumber is scheduled for tomorrow.',
    'The technician will come on Friday.',
    'La visita está programada para mañana.',
    'El técnico vendrá el lunes.',
  ];
  const leaseClaims = ['Your lease ends at the end of next month.', 'Su contrato vence el próximo mes.'];
  const renewalClaims = [
    'Your lease has been renewed at the same rent.',
    'We renewed your lease at the same rent.',
    'Su contrato fue renovado con la misma renta.',
  ];

  it.each([...balanceClaims, ...visitClaims, ...leaseClaims, ...renewalClaims])(
    'finds "%s" ungrounded when no fact of its topic is cited',
    (text) => {
      const found = ungroundedStatements(text, [orderOpen]);
      expect(found.map((s) => s.kind)).toContain('claim');
      expect(unsupportedFactFindings(text, [orderOpen])[0]).toMatchObject({
        rule: 'grounding.unsupported_fact',
        severity: 'blocking',
      });
    },
  );

  it('accepts each claim when a fact of its topic is cited', () => {
    for (const text of balanceClaims) expect(ungroundedStatements(text, [balance]), text).toEqual([]);
    for (const text of visitClaims) expect(ungroundedStatements(text, [orderScheduled]), text).toEqual([]);
    for (const text of leaseClaims) expect(ungroundedStatements(text, [leaseEnd]), text).toEqual([]);
  });

  it('a fact of another topic grounds nothing, and no record grounds a renewal', () => {
    for (const text of balanceClaims) expect(ungroundedStatements(text, [leaseEnd]), text).not.toEqual([]);
    for (const text of visitClaims) expect(ungroundedStatements(text, [balance]), text).not.toEqual([]);
    for (const text of renewalClaims)
      expect(ungroundedStatements(text, [balance, leaseEnd, orderScheduled]), text).not.toEqual([]);
  });

  it('leaves saying it will be checked alone', () => {
    for (const text of [
      'We will check your balance in our records and confirm it.',
      'We will contact you to schedule a visit tomorrow or the next day.',
      'Our leasing team will review your lease and the renewal options.',
      'Revisaremos el saldo de su cuenta en nuestros registros y se lo confirmaremos.',
      'Once the visit is scheduled we will let you know.',
    ])
      expect(ungroundedStatements(text, []), text).toEqual([]);
  });
});
