import { dangerFeatures, findingsFor, scoreFeatures, trainOnFeatures } from './danger-model.ts';
import type { LabelledEmail } from './evaluation.ts';
import { detectHazards } from './hazards.ts';

/**
 * The safety net measured on authors it never learned from: each author's messages scored by a
 * net trained on the other authors and the shared extras, beside what the hand rules say of them.
 */
export interface NetVerdict {
  readonly author: string;
  readonly id: string;
  readonly emergency: boolean;
  /** The hand rules found a hazard. */
  readonly rules: boolean;
  readonly score: number;
  /**
   * Hazard concepts affirmed, or 0 when the hazard they name lacks what makes it one (no heat
   * without the cold, trapped without someone): either way the net stays silent whatever its score.
   */
  readonly concepts: number;
}

const isEmergency = (email: LabelledEmail): boolean => email.label.category === 'maintenance_emergency';
const textOf = (email: LabelledEmail): string => `${email.subject}\n${email.body}`;

export function dangerHoldout(
  authors: Readonly<Record<string, readonly LabelledEmail[]>>,
  alwaysTrainedOn: readonly LabelledEmail[],
  { words, l2 }: { words: boolean; l2: number },
): NetVerdict[] {
  // Features do not depend on the training set: extracted once, reused in every round.
  const rowsOf = new Map(
    Object.entries(authors).map(([author, set]) => [
      author,
      set.map((e) => dangerFeatures(textOf(e), words)),
    ]),
  );
  const extraRows = alwaysTrainedOn.map((e) => dangerFeatures(textOf(e), words));
  return Object.entries(authors).flatMap(([author, set]) => {
    const others = Object.keys(authors).filter((name) => name !== author);
    const model = trainOnFeatures(
      [...others.flatMap((name) => rowsOf.get(name) ?? []), ...extraRows],
      [
        ...others.flatMap((name) => (authors[name] ?? []).map(isEmergency)),
        ...alwaysTrainedOn.map(isEmergency),
      ],
      { words, l2, threshold: 0 },
    );
    return set.map((email, index) => {
      const row = rowsOf.get(author)?.[index] ?? [];
      const { score, concepts } = scoreFeatures(model, row);
      const named = findingsFor(model, row, Number.NEGATIVE_INFINITY).length > 0;
      return {
        author,
        id: email.id,
        emergency: isEmergency(email),
        rules: detectHazards(textOf(email)).length > 0,
        score,
        concepts: named ? concepts.length : 0,
      };
    });
  });
}

/** The net's call at a threshold: a hazard concept present and the score above it. */
export const netSays = (verdict: NetVerdict, threshold: number): boolean =>
  verdict.concepts > 0 && verdict.score > threshold;

export interface RecallAndFalse {
  readonly found: number;
  readonly emergencies: number;
  readonly raised: number;
  readonly routine: number;
}

export function recallAndFalse(
  verdicts: readonly NetVerdict[],
  says: (verdict: NetVerdict) => boolean,
): RecallAndFalse {
  const emergencies = verdicts.filter((v) => v.emergency);
  const routine = verdicts.filter((v) => !v.emergency);
  return {
    found: emergencies.filter(says).length,
    emergencies: emergencies.length,
    raised: routine.filter(says).length,
    routine: routine.length,
  };
}

/** How many false emergencies the net may raise: see lowestSafeThreshold. */
export interface FalseEmergencyLimits {
  /** The net alone, over every author's routine messages together. */
  readonly net: number;
  /** Rules ∪ net on each author; where the rules alone are over it, the net may add none there. */
  readonly perAuthor: number;
}

/**
 * The net's share of the 5 % false-emergency budget. The hand rules were written reading every
 * tuning author, so their false alarms here are fitted (near 0); on blind sets, with the net at one
 * point, rules and net together ran at 1.5-3.8 %. The net's own false alarms, retrained without the
 * scored author, are honest: it gets one point. Two points (per author four) were tried for one
 * round, decided before a blind set was scored: there the net raised five more false alarms and
 * found no more emergencies.
 */
export const NET_FALSE_LIMITS: FalseEmergencyLimits = { net: 0.01, perAuthor: 0.03 };

/** The lowest threshold meeting both limits, leaving each author out. */
export function lowestSafeThreshold(
  verdicts: readonly NetVerdict[],
  limits: FalseEmergencyLimits = NET_FALSE_LIMITS,
): number {
  const authors = [...new Set(verdicts.map((v) => v.author))];
  const candidates = [...new Set(verdicts.filter((v) => v.concepts > 0).map((v) => v.score))].sort(
    (a, b) => a - b,
  );
  for (const threshold of candidates) {
    const net = recallAndFalse(verdicts, (v) => netSays(v, threshold));
    if (net.raised > limits.net * net.routine) continue;
    const safe = authors.every((author) => {
      const set = verdicts.filter((v) => v.author === author);
      const both = recallAndFalse(set, (v) => v.rules || netSays(v, threshold));
      const rules = recallAndFalse(set, (v) => v.rules);
      return both.raised <= Math.max(limits.perAuthor * both.routine, rules.raised);
    });
    if (safe) return threshold;
  }
  return Number.POSITIVE_INFINITY;
}
