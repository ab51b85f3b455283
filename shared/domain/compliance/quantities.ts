/**
 * Durations, amounts and days of the month as a draft writes them ("within 45 days", "dentro de
 * dos semanas", "$75", "10%", "after the 5th"), read from plain text (./text.ts).
 */

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  a: 1,
  an: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  'forty eight': 48,
  'twenty four': 24,
  sixty: 60,
  ninety: 90,
  un: 1,
  una: 1,
  uno: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  doce: 12,
  catorce: 14,
  quince: 15,
  veinte: 20,
  veinticuatro: 24,
  treinta: 30,
  'cuarenta y ocho': 48,
  sesenta: 60,
  noventa: 90,
};

const NUMBER = `[0-9]+|${Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .map((word) => word.replace(/ /g, '[ -]'))
  .join('|')}`;

const toNumber = (word: string): number =>
  /^[0-9]+$/.test(word) ? Number(word) : (NUMBER_WORDS[word.replace(/-/g, ' ')] ?? Number.NaN);

type Unit = 'hour' | 'day' | 'week' | 'month';
const UNIT_DAYS: Readonly<Record<Unit, number>> = { hour: 1 / 24, day: 1, week: 7, month: 30 };

function unitOf(word: string): Unit {
  if (/^(hours?|hrs?|horas?)$/.test(word)) return 'hour';
  if (/^(weeks?|semanas?)$/.test(word)) return 'week';
  if (/^(months?|mes|meses)$/.test(word)) return 'month';
  return 'day';
}

const DURATION = new RegExp(
  `(?<![a-z0-9])(${NUMBER})[ -]?(business |working |calendar )?(hours?|hrs?|days?|weeks?|months?|horas?|dias?|semanas?|mes|meses)( habiles| laborables| naturales)?(?![a-z0-9])`,
  'g',
);

export interface Duration {
  readonly days: number;
  /** Counted in business days ("14 business days", "14 días hábiles"). */
  readonly business: boolean;
  readonly index: number;
  readonly text: string;
}

/** Every duration in a plain sentence, in days (an hour is 1/24). */
export function durationsIn(plain: string): Duration[] {
  return [...plain.matchAll(DURATION)].flatMap((m) => {
    const count = toNumber(m[1] as string);
    if (!Number.isFinite(count)) return [];
    const business = /business|working/.test(m[2] ?? '') || /habiles|laborables/.test(m[4] ?? '');
    return [{ days: count * UNIT_DAYS[unitOf(m[3] as string)], business, index: m.index, text: m[0] }];
  });
}

/** Dollar amounts: "$75", "$1,200.50", "75 dollars", "75 dólares". */
export function dollarsIn(plain: string): { amount: number; index: number; text: string }[] {
  const pattern =
    /\$\s?([0-9][0-9,]*(?:\.[0-9]+)?)|(?<![a-z0-9.])([0-9][0-9,]*(?:\.[0-9]+)?) ?(?:dollars|dolares|usd)(?![a-z])/g;
  return [...plain.matchAll(pattern)].map((m) => ({
    amount: Number((m[1] ?? m[2] ?? '').replace(/,/g, '')),
    index: m.index,
    text: m[0],
  }));
}

/** Percentages: "10%", "10 percent", "10 por ciento". */
export function percentsIn(plain: string): { percent: number; index: number; text: string }[] {
  const pattern = /(?<![a-z0-9.])([0-9]+(?:\.[0-9]+)?) ?(?:%|percent|per cent|por ?ciento)/g;
  return [...plain.matchAll(pattern)].map((m) => ({ percent: Number(m[1]), index: m.index, text: m[0] }));
}

/**
 * The first day of the month a sentence says a late fee is charged, rent being due on the 1st:
 * "on the 3rd" → 3, "after the 3rd" / "if not paid by the 3rd" → 4, "a partir del 3" → 3.
 */
export function feeDayIn(plain: string): { day: number; index: number; text: string } | undefined {
  const english =
    /(?<![a-z])(on|after|by|from|starting) (?:the )?([0-9]{1,2})(?:st|nd|rd|th)?(?: of the month| of each month)?(?![0-9])/.exec(
      plain,
    );
  if (english) {
    const day = Number(english[2]);
    const first = english[1] === 'after' || english[1] === 'by' ? day + 1 : day;
    return { day: first, index: english.index, text: english[0] };
  }
  const spanish =
    /(?<![a-z])(el dia|el|a partir del|desde el|despues del|antes del) ([0-9]{1,2})(?: de cada mes| del mes)?(?![0-9])/.exec(
      plain,
    );
  if (!spanish) return undefined;
  const day = Number(spanish[2]);
  const first = spanish[1] === 'despues del' || spanish[1] === 'antes del' ? day + 1 : day;
  return { day: first, index: spanish.index, text: spanish[0] };
}
