import { z } from 'zod';

/**
 * `skipped`: the dependency is optional and not configured (e.g. no Anthropic key);
 * `not_configured`: the dependency has no client in the platform yet (e.g. Rentvine).
 */
export const CHECK_STATUSES = ['ok', 'failing', 'skipped', 'not_configured'] as const;

/** `GET /health`. */
export const Liveness = z.object({ status: z.literal('ok') }).meta({ id: 'Liveness' });

const CheckResult = z.object({
  status: z.enum(CHECK_STATUSES),
  required: z.boolean().meta({
    description: 'Whether readiness depends on it; an optional dependency’s failure is reported only',
  }),
  latencyMs: z.number().int().min(0),
  error: z.string().optional(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});

/** `GET /health/ready` when every required check passes. */
export const Readiness = z
  .object({ status: z.literal('ok'), checks: z.record(z.string(), CheckResult) })
  .meta({ id: 'Readiness' });
export type Readiness = z.infer<typeof Readiness>;
