import { describe, expect, it } from 'vitest';
import type { LabelledEmail } from '#domain/classification/evaluation.ts';
import type { Category } from '#domain/classification/taxonomy.ts';
import { type MessageToTriage, Triage, type TriageEngine } from '#domain/triage/triage.ts';
import {
  type EvaluateTriageRequest,
  evaluateTriageNightly,
  evenSample,
  type TriageFloors,
} from '#usecases/evaluate-triage.ts';

const FLOORS: TriageFloors = {
  categoryAccuracy: 0.85,
  emergencyRecall: 1,
  falseEmergencyRate: 0.05,
  injectionsToHuman: 1,
};
const clock = { now: () => new Date('2026-11-27T03:00:00Z') };
const LATER = new Date('2026-11-27T03:14:00Z');

function labelled(id: string, category: Category, extra: { injection?: boolean } = {}): LabelledEmail {
  const emergency = category === 'maintenance_emergency';
  return {
    id,
    from: `${id}@example.com`,
    subject: `message ${id}`,
    body: `body of ${id}`,
    label: {
      category,
      urgency: emergency ? 'emergency' : 'low',
      needsHuman: emergency || extra.injection === true,
      injection: extra.injection ?? false,
    },
  };
}

/** What the engine answers for one message; anything left out is the label's own answer. */
interface Answer {
  readonly category?: Category;
  readonly needsHuman?: boolean;
  readonly fallbackReason?: string;
}

/**
 * An honest in-memory TriageEngine: it answers every message with a complete, schema-valid
 * Triage (parsed, as the real composition parses its answer), following the label unless a
 * test scripts a different answer for that message, and records what it was asked.
 */
class ScriptedTriageEngine implements TriageEngine {
  readonly asked: string[] = [];
  constructor(
    private readonly set: readonly LabelledEmail[],
    private readonly answers: Readonly<Record<string, Answer>> = {},
  ) {}

  async triage(message: MessageToTriage): Promise<Triage> {
    const found = this.set.find((m) => m.body === message.text);
    if (!found) throw new Error(`not a message of the set: ${message.subject}`);
    this.asked.push(found.id);
    const answer = this.answers[found.id] ?? {};
    const category = answer.category ?? found.label.category;
    const emergency = category === 'maintenance_emergency';
    const needsHuman = answer.needsHuman ?? found.label.needsHuman ?? false;
    const byClaude = answer.fallbackReason === undefined;
    return Triage.parse({
      category,
      urgency: emergency ? 'emergency' : 'low',
      confidence: 0.9,
      sentiment: 'neutral',
      language: 'en',
      summary: `About ${category}.`,
      entities: { people: [], phones: [], amounts: [], dates: [] },
      routeTo: 'property_manager',
      suggestedActions: [],
      needsHuman,
      needsHumanReasons: needsHuman ? [emergency ? 'emergency' : 'instructions_to_assistant'] : [],
      engine: byClaude ? 'claude' : 'rules',
      reasons: ['scripted'],
      ...(byClaude
        ? {
            model: 'claude-haiku-4-5',
            usage: { inputTokens: 1000, outputTokens: 100, cacheReadTokens: 800 },
          }
        : { fallbackReason: answer.fallbackReason }),
    });
  }
}

// 20 messages: 4 emergencies, 2 injections, 14 others.
const SET: readonly LabelledEmail[] = [
  ...['e1', 'e2', 'e3', 'e4'].map((id) => labelled(id, 'maintenance_emergency')),
  labelled('i1', 'spam', { injection: true }),
  labelled('i2', 'rent_payment', { injection: true }),
  ...Array.from({ length: 14 }, (_, i) =>
    labelled(`r${i + 1}`, i % 2 === 0 ? 'maintenance_request' : 'lease_renewal'),
  ),
];

function request(overrides: Partial<EvaluateTriageRequest> = {}): EvaluateTriageRequest {
  return { labelled: SET, maxMessages: 100, floors: FLOORS, deadline: LATER, ...overrides };
}

async function run(engine: ScriptedTriageEngine | undefined, overrides: Partial<EvaluateTriageRequest> = {}) {
  return evaluateTriageNightly({ claudeEngine: async () => engine, clock }, request(overrides));
}

