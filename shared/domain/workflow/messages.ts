import { z } from 'zod';

/**
 * The message on the workflow queue: a pointer, never a verdict. `email` and `event` point at the
 * stored row that starts a workflow (the workflow reads the classification that won, the event's
 * trigger); `workflow` points at a workflow that owes itself a run (effects recorded by a
 * transition and not yet done), which the runner reads and does.
 */
export const WorkflowMessage = z.discriminatedUnion('source', [
  z.object({ source: z.literal('email'), orgId: z.string().min(1), emailId: z.string().min(1) }),
  z.object({ source: z.literal('event'), orgId: z.string().min(1), eventId: z.string().min(1) }),
  z.object({ source: z.literal('workflow'), orgId: z.string().min(1), workflowId: z.string().min(1) }),
]);
export type WorkflowMessage = z.infer<typeof WorkflowMessage>;
export type WorkflowStart = Extract<WorkflowMessage, { source: 'email' | 'event' }>;
