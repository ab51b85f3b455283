import { EMERGENCY_HAZARDS, type EmergencyHazard } from '#vocabulary/triage.ts';
import { COMMA, splitClauses } from './clauses.ts';
import { HAZARD_RULES, type HazardRule } from './hazard-rules.ts';
import { isNegatedAt } from './negation.ts';
import { normalise } from './normalise.ts';
import { FORWARD_SUBJECT, separateChain } from './quoted-chain.ts';
import {
  asksForHelp,
  changesTopic,
  closesPrevious,
  isAboutEquipmentWork,
  isAllegation,
  isElsewhere,
  isForYourRecords,
  isHypothetical,
  isPastDated,
  isResolved,
  isStillHappening,
  mentionsResolution,
  recurs,
  saysAllIsWell,
  withoutWarning,
} from './statement-markers.ts';

/**
 * The emergency detector: which hazards a message reports as happening now. Every clause of the
 * new text is read on its own, whatever the message is mainly about, so an emergency buried in a
 * rent question is still found; what is negated, hypothetical, about equipment work, over, or
 * only in a quoted earlier message is not a hazard. Any finding makes the message an emergency.
 */
export interface HazardFinding {
  readonly hazard: EmergencyHazard;
  /** The words that decided it, as they read after normalising ("outlet … hot"). */
  readonly evidence: string;
}

const MAX_EVIDENCE = 80;

/** The first occurrence of the sign that is not denied by a negation just before it. */
function affirmedSign(rule: HazardRule, clause: string): string | undefined {
  for (const found of clause.matchAll(rule.sign)) {
    if (!isNegatedAt(clause, found.index)) return found[0];
  }
  return undefined;
}

function evidenceFor(rule: HazardRule, clause: string, message: string): string | undefined {
  if (rule.unless?.test(clause)) return undefined;
  const subject = rule.subject === undefined ? undefined : rule.subject.exec(clause)?.[0];
  if (rule.subject !== undefined && subject === undefined) return undefined;
  const sign = affirmedSign(rule, clause);
  if (sign === undefined) return undefined;
  if (rule.when !== undefined && !rule.when(message)) return undefined;
  const words = subject === undefined || sign.includes(subject) ? sign : `${subject} … ${sign}`;
  return words.slice(0, MAX_EVIDENCE);
}

/** A reply's subject ("Re: water through the ceiling") names the old topic. */
const REPLY_SUBJECT = /^\s*(re|aw|res|sv)\s*:/i;

/**
 * A forward sent "for your records" still carries a present hazard ("FYI from 4B: water is coming
 * through the ceiling"); only what it dates in the past, or says is over, is a record.
 */
function presentStatements(forwarded: string): string {
  if (mentionsResolution(normalise(forwarded))) return '';
  return forwarded
    .split(/(?<=[.!?])\s+|\n+/)
    .filter((statement) => !isPastDated(normalise(statement)))
    .join('\n');
}

/**
 * What the sender reports: the new text (a reply's subject only when the reply says it goes on),
 * and a forwarded report unless the sender's own words say it is over; sent for the records, its
 * present statements only.
 */
export function reportedText(text: string): string {
  const [first = '', ...rest] = text.split(/\r?\n/);
  const reply = separateChain(rest.join('\n'));
  const replied = normalise(reply.newText);
  const ongoing = isStillHappening(replied) && !mentionsResolution(replied) && !changesTopic(replied);
  const { newText, forwarded } =
    REPLY_SUBJECT.test(first) && !ongoing
      ? reply
      : separateChain(text, { forward: FORWARD_SUBJECT.test(first), originalForwards: true });
  const own = normalise(newText);
  if (forwarded === '' || isResolved(own)) return newText;
  if (!isForYourRecords(own)) return `${newText}\n${forwarded}`;
  return mentionsResolution(own) ? newText : `${newText}\n${presentStatements(forwarded)}`;
}

/**
 * The subject line names the topic; it reports a hazard unless the body says all is well now, or
 * the subject asks ("Gas leak?", "Rent credit while the AC was broken?") and the body says it is over.
 */
function reportedClauses(reported: string): string[] {
  const [subjectLine = '', ...rest] = reported.split('\n');
  const body = normalise(rest.join('\n'));
  const answered =
    saysAllIsWell(body) ||
    (subjectLine.trim().endsWith('?') && mentionsResolution(body) && !asksForHelp(body) && !recurs(body));
  return answered ? splitClauses(rest.join('\n')) : splitClauses(reported);
}

/**
 * The whole message for rules that read context, its statements kept apart by a comma so that a
 * negation ends with its statement: "the doors won't open, we're inside" still has someone inside.
 */
function withStatementBreaks(text: string): string {
  return text
    .replace(/(\d)[.:](\d)/g, '$1 $2')
    .split(/[,.;!?\n\r]+/)
    .map(normalise)
    .filter((statement) => statement.length > 0)
    .join(` ${COMMA} `);
}

/** `text`: the message as received, subject line first; quoted replies are ignored. */
export function detectHazards(text: string): HazardFinding[] {
  const reported = reportedText(text);
  const message = withStatementBreaks(reported);
  const found = new Map<EmergencyHazard, string>();
  // Read once per message, not once per clause: a long message has many clauses.
  const rules = HAZARD_RULES.filter((rule) => !rule.unlessMessage?.test(message));
  const clauses = reportedClauses(reported);
  // "We put it out, but there is still smoke": the next clause reports the hazard still there.
  const goesOn = (next: string | undefined): boolean =>
    next !== undefined &&
    isStillHappening(next) &&
    !mentionsResolution(next) &&
    rules.some((rule) => evidenceFor(rule, next, message) !== undefined);
  for (const [index, said] of clauses.entries()) {
    const clause = withoutWarning(said);
    const next = clauses[index + 1];
    if (
      isHypothetical(clause) ||
      (isResolved(clause) && !goesOn(next)) ||
      isElsewhere(clause) ||
      isAllegation(clause, message) ||
      (next !== undefined && closesPrevious(next))
    )
      continue;
    const equipmentWork = isAboutEquipmentWork(clause);
    for (const rule of rules) {
      if (found.has(rule.hazard) || (equipmentWork && rule.equipmentNamed === true)) continue;
      const evidence = evidenceFor(rule, clause, message);
      if (evidence !== undefined) found.set(rule.hazard, evidence);
    }
  }
  return EMERGENCY_HAZARDS.filter((hazard) => found.has(hazard)).map((hazard) => ({
    hazard,
    evidence: found.get(hazard) ?? '',
  }));
}
