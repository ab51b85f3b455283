import { describe, expect, it } from 'vitest';
import { ComplianceReviewWithClaude } from '#adapters/anthropic/claude-compliance-reviewer.ts';
import { SAFETY_INSTRUCTIONS } from '#domain/drafts/safety-instructions.ts';
import type { TriageEngine } from '#domain/triage/triage.ts';
import { InMemoryOrgSettingsStore } from '#test/support/in-memory/org-stores.ts';
import { inMemoryPlatform } from '#test/support/in-memory/platform.ts';
import {
  AcknowledgingDrafter,
  PhraseComplianceReviewer,
  triageDependencies,
} from '#test/support/in-memory/triage-doubles.ts';
import { triageOf } from '#test/support/triage-fixtures.ts';
import { submitEmail } from '#usecases/submit-email.ts';
import { triageMessage } from '#usecases/triage-message.ts';
import { updateOrgSettings } from '#usecases/update-org-settings.ts';

const orgId = 'org-flood';

const flooding = (language: 'en' | 'es'): TriageEngine => ({
  triage: async () =>
    triageOf('maintenance_emergency', 'emergency', {
      language,
      maintenance: { issueType: 'plumbing', safetyFlags: ['flooding', 'active_leak'] },
    }),
});

/** One emergency message triaged and drafted over the twins, with the org's settings as patched. */
async function draftedEmergency(options: {
  language?: 'en' | 'es';
  propertyId?: string;
  settings?: Parameters<typeof updateOrgSettings>[2];
  rules?: PhraseComplianceReviewer;
  claude?: PhraseComplianceReviewer;
  drafter?: AcknowledgingDrafter;
}) {
  const platform = inMemoryPlatform();
  const orgSettings = new InMemoryOrgSettingsStore();
  if (options.settings) await updateOrgSettings({ settings: orgSettings }, orgId, options.settings);
  const rules = options.rules ?? new PhraseComplianceReviewer([]);
  const claude = options.claude ?? new PhraseComplianceReviewer([]);
  const drafter = options.drafter ?? new AcknowledgingDrafter();
  const { email } = await submitEmail(platform, orgId, {
    messageId: `<${Math.random()}@example.com>`,
    from: 'tenant@example.com',
    subject: 'Water everywhere',
    text: 'Water is pouring out from under the sink and spreading across the floor.',
    ...(options.propertyId ? { propertyId: options.propertyId } : {}),
  });
  platform.queue.take('classify');
  const deps = triageDependencies(platform, {
    engine: flooding(options.language ?? 'en'),
    drafter,
    orgSettings,
    compliance: new ComplianceReviewWithClaude(rules, claude),
  });
  await triageMessage(deps, { orgId, emailId: email.emailId });
  const stored = await platform.emails.get(orgId, email.emailId);
  if (!stored?.draft) throw new Error('no draft was written');
  return { draft: stored.draft, rules, claude, drafter };
}

