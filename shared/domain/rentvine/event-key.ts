/**
 * The text an event's dedupe key is derived from: the payload without `auth` (which differs per
 * delivery attempt), with object keys sorted so re-serialisation does not change it.
 */
export function canonicalEventText(payload: unknown): string {
  if (payload && typeof payload === 'object' && !Array.isArray(payload)) {
    const { auth: _auth, ...rest } = payload as Record<string, unknown>;
    return canonicalJson(rest);
  }
  return canonicalJson(payload);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
