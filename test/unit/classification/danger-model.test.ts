import { describe, expect, it } from 'vitest';
import { conceptFeatures } from '#domain/classification/danger-concepts.ts';
import {
  dangerHoldout,
  lowestSafeThreshold,
  NET_FALSE_LIMITS,
  netSays,
  recallAndFalse,
} from '#domain/classification/danger-holdout.ts';
import {
  DANGER_L2,
  DANGER_THRESHOLD,
  DANGER_WORDS,
  DangerModelData,
  dangerExamples,
  dangerFindings,
  trainDangerModel,
} from '#domain/classification/danger-model.ts';
import committed from '#domain/classification/data/danger-model.json' with { type: 'json' };
import { devFixture, tuningAuthors } from '#test/support/labelled-sets.ts';

const concepts = (text: string) => conceptFeatures(text, text);

describe('danger concepts: what the safety net reads instead of words', () => {
  it.each([
    ['the fuse by the dryer turned brown and is sizzling', ['c:overheating', 'c:electrical thing']],
    ['my grandson is stuck behind the laundry door, it is jammed', ['c:confinement', 'c:vulnerable']],
    ['the cellar hatch will not open and we are down here', ['c:confinement', 'c:lift or hatch']],
    ['water keeps rising out of the shower drain and across the hall', ['c:spreading water', 'c:drain']],
    ['it smells like a lighter that did not light and my chest is tight', ['c:lighter smell', 'c:smell']],
    ['she is throwing up and confused, it is so hot in here', ['c:vomiting or confused']],
    ['the slider came off the track and I cannot lock it tonight', ['c:cannot secure', 'c:way in']],
  ])('%s', (text, expected) => {
    expect(concepts(text)).toEqual(expect.arrayContaining(expected));
  });

  it.each([
    ['a rotten egg odour by the meter', 'gas', 'the gas bill went up this month'],
    ['the CO monitor is reading 70', 'co alarm', 'where should the new smoke alarm go'],
    ['we all feel dizzy and sleepy in the den', 'poisoning symptoms', 'the den feels cosy in winter'],
    ['grey smoke is drifting from the attic fan', 'smoke', 'the smoke detector needs a new battery'],
    ['raw sewage is in the shower pan', 'sewage', 'what day is the sewer bill due'],
    ['no heat since the boiler quit', 'no heat', 'the heat works great, thanks'],
    ['no AC and the upstairs is stifling', 'no cooling', 'can I add an AC filter to my order'],
    ['no running water anywhere since 6', 'no water', 'the water bill is attached'],
    ['the porch roof is sagging over the steps', 'structure giving way', 'the porch light needs a new bulb'],
    [
      'the tenants sound terrified and are asking for help',
      'distress',
      'the tenants sound happy with the paint',
    ],
    [
      'the bedroom door is jammed and my son cannot open it',
      'confinement',
      'the bedroom door has a new coat of paint',
    ],
  ])('%s → %s; near miss: %s', (text, concept, nearMiss) => {
    expect(concepts(text)).toContain(`c:${concept}`);
    expect(concepts(nearMiss)).not.toContain(`c:${concept}`);
  });

  it('marks a denied hazard as negated, not affirmed', () => {
    const features = concepts('there is no smoke in the unit');
    expect(features).toContain('n:smoke');
    expect(features).not.toContain('c:smoke');
  });

  it('keeps a hypothetical or finished hazard out of the affirmed concepts', () => {
    expect(concepts('what should I do if the outlet ever sparks')).not.toContain('c:burning');
    expect(concepts('what should I do if the outlet ever sparks')).toContain('x:hypothetical');
    expect(concepts('the plumber fixed the burst pipe yesterday')).not.toContain('c:spreading water');
  });

  it('notices a hazard that is only in the quoted chain', () => {
    const raw = 'Thanks, see you Monday.\n\nOn Tue, Ana wrote:\n> smoke is coming out of the dryer';
    expect(conceptFeatures('Thanks, see you Monday.', raw)).toContain('m:hazard only quoted');
  });
});

