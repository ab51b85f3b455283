import type { z } from 'zod';
import { ClassifyMessage } from '#domain/emails/email.ts';
import { EventMessage } from '#domain/inbox/event-message.ts';
import { WorkflowStart } from '#domain/workflows/workflow.ts';
import { type FunctionName, functionSpec, type QueueName } from './topology.ts';

/**
 * The message every topology queue carries, declared per queue name (a queue without one does
 * not compile). Its consumer validates each record against it (#platform/sqs-batch.ts). Apart
 * from lib/topology.ts only because the domain schemas use the full zod, which the webhook hot
 * path, importing the topology, must not load.
 */
export const queueMessages = {
  events: EventMessage,
  classify: ClassifyMessage,
  workflow: WorkflowStart,
} as const satisfies Record<QueueName, z.ZodType>;

type ConsumedQueue<N extends FunctionName> =
  ReturnType<typeof functionSpec<N>> extends {
    consumes: { queue: infer Q extends QueueName };
  }
    ? Q
    : never;

/** The message schema of the queue a function consumes, as the topology says which. */
export function consumedMessage<N extends FunctionName>(name: N): (typeof queueMessages)[ConsumedQueue<N>] {
  const { consumes } = functionSpec(name) as { consumes?: { queue: QueueName } };
  if (!consumes) throw new Error(`${name} consumes no queue`);
  return queueMessages[consumes.queue] as (typeof queueMessages)[ConsumedQueue<N>];
}
