/**
 * What of a long message a model reads: its beginning (who writes, what about) and its end (the
 * actual ask, often a last line like "also the outlet is smoking"), with one marked cut in the
 * middle, so cost stays bounded whatever the sender pastes in. Pure.
 */

/** Characters of message text a model call carries at most (≈ 1,500 tokens at 4 characters a token). */
export const MODEL_EXCERPT_CHARS = 6_000;

/** Share of the budget kept from the beginning; the rest comes from the end. */
const HEAD_SHARE = 0.6;

export const cutMarker = (omitted: number): string => `\n[… ${omitted} characters omitted …]\n`;

/** Moves a cut back to the last whitespace within a short reach, so words are not split. */
function atWordBoundary(text: string, index: number, direction: 'back' | 'forward'): number {
  const reach = 40;
  for (let step = 0; step <= reach; step += 1) {
    const at = direction === 'back' ? index - step : index + step;
    if (at <= 0 || at >= text.length) break;
    if (/\s/.test(text[at] ?? '')) return direction === 'back' ? at : at + 1;
  }
  return index;
}

/** The text itself when it fits `maxChars`, else its head and tail around a marker, within `maxChars`. */
export function modelExcerpt(text: string, maxChars = MODEL_EXCERPT_CHARS): string {
  if (text.length <= maxChars) return text;
  // The marker's own length depends on the count it names; its longest form bounds it.
  const budget = maxChars - cutMarker(text.length).length;
  if (budget <= 0) return text.slice(0, maxChars);
  const headEnd = atWordBoundary(text, Math.floor(budget * HEAD_SHARE), 'back');
  const tailStart = atWordBoundary(text, text.length - (budget - headEnd), 'forward');
  return `${text.slice(0, headEnd).trimEnd()}${cutMarker(tailStart - headEnd)}${text.slice(tailStart).trimStart()}`;
}
