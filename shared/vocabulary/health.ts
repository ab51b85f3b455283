/**
 * What a readiness check found. `skipped`: the dependency is optional and not configured (e.g.
 * no Anthropic key); `not_configured`: the dependency has no client in the platform yet (e.g. Rentvine).
 */
export const CHECK_STATUSES = ['ok', 'failing', 'skipped', 'not_configured'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];
