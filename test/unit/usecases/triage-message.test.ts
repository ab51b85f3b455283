import { describe, expect, it } from 'vitest';
import { ComplianceReviewWithClaude } from '#adapters/anthropic/claude-compliance-reviewer.ts';
import type { GroundedFact } from '#domain/drafts/draft.ts';
import type { ReplyDrafter } from '#domain/drafts/ports.ts';
import type { Triage, TriageEngine } from '#domain/triage/triage.ts';
import { inMemoryPlatform } from '#test/support/in-memory/platform.ts';
import {
  AcknowledgingDrafter,
  ClassifierTriageEngine,
  FactsBySender,
  PhraseComplianceReviewer,
  triageDependencies,
} from '#test/support/in-memory/triage-doubles.ts';
import { triageOf } from '#test/support/triage-fixtures.ts';
import { submitEmail } from '#usecases/submit-email.ts';
import { EmailNotFoundError, triageMessage } from '#usecases/triage-message.ts';

const orgId = 'org-triage';
const lease: GroundedFact = {
  topic: 'lease_end',
  statement: 'Your lease ends on June 30, 2027.',
  citation: { kind: 'lease', id: '4411' },
};

async function submitted(
  platform: ReturnType<typeof inMemoryPlatform>,
  parts: { text?: string; html?: string },
) {
  const { email } = await submitEmail(platform, orgId, {
    messageId: `<${Math.random()}@example.com>`,
    from: 'tenant@example.com',
    subject: 'About my apartment',
    leaseId: '4411',
    ...parts,
  });
  platform.queue.take('classify');
  return { orgId, emailId: email.emailId };
}

