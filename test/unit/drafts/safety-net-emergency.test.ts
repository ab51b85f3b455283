import { describe, expect, it } from 'vitest';
import { RulesFirstTriage, TRIAGE_RULES } from '#adapters/triage-engine.ts';
import { SAFETY_NET_EVIDENCE } from '#domain/classification/danger-model.ts';
import { findEmergencies } from '#domain/classification/emergency-text.ts';
import { rulesComplianceReviewer } from '#domain/compliance/rules-reviewer.ts';
import { SAFETY_INSTRUCTIONS } from '#domain/drafts/safety-instructions.ts';
import { decidedBySafetyNet, SAFETY_NET_FINDING } from '#domain/drafts/safety-net-emergency.ts';
import { templateReplyDrafter } from '#domain/drafts/template-drafter.ts';
import { mergeWithRules } from '#domain/triage/merge-with-rules.ts';
import { rulesTriageEngine, triageByRules } from '#domain/triage/rules-triage-engine.ts';
import type { Triage, TriageEngine } from '#domain/triage/triage.ts';
import { inMemoryPlatform } from '#test/support/in-memory/platform.ts';
import { triageDependencies } from '#test/support/in-memory/triage-doubles.ts';
import { triageOf } from '#test/support/triage-fixtures.ts';
import { submitEmail } from '#usecases/submit-email.ts';
import { triageMessage } from '#usecases/triage-message.ts';

/**
 * What an emergency draft tells the tenant depends on who decided it: the hand rules' hazard gets
 * its own instructions; the learned safety net's guess gets the general ones (it may name the
 * wrong hazard), and the approver is warned. Through the triage use case, with the real
 * templates and rule tables.
 */

const orgId = 'org-net';

async function draftFor(
  message: { subject: string; text: string },
  engine: TriageEngine = rulesTriageEngine,
) {
  const platform = inMemoryPlatform();
  const { email } = await submitEmail(platform, orgId, {
    messageId: `<${Math.random()}@example.com>`,
    from: 'tenant@example.com',
    ...message,
  });
  platform.queue.take('classify');
  const deps = triageDependencies(platform, {
    engine,
    drafter: templateReplyDrafter,
    compliance: rulesComplianceReviewer,
  });
  await triageMessage(deps, { orgId, emailId: email.emailId });
  const stored = await platform.emails.get(orgId, email.emailId);
  if (!stored?.draft || !stored.triage) throw new Error('no draft was written');
  return { draft: stored.draft, triage: stored.triage };
}

/** A triage as the rules write one when the net alone decided, with the hazard it named among the flags. */
const netTriage = (language: 'en' | 'es', named: NonNullable<Triage['maintenance']>['safetyFlags']) =>
  triageOf('maintenance_emergency', 'emergency', {
    language,
    confidence: 0.75,
    maintenance: { issueType: 'plumbing', safetyFlags: named },
    emergencySource: 'safety_net',
    reasons: [
      `maintenance_emergency: "${SAFETY_NET_EVIDENCE} water, drain, vulnerable"`,
      `hazards: ${named[0]}`,
    ],
  });
const fixed = (triage: Triage): TriageEngine => ({ triage: async () => triage });

const general = SAFETY_INSTRUCTIONS.blocks.general;
const electrical = SAFETY_INSTRUCTIONS.blocks.electrical;
const gas = SAFETY_INSTRUCTIONS.blocks.gas;

describe('an emergency the safety net decided alone: general safety text, and the approver is told', () => {
  it('in English, from the rules engine itself (a basement message only the net reads as an emergency)', async () => {
    const message = {
      subject: 'Basement',
      text: 'there is brown water around the washer drain and it keeps creeping toward the furnace room, kids sleep down there',
    };
    expect(decidedBySafetyNet(triageByRules({ from: 'tenant@example.com', ...message }))).toBe(true);
    const { draft, triage } = await draftFor(message);
    expect(triage).toMatchObject({ urgency: 'emergency', needsHuman: true });
    expect(draft.safetyPreamble).toBe(general?.en);
    expect(draft.text).toContain('If anything about this feels unsafe, get everyone out now');
    expect(draft.text).toMatch(/911 .*fire or smoke, a gas smell or a carbon monoxide alarm/);
    expect(draft.text).toContain('A person on our team is being told about your message now.');
    // The response-time promise follows it.
    expect(draft.text).toContain('will contact you within 2 hours');
    expect(draft.findings).toContainEqual(SAFETY_NET_FINDING);
    expect(draft.status).toBe('pending_approval');
  });

  it('in English, even when the hazard the net named reached the flags: never that hazard’s steps', async () => {
    const { draft } = await draftFor(
      { subject: 'Basement', text: 'water keeps spreading across the basement floor' },
      fixed(netTriage('en', ['electrical'])),
    );
    expect(draft.safetyPreamble).toBe(general?.en);
    expect(draft.text).not.toContain(electrical?.en.slice(0, 40));
    expect(draft.findings.map((f) => f.rule)).toContain(SAFETY_NET_FINDING.rule);
  });

  it('in Spanish: the Spanish general text, the window in Spanish, no electrical steps', async () => {
    const { draft } = await draftFor(
      { subject: 'Sótano', text: 'el agua del sótano sigue avanzando hacia el cuarto del calentador' },
      fixed(netTriage('es', ['electrical'])),
    );
    expect(draft.language).toBe('es');
    expect(draft.safetyPreamble).toBe(general?.es);
    expect(draft.text).toContain('salgan todos ahora mismo y vayan a un lugar seguro');
    expect(draft.text).toContain('Ya estamos avisando a una persona de nuestro equipo');
    expect(draft.text).toContain('dentro de 2 horas');
    expect(draft.text).not.toContain(electrical?.es.slice(0, 40));
    expect(draft.findings).toContainEqual(SAFETY_NET_FINDING);
  });
});

