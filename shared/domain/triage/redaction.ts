/**
 * What never leaves the platform in a model call: Social Security numbers, bank routing and
 * account numbers, and payment card numbers, replaced by a marker naming what was there (so the
 * model still knows a card number was given). Pure, deterministic; errs towards redacting.
 */

export const REDACTED_KINDS = ['ssn', 'card', 'routing_number', 'bank_account'] as const;
export type RedactedKind = (typeof REDACTED_KINDS)[number];

export interface Redacted {
  readonly text: string;
  /** How many of each kind were replaced (kinds with none are absent). */
  readonly counts: Partial<Record<RedactedKind, number>>;
}

export const redactionMarker = (kind: RedactedKind): string => `[redacted ${kind.replace('_', ' ')}]`;

const digitsOf = (text: string): string => text.replace(/\D/g, '');

/** The Luhn checksum every payment card number satisfies (and most random digit runs do not). */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The ABA checksum of a US routing number: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10). */
export function passesAba(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const d = [...digits].map(Number) as number[];
  const at = (i: number) => d[i] ?? 0;
  const sum = 3 * (at(0) + at(3) + at(6)) + 7 * (at(1) + at(4) + at(7)) + (at(2) + at(5) + at(8));
  return sum % 10 === 0;
}

// Words that say a number nearby is a bank or tax identifier (English and Spanish, accents optional).
const ROUTING_WORDS = '(?:routing|aba|rtn|transit|ruta|tr[aá]nsito)';
const ACCOUNT_WORDS = String.raw`(?:account|acct|a\/c|checking|savings|cuenta|iban|clabe|ccc)`;
const SSN_WORDS = '(?:ssn|ss#|social security|seguro social|itin|tax id)';
/** Up to a few words between the keyword and the number ("account number is 123…", "cuenta no. 123…"). */
const GAP = String.raw`(?:[\s#:.\-–]|\b(?:number|num|no|nro|is|was|es|era|n[uú]mero|de|del|my|mi|our|the|la|el|new|nueva|nuevo|bank|bancaria|bancario|corriente|ahorros?|personal)\b){0,8}?`;
/** A run of digits grouped any way (Spanish "0123 4567 89 0123456789", "0012-3456-78"): taken whole, never split. */
const GROUPED_DIGITS = String.raw`\d(?:[ .\-]?\d)*`;

/** The ISO 13616 check: the IBAN, country and check digits moved to the end, letters as 10–35, is 1 mod 97. */
export function passesIbanCheck(iban: string): boolean {
  const compact = iban.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  let remainder = 0;
  for (const char of `${compact.slice(4)}${compact.slice(0, 4)}`) {
    const value = Number.parseInt(char, 36);
    remainder = (remainder * (value > 9 ? 100 : 10) + value) % 97;
  }
  return remainder === 1;
}

interface Rule {
  readonly kind: RedactedKind;
  readonly pattern: RegExp;
  /** The group holding the number (the rest of the match is kept). */
  readonly group: number;
  readonly accepts?: (digits: string) => boolean;
}

// Order matters: the specific identifiers first, so a card is not taken for an account number.
const RULES: readonly Rule[] = [
  // 123-45-6789 / 123 45 6789: the SSN's own layout (phone numbers group 3-3-4).
  { kind: 'ssn', pattern: /(?<![\d-])(\d{3}[- ]\d{2}[- ]\d{4})(?![\d-])/g, group: 1 },
  // Nine bare digits an SSN word introduces.
  { kind: 'ssn', pattern: new RegExp(String.raw`(\b${SSN_WORDS}${GAP})(\d{9})(?!\d)`, 'gi'), group: 2 },
  // 13–19 digits, optionally grouped by spaces or dashes, with a valid Luhn checksum.
  {
    kind: 'card',
    pattern: /(?<![\d-]|\d )(\d(?:[ -]?\d){12,18})(?![ -]?\d)/g,
    group: 1,
    accepts: (digits) => digits.length >= 13 && digits.length <= 19 && passesLuhn(digits),
  },
  // A nine-digit routing number a routing word introduces, checksum-valid.
  {
    kind: 'routing_number',
    pattern: new RegExp(String.raw`(\b${ROUTING_WORDS}${GAP})(\d{9})(?!\d)`, 'gi'),
    group: 2,
    accepts: passesAba,
  },
  // An account number (at least six digits, however grouped) an account word introduces.
  {
    kind: 'bank_account',
    pattern: new RegExp(String.raw`(\b${ACCOUNT_WORDS}${GAP})(${GROUPED_DIGITS})(?!\d)`, 'gi'),
    group: 2,
    accepts: (digits) => digits.length >= 6,
  },
];

/** Letters and digits in groups (an IBAN printed in fours, or run together), taken up to the next word. */
const IBAN_CANDIDATE = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]{1,4}){3,8}(?![A-Za-z0-9])/g;

/**
 * IBANs anywhere: the longest run of groups that passes the checksum, so a word after the number
 * ("… 1332 Pago") neither hides it nor is redacted with it. An account number, whatever the words around it.
 */
function redactIbans(text: string, counts: Partial<Record<RedactedKind, number>>): string {
  return text.replace(IBAN_CANDIDATE, (candidate) => {
    const groups = candidate.match(/[ -]?[A-Za-z0-9]+/g) ?? [];
    for (let end = groups.length; end > 0; end -= 1) {
      const iban = groups.slice(0, end).join('');
      if (!passesIbanCheck(iban)) continue;
      counts.bank_account = (counts.bank_account ?? 0) + 1;
      return `${redactionMarker('bank_account')}${candidate.slice(iban.length)}`;
    }
    return candidate;
  });
}

export function redactSensitiveNumbers(text: string): Redacted {
  const counts: Partial<Record<RedactedKind, number>> = {};
  let result = redactIbans(text, counts);
  for (const rule of RULES) {
    result = result.replace(rule.pattern, (...args: unknown[]) => {
      const match = args[0] as string;
      const number = args[rule.group] as string;
      if (rule.accepts && !rule.accepts(digitsOf(number))) return match;
      counts[rule.kind] = (counts[rule.kind] ?? 0) + 1;
      const prefix = rule.group === 1 ? '' : (args[1] as string);
      return `${prefix}${redactionMarker(rule.kind)}`;
    });
  }
  return { text: result, counts };
}
