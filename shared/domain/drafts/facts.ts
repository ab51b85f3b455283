import type { DraftLanguage } from '#vocabulary/triage.ts';
import type { GroundedFact, RecordCitation } from './draft.ts';
import { FACT_TOPICS, type FactTopic } from './fact-topics.ts';
import { fill } from './localized.ts';
import { DRAFT_TEMPLATES } from './templates.ts';

/**
 * How a fact from the records is stated: one sentence per topic and language
 * (data/templates.json `facts`), its value written as the reader writes dates and money.
 */

const MONTHS: Readonly<Record<DraftLanguage, readonly string[]>> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  es: [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
};

/** `2027-06-30` as `June 30, 2027` or `30 de junio de 2027`; anything else as it is. */
export function formatDate(isoDate: string, language: DraftLanguage): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  const month = match ? MONTHS[language][Number(match[2]) - 1] : undefined;
  if (!match || !month) return isoDate;
  const [year, day] = [match[1], String(Number(match[3]))];
  return language === 'en' ? `${month} ${day}, ${year}` : `${day} de ${month} de ${year}`;
}

/** Dollars with cents, as US residents read them in either language: `$1,180.50`. */
export function formatAmount(amount: string): string {
  const value = Number(amount);
  if (!Number.isFinite(value)) return amount;
  return `${value < 0 ? '-' : ''}$${Math.abs(value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

function formatValue(topic: FactTopic, value: string, language: DraftLanguage): string {
  switch (FACT_TOPICS[topic]) {
    case 'date':
      return formatDate(value, language);
    case 'amount':
      return formatAmount(value);
    case 'status':
      return DRAFT_TEMPLATES.workOrderStatuses[value]?.[language] ?? value;
  }
}

const isFactTopic = (topic: string): topic is FactTopic => Object.hasOwn(FACT_TOPICS, topic);

/** The sentence stating a fact in a language; undefined for a fact no template knows how to state. */
export function factSentence(fact: GroundedFact, language: DraftLanguage): string | undefined {
  if (!isFactTopic(fact.topic) || fact.value === undefined) return undefined;
  return fill(DRAFT_TEMPLATES.facts[fact.topic][language], {
    value: formatValue(fact.topic, fact.value, language),
    ref: fact.citation.id,
  });
}

/** A fact from a record: its English statement is the sentence a draft in English would use. */
export function groundedFact(topic: FactTopic, value: string, citation: RecordCitation): GroundedFact {
  const fact = { topic, value, citation, statement: '' };
  return { ...fact, statement: factSentence(fact, 'en') ?? value };
}
