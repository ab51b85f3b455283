import type { ComplianceFinding, GroundedFact } from './draft.ts';
import { FACT_TOPICS, type FactTopic } from './fact-topics.ts';
import { folded } from './localized.ts';

/**
 * Finds the amounts and dates a draft states that no cited fact holds: a draft may state a fact
 * about a lease, balance or work order only from the org's synced records. Pure and conservative:
 * anything that reads as money, a percentage or a calendar date counts, in English or Spanish,
 * and so do claims made without digits ("you owe nothing", "scheduled for tomorrow", "twelve
 * hundred dollars") unless a fact of their topic is cited.
 * The pipeline turns each one into the blocking finding `grounding.unsupported_fact`.
 */

export interface UnsupportedStatement {
  readonly kind: 'amount' | 'date' | 'claim';
  /** The words as found (lower-cased). */
  readonly excerpt: string;
}

/** A calendar date as far as the text says it: a missing day or year matches any. */
interface DateMention {
  readonly year?: number;
  readonly month: number;
  readonly day?: number;
}

type Mention =
  | { readonly kind: 'amount'; readonly excerpt: string; readonly values: readonly string[] }
  | { readonly kind: 'date'; readonly excerpt: string; readonly dates: readonly DateMention[] }
  /** A claim without digits: grounded only by a cited fact of one of `topics` (none: never). */
  | { readonly kind: 'claim'; readonly excerpt: string; readonly topics: readonly FactTopic[] };

const MONTH_WORDS: readonly (readonly string[])[] = [
  ['january', 'jan', 'enero', 'ene'],
  ['february', 'feb', 'febrero'],
  ['march', 'mar', 'marzo'],
  ['april', 'apr', 'abril', 'abr'],
  ['may', 'mayo'],
  ['june', 'jun', 'junio'],
  ['july', 'jul', 'julio'],
  ['august', 'aug', 'agosto', 'ago'],
  ['september', 'sept', 'sep', 'septiembre', 'setiembre'],
  ['october', 'oct', 'octubre'],
  ['november', 'nov', 'noviembre'],
  ['december', 'dec', 'diciembre', 'dic'],
];
const MONTH = `(${MONTH_WORDS.flat()
  .sort((a, b) => b.length - a.length)
  .join('|')})`;
const monthNumber = (word: string): number =>
  MONTH_WORDS.findIndex((words) => words.includes(word.replace('.', ''))) + 1;

const NUMBER = String.raw`(\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)`;

/** Digits as cents: the last of `.`/`,` followed by one or two digits is the decimal point. */
function cents(raw: string): string {
  const decimal = /[.,](\d{1,2})$/.exec(raw);
  const whole = (decimal ? raw.slice(0, decimal.index) : raw).replace(/[.,]/g, '');
  const fraction = (decimal?.[1] ?? '').padEnd(2, '0');
  return String(Number(`${whole}${fraction}`));
}

const ordinal = '(?:st|nd|rd|th|º|°)?';

const DAY =
  '(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|week|weekend)|next (?:week|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))';
const DIA =
  '(?:hoy|manana|pasado manana|esta (?:manana|tarde|noche|semana)|(?:la )?proxima semana|(?:el )?(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)(?: proximo| que viene)?)';
const SPELLED =
  '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|a hundred|a thousand)';
const ESCRITO =
  '(?:un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veinte|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|cien|ciento|doscientos|trescientos|cuatrocientos|quinientos|seiscientos|setecientos|ochocientos|novecientos|mil)';