describe("an emergency reply carries the org's own shut-off location and response window", () => {
  it('by default: the data file’s generic shut-off phrase and window', async () => {
    const { draft } = await draftedEmergency({});
    expect(draft.safetyPreamble).toContain(`turn off the water at ${SAFETY_INSTRUCTIONS.shutOffDefault.en}.`);
    expect(draft.text).toContain('within 2 hours');
  });

  it("with the org's settings: its note in the flooding instructions and its window in the opening", async () => {
    const { draft } = await draftedEmergency({
      settings: {
        emergencyResponseMinutes: 45,
        waterShutOffLocation: { en: 'the blue valve under the kitchen sink' },
      },
    });
    expect(draft.safetyPreamble).toContain('turn off the water at the blue valve under the kitchen sink.');
    expect(draft.text).toContain('within 45 minutes');
    expect(draft.text).not.toContain(SAFETY_INSTRUCTIONS.shutOffDefault.en);
  });

  it("a property's own note wins over the org's for a message about that property, and only for it", async () => {
    const settings = {
      emergencyResponseMinutes: 180,
      waterShutOffLocation: { en: 'the valve under the kitchen sink' },
      waterShutOffLocationByProperty: {
        '5150': { en: 'the gate valve in the garage, left of the water heater' },
      },
    };
    const garage = await draftedEmergency({ settings, propertyId: '5150' });
    expect(garage.draft.safetyPreamble).toContain(
      'turn off the water at the gate valve in the garage, left of the water heater.',
    );
    expect(garage.draft.text).toContain('within 3 hours');
    const other = await draftedEmergency({ settings, propertyId: '6000' });
    expect(other.draft.safetyPreamble).toContain('turn off the water at the valve under the kitchen sink.');
  });

  it('a plain note (language unknown) is quoted apart and labelled, never inside a sentence, in either language', async () => {
    const settings = { waterShutOffLocation: 'the blue valve under the kitchen sink' };
    const english = await draftedEmergency({ settings });
    expect(english.draft.safetyPreamble).toContain(
      `turn off the water at ${SAFETY_INSTRUCTIONS.shutOffDefault.en}.`,
    );
    expect(english.draft.safetyPreamble).toContain(
      'Shut-off location, as your manager wrote it: «the blue valve under the kitchen sink».',
    );
    const spanish = await draftedEmergency({ language: 'es', settings });
    expect(spanish.draft.safetyPreamble).toContain(
      `cierren el agua en ${SAFETY_INSTRUCTIONS.shutOffDefault.es}.`,
    );
    expect(spanish.draft.safetyPreamble).not.toContain('en the blue valve');
    expect(spanish.draft.safetyPreamble).toContain(
      'tal como la escribió la administración: «the blue valve under the kitchen sink».',
    );
  });

  it('in Spanish: the Spanish instructions with the org’s Spanish note, and the window in Spanish', async () => {
    const { draft } = await draftedEmergency({
      language: 'es',
      settings: {
        emergencyResponseMinutes: 90,
        waterShutOffLocation: {
          en: 'the blue valve under the sink',
          es: 'la llave azul debajo del fregadero',
        },
      },
    });
    expect(draft.language).toBe('es');
    expect(draft.safetyPreamble).toContain('cierren el agua en la llave azul debajo del fregadero.');
    expect(draft.text).toContain('dentro de 90 minutos');
  });

  it('a note per language: each reply quotes its own; a Spanish reply never splices in the English', async () => {
    const note = { en: 'the blue valve under the kitchen sink', es: 'la llave azul debajo del fregadero' };
    const english = await draftedEmergency({ settings: { waterShutOffLocation: note } });
    expect(english.draft.safetyPreamble).toContain(`turn off the water at ${note.en}.`);
    expect(english.draft.text).not.toContain(note.es);
    const spanish = await draftedEmergency({ language: 'es', settings: { waterShutOffLocation: note } });
    expect(spanish.draft.safetyPreamble).toContain(`cierren el agua en ${note.es}.`);
    expect(spanish.draft.text).not.toContain(note.en);

    // The property's English-only note: the Spanish sentence names the generic valve, the note follows apart.
    const property = await draftedEmergency({
      language: 'es',
      propertyId: '5150',
      settings: {
        waterShutOffLocation: note,
        waterShutOffLocationByProperty: { '5150': { en: 'the meter box' } },
      },
    });
    expect(property.draft.safetyPreamble).toContain(
      `cierren el agua en ${SAFETY_INSTRUCTIONS.shutOffDefault.es}.`,
    );
    expect(property.draft.safetyPreamble).toContain('en inglés: «the meter box».');
    expect(property.draft.text).not.toContain(note.es);
  });

  it('never gives the note to a model, while the rule tables still review it with the rest of the draft', async () => {
    const note = 'the valve by the laundry room, adults only';
    const rules = new PhraseComplianceReviewer();
    const claude = new PhraseComplianceReviewer([]);
    const drafter = new AcknowledgingDrafter();
    const { draft } = await draftedEmergency({
      settings: { waterShutOffLocation: note },
      rules,
      claude,
      drafter,
    });
    // The drafter and the second (model) review never see the org's note.
    expect(JSON.stringify(drafter.requests)).not.toContain('laundry room');
    expect(claude.reviewed.join('\n')).not.toContain('laundry room');
    // The rule tables read the whole draft, the note included, and block what they find in it.
    expect(rules.reviewed).toEqual([draft.text]);
    expect(draft.text).toContain(note);
    expect(draft).toMatchObject({
      status: 'blocked',
      findings: [expect.objectContaining({ rule: 'fair_housing.familial_status', excerpt: 'adults only' })],
    });
  });
});