describe('dangerFindings: the safety net', () => {
  it.each([
    [
      'stuck',
      'my 4 year old went into the half bath and the knob came off in my hand, she can’t get out and she is screaming',
      'trapped',
    ],
    [
      'breaker',
      'The breaker for the kitchen keeps tripping and now the outlet by the sink is making a crackling noise and the cover looks melted on one side. I am home alone with the baby tonight.',
      // A melted outlet cover is an electrical fault (the labelled sets name it so), not a fire.
      'electrical',
    ],
  ])('calls an emergency in words it never saw: %s', (subject, body, hazard) => {
    const findings = dangerFindings(`${subject}\n${body}`);
    expect(findings.map((f) => f.hazard)).toEqual([hazard]);
    expect(findings[0]?.evidence).toMatch(/^safety net: /);
  });

  it.each([
    ['Fuse box', 'Can you tell me when the fuse box was last inspected? The insurance company asks.'],
    ['Pool', 'Hi, when is the pool opening this year? Also my kitchen faucet drips a little. Thanks'],
    ['lease', 'I would like to renew my lease for another year, please send the papers'],
    ['help', 'please help, urgent, I need my deposit back as soon as possible'],
    ['door', 'the closet door squeaks a little, no hurry at all'],
  ])('stays silent on routine mail and near misses: %s', (subject, body) => {
    expect(dangerFindings(`${subject}\n${body}`)).toEqual([]);
  });

  it('never speaks without a hazard concept, whatever the words', () => {
    const alarmed: DangerModelData = { words: true, l2: 0, bias: 50, threshold: 0, weights: {} };
    expect(dangerFindings('Hello\nplease call me back about the rent', alarmed)).toEqual([]);
    expect(dangerFindings('Hello\nthe outlet is sparking', alarmed)).toHaveLength(1);
  });

  it('names the hazard family whose concepts pushed the score most', () => {
    const model: DangerModelData = {
      words: false,
      l2: 0,
      bias: 0,
      threshold: 0,
      weights: { 'c:confinement': 3, 'c:electrical thing': 0.5 },
    };
    expect(
      dangerFindings('lights\nthe lights are on and my son is stuck in the lift', model)[0]?.hazard,
    ).toBe('trapped');
  });
});

describe('the committed net', () => {
  const examples = dangerExamples([...Object.values(tuningAuthors()).flat(), ...devFixture()]);

  it('equals a retrain on the labelled sets (bench/train-danger-model.ts)', () => {
    const retrained = trainDangerModel(examples, {
      words: DANGER_WORDS,
      l2: DANGER_L2,
      threshold: DANGER_THRESHOLD,
    });
    expect(DangerModelData.parse(committed)).toEqual(retrained);
    // Training reads 3,392 messages: about 4 s alone, more beside the other test files.
  }, 60_000);

  it('leaving each author out, rules ∪ net finds nearly every emergency and raises few false ones', () => {
    const verdicts = dangerHoldout(tuningAuthors(), devFixture(), { words: DANGER_WORDS, l2: DANGER_L2 });
    const both = (v: (typeof verdicts)[number]) => v.rules || netSays(v, DANGER_THRESHOLD);
    // Measured over twenty-four authors (a-x): 1,174/1,176; the hand rules alone 1,161/1,176, but
    // they were written reading every author, so the net's own figures below are the honest ones.
    const all = recallAndFalse(verdicts, both);
    expect(all.found / all.emergencies).toBeGreaterThanOrEqual(0.995);
    // The net by itself, retrained without each author: 1,127/1,176 (95.8 %), 38 false of 3,977
    // (1.0 %), at its 1 % share (97.7 % for the one round it had 2 %; see NET_FALSE_LIMITS).
    const net = recallAndFalse(verdicts, (v) => netSays(v, DANGER_THRESHOLD));
    expect(net.found / net.emergencies).toBeGreaterThanOrEqual(0.95);
    expect(net.raised).toBeLessThanOrEqual(NET_FALSE_LIMITS.net * net.routine);
    for (const author of new Set(verdicts.map((v) => v.author))) {
      const set = verdicts.filter((v) => v.author === author);
      const withNet = recallAndFalse(set, both);
      const rules = recallAndFalse(set, (v) => v.rules);
      // Never more than 3 % false, and where the rules alone are over that, the net adds none.
      expect(withNet.raised, author).toBeLessThanOrEqual(
        Math.max(NET_FALSE_LIMITS.perAuthor * withNet.routine, rules.raised),
      );
    }
    expect(lowestSafeThreshold(verdicts)).toBeLessThanOrEqual(DANGER_THRESHOLD);
  }, 120_000);
});
