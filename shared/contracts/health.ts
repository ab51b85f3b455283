import { z } from 'zod';
import { CHECK_STATUSES } from '#vocabulary/health.ts';

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
