/** Ports of the hand-offs between stages: the work queues, the outbox of stored-but-not-queued rows, dead letters. Adapters in shared/adapters implement them; in-memory twins live in test/support. */
import type { ClassifyMessage } from '../emails/email.ts';
import type { EventMessage } from '../inbox/event-message.ts';
import type { WorkflowMessage } from '../workflow/messages.ts';
import type { OutboxEntry } from './outbox.ts';
import type { SideEffectKey } from './side-effects.ts';

/** Hands work to the next stage (a queue in AWS and locally). */
export interface WorkQueue {
  enqueueEvent(message: EventMessage): Promise<void>;
  enqueueClassification(message: ClassifyMessage): Promise<void>;
  enqueueWorkflow(message: WorkflowMessage): Promise<void>;
  /** Sends an outbox entry's message to its queue, whichever queue that is. */
  send(entry: OutboxEntry): Promise<void>;
}

/**
 * Stored rows that owe a queue a message (the outbox), oldest first. A row enters it in the same
 * write that stores it or moves it to its next stage, and leaves it in the write by which that
 * stage takes it; so "stored but not queued" is always visible here, whatever crashed.
 */
export interface PendingWork {
  listStale(olderThan: Date, limit: number): Promise<PendingItem[]>;
  /** Records a re-send so the row is not picked up again until it is stale once more. */
  markResent(item: PendingItem, at: Date): Promise<void>;
  /** Ends a row that re-sends could not get processed: status `failed`, out of the outbox. */
  giveUp(item: PendingItem, at: Date, reason: string): Promise<void>;
}

export interface PendingItem {
  /** The queue and the message the row is waiting on. */
  readonly entry: OutboxEntry;
  readonly orgId: string;
  /** The adapter's handle on the stored row; opaque to everyone else. */
  readonly row: string;
  readonly pendingSince: string;
  /** How often the sweeper has re-sent it already. */
  readonly resends: number;
}

/** A queue's dead-letter queue, for putting its messages back after a fix. */
export interface DeadLetterQueue {
  /** Messages waiting in the DLQ, as SQS approximates them. */
  waiting(): Promise<number>;
  /** Moves the DLQ's messages back to the queue they came from. */
  moveBack(): Promise<MoveBack>;
}

export type MoveBack =
  | { readonly method: 'move-task'; readonly taskHandle: string }
  /** `failed`: messages still in the DLQ after the move (they stay there, nothing is lost). */
  | { readonly method: 'one-by-one'; readonly moved: number; readonly failed: number };

/**
 * Runs each external side effect once per key. A repeat gets the first run's (JSON) result
 * without running again; a run that failed is forgotten, so the retry runs it; a repeat while
 * the first is still running fails with SideEffectInProgressError.
 */
export interface IdempotencyLedger {
  once<T>(effect: SideEffectKey, run: () => Promise<T>): Promise<T>;
}
