import { setTimeout as sleep } from 'node:timers/promises';
import {
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { queues } from '#lib/topology.ts';
import { failureCausesOf } from '#platform/batch-failure-causes.ts';
import type { LambdaInvoker, LoadedFunction } from './lambda.ts';
import { logError, logProcessedMessage } from './log.ts';
import type { QueueResources } from './provision.ts';
import { failedMessageIds, toSqsEvent } from './sqs-event.ts';

export interface QueuePoller {
  /** Ends the long poll at once and waits for the batch in hand to finish. */
  stop(): Promise<void>;
}

export interface QueuePollerOptions {
  readonly sqs: SQSClient;
  readonly fn: LoadedFunction;
  readonly queue: QueueResources;
  readonly invoker: LambdaInvoker;
  /** Long-poll wait per ReceiveMessage; short keeps shutdown and tests quick. */
  readonly waitTimeSeconds?: number;
}

/** Pause after a failed receive, so an emulator hiccup does not become a hot loop. */
const RECEIVE_RETRY_MS = 1000;

/**
 * The event source mapping for one consuming function: receive a batch, invoke, delete the
 * messages that succeeded. Failed ones stay in flight, come back after the queue's visibility
 * timeout, and the queue's redrive policy moves them to the DLQ after maxReceiveCount receives.
 * As many batches at once as the topology's maxConcurrency (one receive loop each), and no
 * batching window: a batch is whatever one long poll returns, which only makes local delivery quicker.
 */
export function startQueuePoller(opts: QueuePollerOptions): QueuePoller {
  const { fn, queue, sqs } = opts;
  const batchSize = fn.spec.consumes?.batchSize;
  if (batchSize === undefined) throw new Error(`${fn.spec.name} consumes no queue`);
  const queueName = fn.spec.consumes?.queue ?? '';
  const maxReceiveCount = queues.find((spec) => spec.name === queueName)?.maxReceiveCount ?? 1;
  const abort = new AbortController();

  async function receive(): Promise<Message[]> {
    const { Messages } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queue.url,
        MaxNumberOfMessages: batchSize,
        WaitTimeSeconds: opts.waitTimeSeconds ?? 1,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
      { abortSignal: abort.signal },
    );
    return Messages ?? [];
  }

  async function deliver(event: SQSEvent): Promise<void> {
    const started = performance.now();
    let outcome: unknown;
    let keep: ReadonlySet<string>;
    try {
      outcome = await opts.invoker.invoke(fn, event);
      keep = failedMessageIds(outcome, event);
    } catch (error) {
      outcome = error;
      keep = new Set(event.Records.map((record) => record.messageId));
    }
    const causes = failureCausesOf(outcome);
    if (outcome instanceof Error && causes.size === 0) {
      // A crash or a timeout, not failures the function reported: worth its stack.
      logError(
        'queue handler failed; the whole batch returns after the visibility timeout',
        log(event),
        outcome,
      );
    }
    const ms = performance.now() - started;
    for (const record of event.Records) {
      const failed = keep.has(record.messageId);
      logProcessedMessage({
        function: fn.spec.name,
        queue: queueName,
        messageId: record.messageId,
        receiveCount: Number(record.attributes.ApproximateReceiveCount),
        maxReceiveCount,
        ids: idsIn(record.body),
        ms,
        ...(failed ? { failure: { cause: causeOf(record.messageId) } } : {}),
      });
    }

    function causeOf(messageId: string): unknown {
      if (causes.has(messageId)) return causes.get(messageId);
      return outcome instanceof Error ? outcome : 'not reported (the function returned only the message id)';
    }

    const done = event.Records.filter((record) => !keep.has(record.messageId));
    if (done.length === 0) return;
    const { Failed } = await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queue.url,
        Entries: done.map((record, i) => ({ Id: String(i), ReceiptHandle: record.receiptHandle })),
      }),
    );
    if (Failed?.length) logError('could not delete processed messages', { ...log(event), failed: Failed });
  }

  function log(event: SQSEvent) {
    return {
      function: fn.spec.name,
      queue: queueName,
      messageIds: event.Records.map((record) => record.messageId),
    };
  }

  async function loop(): Promise<void> {
    while (!abort.signal.aborted) {
      try {
        const messages = await receive();
        if (messages.length > 0) await deliver(toSqsEvent(messages, queue.arn));
      } catch (error) {
        if (abort.signal.aborted) return;
        logError('queue poll failed', { function: fn.spec.name, queue: queueName }, error);
        await sleep(RECEIVE_RETRY_MS, undefined, { signal: abort.signal }).catch(() => undefined);
      }
    }
  }

  const running = Promise.all(Array.from({ length: fn.spec.consumes?.maxConcurrency ?? 1 }, loop));
  return {
    async stop() {
      abort.abort();
      await running;
    },
  };
}

/** The ids a message carries (every string field named `…Id`: orgId, eventId, emailId…), for its log line. */
function idsIn(body: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (entry): entry is [string, string] => entry[0].endsWith('Id') && typeof entry[1] === 'string',
      ),
    );
  } catch {
    return {};
  }
}
