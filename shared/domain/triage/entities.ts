import { stripQuotedReply } from '../classification/normalise.ts';
import type { TriageEntities } from './triage.ts';

/**
 * Entities as the sender wrote them (the schema keeps them verbatim): who is named, which unit,
 * which street address, phone numbers, amounts and dates, in English and Spanish. Only the new
 * text counts: a quoted earlier message names other people and other dates.
 */

interface Found {
  readonly text: string;
  readonly at: number;
}

/** Every match of the patterns (global, Unicode), earliest first, overlapping matches dropped. */
function matchesOf(patterns: readonly RegExp[], text: string): Found[] {
  const all = patterns
    .flatMap((pattern) => [...text.matchAll(pattern)].map((m) => ({ text: m[0].trim(), at: m.index })))
    .sort((a, b) => a.at - b.at || b.text.length - a.text.length);
  const kept: Found[] = [];
  for (const found of all) {
    const last = kept.at(-1);
    if (last === undefined || found.at >= last.at + last.text.length) kept.push(found);
  }
  return kept;
}

const distinct = (values: readonly string[], max: number, maxLength: number): string[] =>
  [...new Set(values.map((value) => value.slice(0, maxLength)))].slice(0, max);

// ——— people ———

const NAME_WORD = "[A-ZÁÉÍÓÚÑÜ][\\p{L}'’.-]*";
const TITLE = '(?:Mr|Mrs|Ms|Miss|Dr|Sr|Sra|Srta|Don|Doña)\\.?';
/** One to four capitalised words, optionally after a courtesy title. */
const NAME = `(?:${TITLE}[ \\t]+)?${NAME_WORD}(?:[ \\t]+${NAME_WORD}){0,3}`;

/** Words that make a capitalised phrase an organisation, a place or a salutation, not a person. */
const NOT_A_NAME = new RegExp(
  [
    'llc',
    'inc',
    'ltd',
    'llp',
    'corp',
    'co',
    'company',
    'dept',
    'department',
    'office',
    'group',
    'team',
    'management',
    'property',
    'properties',
    'services?',
    'plumbing',
    'painting',
    'law',
    'legal',
    'firm',
    'court',
    'ct',
    'lofts',
    'terrace',
    'apartments?',
    'street',
    'st',
    'ave',
    'avenue',
    'road',
    'lane',
    'unit',
    'apt',
    'suite',
    'division',
    'accounts?',
    'billing',
    'support',
    'admin\\w*',
    'all',
    'everyone',
    'there',
    'sir',
    'madam',
    'team',
    'staff',
    'manager',
    'landlord',
    'tenant',
    'resident',
    'owner',
    'thanks',
    'thank',
    'regards',
    'best',
    'sincerely',
    'gracias',
    'saludos',
    'atentamente',
    'hello',
    'hi',
    'dear',
    'hey',
    'hiya',
    'greetings',
    'hola',
    'buenos',
    'buenas',
    'dias',
    'días',
    'tardes',
    'noches',
    'good',
    'morning',
    'afternoon',
    'evening',
    'todos',
    'equipo',
    'oficina',
    'señor',
    'señora',
    'señores',
    'sent',
    'from',
    'my',
    'iphone',
    'the',
    'and',
    'of',
    'to',
    'urgent',
    'please',
    'yes',
    'no',
    'ok',
    'okay',
    'user',
    'customer',
    'client',
    'helpdesk',
    'administracion',
    'administración',
    'cliente',
    'clientes',
    'investor',
    'homeowner',
    'electric',
    'roofing',
    'hvac',
    'mechanical',
    'construction',
    'landscaping',
    'cleaning',
    'realty',
    'gerente',
    'vecinos',
    'propietario',
    'inquilino',
    'inquilinos',
    'inquilina',
    'residente',
    'residents',
    'tenants',
    'neighbors',
    'neighbours',
    'desk',
    'it',
    'hr',
    'system',
    'assistant',
    'ai',
    'bot',
  ]
    .map((word) => `^${word}\\.?$`)
    .join('|'),
  'iu',
);