describe('an emergency the hand rules decided: that hazard’s own instructions, no warning', () => {
  it('in English', async () => {
    const { draft, triage } = await draftFor({
      subject: 'Gas smell',
      text: 'There is a strong gas smell in the kitchen and it is getting worse.',
    });
    expect(decidedBySafetyNet(triage)).toBe(false);
    expect(draft.safetyPreamble).toBe(gas?.en);
    expect(draft.text).not.toContain(general?.en ?? '?');
    expect(draft.findings.map((f) => f.rule)).not.toContain(SAFETY_NET_FINDING.rule);
  });

  it('in Spanish', async () => {
    const { draft, triage } = await draftFor({
      subject: 'Olor a gas',
      text: 'Hay un olor fuerte a gas en la cocina y cada vez es peor.',
    });
    expect(triage.language).toBe('es');
    expect(decidedBySafetyNet(triage)).toBe(false);
    expect(draft.safetyPreamble).toBe(gas?.es);
    expect(draft.findings.map((f) => f.rule)).not.toContain(SAFETY_NET_FINDING.rule);
  });

  it('a routine message is no net emergency, whatever its reasons quote', () => {
    const routine = triageOf('maintenance_request', 'low', { reasons: [`"${SAFETY_NET_EVIDENCE} quoted"`] });
    expect(decidedBySafetyNet(routine)).toBe(false);
  });

  it('Claude’s reasons quoting the net’s evidence do not turn a hand-rule gas emergency into a net one', async () => {
    const message = {
      subject: 'Gas smell',
      text: 'There is a strong gas smell in the kitchen and it is getting worse.',
    };
    // Claude agrees it is an emergency, and its reasons (free text) quote the net's marker; merged
    // with the rules' triage, the merge keeps Claude's reasons.
    const claude = triageOf('maintenance_emergency', 'emergency', {
      engine: 'claude',
      maintenance: { issueType: 'appliance', safetyFlags: ['gas'] },
      reasons: [`maintenance_emergency: "${SAFETY_NET_EVIDENCE} gas, kitchen"`],
    });
    const toTriage = { from: 'tenant@example.com', channel: 'email' as const, ...message };
    const merged = mergeWithRules(claude, triageByRules(toTriage), TRIAGE_RULES.evidence(toTriage));
    const { draft, triage } = await draftFor(message, fixed(merged));
    expect(triage.engine).toBe('claude');
    expect(triage.reasons.join(' ')).toContain(SAFETY_NET_EVIDENCE);
    expect(triage.emergencySource).toBe('rules');
    expect(draft.safetyPreamble).toBe(gas?.en);
    expect(draft.findings.map((f) => f.rule)).not.toContain(SAFETY_NET_FINDING.rule);
  });
});

describe('who decided an emergency is recorded by the platform, never read from text', () => {
  it('the rules engine names the hand rules, the net, or nobody on a routine message', () => {
    const from = 'tenant@example.com';
    expect(
      triageByRules({ from, subject: 'Gas smell', text: 'There is a strong gas smell in the kitchen.' })
        .emergencySource,
    ).toBe('rules');
    expect(
      triageByRules({
        from,
        subject: 'Basement',
        text: 'there is brown water around the washer drain and it keeps creeping toward the furnace room, kids sleep down there',
      }).emergencySource,
    ).toBe('safety_net');
    expect(
      triageByRules({ from, subject: 'Faucet', text: 'The bathroom faucet drips a little.' }).emergencySource,
    ).toBeUndefined();
  });

  it('the net’s emergency carries the hazard it named, like the rules’: in the flags and the reasons', () => {
    const text =
      'there is brown water around the washer drain and it keeps creeping toward the furnace room, kids sleep down there';
    const [found] = findEmergencies(`Basement\n${text}`);
    const triage = triageByRules({ from: 'tenant@example.com', subject: 'Basement', text });
    expect(found).toBeDefined();
    expect(triage.maintenance?.safetyFlags).toContain(found?.hazard);
    expect(triage.reasons.join(' ')).toContain(`hazard ${found?.hazard}: "${SAFETY_NET_EVIDENCE}`);
  });

  it('an emergency only Claude found is Claude’s; one only the net found stays the net’s', async () => {
    const claudeSays = (triage: Triage): TriageEngine => ({ triage: async () => triage });
    const onlyClaude = await new RulesFirstTriage(
      TRIAGE_RULES,
      claudeSays(
        triageOf('maintenance_emergency', 'emergency', {
          engine: 'claude',
          maintenance: { issueType: 'electrical', safetyFlags: ['electrical'] },
        }),
      ),
    ).triage({
      from: 'tenant@example.com',
      subject: 'Light',
      text: 'The hallway light flickers.',
      channel: 'email',
    });
    expect(onlyClaude.emergencySource).toBe('claude');
    const netOnly = await new RulesFirstTriage(
      TRIAGE_RULES,
      claudeSays(triageOf('maintenance_request', 'medium', { engine: 'claude' })),
    ).triage({
      from: 'tenant@example.com',
      subject: 'Basement',
      text: 'there is brown water around the washer drain and it keeps creeping toward the furnace room, kids sleep down there',
      channel: 'email',
    });
    expect(netOnly).toMatchObject({ urgency: 'emergency', emergencySource: 'safety_net' });
  });
});
