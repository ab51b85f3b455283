/**
 * CORS for browser clients of the /v1 API, only for configured origins. Pure data and
 * functions: the router (actual responses), the local gateway and the CDK API (preflight)
 * share them, so the three answer alike.
 */

/** Request headers a browser may send cross-origin. */
export const CORS_ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key'] as const;

/** Response headers a browser script may read (the rest of CORS-safelisted ones are readable anyway). */
export const CORS_EXPOSED_HEADERS = [
  'x-request-id',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'RateLimit-Policy',
  'Retry-After',
  'Location',
] as const;

/** How long a browser may reuse a preflight answer. */
export const CORS_MAX_AGE_SECONDS = 3600;

/** Resources under this prefix are CORS-enabled; webhooks and health checks are not for browsers. */
export const CORS_PATH_PREFIX = '/v1';

export function isCorsPath(path: string): boolean {
  return path === CORS_PATH_PREFIX || path.startsWith(`${CORS_PATH_PREFIX}/`);
}

/**
 * Headers for an actual (non-preflight) response. `Vary: Origin` whenever CORS is configured,
 * so a shared cache never hands one origin's answer to another; the allow header only for an
 * exactly matching origin.
 */
export function corsHeaders(
  origin: string | undefined,
  allowedOrigins: readonly string[],
): Record<string, string> {
  if (allowedOrigins.length === 0) return {};
  if (origin === undefined || !allowedOrigins.includes(origin)) return { vary: 'Origin' };
  return {
    vary: 'Origin',
    'access-control-allow-origin': origin,
    'access-control-expose-headers': CORS_EXPOSED_HEADERS.join(', '),
  };
}

/** Headers for a preflight (OPTIONS) answer on a resource serving `methods`. */
export function preflightHeaders(
  origin: string | undefined,
  allowedOrigins: readonly string[],
  methods: readonly string[],
): Record<string, string> {
  if (origin === undefined || !allowedOrigins.includes(origin)) return { vary: 'Origin' };
  return {
    vary: 'Origin',
    'access-control-allow-origin': origin,
    'access-control-allow-methods': [...methods, 'OPTIONS'].join(', '),
    'access-control-allow-headers': CORS_ALLOWED_HEADERS.join(', '),
    'access-control-max-age': String(CORS_MAX_AGE_SECONDS),
  };
}
