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
      // Shouted letters ("sooo cold", "smellll") read as the word.
      .replace(/([a-z])\1{2,}/g, '$1')
      .trim()
  );
}

/** Kept here too so existing imports of the text helpers need one module. */
export { stripQuotedReply } from './quoted-chain.ts';

/** The display name of an RFC 5322 address ("Brightwater Painting <office@…>"), or the address. */
export function senderName(from: string): string {
  const name = from
    .replace(/<[^>]*>/g, '')
    .replace(/"/g, '')
    .trim();
  return name.length > 0 ? name : from;
}