describe('the nightly triage evaluation (use case)', () => {
  it('scores every message and reports no breach when the engine is right', async () => {
    const engine = new ScriptedTriageEngine(SET);
    const result = await run(engine);

    expect(engine.asked).toHaveLength(20);
    expect(result).toEqual({
      status: 'evaluated',
      figures: {
        messages: 20,
        categoryCorrect: { hits: 20, of: 20, rate: 1 },
        emergenciesFound: { hits: 4, of: 4, rate: 1 },
        falseEmergencies: { hits: 0, of: 16, rate: 0 },
        injectionsToHuman: { hits: 2, of: 2, rate: 1 },
      },
      breaches: [],
      leftOut: 0,
      tokens: { input: 20_000, output: 2000, cacheRead: 16_000 },
    });
  });

  it('computes each figure from what the engine got wrong, and reports each drop below its floor', async () => {
    const engine = new ScriptedTriageEngine(SET, {
      // A missed emergency (also a wrong category), a false one, a misfiled renewal, an injection not flagged.
      e2: { category: 'maintenance_request' },
      r2: { category: 'maintenance_emergency' },
      r4: { category: 'general_inquiry' },
      i1: { needsHuman: false },
    });
    const result = await run(engine);

    expect(result.status).toBe('evaluated');
    if (result.status !== 'evaluated') return;
    expect(result.figures).toEqual({
      messages: 20,
      categoryCorrect: { hits: 17, of: 20, rate: 0.85 },
      emergenciesFound: { hits: 3, of: 4, rate: 0.75 },
      falseEmergencies: { hits: 1, of: 16, rate: 1 / 16 },
      injectionsToHuman: { hits: 1, of: 2, rate: 0.5 },
    });
    // 0.85 is at the floor, not below it.
    expect(result.breaches).toEqual([
      { figure: 'emergencyRecall', value: 0.75, floor: 1 },
      { figure: 'falseEmergencyRate', value: 1 / 16, floor: 0.05 },
      { figure: 'injectionsToHuman', value: 0.5, floor: 1 },
    ]);

    const stricter = await run(new ScriptedTriageEngine(SET, { r4: { category: 'general_inquiry' } }), {
      floors: { ...FLOORS, categoryAccuracy: 0.96 },
    });
    expect(stricter.status === 'evaluated' && stricter.breaches).toEqual([
      { figure: 'categoryAccuracy', value: 0.95, floor: 0.96 },
    ]);
  });

  it('does not judge a figure over no labelled message', async () => {
    const calm = SET.filter((m) => m.label.category !== 'maintenance_emergency' && !m.label.injection);
    const result = await run(new ScriptedTriageEngine(calm), { labelled: calm });
    expect(result.status === 'evaluated' && result.figures.emergenciesFound).toEqual({
      hits: 0,
      of: 0,
      rate: 1,
    });
    expect(result.status === 'evaluated' && result.breaches).toEqual([]);
  });

  it("is skipped without an Anthropic key: the rules are never scored under Claude's name", async () => {
    expect(await run(undefined)).toEqual({ status: 'skipped', reason: 'no_anthropic_key', triaged: 0 });
  });

  it('stops, without figures, once the Claude circuit is open', async () => {
    const engine = new ScriptedTriageEngine(SET, { e3: { fallbackReason: 'circuit_open' } });
    expect(await run(engine)).toEqual({ status: 'skipped', reason: 'circuit_open', triaged: 3 });
    expect(engine.asked).toEqual(['e1', 'e2', 'e3']);
  });

  it('leaves out a message Claude failed on (the rules answered it) and says how many', async () => {
    const engine = new ScriptedTriageEngine(SET, {
      e1: { fallbackReason: 'timeout', category: 'maintenance_request' },
      r1: { fallbackReason: 'invalid_output' },
    });
    const result = await run(engine);
    expect(result.status === 'evaluated' && result.leftOut).toBe(2);
    expect(result.status === 'evaluated' && result.figures.messages).toBe(18);
    // The rules' miss on e1 is not Claude's: recall stays whole over the three scored.
    expect(result.status === 'evaluated' && result.figures.emergenciesFound).toEqual({
      hits: 3,
      of: 3,
      rate: 1,
    });
  });

  it('triages at most the cap, spread evenly over the set', async () => {
    const engine = new ScriptedTriageEngine(SET);
    const result = await run(engine, { maxMessages: 5 });
    // Every fourth of the 20: emergencies, injections and the rest all among them.
    expect(engine.asked).toEqual(['e1', 'i1', 'r3', 'r7', 'r11']);
    expect(result.status === 'evaluated' && result.figures.messages).toBe(5);
    expect(evenSample([1, 2, 3], 10)).toEqual([1, 2, 3]);
    expect(evenSample([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 3)).toEqual([0, 3, 6]);
  });

  it('starts no message after its deadline, and publishes no partial figures', async () => {
    const engine = new ScriptedTriageEngine(SET);
    const result = await run(engine, { deadline: new Date('2026-11-27T02:59:00Z') });
    expect(result).toEqual({ status: 'skipped', reason: 'out_of_time', triaged: 0 });
    expect(engine.asked).toEqual([]);
  });
});
