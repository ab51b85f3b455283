import { z } from 'zod';
import { EMERGENCY_HAZARDS, LANGUAGE } from '#vocabulary/triage.ts';
import { Category, type Classification, type EmailToClassify, Urgency } from './taxonomy.ts';

/**
 * Scoring a classifier against hand-labelled emails (fixtures/emails-dev.jsonl), shared by the
 * accuracy benchmark and the regression floor in the unit tests so both count the same way.
 */

/**
 * One line of the labelled JSONL. The fixture says `body` where our email type says `text`. The
 * triage sets add the message's language and, in the label, whether a person must look, whether
 * it tries to instruct the assistant, and the hazards an emergency reports.
 */
export const LabelledEmail = z.object({
  id: z.string().min(1),
  from: z.string().min(1),
  subject: z.string(),
  body: z.string(),
  language: z.string().regex(LANGUAGE).optional(),
  label: z.object({
    category: Category,
    urgency: Urgency,
    needsHuman: z.boolean().optional(),
    injection: z.boolean().optional(),
    hazards: z.array(z.enum(EMERGENCY_HAZARDS)).optional(),
  }),
  notes: z.string().optional(),
});
export type LabelledEmail = z.infer<typeof LabelledEmail>;

export function parseLabelledEmails(jsonl: string): LabelledEmail[] {
  return jsonl
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => LabelledEmail.parse(JSON.parse(line)));
}

export const toEmailToClassify = (labelled: LabelledEmail): EmailToClassify => ({
  from: labelled.from,
  subject: labelled.subject,
  text: labelled.body,
});

export interface Outcome {
  readonly id: string;
  readonly expected: LabelledEmail['label'];
  readonly actual: Pick<Classification, 'category' | 'urgency'>;
}

export interface Evaluation {
  readonly total: number;
  readonly categoryAccuracy: number;
  readonly urgencyAccuracy: number;
  /** Share of labelled emergencies classified as emergencies (1 when there are none). */
  readonly emergencyRecall: number;
  /** Share of predicted emergencies that are labelled emergencies (1 when none predicted). */
  readonly emergencyPrecision: number;
  /** Share of labelled non-emergencies classified as emergencies (0 when there are none). */
  readonly falseEmergencyRate: number;
  /** Category confusions, most frequent first. */
  readonly confusions: readonly { expected: Category; actual: Category; count: number }[];
}

const ratio = (hits: number, of: number): number => (of === 0 ? 1 : hits / of);

export function evaluate(outcomes: readonly Outcome[]): Evaluation {
  const isEmergency = (category: Category) => category === 'maintenance_emergency';
  const labelled = outcomes.filter((o) => isEmergency(o.expected.category));
  const predicted = outcomes.filter((o) => isEmergency(o.actual.category));
  const routine = outcomes.filter((o) => !isEmergency(o.expected.category));
  const confusions = new Map<string, { expected: Category; actual: Category; count: number }>();
  for (const { expected, actual } of outcomes) {
    if (expected.category === actual.category) continue;
    const key = `${expected.category}>${actual.category}`;
    const entry = confusions.get(key) ?? { expected: expected.category, actual: actual.category, count: 0 };
    confusions.set(key, { ...entry, count: entry.count + 1 });
  }
  return {
    total: outcomes.length,
    categoryAccuracy: ratio(
      outcomes.filter((o) => o.expected.category === o.actual.category).length,
      outcomes.length,
    ),
    urgencyAccuracy: ratio(
      outcomes.filter((o) => o.expected.urgency === o.actual.urgency).length,
      outcomes.length,
    ),
    emergencyRecall: ratio(labelled.filter((o) => isEmergency(o.actual.category)).length, labelled.length),
    emergencyPrecision: ratio(
      predicted.filter((o) => isEmergency(o.expected.category)).length,
      predicted.length,
    ),
    falseEmergencyRate:
      routine.length === 0
        ? 0
        : routine.filter((o) => isEmergency(o.actual.category)).length / routine.length,
    confusions: [...confusions.values()].sort((a, b) => b.count - a.count),
  };
}