const looksLikeName = (phrase: string): boolean =>
  phrase.length <= 120 &&
  !/\d/.test(phrase) &&
  phrase
    .split(/\s+/)
    .every(
      (word) => !NOT_A_NAME.test(word.replace(/[,.:;!]+$/, '')) || new RegExp(`^${TITLE}$`, 'u').test(word),
    );

const GREETING = new RegExp(
  `^\\s*(?:(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|hola|buen(?:os|as) (?:d[ií]as|tardes|noches)|estimad[oa]s?|querid[oa]s?)[ ,]+)?(${NAME})\\s*[,:!]\\s*$`,
  'iu',
);
const CLOSING =
  /^\s*(?:thanks|thank you|many thanks|regards|best(?: regards)?|kind regards|sincerely|cheers|respectfully|warmly|very truly yours|yours truly|saludos|atentamente|gracias|muchas gracias|cordialmente|un saludo|le saluda)[\s,.!]*/iu;
const INLINE_CLOSING = new RegExp(
  `(?:[Tt]hanks|[Tt]hank you|[Gg]racias|[Ss]aludos|[Rr]egards)[.,!]?[ \\t]+(${NAME_WORD}(?:[ \\t]+${NAME_WORD}){1,3})\\b`,
  'gu',
);
/** "my name is John Smith", "me llamo Ana Ruiz", "soy María López": the sender introducing themself. */
const INTRODUCED = new RegExp(
  `(?:^|[^\\p{L}])(?:[Mm]y name is|[Mm]y name's|[Mm]e llamo|[Mm]i nombre es|[Ss]oy)[ \\t]+(${NAME_WORD}(?:[ \\t]+${NAME_WORD}){0,3})`,
  'gu',
);
const TITLED = new RegExp(`\\b${TITLE}[ \\t]+${NAME_WORD}(?:[ \\t]+${NAME_WORD})?`, 'gu');

const SIGNED = new RegExp(`^(${NAME})(?:,\\s*Esq\\.?)?(?:,\\s*(.+))?$`, 'u');

/** "Ana Ruiz", "Simone Delacroix, Esq." or "Maricela, 4C Palmetto Grove": the name, when the rest is a title or a place. */
function signedName(line: string): string | undefined {
  const found = SIGNED.exec(line);
  const name = found?.[1];
  if (name === undefined || !looksLikeName(name)) return undefined;
  const rest = found?.[2];
  return rest === undefined || /\d/.test(rest) ? name : undefined;
}

function namesIn(text: string): string[] {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  const filled = lines.filter((line) => line.length > 0);
  const names: string[] = [];
  const greeting = GREETING.exec(filled[0] ?? '')?.[1];
  if (greeting !== undefined && looksLikeName(greeting)) names.push(greeting);
  // The signature: the line after a closing, else a name-only line among the last few.
  const closingAt = filled.findIndex(
    (line, i) => i > 0 && CLOSING.test(line) && line.replace(CLOSING, '').length === 0,
  );
  const tail = closingAt >= 0 ? filled.slice(closingAt + 1, closingAt + 3) : filled.slice(-3);
  const signature = tail.map(signedName).find((name) => name !== undefined);
  if (signature !== undefined && filled.length > 1) names.push(signature);
  for (const m of text.matchAll(INLINE_CLOSING))
    if (m[1] !== undefined && looksLikeName(m[1])) names.push(m[1]);
  for (const m of text.matchAll(INTRODUCED)) {
    // The name ends with its sentence: "soy María López. La estufa…".
    const name = m[1]?.replace(/(?<=\p{L}{2})\.(?:\s.*)?$/u, '');
    if (name !== undefined && looksLikeName(name)) names.push(name);
  }
  for (const m of text.matchAll(TITLED)) if (looksLikeName(m[0])) names.push(m[0]);
  return names;
}

// ——— places ———