/** Claims about a balance, a visit or a lease that carry no digit, each with the topics that may ground it. */
const CLAIMS: readonly { topics: readonly FactTopic[]; pattern: RegExp }[] = [
  {
    topics: ['balance_due', 'past_due'],
    pattern: new RegExp(
      [
        String.raw`\byou (?:owe|don't owe|do not owe) (?:us )?(?:nothing|no money|anything|zero|no rent)\b`,
        String.raw`\b(?:your|the) (?:account|balance|rent) (?:is|has been|was) (?:now )?(?:paid in full|paid up|paid off|fully paid|current|up to date|settled|clear|cleared|zero|at zero)\b`,
        String.raw`\b(?:you have|there is) (?:a )?(?:no|zero) (?:balance|outstanding balance|amount due|past due)\b`,
        String.raw`\bnothing (?:is )?(?:owed|due|outstanding|past due)\b`,
        String.raw`\bno (?:tiene|hay|queda) (?:ningun )?(?:saldo|deuda|adeudo|pago pendiente|nada pendiente)\b`,
        String.raw`\bno (?:nos )?debe nada\b`,
        String.raw`\bsu (?:cuenta|saldo|renta) (?:esta|quedo|ha quedado) (?:al dia|pagad[oa]|saldad[oa]|en cero|liquidad[oa])\b`,
        String.raw`\b${SPELLED}(?:[ -]${SPELLED})* (?:dollars|bucks)\b`,
        String.raw`\b${ESCRITO}(?: y)?(?: ${ESCRITO})* (?:dolares|pesos)\b`,
      ].join('|'),
      'g',
    ),
  },
  {
    topics: ['work_order_scheduled'],
    pattern: new RegExp(
      [
        String.raw`\b(?:is|are|has been|have been|was|been|it's) (?:now )?scheduled (?:for|on) ${DAY}\b`,
        String.raw`\b(?:will|is going to|are going to|will be able to) (?:come|arrive|be there|be at your (?:home|unit)|stop by|visit|be out)(?: by)? ${DAY}\b`,
        String.raw`\b(?:esta|estan|quedo|quedaron|fue|fueron) (?:programad|agendad)[oa]s? (?:para )?${DIA}\b`,
        String.raw`\b(?:ira|iran|llegara|llegaran|vendra|vendran|pasara|pasaran) ${DIA}\b`,
      ].join('|'),
      'g',
    ),
  },
  {
    topics: ['lease_end'],
    pattern: new RegExp(
      [
        String.raw`\b(?:your )?lease (?:ends|expires|runs out|is up) (?:at the end of (?:this|next) (?:month|year)|(?:this|next) (?:month|year)|in (?:a|one|two|three|four|five|six) (?:weeks?|months?))\b`,
        String.raw`\b(?:su )?contrato (?:vence|termina|se vence) (?:a fin de|el (?:proximo )?(?:mes|ano)|este (?:mes|ano)|en (?:un|uno|dos|tres|cuatro|cinco|seis) (?:semanas?|meses))\b`,
      ].join('|'),
      'g',
    ),
  },
  {
    // No synced record holds a renewal decision or future rent: a person confirms these.
    topics: [],
    pattern: new RegExp(
      [
        String.raw`\b(?:lease|contract) (?:is|has been|was|will be) (?:automatically )?renewed\b`,
        String.raw`\brenew(?:ed|s)? (?:your lease )?at the same (?:rent|rate|price|amount)\b`,
        String.raw`\bcontrato (?:esta|fue|ha sido|sera|quedo) renovado\b`,
        String.raw`\brenova(?:do|da|mos|remos) (?:su contrato )?(?:con|a|por) (?:la misma|el mismo) (?:renta|precio|monto|alquiler)\b`,
      ].join('|'),
      'g',
    ),
  },
];

