import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { z } from 'zod';
import { keepFailureCauses } from './batch-failure-causes.ts';
import { instrumented } from './lambda.ts';
import { count, logger } from './observability.ts';

/**
 * An SQS consumer that validates each message and reports partial batch failures, so one bad
 * record is retried (and finally dead-lettered) without re-running its neighbours. Each failure
 * is logged with its message id and receive count: that line is where a dead letter's cause is.
 */
export function sqsConsumer<S extends z.ZodType>(
  schema: S,
  processMessage: (message: z.infer<S>, context: Context) => Promise<unknown>,
  onInvoke?: (context: Context) => void,
) {
  const processor = new BatchProcessor(EventType.SQS);
  return instrumented(async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    onInvoke?.(context);
    const failed = new Map<string, unknown>();
    const recordHandler = async (record: SQSRecord) => {
      try {
        return await processMessage(schema.parse(JSON.parse(record.body)), context);
      } catch (error) {
        failed.set(record.messageId, error);
        logger.warn('message failed; SQS retries it, then dead-letters it after maxReceiveCount', {
          messageId: record.messageId,
          receiveCount: Number(record.attributes.ApproximateReceiveCount),
          error,
        });
        throw error;
      }
    };
    try {
      const { batchItemFailures } = await processPartialResponse(event, recordHandler, processor, {
        context,
      });
      const response = { batchItemFailures: [...batchItemFailures] };
      keepFailureCauses(response, failed);
      return response;
    } catch (error) {
      // A batch whose every record failed throws (FullBatchFailureError): Lambda counts an error.
      keepFailureCauses(error, failed);
      throw error;
    } finally {
      count('RecordsProcessed', event.Records.length - failed.size);
      count('RecordsFailed', failed.size);
    }
  });
}