const UNIT_WORD =
  /\b(?:unit|apt|apartment|suite|ste|unidad|apto|apartamento|departamento|depto|dpto)\.?\s*(?:#|no\.?|n[º°o]\.?|num\.?|number)?\s*(?:[0-9]{1,5}[a-z]?|[a-z]-?[0-9]{1,4})\b(?![-/]\d)/giu;
/** "#118" after a place name; not after "invoice", "order", "case"… nor a ranking. */
const HASH_UNIT = /(?<=([\p{L}.]+)\s*)#\s?[0-9]{1,5}[a-z]?\b(?![-/]\d)/giu;
const NOT_A_UNIT_BEFORE =
  /^(?:order|invoice|inv|case|no|number|ticket|application|report|claim|check|po|ref|reference|account|acct|confirmation|item|wo|job|permit|license|policy|loan|ranked|rank|rated|top|pedido|factura|caso|numero|número|cuenta)$/iu;
const PLACE_SUFFIX =
  /^(?:ct|court|lofts?|terrace|apartments?|place|pl|st|street|ave|avenue|rd|road|ln|lane|dr|drive|blvd|way|building|bldg|edificio)\.?$/iu;

function unitIn(text: string): string | undefined {
  const named = matchesOf([UNIT_WORD], text)[0];
  if (named !== undefined) return named.text;
  for (const m of text.matchAll(HASH_UNIT)) {
    const before = m[1] ?? '';
    const placeLike = PLACE_SUFFIX.test(before) || /^\p{Lu}/u.test(before);
    if (placeLike && !NOT_A_UNIT_BEFORE.test(before)) return m[0].replace(/\s+/g, '');
  }
  return undefined;
}

const STREET_SUFFIX =
  'St|Street|Ave|Avenue|Rd|Road|Ln|Lane|Dr|Drive|Ct|Court|Blvd|Boulevard|Way|Pl|Place|Ter|Terrace|Cir|Circle|Pkwy|Parkway|Hwy|Highway|Loop|Trail|Trl|Sq|Square';
const ADDRESSES = [
  new RegExp(
    `\\b\\d{1,6}\\s+(?:[NSEW]\\.?\\s+)?(?:${NAME_WORD}\\s+){1,3}(?:${STREET_SUFFIX})\\b\\.?(?:,?\\s*(?:Unit|Apt\\.?|Suite|#)\\s*[0-9]{1,5}[A-Za-z]?\\b)?`,
    'gu',
  ),
  new RegExp(
    `\\b(?:Calle|Avenida|Av\\.|Avda\\.?|Camino|Carrera|Paseo)\\s+(?:${NAME_WORD}\\s+){1,3}#?\\d{1,6}\\b`,
    'gu',
  ),
];

// ——— numbers ———

const PHONES = [/(?<![\d-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\d-])/gu];
const AMOUNTS = [
  /[$€£]\s?\d{1,3}(?:[,.]\d{3})*(?:[.,]\d{1,2})?(?!\d)/gu,
  /\b\d{1,3}(?:,\d{3})*(?:\.\d{2})?\s?(?:dollars|d[oó]lares|usd|pesos)\b/giu,
];
const EN_MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const ES_MONTH =
  '(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)';
const DATES = [
  new RegExp(`\\b${EN_MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s+\\d{4}\\b)?`, 'giu'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${EN_MONTH}\\b(?:,?\\s+\\d{4}\\b)?`, 'giu'),
  new RegExp(`\\b(?:el\\s+)?\\d{1,2}\\s+de\\s+${ES_MONTH}\\b(?:\\s+(?:de|del)\\s+\\d{4}\\b)?`, 'giu'),
  /\b(?:0?[1-9]|1[0-2])\/(?:0?[1-9]|[12]\d|3[01])(?:\/(?:\d{4}|\d{2}))?\b(?![/\d])/gu,
  /\b\d{4}-\d{2}-\d{2}\b/gu,
];

export function extractEntities(text: string): TriageEntities {
  const fresh = stripQuotedReply(text);
  const address = matchesOf(ADDRESSES, fresh)[0]?.text;
  const unit = unitIn(fresh);
  return {
    people: distinct(namesIn(fresh), 10, 120),
    ...(unit === undefined ? {} : { unit: unit.slice(0, 40) }),
    ...(address === undefined ? {} : { address: address.replace(/[.,]$/u, '').slice(0, 200) }),
    phones: distinct(
      matchesOf(PHONES, fresh).map((f) => f.text),
      5,
      40,
    ),
    amounts: distinct(
      matchesOf(AMOUNTS, fresh).map((f) => f.text),
      10,
      40,
    ),
    dates: distinct(
      matchesOf(DATES, fresh).map((f) => f.text),
      10,
      60,
    ),
  };
}
