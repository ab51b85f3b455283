import { z } from 'zod';

/** RFC 9457 problem details, as every error answer of the API carries them. */
export const Problem = z
  .looseObject({
    type: z.string().meta({ description: 'Stable `urn:aictive:problem:<slug>`; switch on this' }),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string().optional(),
    instance: z.string().optional().meta({ description: 'The request id, as in `x-request-id`' }),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .meta({ description: 'On 422: each failing field, by its path' }),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;
