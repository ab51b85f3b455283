/**
 * What a readiness check found. `skipped`: the dependency is optional and not configured (e.g.
 * no Anthropic key, no org connected to Rentvine).
 */
export const CHECK_STATUSES = ['ok', 'failing', 'skipped'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];
