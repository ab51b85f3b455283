/**
 * The new text of a message: what the sender wrote now, apart from the earlier messages a reply
 * quotes. A reply's quoted chain is history and never decides anything. A forward is different:
 * the sender passes someone's report on, so its content is news unless the sender says otherwise
 * (hazards.ts decides that with the sender's own words).
 */

export interface MessageParts {
  /** What the sender wrote now. */
  readonly newText: string;
  /** The message the sender forwarded, when there is one (its own quotes dropped). */
  readonly forwarded: string;
}

/** Lines that start a quoted earlier message in a reply. */
const REPLY_HEADER =
  /^\s*(?:on\s.+\swrote:|el\s.+\sescribio:|-{2,}\s*(?:original message|mensaje original))/i;
/** Outlook's separator: a reply's quote, or under a FW: subject the forwarded report. */
const ORIGINAL_MESSAGE = /^\s*-{2,}\s*(?:original message|mensaje original)/i;
/** Lines that start a forwarded message. */
const FORWARD_BANNER = /^\s*(?:-{2,}\s*(?:forwarded message|mensaje reenviado)|begin forwarded message)/i;
/**
 * A subject that says the message is a forward: FW:/Fwd:, Spanish Outlook's RV: ("reenviado"),
 * French TR:, after any "[EXTERNAL]"-style tag. Outlook forwards carry no banner, only the
 * From/Sent block a reply also has: the subject tells them apart.
 */
export const FORWARD_SUBJECT = /^\s*(?:\[[^\]]*\]\s*)?(?:fw|fwd|rv|tr)\s*:/i;
/** An Outlook-style header block ("From: … / Sent: …") starts a quoted message when a date line follows. */
const FROM_LINE = /^\s*(?:from|de):\s.+/i;
const SENT_LINE = /^\s*(?:sent|date|enviado|fecha):/i;

const foldAccents = (line: string): string => line.normalize('NFD').replace(/\p{M}/gu, '');

function startsHeaderBlock(lines: readonly string[], index: number): boolean {
  const line = foldAccents(lines[index] ?? '');
  return FROM_LINE.test(line) && lines.slice(index + 1, index + 4).some((next) => SENT_LINE.test(next));
}

function startsReply(lines: readonly string[], index: number): boolean {
  return REPLY_HEADER.test(foldAccents(lines[index] ?? '')) || startsHeaderBlock(lines, index);
}

/** Lines up to the first quoted message, without ">" quoted lines. */
function unquoted(lines: readonly string[]): string {
  const kept: string[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    if (startsReply(lines, index)) break;
    const line = lines[index] ?? '';
    if (!/^\s*>/.test(line)) kept.push(line);
  }
  return kept.join('\n');
}

/** The header lines a forwarded message starts with. */
const HEADER_LINE = /^\s*(?:from|date|sent|subject|to|cc|de|fecha|enviado|asunto|para):|^\s*$/i;

/**
 * `forward`: the subject says the message is a forward, so a bare From/Sent block starts one.
 * `originalForwards`: under such a subject Outlook's "-----Original Message-----" starts the
 * forwarded report too (the hazard detector reads it; the category model keeps its trained reading).
 */
export function separateChain(
  text: string,
  { forward = false, originalForwards = false } = {},
): MessageParts {
  const lines = text.split(/\r?\n/);
  const starts = (index: number): boolean =>
    FORWARD_BANNER.test(foldAccents(lines[index] ?? '')) ||
    (forward &&
      (startsHeaderBlock(lines, index) || (originalForwards && ORIGINAL_MESSAGE.test(lines[index] ?? ''))));
  const banner = lines.findIndex((_, index) => starts(index));
  const reply = lines.findIndex((_, index) => startsReply(lines, index));
  const forwards = banner !== -1 && (reply === -1 || reply >= banner);
  if (!forwards) return { newText: unquoted(lines), forwarded: '' };
  const body = lines.slice(banner + 1);
  const start = body.findIndex((line) => !HEADER_LINE.test(foldAccents(line)));
  return {
    newText: unquoted(lines.slice(0, banner)),
    forwarded: start === -1 ? '' : unquoted(body.slice(start)),
  };
}

/** Drops the quoted chain of a reply or forward, and any ">" quoted line. */
export const stripQuotedReply = (text: string): string => separateChain(text).newText;
