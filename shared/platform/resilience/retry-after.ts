/**
 * How long an HTTP answer asks the caller to wait before trying again: `retry-after-ms`
 * (Anthropic's, in milliseconds), else `Retry-After` in seconds or as an HTTP date (RFC 9110).
 */
export function retryAfterMs(
  headers: { get(name: string): string | null },
  now = Date.now(),
): number | undefined {
  const milliseconds = headers.get('retry-after-ms');
  if (milliseconds !== null && /^\d+(\.\d+)?$/.test(milliseconds.trim())) return Number(milliseconds);
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1_000;
  // An HTTP date names its day and month; anything else (e.g. "-4", which Date.parse reads as a year) is no hint.
  const at = /^[A-Za-z]{3}, /.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
