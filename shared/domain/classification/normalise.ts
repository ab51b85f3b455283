/**
 * Text preparation for the keyword rules: one canonical form so that a rule written once matches
 * "Inundación", "INUNDACION" and "inundacion", and "won't" as "wont".
 */

/** Lower case, no accents, apostrophes dropped, every other non-alphanumeric run folded to one space. */
export function normalise(raw: string): string {
  return (
    raw
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      // Keep the sign of a temperature ("-8 tonight") that the punctuation fold would erase.
      .replace(/(^|\s)-(?=\d)/g, '$1minus ')
      .replace(/['’`]/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
  );
}

/** Lines that start a quoted earlier message in a reply ("On Tue, … wrote:", "El … escribió:"). */
const QUOTE_HEADER = /^\s*(?:on\s.+\swrote:|el\s.+\sescribio:|-{2,}\s*original message)/i;

/**
 * Drops the quoted chain of a reply so that an old message (a prior work order, a past
 * complaint) cannot decide what the new one is about.
 */
export function stripQuotedReply(text: string): string {
  const kept: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (QUOTE_HEADER.test(line.normalize('NFD').replace(/\p{M}/gu, ''))) break;
    if (!/^\s*>/.test(line)) kept.push(line);
  }
  return kept.join('\n');
}

/** The display name of an RFC 5322 address ("Brightwater Painting <office@…>"), or the address. */
export function senderName(from: string): string {
  const name = from
    .replace(/<[^>]*>/g, '')
    .replace(/"/g, '')
    .trim();
  return name.length > 0 ? name : from;
}
