import type { DeadLetterQueue, MoveBack } from '#domain/messaging/ports.ts';

export type RedriveResult =
  | { readonly dryRun: true; readonly waiting: number }
  | ({ readonly dryRun: false; readonly waiting: number } & MoveBack);

/**
 * Sends dead-lettered work back for another try once its cause is fixed. Consumers are
 * idempotent, so a message that is both redriven and re-sent by the sweeper is processed once.
 * The move runs even when the count says 0: SQS's count lags, and moving nothing is harmless.
 */
export async function redriveDeadLetters(
  dlq: DeadLetterQueue,
  options: { dryRun: boolean },
): Promise<RedriveResult> {
  const waiting = await dlq.waiting();
  if (options.dryRun) return { dryRun: true, waiting };
  return { dryRun: false, waiting, ...(await dlq.moveBack()) };
}
