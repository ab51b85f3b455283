import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { recordDelivery } from './deliveries.ts';

interface Instruction {
  readonly id: string;
  /** `fail`: reported as a batch item failure; `throw-once`: the whole first delivery throws. */
  readonly outcome: 'ok' | 'fail' | 'throw-once';
}

export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const batch = event.Records.map((record) => ({
    record,
    instruction: JSON.parse(record.body) as Instruction,
  }));
  for (const { record, instruction } of batch) {
    const receiveCount = record.attributes.ApproximateReceiveCount;
    await recordDelivery('delivery', `${instruction.id}#${receiveCount}`, {
      event,
      batch: batch.map((entry) => entry.instruction.id),
    });
  }
  const firstTime = batch.some(
    ({ record, instruction }) =>
      instruction.outcome === 'throw-once' && record.attributes.ApproximateReceiveCount === '1',
  );
  if (firstTime) throw new Error('fixture batch failure');
  return {
    batchItemFailures: batch
      .filter(({ instruction }) => instruction.outcome === 'fail')
      .map(({ record }) => ({ itemIdentifier: record.messageId })),
  };
};
