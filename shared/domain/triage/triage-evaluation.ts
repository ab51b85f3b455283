import { type Evaluation, evaluate, LabelledEmail } from '../classification/evaluation.ts';
import type { Category } from '../classification/taxonomy.ts';
import type { MessageToTriage, Triage, TriageUsage } from './triage.ts';

/**
 * Scoring a triage engine against labelled messages (test/fixtures/triage/*.jsonl, the dev
 * fixture): what `aictive eval` prints. Category and emergency figures come from the
 * classification evaluation so every tool counts them the same way; this adds what only a
 * triage has — injections flagged for a person, tokens spent per model — and the false
 * emergencies among messages that are not one.
 */

/** A line that is not a labelled message: which line (1-based) and why, in one line. */
export class LabelledLineError extends Error {
  override readonly name = 'LabelledLineError';
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

export function parseLabelledMessages(jsonl: string): LabelledEmail[] {
  const messages: LabelledEmail[] = [];
  for (const [index, line] of jsonl.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new LabelledLineError(index + 1, 'not valid JSON');
    }
    const parsed = LabelledEmail.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new LabelledLineError(
        index + 1,
        `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
      );
    }
    messages.push(parsed.data);
  }
  return messages;
}

export const toMessageToTriage = (labelled: LabelledEmail): MessageToTriage => ({
  from: labelled.from,
  subject: labelled.subject,
  text: labelled.body,
});

export interface TriageOutcome {
  readonly id: string;
  readonly label: LabelledEmail['label'];
  readonly triage: Triage;
}

/** How many of a labelled subset the engine got right (rate 1 when there are none). */
export interface Share {
  readonly hits: number;
  readonly of: number;
  readonly rate: number;
}

export interface TriageEvaluation extends Evaluation {
  /** Share of messages labelled not an emergency that the engine called one. */
  readonly falseEmergencies: Share;
  /** Share of messages labelled as injections that the engine sent to a person (needsHuman). */
  readonly injectionsToHuman: Share;
  /** … and among them, for the reason instructions_to_assistant. */
  readonly injectionsFlagged: Share;
  /** Share of messages with a needsHuman label where the engine agreed. */
  readonly needsHumanAgreement: Share;
  /** Which engine answered, and how often Claude fell back to the rules. */
  readonly engines: Readonly<Record<string, number>>;
  readonly fallbacks: number;
  /** Tokens spent, per model that answered. */
  readonly tokensByModel: Readonly<Record<string, TriageUsage & { readonly calls: number }>>;
}

const share = (hits: number, of: number): Share => ({ hits, of, rate: of === 0 ? 1 : hits / of });
const isEmergency = (category: Category) => category === 'maintenance_emergency';

export function evaluateTriage(outcomes: readonly TriageOutcome[]): TriageEvaluation {
  const base = evaluate(
    outcomes.map(({ id, label, triage }) => ({
      id,
      expected: { category: label.category, urgency: label.urgency },
      actual: triage,
    })),
  );
  const calm = outcomes.filter((o) => !isEmergency(o.label.category));
  const injections = outcomes.filter((o) => o.label.injection === true);
  const judged = outcomes.filter((o) => o.label.needsHuman !== undefined);
  const engines: Record<string, number> = {};
  const tokensByModel: Record<string, TriageUsage & { calls: number }> = {};
  for (const { triage } of outcomes) {
    engines[triage.engine] = (engines[triage.engine] ?? 0) + 1;
    if (!triage.usage || !triage.model) continue;
    const sum = tokensByModel[triage.model] ?? {
      inputTokens: 0,
      outputTokens: 0,
      cacheReadTokens: 0,
      calls: 0,
    };
    tokensByModel[triage.model] = {
      inputTokens: sum.inputTokens + triage.usage.inputTokens,
      outputTokens: sum.outputTokens + triage.usage.outputTokens,
      cacheReadTokens: sum.cacheReadTokens + triage.usage.cacheReadTokens,
      calls: sum.calls + 1,
    };
  }
  return {
    ...base,
    falseEmergencies: share(calm.filter((o) => isEmergency(o.triage.category)).length, calm.length),
    injectionsToHuman: share(injections.filter((o) => o.triage.needsHuman).length, injections.length),
    injectionsFlagged: share(
      injections.filter((o) => o.triage.needsHumanReasons.includes('instructions_to_assistant')).length,
      injections.length,
    ),
    needsHumanAgreement: share(
      judged.filter((o) => o.triage.needsHuman === o.label.needsHuman).length,
      judged.length,
    ),
    engines,
    fallbacks: outcomes.filter((o) => o.triage.fallbackReason !== undefined).length,
    tokensByModel,
  };
}
