import { FORWARD_SUBJECT } from '#domain/classification/quoted-chain.ts';
import { firstQuoteHeader } from './quote-headers.ts';

/**
 * Outlook forwards without a banner. Outlook forwards a message under the same header block
 * ("From: … Sent: … To: … Subject: …", in Spanish "De: … Enviado: … Para: … Asunto: …") it puts
 * over a quoted reply, with no "Forwarded message" line, so read as a reply the forwarded report
 * (a tenant's emergency a colleague passes on) would be cut. A block is a forward's when the
 * message around it is a forward: its subject starts with a forward prefix (the domain's
 * FORWARD_SUBJECT: FW:, Fwd:, Spanish Outlook's RV:, French TR:; RE: is a reply in both
 * languages), or, with no reply prefix, the sender wrote a short cover note over it ("FYI", "see
 * below", "ver abajo"). Nothing at all written over the block is not enough: that is also how an
 * attachment-only reply looks, and reading its quote as news would triage the org's own mail.
 * Such a block gets the banner Gmail would have written, so the chain readers downstream (ours and
 * triage's) keep it as forwarded; a block under it is read the same way with the forwarded
 * message's own subject, and the first block that is a reply's ends the message as before.
 */

/** The outermost prefix of a subject, after any "[EXTERNAL]"-style tag. */
const SUBJECT_PREFIX = /^\s*(?:\[[^\]\n]{0,40}\]\s*)*([a-z]{2,3})\s*(?:\[\d+\]\s*)?:/i;
const REPLY_PREFIXES = new Set(['re', 'res']);

type SubjectKind = 'forward' | 'reply' | 'other';

/** The prefix is read past any number of tags and a "[2]" counter, then judged by the domain's list. */
function subjectKind(subject: string | undefined): SubjectKind {
  const prefix = SUBJECT_PREFIX.exec(subject ?? '')?.[1]?.toLowerCase() ?? '';
  if (FORWARD_SUBJECT.test(`${prefix}:`)) return 'forward';
  return REPLY_PREFIXES.has(prefix) ? 'reply' : 'other';
}

/** Words a sender puts over something they pass on (accents folded, lower case). */
const FORWARD_NOTE =
  /\b(?:fyi|fw|fwd|below|forward(?:ing|ed)?|passing (?:this|it) (?:along|on)|abajo|reenvi[oa]\w*|te paso|le paso|para su (?:informacion|conocimiento)|para tu (?:informacion|conocimiento))\b/;
/** Longest note, in words, still read as a cover note rather than a reply of its own. */
const MAX_NOTE_WORDS = 40;

const folded = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function isCoverNote(note: string): boolean {
  const words = note.match(/\p{L}+/gu)?.length ?? 0;
  return words <= MAX_NOTE_WORDS && FORWARD_NOTE.test(folded(note));
}

const isForward = (subject: string | undefined, note: string): boolean => {
  const kind = subjectKind(subject);
  return kind === 'forward' || (kind === 'other' && isCoverNote(note));
};

/** A line of a header block, and the subject among them; a block is read no further than this. */
const MAX_HEADER_LINES = 30;
const HEADER_FIELD = /^[ \t>]*[A-Za-z][A-Za-z ]{0,20}:/;
const SUBJECT_FIELD = /^[ \t>]*(?:Subject|Asunto):[ \t]*(.*)$/i;

/** The header block at the start of `text`: its lines up to the first that is no field, and its subject. */
function headerBlock(text: string): { length: number; subject?: string; spanish: boolean } {
  const lines = text.split('\n', MAX_HEADER_LINES);
  const end = lines.findIndex((line) => !HEADER_FIELD.test(line));
  const fields = end === -1 ? lines : lines.slice(0, Math.max(1, end));
  const subject = fields.map((line) => SUBJECT_FIELD.exec(line)?.[1]).find((found) => found !== undefined);
  return {
    length: fields.join('\n').length,
    ...(subject === undefined ? {} : { subject }),
    spanish: /^[ \t]*De:/i.test(fields[0] ?? ''),
  };
}

/** A block in ">" quotes is inside a reply's quoted chain, whatever it once was. */
const isInQuotes = (text: string, lineStart: number): boolean =>
  /^[ \t]*>/.test(text.slice(lineStart, lineStart + 100));

const banner = (spanish: boolean): string =>
  `---------- ${spanish ? 'Mensaje reenviado' : 'Forwarded message'} ----------\n`;

/** At most this many forwards deep: each one read costs a pass over the text. */
const MAX_FORWARDS = 10;

/** The text with a forward banner over each Outlook header block that heads a forwarded message. */
export function withForwardBanners(text: string, subject: string | undefined): string {
  let marked = text;
  let context = subject;
  let noteStart = 0;
  for (let depth = 0; depth < MAX_FORWARDS; depth += 1) {
    const header = firstQuoteHeader(marked);
    if (header?.outlookBlock === undefined || isInQuotes(marked, header.index)) break;
    if (!isForward(context, marked.slice(noteStart, header.index))) break;
    // The banner takes the place of an Original Message line: triage reads that line as a reply's.
    const rest = marked.slice(header.outlookBlock);
    const block = headerBlock(rest);
    const inserted = banner(block.spanish);
    marked = `${marked.slice(0, header.index)}${inserted}${rest}`;
    context = block.subject;
    noteStart = header.index + inserted.length + block.length;
  }
  return marked;
}
