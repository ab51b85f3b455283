import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { z } from 'zod';
import { instrumented } from './lambda.ts';
import { metrics } from './observability.ts';

/**
 * An SQS consumer that validates each message and reports partial batch failures, so one bad
 * record is retried (and finally dead-lettered) without re-running its neighbours.
 */
export function sqsConsumer<S extends z.ZodType>(
  schema: S,
  processMessage: (message: z.infer<S>, context: Context) => Promise<unknown>,
  onInvoke?: (context: Context) => void,
) {
  const processor = new BatchProcessor(EventType.SQS);
  const recordHandler = async (record: SQSRecord, context: Context) =>
    processMessage(schema.parse(JSON.parse(record.body)), context);
  return instrumented(async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    onInvoke?.(context);
    const response = await processPartialResponse(
      event,
      (record: SQSRecord) => recordHandler(record, context),
      processor,
      {
        context,
      },
    );
    const failed = response.batchItemFailures.length;
    metrics.addMetric('RecordsProcessed', MetricUnit.Count, event.Records.length - failed);
    metrics.addMetric('RecordsFailed', MetricUnit.Count, failed);
    return response;
  });
}
