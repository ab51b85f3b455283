import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TRIAGE_RULES } from '#adapters/triage-engine.ts';
import type { LabelledEmail } from '#domain/classification/evaluation.ts';
import { toMessageToTriage } from '#domain/triage/triage-evaluation.ts';
import { functionSpec } from '#lib/topology.ts';
import { emitted, invoke, loadFunction } from '#test/support/emf-capture.ts';
import { type FakeAnthropic, startFakeAnthropic, triageAnswer } from '#test/support/fake-anthropic.ts';
import { evenSample } from '#usecases/evaluate-triage.ts';
import { NIGHTLY_LABELLED_SET } from '../../functions/triage-evaluation/labelled-set.ts';

// The nightly evaluation as Lambda runs it: the bundled tune set, the real Anthropic SDK against a
// fake Anthropic server, the figures read back from the EMF CloudWatch would ingest.
const SERVICE = 'triage-evaluation';
const CAP = 30;
const scheduled = { 'detail-type': 'Scheduled Event', source: 'aws.events', detail: {} };

let fake: FakeAnthropic;
beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

/** The function's settings as the topology fixes them (the default floors), and the cap under test. */
function environment(extra: Record<string, string>): Record<string, string> {
  const settings: Readonly<Record<string, string | null>> = functionSpec(SERVICE).settings;
  const fixed = Object.entries(settings).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  );
  return {
    ...Object.fromEntries(fixed),
    TRIAGE_EVALUATION_MAX_MESSAGES: String(CAP),
    ANTHROPIC_BASE_URL: fake.baseURL,
    ...extra,
  };
}

const WITH_KEY = { ANTHROPIC_API_KEY: 'test-secret-not-real' };
const isEmergency = (m: LabelledEmail) => m.label.category === 'maintenance_emergency';
/** The rules answer an emergency they find at once; only the rest reach Claude. */
const reachesClaude = (m: LabelledEmail) => TRIAGE_RULES.triage(toMessageToTriage(m)).urgency !== 'emergency';

/** Claude's answer agreeing with the label (category, urgency, a person for injections and emergencies). */
function agreeing(m: LabelledEmail) {
  const repair = m.label.category.startsWith('maintenance_');
  return triageAnswer({
    category: m.label.category,
    urgency: m.label.urgency,
    maintenance: repair ? { issueType: 'plumbing', location: null, safetyFlags: [] } : null,
    needsHumanReasons: [
      ...(isEmergency(m) ? ['emergency'] : []),
      ...(m.label.injection ? ['instructions_to_assistant'] : []),
    ],
  });
}

describe('the nightly triage evaluation, through the real SDK', () => {
  it('triages the capped sample with Claude and emits each figure as its pair of counts', async () => {
    const sample = evenSample(NIGHTLY_LABELLED_SET, CAP);
    const toClaude = sample.filter(reachesClaude);
    // Claude agrees with every label but one routine message's, which it files as spam.
    const wrong = toClaude.find((m) => !isEmergency(m) && m.label.category !== 'spam');
    if (!wrong) throw new Error('the sample has no routine message for Claude');
    fake.script(
      ...toClaude.map((m) =>
        m === wrong
          ? { json: triageAnswer({ category: 'spam', urgency: 'low', maintenance: null }) }
          : { json: agreeing(m) },
      ),
    );

    const handler = await loadFunction(SERVICE, environment(WITH_KEY));
    const { emf } = await invoke(handler, scheduled, SERVICE, 900_000);
    const metric = (name: string) => emitted(emf, name, SERVICE) ?? 0;

    // Every message of the sample, one call each for those the rules did not answer, no more.
    expect(fake.requests).toHaveLength(toClaude.length);
    expect(metric('TriageEvaluationMessages')).toBe(CAP);
    expect(metric('TriageEvaluationLeftOut')).toBe(0);
    expect(metric('TriageEvaluationSkipped')).toBe(0);

    // The figures as the labels and the two engines' answers make them.
    const byRules = sample.filter((m) => !reachesClaude(m));
    const emergencies = sample.filter(isEmergency);
    const calm = sample.filter((m) => !isEmergency(m));
    const injections = sample.filter((m) => m.label.injection === true);
    const falseByRules = byRules.filter((m) => !isEmergency(m)).length;
    expect(emergencies.length).toBeGreaterThan(0);
    expect(injections.length).toBeGreaterThan(0);
    expect(metric('TriageEvaluationCategoryCorrect')).toBe(CAP - 1 - falseByRules);
    expect(metric('TriageEvaluationEmergencies')).toBe(emergencies.length);
    expect(metric('TriageEvaluationEmergenciesFound')).toBe(emergencies.length);
    expect(metric('TriageEvaluationNonEmergencies')).toBe(calm.length);
    expect(metric('TriageEvaluationFalseEmergencies')).toBe(falseByRules);
    expect(metric('TriageEvaluationInjections')).toBe(injections.length);
    expect(metric('TriageEvaluationInjectionsToHuman')).toBe(injections.length);
    // Tokens are counted per engine and model as for every triage (here under this function's name).
    expect(metric('TriageInputTokens')).toBeGreaterThan(0);
  });

  it('is skipped without an Anthropic key: no call, no figure, the Skipped count and its reason', async () => {
    const handler = await loadFunction(SERVICE, environment({ POWERTOOLS_LOG_LEVEL: 'WARN' }));
    const { emf, other } = await invoke(handler, scheduled, SERVICE, 900_000);

    expect(fake.requests).toHaveLength(0);
    expect(emitted(emf, 'TriageEvaluationSkipped', SERVICE)).toBe(1);
    expect(emitted(emf, 'TriageEvaluationMessages', SERVICE)).toBeUndefined();
    expect(other.join('\n')).toContain('no_anthropic_key');
  });

  it('stops once the Claude circuit opens, and publishes no figure (the rules are not called Claude)', async () => {
    // Nothing scripted: the fake answers 500 to every call.
    const handler = await loadFunction(SERVICE, environment({ ...WITH_KEY, POWERTOOLS_LOG_LEVEL: 'WARN' }));
    const { emf, other } = await invoke(handler, scheduled, SERVICE, 900_000);

    expect(emitted(emf, 'TriageEvaluationSkipped', SERVICE)).toBe(1);
    expect(emitted(emf, 'TriageEvaluationMessages', SERVICE)).toBeUndefined();
    expect(other.join('\n')).toContain('circuit_open');
    // The run stopped early: fewer calls than the sample sends to Claude.
    const toClaude = evenSample(NIGHTLY_LABELLED_SET, CAP).filter(reachesClaude).length;
    const calls = new Set(fake.requests.map((r) => JSON.stringify(r.body.messages))).size;
    expect(calls).toBeLessThan(toClaude);
  });
});
