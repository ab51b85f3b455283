import type { WorkQueueName } from '#domain/messaging/outbox.ts';
import type { DeadLetterQueue, MoveBack } from '#domain/messaging/ports.ts';
import { copy } from './rows.ts';
import type { InMemoryWorkQueue } from './work-queue.ts';

/** The in-memory twin of SqsDeadLetterQueue as it works locally: messages moved back one by one. */
export class InMemoryDeadLetterQueue implements DeadLetterQueue {
  readonly dead: unknown[] = [];

  constructor(
    private readonly queue: InMemoryWorkQueue,
    private readonly name: WorkQueueName,
  ) {}

  async waiting(): Promise<number> {
    return this.dead.length;
  }

  /** Each message leaves the DLQ only once its queue took it, as the SQS adapter deletes after sending. */
  async moveBack(): Promise<MoveBack> {
    let moved = 0;
    for (const message of [...this.dead]) {
      try {
        await this.queue.send({ queue: this.name, message: copy(message) } as Parameters<
          InMemoryWorkQueue['send']
        >[0]);
      } catch {
        continue;
      }
      this.dead.splice(this.dead.indexOf(message), 1);
      moved += 1;
    }
    return { method: 'one-by-one', moved, failed: this.dead.length };
  }
}
