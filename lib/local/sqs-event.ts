import type { Message, MessageAttributeValue } from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSMessageAttributes, SQSRecord, SQSRecordAttributes } from 'aws-lambda';
import { z } from 'zod';
import { LOCAL_REGION } from './aws-clients.ts';

/** What the event source mapping hands the function: received messages in Lambda's record shape. */
export function toSqsEvent(messages: readonly Message[], queueArn: string): SQSEvent {
  return { Records: messages.map((message) => toRecord(message, queueArn)) };
}

function toRecord(message: Message, queueArn: string): SQSRecord {
  return {
    messageId: message.MessageId ?? '',
    receiptHandle: message.ReceiptHandle ?? '',
    body: message.Body ?? '',
    attributes: (message.Attributes ?? {}) as unknown as SQSRecordAttributes,
    messageAttributes: toMessageAttributes(message.MessageAttributes ?? {}),
    md5OfBody: message.MD5OfBody ?? '',
    ...(message.MD5OfMessageAttributes ? { md5OfMessageAttributes: message.MD5OfMessageAttributes } : {}),
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: LOCAL_REGION,
  };
}

/** The SDK's PascalCase, byte-array attributes become Lambda's camelCase, base64 ones. */
function toMessageAttributes(attributes: Record<string, MessageAttributeValue>): SQSMessageAttributes {
  const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
  return Object.fromEntries(
    Object.entries(attributes).map(([name, value]) => [
      name,
      {
        dataType: value.DataType ?? 'String',
        ...(value.StringValue !== undefined ? { stringValue: value.StringValue } : {}),
        ...(value.BinaryValue !== undefined ? { binaryValue: base64(value.BinaryValue) } : {}),
        stringListValues: value.StringListValues ?? [],
        binaryListValues: (value.BinaryListValues ?? []).map(base64),
      },
    ]),
  );
}

const batchResponseSchema = z
  .object({ batchItemFailures: z.array(z.object({ itemIdentifier: z.string().min(1) })).nullish() })
  .nullish();

/**
 * Lambda's partial batch response rules: no response or no failures is full success; a failure
 * naming an unknown or empty message id, or a response of the wrong shape, fails the whole batch.
 * Returns the ids to keep (not delete).
 */
export function failedMessageIds(response: unknown, event: SQSEvent): ReadonlySet<string> {
  const everything = new Set(event.Records.map((record) => record.messageId));
  const parsed = batchResponseSchema.safeParse(response);
  if (!parsed.success) return everything;
  const failed = new Set((parsed.data?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
  return [...failed].every((id) => everything.has(id)) ? failed : everything;
}