/** Each reader turns a match into a mention; earlier readers win where matches overlap. */
const READERS: readonly { pattern: RegExp; read: (m: RegExpExecArray) => Mention | undefined }[] = [
  {
    pattern: /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g,
    read: (m) => date(m[0], [{ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }]),
  },
  {
    pattern: new RegExp(String.raw`\b${MONTH}\.?\s+(\d{1,2})${ordinal}\b(?:,?\s+(?:de\s+)?(\d{4}))?`, 'g'),
    read: (m) => date(m[0], [{ month: monthNumber(m[1] ?? ''), day: Number(m[2]), year: year(m[3]) }]),
  },
  {
    pattern: new RegExp(
      String.raw`\b(\d{1,2})${ordinal}\s+(?:of\s+|de\s+)?${MONTH}\b(?:,?\s+(?:de\s+|del\s+)?(\d{4}))?`,
      'g',
    ),
    read: (m) => date(m[0], [{ day: Number(m[1]), month: monthNumber(m[2] ?? ''), year: year(m[3]) }]),
  },
  {
    pattern: new RegExp(String.raw`\b${MONTH}\s+(?:de\s+|del\s+)?(\d{4})\b`, 'g'),
    read: (m) => date(m[0], [{ month: monthNumber(m[1] ?? ''), year: Number(m[2]) }]),
  },
  {
    // 6/30/2027 (US) or 30/06/2027 (Spanish-speaking countries): either reading may be the fact.
    pattern: /\b(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?\b/g,
    read: (m) => {
      const [a, b, y] = [Number(m[1]), Number(m[2]), year(m[3])];
      const readings = [
        { month: a, day: b, year: y },
        { month: b, day: a, year: y },
      ].filter((d) => d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31);
      return readings.length > 0 ? date(m[0], readings) : undefined;
    },
  },
  {
    pattern: new RegExp(String.raw`(?:us\s?\$|\$|\busd\b)\s?${NUMBER}`, 'g'),
    read: (m) => amount(m[0], cents(m[1] ?? '')),
  },
  {
    pattern: new RegExp(String.raw`${NUMBER}\s?(?:us\$|\$|usd\b|dollars?\b|dolares\b|pesos\b)`, 'g'),
    read: (m) => amount(m[0], cents(m[1] ?? '')),
  },
  {
    pattern: new RegExp(String.raw`${NUMBER}\s?(?:%|percent\b|por ciento\b)`, 'g'),
    read: (m) => amount(m[0], `${m[1]}%`),
  },
  {
    // A number with cents and no currency sign still reads as money.
    pattern: /\b(\d{1,3}(?:[.,]\d{3})*[.,]\d{2}|\d+[.,]\d{2})\b/g,
    read: (m) => amount(m[0], cents(m[1] ?? '')),
  },
];

function year(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  return text.length === 2 ? 2000 + value : value;
}

const date = (excerpt: string, dates: DateMention[]): Mention => ({ kind: 'date', excerpt, dates });
const claim = (excerpt: string, topics: readonly FactTopic[]): Mention => ({
  kind: 'claim',
  excerpt,
  topics,
});
const amount = (excerpt: string, value: string): Mention => ({ kind: 'amount', excerpt, values: [value] });

function mentionsIn(text: string): Mention[] {
  const subject = folded(text);
  const taken: [number, number][] = [];
  const found: (Mention & { start: number })[] = [];
  const readers = [
    ...READERS,
    ...CLAIMS.map(({ topics, pattern }) => ({ pattern, read: (m: RegExpExecArray) => claim(m[0], topics) })),
  ];
  for (const { pattern, read } of readers) {
    for (const match of subject.matchAll(pattern)) {
      const [start, end] = [match.index, match.index + match[0].length];
      if (taken.some(([s, e]) => start < e && s < end)) continue;
      const mention = read(match as RegExpExecArray);
      if (!mention) continue;
      taken.push([start, end]);
      found.push({ ...mention, excerpt: mention.excerpt.trim(), start });
    }
  }
  // In the order the text says them, for findings a reviewer reads top to bottom.
  return found.sort((a, b) => a.start - b.start);
}

/** What a fact holds: the amounts and dates in its statement, and its value read by its topic. */
function heldBy(facts: readonly GroundedFact[]): {
  amounts: Set<string>;
  dates: DateMention[];
  topics: Set<string>;
} {
  const amounts = new Set<string>();
  const dates: DateMention[] = [];
  const topics = new Set(facts.map((fact) => fact.topic));
  for (const fact of facts) {
    const kind = Object.hasOwn(FACT_TOPICS, fact.topic) ? FACT_TOPICS[fact.topic as FactTopic] : undefined;
    const extra =
      fact.value !== undefined && kind === 'amount' ? cents(Number(fact.value).toFixed(2)) : undefined;
    if (extra !== undefined) amounts.add(extra);
    const texts = [fact.statement, ...(kind === 'date' && fact.value ? [fact.value] : [])];
    for (const mention of texts.flatMap(mentionsIn)) {
      if (mention.kind === 'amount') for (const value of mention.values) amounts.add(value);
      else if (mention.kind === 'date') dates.push(...mention.dates);
    }
  }
  return { amounts, dates, topics };
}

const sameDate = (said: DateMention, held: DateMention): boolean =>
  said.month === held.month &&
  (said.day === undefined || held.day === undefined || said.day === held.day) &&
  (said.year === undefined || held.year === undefined || said.year === held.year);

/** The amounts and dates in `text` that none of `facts` holds. */
export function ungroundedStatements(text: string, facts: readonly GroundedFact[]): UnsupportedStatement[] {
  const held = heldBy(facts);
  return mentionsIn(text)
    .filter((mention) => {
      if (mention.kind === 'amount') return !mention.values.some((value) => held.amounts.has(value));
      if (mention.kind === 'claim') return !mention.topics.some((topic) => held.topics.has(topic));
      return !mention.dates.some((said) => held.dates.some((fact) => sameDate(said, fact)));
    })
    .map(({ kind, excerpt }) => ({ kind, excerpt }));
}

/** The rule id of an amount or date a draft states without a record behind it. */
export const UNSUPPORTED_FACT_RULE = 'grounding.unsupported_fact';

/** Each unsupported amount or date as the blocking finding the pipeline records on the draft. */
export function unsupportedFactFindings(text: string, facts: readonly GroundedFact[]): ComplianceFinding[] {
  return ungroundedStatements(text, facts).map(({ kind, excerpt }) => ({
    rule: UNSUPPORTED_FACT_RULE,
    severity: 'blocking',
    excerpt,
    suggestion: `Remove this ${kind} or replace it with one from the synced records; until it is checked, say it will be checked.`,
    source: 'rules',
  }));
}
