import { DRAFT_LANGUAGES } from '#vocabulary/triage.ts';

/**
 * A message's language (ISO 639-1) from function words, Spanish-only characters and scripts.
 * The rules read English and Spanish; anything else gets a best guess and a person.
 */

export interface LanguageGuess {
  readonly language: string;
  /** English or Spanish words dominate: the rules and the reply templates can handle it. */
  readonly supported: boolean;
}

/** Short, frequent words that say little about the topic and a lot about the language. */
const FUNCTION_WORDS: Record<string, ReadonlySet<string>> = {
  en: new Set(
    'the and is are my you your to of in it for with this that have has not was be will can please thanks thank we our i at on from what when there would could just but if me an a do no its since says last been get got im dont cant wont need know like out up so they he she all'.split(
      ' ',
    ),
  ),
  es: new Set(
    'el la los las de del que y en un una es por para con no mi mis su se lo al como pero esta este hay tengo tenemos gracias hola favor muy ya nos les usted ustedes quiero desde cuando'.split(
      ' ',
    ),
  ),
  fr: new Set(
    'le la de les des est et je nous vous pas une dans pour avec sur mon ma mes merci bonjour qui ne il elle au aux cette votre'.split(
      ' ',
    ),
  ),
  pt: new Set(
    'o os de as do da dos das em um uma nao voce obrigado obrigada meu minha com para que e ola tem esta isso mas por'.split(
      ' ',
    ),
  ),
  de: new Set(
    'der die das und ist ich nicht ein eine mit fur auf wir sie es mein meine bitte danke haben wird auch zu den dem'.split(
      ' ',
    ),
  ),
  it: new Set(
    'il gli della che e sono non una per con mio mia grazie buongiorno questo questa ho abbiamo anche ma nel alla'.split(
      ' ',
    ),
  ),
};

/** Characters only Spanish uses among the languages above. */
const SPANISH_ONLY = /[ñ¿¡]/giu;

/** Writing systems that settle the language by themselves. */
const SCRIPTS: readonly (readonly [RegExp, string])[] = [
  [/\p{Script=Hiragana}|\p{Script=Katakana}/u, 'ja'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Cyrillic}/u, 'ru'],
  [/\p{Script=Arabic}/u, 'ar'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Devanagari}/u, 'hi'],
  [/\p{Script=Thai}/u, 'th'],
];

/** Below this share of function words, English and Spanish do not dominate. */
const DOMINANT_SHARE = 0.12;

const isSupported = (language: string): boolean => (DRAFT_LANGUAGES as readonly string[]).includes(language);

function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word.length > 0);
}

/** The script holding most of the letters when it is not Latin, e.g. `zh` for Chinese. */
function nonLatinScript(text: string): string | undefined {
  const letters = [...text].filter((ch) => /\p{L}/u.test(ch));
  const latin = letters.filter((ch) => /\p{Script=Latin}/u.test(ch)).length;
  if (letters.length === 0 || latin * 2 >= letters.length) return undefined;
  return SCRIPTS.find(
    ([script]) => letters.filter((ch) => script.test(ch)).length * 4 >= letters.length,
  )?.[1];
}

export function detectLanguage(text: string): LanguageGuess {
  const script = nonLatinScript(text);
  if (script !== undefined) return { language: script, supported: false };

  const tokens = words(text);
  const hits = Object.fromEntries(
    Object.entries(FUNCTION_WORDS).map(([language, list]) => [
      language,
      tokens.filter((token) => list.has(token)).length,
    ]),
  );
  hits.es = (hits.es ?? 0) + 2 * (text.match(SPANISH_ONLY)?.length ?? 0);
  const en = hits.en ?? 0;
  const es = hits.es ?? 0;
  const best = Object.entries(hits).sort((a, b) => b[1] - a[1])[0] ?? ['en', 0];
  // No evidence at all (empty, numbers, a one-word subject): the platform's default language.
  if (best[1] === 0) return { language: 'en', supported: true };
  const englishOrSpanish = en >= es ? 'en' : 'es';
  const dominant = Math.max(en, es) >= best[1] && Math.max(en, es) >= DOMINANT_SHARE * tokens.length;
  if (dominant) return { language: englishOrSpanish, supported: true };
  return { language: best[0], supported: isSupported(best[0]) };
}
