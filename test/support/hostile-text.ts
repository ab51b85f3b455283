/**
 * Text shaped to make the triage rules slow: each shape once cost super-linear time in some pass
 * (a regex that backtracks, a lookbehind re-read at every character, a pass per line). The unit
 * tests check a message buried in each answers as it does alone; `npm run bench:triage` times
 * each at several sizes, so linear cost shows as a ratio.
 */

/** `unit` repeated to exactly `chars` characters. */
const filled =
  (unit: string) =>
  (chars: number): string =>
    unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);

/** The subdivision flag's base (🏴) and tag "a", a UTF-16 pair like every tag character. */
const BLACK_FLAG = '\u{1f3f4}';
const TAG_A = '\u{e0061}';

export const HOSTILE_SHAPES: Readonly<Record<string, (chars: number) => string>> = {
  'unclosed style attributes': filled("<a style='color:white color:white "),
  'vanishing tags never closed': filled("<a style='color:white'>x "),
  'a flag with endless tags': (chars) => `${BLACK_FLAG}${TAG_A.repeat(Math.floor(chars / TAG_A.length) - 1)}`,
  newlines: filled('\n'),
  spaces: filled(' '),
  'one long word': filled('a'),
  'spaced-out letters': (chars) => `${filled('a ')(chars - 2)}ab`,
};
