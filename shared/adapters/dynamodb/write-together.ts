import {
  DeleteCommand,
  PutCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { documentClient, isConditionFailure } from './document-client.ts';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * Whether the endpoint turned out to lack transactions (dynalite, which `npm start` and the
 * default test stack run). One flag: the process has one client, so one endpoint.
 */
let withoutTransactions = false;

/**
 * Writes the items in one transaction: all or none, `condition_failed` when any condition did not
 * hold, `contended` when another transaction on one of the items was in progress (DynamoDB
 * cancels rather than waits; whether that one succeeds is unknown). An endpoint without transactions (dynalite) gets the same writes one by one, in the order
 * given, stopping at the first failed condition: callers order them so an interruption leaves
 * only an extra item their readers already skip (the workflow store: its new waiting-on item
 * first, the workflow, the old item last). AWS and DynamoDB Local always take the transaction.
 */
export async function writeTogether(
  items: readonly TransactItem[],
): Promise<'written' | 'condition_failed' | 'contended'> {
  if (!withoutTransactions) {
    try {
      await documentClient().send(new TransactWriteCommand({ TransactItems: [...items] }));
      return 'written';
    } catch (error) {
      const cancelled = cancellation(error);
      if (cancelled) return cancelled;
      if (!(error instanceof Error && error.name === 'UnknownOperationException')) throw error;
      withoutTransactions = true;
    }
  }
  try {
    for (const item of items) await writeOne(item);
    return 'written';
  } catch (error) {
    if (isConditionFailure(error)) return 'condition_failed';
    throw error;
  }
}

async function writeOne(item: TransactItem): Promise<void> {
  if (item.Put) await documentClient().send(new PutCommand(item.Put));
  else if (item.Update) await documentClient().send(new UpdateCommand(item.Update));
  else if (item.Delete) await documentClient().send(new DeleteCommand(item.Delete));
  else throw new Error('writeTogether: only puts, updates and deletes');
}

function cancellation(error: unknown): 'condition_failed' | 'contended' | undefined {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return undefined;
  const codes = ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map(
    (reason) => reason.Code,
  );
  if (codes.includes('ConditionalCheckFailed')) return 'condition_failed';
  return codes.includes('TransactionConflict') ? 'contended' : undefined;
}

/** A plain write refused because a transaction on its item was in progress. */
export function isTransactionConflict(error: unknown): boolean {
  return error instanceof Error && error.name === 'TransactionConflictException';
}