describe('triageMessage', () => {
  it('prepares the text, triages it, drafts a grounded reply and saves all of it in one write', async () => {
    const platform = inMemoryPlatform();
    const engine = new ClassifierTriageEngine();
    const drafter = new AcknowledgingDrafter();
    const grounding = new FactsBySender({ 'tenant@example.com': [lease] });
    const deps = triageDependencies(platform, { engine, drafter, grounding });
    const message = await submitted(platform, {
      html: '<p>I would like to renew my lease for another year.</p><blockquote>On Monday you wrote: the sink is flooding</blockquote>',
    });

    expect(await triageMessage(deps, message)).toEqual({
      triaged: 'now',
      drafted: false,
      workflowRequested: true,
    });
    const stored = await platform.emails.get(orgId, message.emailId);
    expect(stored?.html).toContain('<blockquote>');
    expect(stored?.preparedText).toBe('I would like to renew my lease for another year.');
    expect(engine.seen).toEqual([
      {
        from: 'tenant@example.com',
        subject: 'About my apartment',
        text: stored?.preparedText,
        channel: 'email',
      },
    ]);
    expect(grounding.queries).toEqual([{ orgId, from: 'tenant@example.com', leaseId: '4411' }]);
    expect(drafter.requests[0]).toMatchObject({ facts: [lease], language: 'en' });
    expect(stored).toMatchObject({
      status: 'awaiting_approval',
      triage: { category: 'lease_renewal' },
      draft: { status: 'pending_approval', citations: [lease], role: stored?.triage?.routeTo, findings: [] },
    });
    expect(stored?.draft?.text).toContain(lease.statement);
    expect(platform.queue.take('workflow')).toEqual([{ source: 'email', orgId, emailId: message.emailId }]);
  });

  it('blocks a draft when the compliance review finds a blocking problem', async () => {
    const platform = inMemoryPlatform();
    const drafter = new AcknowledgingDrafter(() => 'Sorry, the building is adults only.');
    const deps = triageDependencies(platform, { drafter });
    const message = await submitted(platform, { text: 'Is the two-bedroom still available to rent?' });
    await triageMessage(deps, message);
    expect(await platform.emails.get(orgId, message.emailId)).toMatchObject({
      status: 'blocked',
      draft: {
        status: 'blocked',
        findings: [{ rule: 'fair_housing.familial_status', severity: 'blocking', excerpt: 'adults only' }],
      },
    });
  });

  it('saves an emergency and asks for its workflow before any draft is written, then drafts it', async () => {
    const platform = inMemoryPlatform();
    const order: string[] = [];
    const engine: TriageEngine = {
      triage: async () => triageOf('maintenance_emergency', 'emergency'),
    };
    const drafter: ReplyDrafter = {
      draft: async () => {
        const stored = await platform.emails.get(orgId, message.emailId);
        order.push(`draft after triage saved: ${stored?.triage !== undefined}`);
        order.push(`workflow asked: ${platform.queue.take('workflow').length}`);
        return { text: 'Leave the unit now and call 911 from outside.', engine: 'template', cited: [] };
      },
    };
    const message = await submitted(platform, { text: 'I smell gas in the kitchen!' });
    const outcome = await triageMessage(triageDependencies(platform, { engine, drafter }), message);
    expect(outcome).toEqual({ triaged: 'now', drafted: true, workflowRequested: true });
    expect(order).toEqual(['draft after triage saved: true', 'workflow asked: 1']);
    const stored = await platform.emails.get(orgId, message.emailId);
    expect(stored?.status).toBe('awaiting_approval');
    // The body the drafter wrote, after the fixed safety instructions.
    expect(stored?.draft?.text).toContain('Leave the unit now and call 911 from outside.');
    expect(stored?.draft?.text.startsWith(String(stored?.draft?.safetyPreamble))).toBe(true);
  });

  it("sends Claude's second review only the drafter's body: the fixed safety instructions cannot block an emergency draft", async () => {
    const platform = inMemoryPlatform();
    const engine: TriageEngine = {
      triage: async () =>
        triageOf('maintenance_emergency', 'emergency', {
          maintenance: { issueType: 'gas', safetyFlags: ['gas'] },
        }),
    };
    const body = 'Our on-call technician is on the way.';
    const rules = new PhraseComplianceReviewer([]);
    // A second reviewer that would block anything telling the reader to leave or call 911.
    const claude = new PhraseComplianceReviewer([
      { phrase: /911|leave/i, rule: 'tenant_rights', severity: 'blocking' },
    ]);
    const deps = triageDependencies(platform, {
      engine,
      drafter: new AcknowledgingDrafter(() => body),
      compliance: new ComplianceReviewWithClaude(rules, claude),
    });
    const message = await submitted(platform, { text: 'I smell gas in the kitchen!' });
    await triageMessage(deps, message);

    const stored = await platform.emails.get(orgId, message.emailId);
    expect(claude.reviewed).toEqual([body]);
    expect(rules.reviewed).toEqual([stored?.draft?.text]);
    expect(stored?.draft?.text).toMatch(/911/);
    expect(stored?.draft).toMatchObject({ status: 'pending_approval', findings: [] });
  });

  it("still asks for an emergency's workflow when drafting fails, and drafts on the redelivery", async () => {
    const platform = inMemoryPlatform();
    const engine: TriageEngine = { triage: async () => triageOf('maintenance_emergency', 'emergency') };
    let failures = 1;
    const drafter = new AcknowledgingDrafter();
    const flaky: ReplyDrafter = {
      draft: async (request) => {
        if (failures-- > 0) throw new Error('drafter down');
        return drafter.draft(request);
      },
    };
    const deps = triageDependencies(platform, { engine, drafter: flaky });
    const message = await submitted(platform, { text: 'Smoke is coming from the outlet' });
    await expect(triageMessage(deps, message)).rejects.toThrow('drafter down');
    expect(platform.queue.take('workflow')).toHaveLength(1);
    expect((await platform.emails.get(orgId, message.emailId))?.status).toBe('triaged');

    expect(await triageMessage(deps, message)).toEqual({
      triaged: 'before',
      drafted: true,
      workflowRequested: true,
    });
    expect((await platform.emails.get(orgId, message.emailId))?.status).toBe('awaiting_approval');
    expect(drafter.requests).toHaveLength(1);
  });

  it('drafts nothing for spam and starts no workflow', async () => {
    const platform = inMemoryPlatform();
    const drafter = new AcknowledgingDrafter();
    const engine: TriageEngine = { triage: async () => triageOf('spam', 'low') };
    const message = await submitted(platform, { text: 'You WON a cruise' });
    expect(await triageMessage(triageDependencies(platform, { engine, drafter }), message)).toEqual({
      triaged: 'now',
      drafted: false,
      workflowRequested: false,
    });
    expect(drafter.requests).toEqual([]);
    expect((await platform.emails.get(orgId, message.emailId))?.status).toBe('triaged');
  });

  it('triages once: a redelivery reads what is stored and calls no engine, drafter or reviewer', async () => {
    const platform = inMemoryPlatform();
    const calls: string[] = [];
    const engine: TriageEngine = {
      triage: async () => {
        calls.push('engine');
        return triageOf('complaint', 'medium');
      },
    };
    const compliance = new PhraseComplianceReviewer();
    const message = await submitted(platform, { text: 'The neighbours are loud every night.' });
    const deps = triageDependencies(platform, { engine, compliance });
    await triageMessage(deps, message);
    const first = await platform.emails.get(orgId, message.emailId);
    expect(await triageMessage(deps, message)).toEqual({
      triaged: 'before',
      drafted: false,
      workflowRequested: true,
    });
    expect(calls).toEqual(['engine']);
    expect(compliance.reviewed).toHaveLength(1);
    expect(await platform.emails.get(orgId, message.emailId)).toEqual(first);
  });

  it('drafts in Spanish for a Spanish message, and in English for a language without templates', async () => {
    const platform = inMemoryPlatform();
    const drafter = new AcknowledgingDrafter();
    const language = (code: string): TriageEngine => ({
      triage: async (): Promise<Triage> => triageOf('general_inquiry', 'low', { language: code }),
    });
    await triageMessage(
      triageDependencies(platform, { engine: language('es'), drafter }),
      await submitted(platform, { text: 'Hola, tengo una pregunta.' }),
    );
    await triageMessage(
      triageDependencies(platform, { engine: language('fr'), drafter }),
      await submitted(platform, { text: 'Bonjour, une question.' }),
    );
    expect(drafter.requests.map((request) => request.language)).toEqual(['es', 'en']);
  });

  it.each([
    [
      'en',
      'Please see below, from my neighbour.\n\n---------- Forwarded message ---------\nFrom: Ana Lopez <ana@example.com>\nDate: Mon, Jun 3, 2026 at 9:14 AM\nSubject: Unit 4B\n\nWater is pouring through the ceiling in 4B, please send someone now.',
    ],
    [
      'es',
      'Vea abajo lo que me escribió mi vecina.\n\n---------- Mensaje reenviado ---------\nDe: Ana López <ana@example.com>\nFecha: lun, 3 jun 2026 a las 9:14\nAsunto: 4B\n\nEl agua está cayendo del techo del baño, manden a alguien ya.',
    ],
  ])('triages a forwarded emergency as an emergency (%s)', async (_language, text) => {
    const platform = inMemoryPlatform();
    const message = await submitted(platform, { text });
    await triageMessage(triageDependencies(platform, { engine: new ClassifierTriageEngine() }), message);
    const stored = await platform.emails.get(orgId, message.emailId);
    expect(stored?.preparedText).toContain('---------- ');
    expect(stored?.triage).toMatchObject({ category: 'maintenance_emergency', urgency: 'emergency' });
  });

  it.each([
    [
      'en',
      'Thanks, the rent is paid.\n\nOn Mon, Jun 3, 2026 at 9:14 AM Desk <desk@example.com> wrote:\n> Water is pouring through the ceiling in 4B.',
    ],
    [
      'es',
      'Gracias, ya pagué la renta.\n\nEl lun, 3 jun 2026 a las 9:14, Oficina <oficina@example.com> escribió:\n> El agua está cayendo del techo del baño.',
    ],
  ])('does not triage an emergency quoted under a routine reply as one (%s)', async (_language, text) => {
    const platform = inMemoryPlatform();
    const message = await submitted(platform, { text });
    await triageMessage(triageDependencies(platform, { engine: new ClassifierTriageEngine() }), message);
    const stored = await platform.emails.get(orgId, message.emailId);
    expect(stored?.preparedText).not.toMatch(/techo|ceiling/);
    expect(stored?.triage?.urgency).not.toBe('emergency');
  });

  it('fails loudly for a message that is not stored', async () => {
    const platform = inMemoryPlatform();
    await expect(
      triageMessage(triageDependencies(platform), { orgId, emailId: 'em_missing' }),
    ).rejects.toThrow(EmailNotFoundError);
  });
});
