import { z } from 'zod';

/**
 * The message on the events queue: a pointer to the inbox row, never the payload itself.
 * `attempt` is the replay generation (0 for the first delivery).
 */
export const EventMessage = z.object({
  orgId: z.string().min(1),
  eventId: z.string().min(1),
  attempt: z.number().int().min(0).default(0),
});
export type EventMessage = z.infer<typeof EventMessage>;
