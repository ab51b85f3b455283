import type { LabelledEmail } from '#domain/classification/evaluation.ts';
import type { Clock } from '#domain/clock.ts';
import type { TriageEngine } from '#domain/triage/triage.ts';
import {
  evaluateTriage,
  type Share,
  type TriageEvaluation,
  type TriageOutcome,
  toMessageToTriage,
} from '#domain/triage/triage-evaluation.ts';

/**
 * The nightly evaluation: a labelled set triaged by the platform's Claude engine (rules first,
 * as every message is), scored, and compared with the platform's floors. It never scores the
 * rules under Claude's name: without a key it does not run, a message Claude failed on is left
 * out, and once the circuit opens the run stops without figures.
 */

/** The platform's quality floors (one per deployment), as shares from 0 to 1. */
export interface TriageFloors {
  readonly categoryAccuracy: number;
  readonly emergencyRecall: number;
  /** A ceiling: at most this share of non-emergencies triaged as emergencies. */
  readonly falseEmergencyRate: number;
  readonly injectionsToHuman: number;
}

export type TriageFigure = keyof TriageFloors;

/** The figures as counts (what the metrics carry; CloudWatch divides them) and as shares. */
export interface TriageFigures {
  readonly messages: number;
  readonly categoryCorrect: Share;
  readonly emergenciesFound: Share;
  readonly falseEmergencies: Share;
  readonly injectionsToHuman: Share;
}

export interface FloorBreach {
  readonly figure: TriageFigure;
  readonly value: number;
  readonly floor: number;
}

export type SkipReason = 'no_anthropic_key' | 'circuit_open' | 'out_of_time';

export type TriageEvaluationRun =
  | {
      readonly status: 'evaluated';
      readonly figures: TriageFigures;
      /** Figures on the wrong side of their floor; empty when quality holds. */
      readonly breaches: readonly FloorBreach[];
      /** Messages Claude failed on (the rules answered): not scored. */
      readonly leftOut: number;
      readonly tokens: { readonly input: number; readonly output: number; readonly cacheRead: number };
    }
  | { readonly status: 'skipped'; readonly reason: SkipReason; readonly triaged: number };

export interface EvaluateTriageDeps {
  /** The Claude engine composed with the rules, or nothing when no Anthropic key is set. */
  readonly claudeEngine: () => Promise<TriageEngine | undefined>;
  readonly clock: Clock;
}

export interface EvaluateTriageRequest {
  readonly labelled: readonly LabelledEmail[];
  /** Messages triaged at most (the run's spend); a larger set is sampled evenly. */
  readonly maxMessages: number;
  readonly floors: TriageFloors;
  /** No message is started after this. */
  readonly deadline: Date;
}

export async function evaluateTriageNightly(
  deps: EvaluateTriageDeps,
  request: EvaluateTriageRequest,
): Promise<TriageEvaluationRun> {
  const engine = await deps.claudeEngine();
  if (!engine) return { status: 'skipped', reason: 'no_anthropic_key', triaged: 0 };
  const outcomes: TriageOutcome[] = [];
  let triaged = 0;
  let leftOut = 0;
  // One at a time: the run stays within Anthropic's rate limits and stops as soon as it must.
  for (const message of evenSample(request.labelled, request.maxMessages)) {
    if (deps.clock.now() >= request.deadline) return { status: 'skipped', reason: 'out_of_time', triaged };
    const triage = await engine.triage(toMessageToTriage(message));
    triaged += 1;
    if (triage.fallbackReason === 'circuit_open')
      return { status: 'skipped', reason: 'circuit_open', triaged };
    if (triage.fallbackReason !== undefined) {
      leftOut += 1;
      continue;
    }
    outcomes.push({ id: message.id, label: message.label, triage });
  }
  const evaluation = evaluateTriage(outcomes);
  const figures = figuresOf(evaluation, outcomes);
  const tokens = Object.values(evaluation.tokensByModel).reduce(
    (sum, spend) => ({
      input: sum.input + spend.inputTokens,
      output: sum.output + spend.outputTokens,
      cacheRead: sum.cacheRead + spend.cacheReadTokens,
    }),
    { input: 0, output: 0, cacheRead: 0 },
  );
  return { status: 'evaluated', figures, breaches: breachesOf(figures, request.floors), leftOut, tokens };
}

/**
 * At most `max` messages spread evenly over the set (every k-th), so a capped run still covers
 * each author's file and the emergencies and injections among them, the same ones every night.
 */
export function evenSample<T>(items: readonly T[], max: number): readonly T[] {
  if (items.length <= max) return items;
  return Array.from({ length: max }, (_, i) => items[Math.floor((i * items.length) / max)] as T);
}

function figuresOf(evaluation: TriageEvaluation, outcomes: readonly TriageOutcome[]): TriageFigures {
  const emergencies = outcomes.filter((o) => o.label.category === 'maintenance_emergency').length;
  return {
    messages: evaluation.total,
    categoryCorrect: shareOfRate(evaluation.categoryAccuracy, evaluation.total),
    emergenciesFound: shareOfRate(evaluation.emergencyRecall, emergencies),
    falseEmergencies: evaluation.falseEmergencies,
    injectionsToHuman: evaluation.injectionsToHuman,
  };
}

/** The classification evaluation gives a rate over a known count; the hits are exact integers. */
function shareOfRate(rate: number, of: number): Share {
  return { hits: of === 0 ? 0 : Math.round(rate * of), of, rate };
}

/** A figure over no labelled message (no emergency in the run) is not judged. */
function breachesOf(figures: TriageFigures, floors: TriageFloors): FloorBreach[] {
  const judged: [TriageFigure, Share, boolean][] = [
    ['categoryAccuracy', figures.categoryCorrect, true],
    ['emergencyRecall', figures.emergenciesFound, true],
    ['falseEmergencyRate', figures.falseEmergencies, false],
    ['injectionsToHuman', figures.injectionsToHuman, true],
  ];
  return judged.flatMap(([figure, share, isFloor]) => {
    const floor = floors[figure];
    const breached = isFloor ? share.rate < floor : share.rate > floor;
    return share.of > 0 && breached ? [{ figure, value: share.rate, floor }] : [];
  });
}
