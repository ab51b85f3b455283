import type { ClassifyMessage } from '#domain/emails/email.ts';
import type { EventMessage } from '#domain/inbox/event-message.ts';
import type { OutboxEntry, QueueMessage, WorkQueueName } from '#domain/messaging/outbox.ts';
import type { WorkQueue } from '#domain/messaging/ports.ts';
import type { WorkflowMessage } from '#domain/workflow/messages.ts';
import { copy } from './rows.ts';

/**
 * The in-memory twin of SqsWorkQueue: the messages sent, per queue, in order. `refuse` makes
 * sends to a queue fail, as an unreachable queue would.
 */
export class InMemoryWorkQueue implements WorkQueue {
  readonly sent: OutboxEntry[] = [];
  readonly refused = new Set<WorkQueueName>();

  enqueueEvent(message: EventMessage) {
    return this.send({ queue: 'events', message });
  }

  enqueueClassification(message: ClassifyMessage) {
    return this.send({ queue: 'classify', message });
  }

  enqueueWorkflow(message: WorkflowMessage) {
    return this.send({ queue: 'workflow', message });
  }

  async send(entry: OutboxEntry): Promise<void> {
    if (this.refused.has(entry.queue)) throw new Error(`the ${entry.queue} queue refused the message`);
    this.sent.push(copy(entry));
  }

  /** Takes (removes and returns) the messages sent to one queue so far. */
  take<Q extends WorkQueueName>(queue: Q): QueueMessage<Q>[] {
    const taken = this.sent.filter((entry) => entry.queue === queue);
    this.sent.splice(0, this.sent.length, ...this.sent.filter((entry) => entry.queue !== queue));
    return taken.map((entry) => entry.message as QueueMessage<Q>);
  }
}
