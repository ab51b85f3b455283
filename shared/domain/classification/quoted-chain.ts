/**
 * The new text of a message: what the sender wrote now, without the earlier messages a reply or a
 * forward carries. Only the new text may decide what a message is about or whether it is an
 * emergency (an old "water through the ceiling" in a quoted work order is not happening now).
 */

/** Lines that start an earlier message: reply headers, forward banners, Outlook header blocks. */
const CHAIN_START = new RegExp(
  [
    '^\\s*on\\s.+\\swrote:',
    '^\\s*el\\s.+\\sescribio:',
    '^\\s*-{2,}\\s*(original message|forwarded message|mensaje original|mensaje reenviado)',
    '^\\s*begin forwarded message',
    '^\\s*(from|de):\\s.+',
  ].join('|'),
  'i',
);

/** An Outlook-style header block ("From: … / Sent: …") only counts when a date line follows. */
const SENT_LINE = /^\s*(sent|date|enviado|fecha):/i;

const foldAccents = (line: string): string => line.normalize('NFD').replace(/\p{M}/gu, '');

function startsChain(lines: readonly string[], index: number): boolean {
  const line = foldAccents(lines[index] ?? '');
  if (!CHAIN_START.test(line)) return false;
  if (!/^\s*(from|de):/i.test(line)) return true;
  return lines.slice(index + 1, index + 4).some((next) => SENT_LINE.test(foldAccents(next)));
}

/** Drops the quoted chain of a reply or forward, and any ">" quoted line. */
export function stripQuotedReply(text: string): string {
  const lines = text.split(/\r?\n/);
  const kept: string[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    if (startsChain(lines, index)) break;
    const line = lines[index] ?? '';
    if (!/^\s*>/.test(line)) kept.push(line);
  }
  return kept.join('\n');
}
