import type { z } from 'zod';
import { QUEUE_MESSAGES } from '#domain/messaging/queue-messages.ts';
import { type FunctionName, functionSpec, type QueueName } from './topology.ts';

/**
 * The message every topology queue carries, declared per queue name in the domain's outbox
 * (#domain/messaging/queue-messages.ts). Its consumer validates each record against it
 * (#platform/sqs-batch.ts). Apart from lib/topology.ts because the domain schemas use the full
 * zod, which the webhook hot path, importing the topology, must not load.
 */
export const queueMessages = QUEUE_MESSAGES satisfies Record<QueueName, z.ZodType>;

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
