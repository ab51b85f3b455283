import { wholeWords } from './cue.ts';
import { isNegatedAt } from './negation.ts';

/**
 * What turns a lost service into an emergency: the weather and who lives there. "No heat" is a
 * repair in May and an emergency at -8 °F with a toddler; "AC out" is one at 100 °F or with an
 * elderly tenant. Each test reads a whole `normalise`d message (the context may be in another
 * sentence than the failure).
 */

export interface Temperature {
  readonly degrees: number;
  /** Inside the home, outside, or not said. */
  readonly where: 'inside' | 'outside' | 'unsaid';
}

const INSIDE =
  '(inside|in here|in the (house|home|apartment|unit|place|bedroom|room|living room|kids room)|indoors|adentro|dentro|en (la casa|el departamento|el apartamento))';
const OUTSIDE = '(outside|out|outdoors|tonight|today|this week|tomorrow|afuera|hoy|esta noche)';

/** "thermostat says 55", "it's 97 out", "down to -8 tonight", "hace 40 grados adentro". */
const TEMPERATURE = new RegExp(
  [
    '(?<lead>(thermostat|termostato|(indoor |inside |room )?(?<!(outdoor|outside|porch|car) )thermometer|termometro)( inside| upstairs| here| adentro)? (says|reads|shows|is at|at|has said|said|showed|is showing|showing|is reading|reading|read|marca|dice|esta en|esta a)|(inside|upstairs|the (house|apartment|unit|upstairs|bedroom)|la casa|el departamento) (is|esta en|esta a)|(?<indoors>(inside|indoors|in here|adentro|dentro)( is| it s| its| it is| reads| says| marca| esta| esta en| esta a)?)|(?<outdoors>(outside|outdoors|afuera)( is| it s| its| it is| esta| esta en| esta a)?)|it s|its|it is|hit|reached|high of|low of|highs? in the|lows? in the|(high|low)( today| tonight| tomorrow)?( is| will be)?( only)?|down to|up to|over|(inside |indoor |room )?(temps?|temperature)( is| of| at| reads| says)?|hace|(va a )?hacer|hara|hizo|estamos a|esta a|estamos en|llego a|llegamos a)? ?(?:(already|still|now|like|about|around|almost|ya|como a|como) )?',
    '(?<minus>minus )?(?<value>\\d{1,3})(?![0-9])(?<unit> ?(degrees|degree|deg|f|grados|s)(?![a-z0-9]))?',
    `(?<where> (${INSIDE}|${OUTSIDE}))?`,
  ].join(''),
  'g',
);

export function temperaturesIn(text: string): Temperature[] {
  const found: Temperature[] = [];
  for (const match of text.matchAll(TEMPERATURE)) {
    const { lead, indoors, outdoors, minus, value, unit, where } = match.groups ?? {};
    const start = match.index + match[0].length - match[0].trimStart().length;
    const before = text[start - 1];
    if (value === undefined || (before !== undefined && before !== ' ')) continue;
    // A bare number is a unit, an amount or a count ("it's 3 days") unless a temperature frames it.
    // "1F" is a unit number: a one-digit Fahrenheit reading needs its sign ("-8 f").
    if (unit?.trim() === 'f' && value.length === 1 && minus === undefined) continue;
    // "inside 54", "adentro marca 102", "afuera 108": a reading, but "inside 2 days" is a count.
    if (
      (indoors ?? outdoors) !== undefined &&
      unit === undefined &&
      (Number(value) < (indoors === undefined ? 80 : 35) ||
        /^ (min|minutes?|hours?|days?|weeks?|dias|horas|minutos)\b/.test(
          text.slice(match.index + match[0].length),
        ))
    )
      continue;
    const thermostat =
      lead !== undefined &&
      /^(thermostat|termostato|indoor|inside|in here|adentro|dentro|room|thermometer|termometro|upstairs|the |la casa|el departamento)/.test(
        lead,
      );
    // A reading with a place and no unit ("98 inside", "115 afuera") is only read when hot enough to be one.
    // A framed bare number only reads as heat: "it's 103 here", not "it's 3 days".
    // A forecast's high or low is a temperature whatever its value ("today's high is 15"), and so
    // is a reading below zero with a time or place ("minus 25 tonight").
    // So is one the weather fell to ("went down to 19 last night").
    const forecast = lead !== undefined && /^(high|low|down to)/.test(lead);
    const framed =
      unit !== undefined ||
      thermostat ||
      forecast ||
      (where !== undefined && (lead !== undefined || minus !== undefined || Number(value) >= 80)) ||
      (lead !== undefined && Number(value) >= 80);
    if (!framed) continue;
    const degrees = Number(value) * (minus === undefined ? 1 : -1);
    const place = thermostat || (where !== undefined && new RegExp(INSIDE).test(where));
    found.push({ degrees, where: place ? 'inside' : where === undefined ? 'unsaid' : 'outside' });
  }
  return found.filter((t) => t.degrees > -60 && t.degrees < 130);
}

