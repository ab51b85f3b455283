import { setTimeout as sleep } from 'node:timers/promises';
import { DeleteMessageBatchCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { logError, logPublished } from './log.ts';
import type { TopicResources } from './provision.ts';

export interface TopicPoller {
  /** Ends the long poll at once and waits for the messages in hand to be logged. */
  stop(): Promise<void>;
}

export interface TopicPollerOptions {
  readonly sqs: SQSClient;
  /** The topic's local name, for the log line (`workflow-notices`). */
  readonly name: string;
  readonly topic: TopicResources;
  /** Long-poll wait per ReceiveMessage; short keeps shutdown and tests quick. */
  readonly waitTimeSeconds?: number;
}

const RECEIVE_RETRY_MS = 1000;

/**
 * What people would be told, on the terminal: one receive loop on the queue subscribed to a
 * topic, logging each message as one line and deleting it. A person reading the queue themselves
 * (README) runs `npm start` with AICTIVE_LOCAL_TOPIC_LOG=false, which leaves the messages there.
 */
export function startTopicPoller(opts: TopicPollerOptions): TopicPoller {
  const { sqs, topic, name } = opts;
  const abort = new AbortController();

  async function loop(): Promise<void> {
    while (!abort.signal.aborted) {
      try {
        const { Messages = [] } = await sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: topic.queueUrl,
            MaxNumberOfMessages: 10,
            WaitTimeSeconds: opts.waitTimeSeconds ?? 1,
          }),
          { abortSignal: abort.signal },
        );
        if (Messages.length === 0) continue;
        for (const message of Messages) logPublished(name, message.Body ?? '');
        await sqs.send(
          new DeleteMessageBatchCommand({
            QueueUrl: topic.queueUrl,
            Entries: Messages.map((message, i) => ({ Id: String(i), ReceiptHandle: message.ReceiptHandle })),
          }),
        );
      } catch (error) {
        if (abort.signal.aborted) return;
        logError('topic poll failed', { topic: name }, error);
        await sleep(RECEIVE_RETRY_MS, undefined, { signal: abort.signal }).catch(() => undefined);
      }
    }
  }

  const running = loop();
  return {
    async stop() {
      abort.abort();
      await running;
    },
  };
}
