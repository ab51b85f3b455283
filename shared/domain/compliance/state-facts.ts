import { z } from 'zod';
import type { Category } from '#vocabulary/classification.ts';
import { REGION } from '#vocabulary/orgs.ts';
import type { DraftLanguage } from '#vocabulary/triage.ts';
import { FINDING_SEVERITIES } from '#vocabulary/triage.ts';
import stateFactsData from './data/state-facts.json' with { type: 'json' };
import { LegalSource } from './rule-tables.ts';

/**
 * Per-state landlord-tenant facts a draft may cite or contradict (./data/state-facts.json), each
 * with its statute, a URL, how sure we are and the severity of contradicting it. Wrong law is
 * worse than none: where a state sets no figure the field is null and no check runs.
 */

const Confidence = z.enum(['high', 'medium', 'low']);

const Fact = z.object({
  /** One sentence a draft or a reviewer can quote, naming the state. */
  statement: z.string().min(1).max(600),
  source: LegalSource,
  confidence: Confidence,
  /** How serious contradicting it is (a safe harbour is a warning, a hard limit blocks). */
  severity: z.enum(FINDING_SEVERITIES),
  note: z.string().max(600).optional(),
});

const StateFacts = z.object({
  region: z.string().regex(REGION),
  name: z.string().min(1),
  entryNotice: Fact.extend({ hours: z.number().int().positive().nullable() }),
  depositReturn: Fact.extend({ days: z.number().int().positive().nullable(), businessDays: z.boolean() }),
  lateFee: Fact.extend({
    graceDays: z.number().int().nonnegative().nullable(),
    /** The first day of the month a late fee may be charged when rent is due on the 1st. */
    earliestFeeDay: z.number().int().min(2).max(31).nullable(),
    capPercent: z.number().positive().nullable(),
    capDollars: z.number().positive().nullable(),
    /** How the caps combine: the lesser of both (NY), the greater (NC), or the percentage alone (TX). */
    combine: z.enum(['lesser', 'greater', 'percent']).nullable(),
  }),
  aiDisclosure: Fact.extend({ required: z.enum(['always', 'on_request', 'none']) }),
});
export type StateFacts = z.infer<typeof StateFacts>;

const StateFactsTable = z.object({
  asOf: z.iso.date(),
  states: z.array(StateFacts).min(7),
  aiDisclosureText: z.object({ en: z.string().min(1).max(300), es: z.string().min(1).max(300) }),
});

const TABLE = StateFactsTable.parse(stateFactsData);

/** The date the table was last checked against its sources. */
export const STATE_FACTS_AS_OF = TABLE.asOf;

const BY_REGION = new Map(TABLE.states.map((state) => [state.region, state]));

/** The facts for an org's region (ISO 3166-2, `US-TX`), or undefined for a state not in the table. */
export function stateFactsFor(region: string | undefined): StateFacts | undefined {
  return region === undefined ? undefined : BY_REGION.get(region);
}

export const STATE_FACT_TOPICS = ['entry_notice', 'deposit_return', 'late_fee'] as const;
export type StateFactTopic = (typeof STATE_FACT_TOPICS)[number];

/** A state-law fact a draft can cite: what it says and where it comes from. */
export interface StateLawFact {
  readonly topic: StateFactTopic;
  readonly region: string;
  readonly statement: string;
  readonly source: LegalSource;
  readonly confidence: z.infer<typeof Confidence>;
  readonly asOf: string;
}

/** Which facts bear on a message of each category: entry for repairs, fees for rent, deposits for move-outs. */
const TOPICS_BY_CATEGORY: Partial<Record<Category, readonly StateFactTopic[]>> = {
  maintenance_request: ['entry_notice'],
  maintenance_emergency: ['entry_notice'],
  rent_payment: ['late_fee'],
  payment_arrangement: ['late_fee'],
  lease_termination: ['deposit_return'],
  move_in: ['deposit_return'],
};

const FIELD: Readonly<Record<StateFactTopic, 'entryNotice' | 'depositReturn' | 'lateFee'>> = {
  entry_notice: 'entryNotice',
  deposit_return: 'depositReturn',
  late_fee: 'lateFee',
};

/** The state facts that apply to a message of `category` in `region` (none outside the table). */
export function stateFactsForCategory(region: string | undefined, category: Category): StateLawFact[] {
  const state = stateFactsFor(region);
  if (!state) return [];
  return (TOPICS_BY_CATEGORY[category] ?? []).map((topic) => {
    const fact = state[FIELD[topic]];
    return {
      topic,
      region: state.region,
      statement: fact.statement,
      source: fact.source,
      confidence: fact.confidence,
      asOf: TABLE.asOf,
    };
  });
}

/** The AI-assistance sentence a draft must carry in `region`, or undefined where none is required. */
export function aiDisclosureFor(region: string | undefined, language: DraftLanguage): string | undefined {
  return stateFactsFor(region)?.aiDisclosure.required === 'always'
    ? TABLE.aiDisclosureText[language]
    : undefined;
}
