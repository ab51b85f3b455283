/**
 * Text a person reading the mail would not see but a machine reading it would: HTML comments,
 * invisible characters, text pushed far below the signature, text styled to vanish. What is
 * hidden is returned so the injection rules can ask what it says; `visible` is the message with
 * invisible characters removed, so "ig\u200bnore" reads as "ignore".
 */

export interface HiddenText {
  /** The message with zero-width characters removed and tag characters spelled out. */
  readonly visible: string;
  /** Each hidden passage, with what hid it. */
  readonly passages: readonly { readonly how: string; readonly text: string }[];
}

/** Zero-width space, non-joiner, word joiner, soft hyphen, invisible operators, mid-text BOM. */
const ZERO_WIDTH = /[\u200b\u200c\u00ad\u2060-\u2064\u180e]|(?<!^)\ufeff/gu;
/** A zero-width joiner is an emoji's glue (👨‍👩‍👧); between letters it hides a word's break. */
const JOINER_IN_WORD = /(?<=\p{L})\u200d(?=\p{L})/gu;
/**
 * Unicode tag characters spell ASCII that renders as nothing. Flags of subdivisions (🏴, a code
 * of a few tags, the cancel tag) are their one honest use: the first alternative matches such a
 * flag whole so it is skipped, in one forward pass (a lookbehind over the run re-read it at every
 * character). A "flag" longer than any subdivision code is a hidden run like any other.
 */
const TAG_RUN = /(\u{1f3f4}[\u{e0020}-\u{e007e}]{1,8}\u{e007f})|[\u{e0020}-\u{e007e}]+\u{e007f}?/gu;
/** A comment that is not an Office conditional (`<!--[if mso]>`) nor an empty spacer. */
const COMMENT = /<!--(?!\s*\[(?:if|endif))([\s\S]*?)(?:-->|$)/gu;
/** So many blank lines that what follows sits far below what anyone scrolls to. */
const FAR_BELOW_LINES = 10;

/** The text after the first run of FAR_BELOW_LINES blank lines, by one pass over the lines. */
function farBelow(text: string): string | undefined {
  const lines = text.split('\n');
  let blank = 0;
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') blank++;
    else if (blank >= FAR_BELOW_LINES) return lines.slice(index).join('\n');
    else blank = 0;
  }
  return undefined;
}
/**
 * Text in an element styled to vanish (hidden, zero-size, transparent, white on white), found in
 * three linear steps instead of one regex, which backtracked super-linearly over an unclosed
 * style attribute: an opening tag (its attributes stop at the next "<", so no character is read
 * by two tags), then its style value, then the closing tag, looked for within a bounded reach.
 */
const OPENING_TAG = /<(\w{1,20})(?!\w)([^<>]*)>/gu;
const STYLE_VALUE = /\bstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/iu;
const VANISHING_STYLE =
  /display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*[01](?:\.\d+)?(?:px|pt)?\s*(?:;|$)|opacity\s*:\s*0(?:\.0+)?\s*(?:;|$)|color\s*:\s*(?:#fff(?:fff)?|white)\b/iu;
/** How far past its opening tag a vanishing element's text is read. */
const MAX_VANISHING_TEXT = 2_000;

/** The text of each element whose inline style makes it invisible; nested ones are read with their parent. */
function vanishingText(html: string): string[] {
  const found: string[] = [];
  const tags = new RegExp(OPENING_TAG);
  for (let tag = tags.exec(html); tag !== null; tag = tags.exec(html)) {
    const value = STYLE_VALUE.exec(tag[2] ?? '');
    const style = value?.[1] ?? value?.[2];
    if (style === undefined || !VANISHING_STYLE.test(style)) continue;
    const start = tag.index + tag[0].length;
    const reach = html.slice(start, start + MAX_VANISHING_TEXT + 64);
    const close = new RegExp(`</${tag[1]}\\s*>`, 'iu').exec(reach);
    if (close === null || close.index > MAX_VANISHING_TEXT) continue;
    found.push(reach.slice(0, close.index));
    tags.lastIndex = start + close.index + close[0].length;
  }
  return found;
}

/** A long base64 run: text encoded so only a machine that decodes it reads it. */
const BASE64_RUN = /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{24,}={0,2}(?![A-Za-z0-9+/])/gu;
/** Letters typed apart ("I G N O R E") or with digits for letters ("1gn0re"), put back together. */
const SPACED_LETTERS = /(?<!\p{L})\p{L}(?: \p{L}){3,}(?!\p{L})/gu;
const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't' };
const MIXED_WORD = /\b(?=[a-z0-9]*[a-z])(?=[a-z0-9]*[0-9])[a-z0-9]+\b/giu;

/** `raw` with spaced-out letters joined and digits in words read as letters. */
export const unmask = (raw: string): string =>
  raw
    .replace(SPACED_LETTERS, (run) => run.replaceAll(' ', ''))
    .replace(MIXED_WORD, (word) => word.replace(/[013457]/gu, (digit) => LEET[digit] ?? digit));

/**
 * Decoded text of a base64 run, when it decodes to readable words (two words of three letters or
 * more: `[a-z]{3} [a-z]{3}` says the same as `{3,}` without backtracking over a long run).
 */
function decodeBase64(run: string): string | undefined {
  try {
    const text = atob(run);
    return /^[\x20-\x7e\n\r\t]+$/u.test(text) && /[a-z]{3} [a-z]{3}/iu.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

const spellTags = (run: string): string =>
  [...run].map((char) => String.fromCodePoint((char.codePointAt(0) ?? 0xe0020) - 0xe0000)).join('');

export function findHiddenText(raw: string): HiddenText {
  const passages: { how: string; text: string }[] = [];
  for (const [found, flag] of raw.matchAll(TAG_RUN))
    if (flag === undefined) passages.push({ how: 'invisible tag characters', text: spellTags(found) });
  const zeroWidth = raw.match(ZERO_WIDTH)?.length ?? 0;
  const visible = raw
    .replace(TAG_RUN, (run, flag?: string) => flag ?? ` ${spellTags(run)} `)
    .replace(ZERO_WIDTH, '')
    .replace(JOINER_IN_WORD, '');
  // One stray zero-width space is a copy-paste accident; several hide the words between them.
  if (zeroWidth >= 3) passages.push({ how: 'zero-width characters', text: visible });
  for (const found of visible.matchAll(COMMENT))
    passages.push({ how: 'an HTML comment', text: found[1] ?? '' });
  for (const text of vanishingText(visible)) passages.push({ how: 'invisible styling', text });
  for (const [run] of visible.matchAll(BASE64_RUN)) {
    const decoded = decodeBase64(run);
    if (decoded !== undefined) passages.push({ how: 'base64', text: decoded });
  }
  // A word typed letter by letter ("I G N O R E") is spelled for a machine's eyes, not a person's.
  for (const [run] of visible.matchAll(SPACED_LETTERS))
    passages.push({ how: 'spaced-out letters', text: run.replaceAll(' ', '') });
  const below = farBelow(visible);
  if (below !== undefined) passages.push({ how: 'many blank lines', text: below });
  return { visible, passages };
}
