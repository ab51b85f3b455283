import type { ComplianceFinding } from '../drafts/draft.ts';
import type { ComplianceContext } from '../drafts/ports.ts';
import { dollarsIn, durationsIn, feeDayIn, percentsIn } from './quantities.ts';
import { aiDisclosureFor, type StateFacts, stateFactsFor } from './state-facts.ts';
import { anyOf, type Sentence, sentencesOf, wordPattern } from './text.ts';

/**
 * A draft against its org's state facts: entering with less notice than the state requires,
 * promising a deposit later than its deadline, a late fee above its cap or before its grace
 * period ends, and a missing AI disclosure where the state requires one. Each finding names
 * the statute, so the person who edits the draft sees why.
 */

const ENTRY = anyOf([
  'enter(s|ed|ing)?',
  'entry',
  'access',
  'come (in|into|by)',
  'visit(s|ing)?',
  'inspect(s|ion|ing)?',
  'entr(ar|aremos|emos|ada)',
  'ingresar',
  'acceso',
  'visita',
  'inspeccion',
]);
const NOTICE = anyOf([
  'notice',
  'notify',
  'notified',
  'heads up',
  'aviso',
  'avisar',
  'avisaremos',
  'anticipacion',
  'antelacion',
  'notificacion',
]);
const DEPOSIT = anyOf(['deposit', 'deposito', 'fianza']);
const RETURNED = anyOf([
  'return(ed|ing)?',
  'refund(ed|ing)?',
  'back',
  'sen[dt]',
  'mail(ed)?',
  'devol[a-z]*',
  'devuelt[oa]',
  'reembols[a-z]*',
  'reintegr[a-z]*',
  'enviar[a-z]*',
  'recibira',
]);
const LATE_FEE = anyOf([
  'late (fee|fees|charge|charges|payment fee|penalty)',
  'recargos?( por (pago )?(atraso|retraso|mora|demora|pago tardio))?',
  'cargos? por (pago )?(atraso|retraso|mora|demora|pago tardio)',
  'multas? por (atraso|retraso|pago tardio)',
]);
const GRACE = /(?<![a-z])(?:grace period|periodo de gracia|dias de gracia|day grace|days grace)(?![a-z])/;
const AI_MENTION = wordPattern('ai|artificial intelligence|inteligencia artificial|ia');
/** A sentence that says the reply was made with AI, in words other than ours. */
const AI_HELPED = anyOf([
  'help(ed)?',
  'assist(ed|ance)?',
  'prepared',
  'generated',
  'written',
  'drafted',
  'ayuda',
  'asistencia',
  'preparad[oa]',
  'generad[oa]',
  'redactad[oa]',
  'escrit[oa]',
]);

function finding(
  state: StateFacts,
  topic: string,
  fact: { statement: string; source: { citation: string }; severity: ComplianceFinding['severity'] },
  excerpt: string,
  advice: string,
): ComplianceFinding {
  return {
    rule: `state.${state.region.slice(3)}.${topic}`,
    severity: fact.severity,
    excerpt: excerpt.slice(0, 300),
    suggestion: `${advice} ${fact.statement} (${fact.source.citation})`.slice(0, 500),
    source: 'rules',
  };
}

const quote = (text: string, sentence: Sentence) =>
  text.slice(sentence.start, sentence.start + sentence.plain.length).trim();

function entryNotice(state: StateFacts, text: string, sentence: Sentence): ComplianceFinding | undefined {
  const required = state.entryNotice.hours;
  if (required === null || !ENTRY.test(sentence.plain) || !NOTICE.test(sentence.plain)) return undefined;
  const shortest = durationsIn(sentence.plain)
    .map((duration) => duration.days * 24)
    .sort((a, b) => a - b)[0];
  if (shortest === undefined || shortest >= required) return undefined;
  return finding(
    state,
    'entry_notice',
    state.entryNotice,
    quote(text, sentence),
    `Give at least ${required} hours' notice before entry.`,
  );
}

/** A business-day deadline, in calendar days: five business days to a week. */
const calendarDays = (days: number, business: boolean) => (business ? Math.ceil((days * 7) / 5) : days);

