/**
 * Delegation: what a key may hand on when it issues or rotates a key. A key never mints a key
 * with more than it has: no scope it lacks, no later expiry, no higher rate limit. `admin` holds
 * every scope of its org, `admin` itself included, so an admin key may issue admin keys; they are
 * still bound by its own expiry and rate limit, so a short-lived or slow admin key cannot mint
 * a lasting or faster one. Keys of other orgs never meet here: the use cases act in one org.
 */

/** The parts of a key that delegation compares. */
export interface KeyGrant {
  readonly scopes: readonly string[];
  /** ISO time in `toISOString` form; absent: never expires. */
  readonly expiresAt?: string;
  /** Absent: the platform default. */
  readonly rateLimitPerMinute?: number;
}

export interface DelegationRefusal {
  /** The member of the grant at fault. */
  readonly field: 'scopes' | 'expiresAt' | 'rateLimitPerMinute';
  /** Says what the grantor has, so the caller knows what it may ask for. */
  readonly detail: string;
}

/** Whether a key with `grantor`'s scopes holds `scope`. */
export function covers(grantorScopes: readonly string[], scope: string): boolean {
  return grantorScopes.includes('admin') || grantorScopes.includes(scope);
}

/**
 * A grant as asked, with what it left out taken from the grantor: a key issued by an expiring or
 * rate-limited key expires and is limited like it unless it asks for less.
 */
export function inheritedGrant<G extends KeyGrant>(grantor: KeyGrant, requested: G): G {
  return {
    ...requested,
    ...(requested.expiresAt === undefined && grantor.expiresAt !== undefined
      ? { expiresAt: grantor.expiresAt }
      : {}),
    ...(requested.rateLimitPerMinute === undefined && grantor.rateLimitPerMinute !== undefined
      ? { rateLimitPerMinute: grantor.rateLimitPerMinute }
      : {}),
  };
}

/**
 * Why `grantor` may not issue (or rotate) a key holding `grant`, or undefined when it may.
 * `defaultLimitPerMinute` is what a key without its own limit gets.
 */
export function delegationRefusal(
  grantor: KeyGrant,
  grant: KeyGrant,
  defaultLimitPerMinute: number,
): DelegationRefusal | undefined {
  const missing = grant.scopes.filter((scope) => !covers(grantor.scopes, scope));
  if (missing.length > 0)
    return {
      field: 'scopes',
      detail: `this key cannot grant ${missing.join(', ')}: it holds only ${grantor.scopes.join(', ')}`,
    };
  if (grantor.expiresAt !== undefined && !expiresBy(grant.expiresAt, grantor.expiresAt))
    return {
      field: 'expiresAt',
      detail: `this key expires at ${grantor.expiresAt}; a key it grants must expire by then`,
    };
  const grantorLimit = grantor.rateLimitPerMinute ?? defaultLimitPerMinute;
  const grantLimit = grant.rateLimitPerMinute ?? defaultLimitPerMinute;
  if (grantLimit > grantorLimit)
    return {
      field: 'rateLimitPerMinute',
      detail: `this key may make ${grantorLimit} requests a minute; a key it grants may make at most that many`,
    };
  return undefined;
}

function expiresBy(expiresAt: string | undefined, deadline: string): boolean {
  return expiresAt !== undefined && Date.parse(expiresAt) <= Date.parse(deadline);
}
