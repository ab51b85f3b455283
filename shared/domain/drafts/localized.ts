import { z } from 'zod';
import { DRAFT_LANGUAGES, type DraftLanguage } from '#vocabulary/triage.ts';

const Text = z.string().min(1).max(2000);

/** The shape of a text in every language replies are drafted in: a data file cannot leave one out. */
export const localizedShape = { en: Text, es: Text } satisfies Record<DraftLanguage, z.ZodString>;
export const Localized = z.object(localizedShape);
export type Localized = z.infer<typeof Localized>;

/** Fills `{name}` placeholders; a placeholder without a value is a bug in the data, not text to send. */
export function fill(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {${name}}`);
    return value;
  });
}

/** Lower-case, accents removed, typographic apostrophes plain, runs of spaces collapsed: how words are compared. */
export function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

/**
 * Where `text` (folded) holds `phrase` (folded) as whole words, as a global regular expression.
 * A phrase ending in `*` is a stem: "overflow*" also matches "overflowed", "moj*" "mojado".
 */
function phrasePattern(phrase: string): RegExp {
  const stem = phrase.endsWith('*');
  const needle = folded(stem ? phrase.slice(0, -1) : phrase).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const end = stem ? '' : '(?=$|[^\\p{L}\\p{N}])';
  return new RegExp(`(?<![\\p{L}\\p{N}])${needle}${end}`, 'gu');
}

/** Whether `text` (folded) holds `phrase` (folded) as whole words, or as a stem's words. */
export function mentions(foldedText: string, phrase: string): boolean {
  return phrasePattern(phrase).test(foldedText);
}

/** The word positions (0-based) at which `text` (folded) names any of `phrases`. */
export function wordPositions(foldedText: string, phrases: readonly string[]): number[] {
  return phrases.flatMap((phrase) =>
    [...foldedText.matchAll(phrasePattern(phrase))].map(
      (match) => foldedText.slice(0, match.index).split(' ').length - 1,
    ),
  );
}

/** Phrases per language, as data files list cue words. */
const Cues = z.array(z.string().min(1).max(80)).max(200);
export const CueWords = z.object({ en: Cues, es: Cues } satisfies Record<DraftLanguage, typeof Cues>);
export type CueWords = z.infer<typeof CueWords>;

/** The first cue the text names, in any language: a Spanish cue in an English message still counts. */
export function mentionsAny(foldedText: string, cues: CueWords): string | undefined {
  return DRAFT_LANGUAGES.flatMap((language: DraftLanguage) => cues[language]).find((cue) =>
    mentions(foldedText, cue),
  );
}