function depositReturn(state: StateFacts, text: string, sentence: Sentence): ComplianceFinding | undefined {
  const { days, businessDays } = state.depositReturn;
  if (days === null || !DEPOSIT.test(sentence.plain) || !RETURNED.test(sentence.plain)) return undefined;
  const limit = calendarDays(days, businessDays);
  const late = durationsIn(sentence.plain).find(
    (stated) => calendarDays(stated.days, stated.business) > limit,
  );
  if (!late) return undefined;
  const unit = businessDays ? 'business days' : 'days';
  return finding(
    state,
    'deposit_return',
    state.depositReturn,
    quote(text, sentence),
    `State the deposit deadline as ${days} ${unit} or less.`,
  );
}

function lateFeeCap(
  state: StateFacts,
  text: string,
  sentence: Sentence,
  rent: number | undefined,
): ComplianceFinding | undefined {
  const { capPercent, capDollars, combine } = state.lateFee;
  if (combine === null || capPercent === null) return undefined;
  const percentCap = rent === undefined ? undefined : (rent * capPercent) / 100;
  const dollarCap =
    combine === 'lesser'
      ? Math.min(capDollars ?? Number.POSITIVE_INFINITY, percentCap ?? Number.POSITIVE_INFINITY)
      : combine === 'greater'
        ? percentCap === undefined
          ? undefined
          : Math.max(capDollars ?? 0, percentCap)
        : percentCap;
  const overPercent = percentsIn(sentence.plain).some((stated) => stated.percent > capPercent);
  const overDollars =
    dollarCap !== undefined && dollarsIn(sentence.plain).some((stated) => stated.amount > dollarCap + 0.005);
  if (!overPercent && !overDollars) return undefined;
  return finding(
    state,
    'late_fee_cap',
    state.lateFee,
    quote(text, sentence),
    'Keep any late fee within the state cap.',
  );
}

function lateFeeGrace(state: StateFacts, text: string, sentence: Sentence): ComplianceFinding | undefined {
  const earliest = state.lateFee.earliestFeeDay;
  if (earliest === null) return undefined;
  const graceDays = GRACE.test(sentence.plain) ? durationsIn(sentence.plain)[0]?.days : undefined;
  const feeDay = graceDays === undefined ? feeDayIn(sentence.plain)?.day : graceDays + 1;
  if (feeDay === undefined || feeDay >= earliest) return undefined;
  return finding(
    state,
    'late_fee_grace',
    state.lateFee,
    quote(text, sentence),
    `With rent due on the 1st, no late fee before the ${earliest}th.`,
  );
}

function aiDisclosure(
  state: StateFacts,
  text: string,
  plain: string,
  context: ComplianceContext,
): ComplianceFinding | undefined {
  const sentence = aiDisclosureFor(state.region, context.language);
  if (sentence === undefined || text.includes(sentence)) return undefined;
  if (sentencesOf(plain).some(({ plain: words }) => AI_MENTION.test(words) && AI_HELPED.test(words)))
    return undefined;
  return {
    rule: `state.${state.region.slice(3)}.ai_disclosure`,
    severity: state.aiDisclosure.severity,
    excerpt: '',
    suggestion: `Add the disclosure: "${sentence}" ${state.aiDisclosure.source.citation}`.slice(0, 500),
    source: 'rules',
  };
}

/** The state-law findings for a draft; none when the org's region is not in the table. */
export function stateLawFindings(
  text: string,
  plain: string,
  sentences: readonly Sentence[],
  context: ComplianceContext,
): ComplianceFinding[] {
  const state = stateFactsFor(context.region);
  if (!state) return [];
  const findings: ComplianceFinding[] = [];
  for (const sentence of sentences) {
    if (context.category !== 'maintenance_emergency')
      findings.push(...defined(entryNotice(state, text, sentence)));
    findings.push(...defined(depositReturn(state, text, sentence)));
    if (LATE_FEE.test(sentence.plain)) {
      findings.push(...defined(lateFeeCap(state, text, sentence, context.monthlyRent)));
      findings.push(...defined(lateFeeGrace(state, text, sentence)));
    }
  }
  findings.push(...defined(aiDisclosure(state, text, plain, context)));
  return findings;
}

const defined = <T>(value: T | undefined): T[] => (value === undefined ? [] : [value]);