/** Someone a cold night or a hot day can harm. */
const VULNERABLE = wholeWords(
  [
    'baby|babies|infant|newborn|toddler|\\d+ (month|week|year|yr) old|my (kids|children|son|daughter)|small (kids|children)|little ones',
    'elderly|senior|grandm\\w+|grandpa|grandfather|grandparents?|my (mom|mother|dad|father) (is|who is) \\d+|\\d{2} years old',
    'pregnant|heart (condition|problems?|trouble)|(bad|weak) heart|asthma|copd|medical condition|chemo\\w*|disabled|on oxygen|dialysis|sick|ill',
    'confused|not making sense|wont drink|heat (stroke|exhaustion)|passed out|fainted|desmay\\w*|golpe de calor|mareado',
    'bebe|bebes|nin[oa]s? (chiquit[oa]s|pequen[oa]s)|embarazada|ancian[oa]s?|abuel[oa]|personas? mayor(es)?|enferm[oa]|\\d+ anos',
  ].join('|'),
);

const COLD_WORDS = wholeWords(
  [
    'freez\\w*|frozen|below (zero|freezing|\\d+)|\\d+ below|sub ?zero|single digits|(in the )?(teens|20s|30s)',
    '(so|very|really|extremely|bitter(ly)?|super|too) cold|(its|it s|it is|getting|house is|apartment is|unit is) cold|cold (in here|inside)|cold (outside|tonight|weather|snap|front)|snow\\w*|blizzard|ice storm|winter storm|frost',
    'pipes? (may|might|could|will|are going to|gonna) freeze',
    // Not what a fridge or a medicine needs ("la medicina necesita frío").
    '(?<!(necesita|necesitan|mantener|mantenerse|guardar|guardarse) )frio|mucho frio|helando|hielo|congela\\w*|bajo cero|nieve|nevando|nevada',
  ].join('|'),
);

const COLD_WORDS_ALL = new RegExp(COLD_WORDS.source, 'g');

const HEAT_WORDS = wholeWords(
  'heat (advisory|warning|wave|emergency)|heatwave|excessive heat|extreme heat|(unbearably|dangerously|extremely) hot|ola de calor|calor extremo|hace mucho calor|muchisimo calor',
);

/** Breathing machines and the like that stop with the power. */
const MEDICAL_EQUIPMENT = wholeWords(
  'oxygen|cpap|bipap|ventilator|dialysis|nebulizer|insulin|medical (equipment|device)|respirator|feeding pump|oxigeno|concentrador|medicamentos? (refrigerad\\w*|en el refri)',
);

export const isVulnerableHousehold = (text: string): boolean => VULNERABLE.test(text);
export const needsPoweredMedicalEquipment = (text: string): boolean => MEDICAL_EQUIPMENT.test(text);

/** Freezing outside (≤ 40 °F), cold inside (≤ 62 °F), or said in words. */
export function isCold(text: string): boolean {
  if ([...text.matchAll(COLD_WORDS_ALL)].some((found) => !isNegatedAt(text, found.index))) return true;
  return temperaturesIn(text).some((t) => t.degrees <= 40 || (t.where === 'inside' && t.degrees <= 62));
}

/** A reading inside the home of 85 °F or more: whatever the cooling is doing, it is not keeping the home safe. */
export const isHotInside = (text: string): boolean =>
  temperaturesIn(text).some((t) => t.where === 'inside' && t.degrees >= 85);

/** Dangerous heat: ≥ 95 °F outside, ≥ 85 °F inside, or a heat advisory. */
export function isDangerouslyHot(text: string): boolean {
  if (HEAT_WORDS.test(text)) return true;
  return temperaturesIn(text).some((t) => t.degrees >= 95 || (t.where === 'inside' && t.degrees >= 85));
}
