/**
 * Where each top-level member of a JSON object sits in its text, so a signature over "the body
 * without its `auth` member" can be checked against the bytes as the sender wrote them (a
 * re-serialisation would change escapes, spacing and number forms). The text is JSON already
 * parsed by the caller; anything unexpected answers undefined rather than a guess.
 */
export interface JsonMember {
  readonly name: string;
  /** Index of the member's opening quote. */
  readonly start: number;
  readonly valueStart: number;
  /** Index just past the member's value. */
  readonly end: number;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

export function topLevelMembers(text: string): JsonMember[] | undefined {
  let i = skipWhitespace(text, 0);
  if (text[i] !== '{') return undefined;
  i = skipWhitespace(text, i + 1);
  const members: JsonMember[] = [];
  if (text[i] === '}') return members;
  while (i < text.length) {
    const start = i;
    const keyEnd = stringEnd(text, i);
    if (keyEnd === undefined) return undefined;
    const name = JSON.parse(text.slice(start, keyEnd)) as string;
    i = skipWhitespace(text, keyEnd);
    if (text[i] !== ':') return undefined;
    const valueStart = skipWhitespace(text, i + 1);
    const end = valueEnd(text, valueStart);
    if (end === undefined) return undefined;
    members.push({ name, start, valueStart, end });
    i = skipWhitespace(text, end);
    if (text[i] === '}') return members;
    if (text[i] !== ',') return undefined;
    i = skipWhitespace(text, i + 1);
  }
  return undefined;
}

/** The text of one member's value, byte for byte; undefined when absent or named twice. */
export function memberText(text: string, name: string): string | undefined {
  const named = topLevelMembers(text)?.filter((member) => member.name === name);
  const member = named?.length === 1 ? named[0] : undefined;
  return member && text.slice(member.valueStart, member.end);
}

/** The object text with one member cut out (and the comma that joined it), everything else as sent. */
export function withoutMember(text: string, name: string): string | undefined {
  const members = topLevelMembers(text);
  const index = members?.findIndex((member) => member.name === name) ?? -1;
  if (!members || index < 0 || members.filter((member) => member.name === name).length > 1) return undefined;
  const member = members[index] as JsonMember;
  const previous = members[index - 1];
  const next = members[index + 1];
  if (previous) return text.slice(0, previous.end) + text.slice(member.end);
  if (next) return text.slice(0, member.start) + text.slice(next.start);
  return text.slice(0, member.start) + text.slice(member.end);
}

function skipWhitespace(text: string, from: number): number {
  let i = from;
  while (i < text.length && WHITESPACE.has(text[i] as string)) i += 1;
  return i;
}

/** Index just past the string that opens at `from`. */
function stringEnd(text: string, from: number): number | undefined {
  if (text[from] !== '"') return undefined;
  for (let i = from + 1; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i + 1;
  }
  return undefined;
}

/** Index just past the value that opens at `from`: strings skipped whole, brackets counted. */
function valueEnd(text: string, from: number): number | undefined {
  let depth = 0;
  let i = from;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"') {
      const end = stringEnd(text, i);
      if (end === undefined) return undefined;
      i = end;
      if (depth === 0) return i;
      continue;
    }
    if (c === '{' || c === '[') depth += 1;
    else if (c === '}' || c === ']') {
      if (depth === 0) return trimEnd(text, from, i);
      depth -= 1;
      if (depth === 0) return i + 1;
    } else if (c === ',' && depth === 0) return trimEnd(text, from, i);
    i += 1;
  }
  return undefined;
}

/** A scalar ends before the whitespace that precedes its delimiter. */
function trimEnd(text: string, from: number, delimiter: number): number | undefined {
  let end = delimiter;
  while (end > from && WHITESPACE.has(text[end - 1] as string)) end -= 1;
  return end > from ? end : undefined;
}
