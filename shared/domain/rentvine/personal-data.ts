/**
 * Personal data Rentvine may put on any object (docs/RENTVINE.md: birth dates, identification and
 * bank numbers; plus tax ids and the like). Snapshots whitelist their fields; this is for the
 * places that show a payload as received (the events API), where only a blacklist can work.
 */
const CONTAINS = [
  'birth',
  'socialsecurity',
  'identification',
  'taxid',
  'bank',
  'routing',
  'accountnumber',
  'licen',
  'passport',
];
const ENDS_WITH = ['ssn', 'dob', 'ein', 'tin', 'itin'];

/** Deeper than any real payload: the rest is cut rather than walked (bounded work per view). */
const MAX_DEPTH = 32;

export function isPersonalDataKey(key: string): boolean {
  const k = key.toLowerCase().replace(/[^a-z]/g, '');
  return CONTAINS.some((word) => k.includes(word)) || ENDS_WITH.some((word) => k.endsWith(word));
}

/** A copy of `value` without any member whose key names personal data, at any depth. */
export function withoutPersonalData(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[truncated]';
  if (Array.isArray(value)) return value.map((item) => withoutPersonalData(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !isPersonalDataKey(key))
      .map(([key, member]) => [key, withoutPersonalData(member, depth + 1)]),
  );
}
