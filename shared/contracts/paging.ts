import { z } from 'zod';

/** The paging members of every cursor-paged listing's query (`GET /v1/events`, `/v1/properties`…). */
export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z
    .string()
    .max(2048)
    .regex(/^[A-Za-z0-9_-]+$/, 'expected the nextCursor of a previous page')
    .optional(),
};

/** The answer's pointer to the next page. */
export const NextCursor = z
  .string()
  .optional()
  .meta({ description: 'Pass as `cursor` for the next page; absent on the last one' });
