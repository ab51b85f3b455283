import { locateQueuePair, type QueuePair, SqsDeadLetterQueue } from '#adapters/sqs/dead-letter-queues.ts';
import { sqsClient } from '#adapters/sqs/work-queue.ts';
import { queueNames } from '#lib/aws/names.ts';
import { useLocalStack } from '#lib/local/endpoints-file.ts';
import { type QueueName, queues } from '#lib/topology.ts';
import { redriveDeadLetters } from '#usecases/redrive-dead-letters.ts';
import { UsageError } from './io.ts';

export interface DlqRedriveOptions {
  readonly queue?: string;
  readonly stage?: string;
  readonly queueUrl?: string;
  readonly dlqUrl?: string;
  readonly local: boolean;
  readonly dryRun: boolean;
}

const QUEUE_NAMES = queues.map((spec) => spec.name);

/**
 * `aictive dlq redrive --queue events|classify|workflow [--dry-run]`: moves a queue's
 * dead-lettered messages back to it (see redrive-dead-letters.ts). The queues are found by the
 * stage's names (--stage or STAGE), by explicit --queue-url and --dlq-url, or in the running
 * `npm start` (--local). Prints one JSON line; exit code 1 when messages stayed in the DLQ.
 */
export async function dlqRedriveCommand(options: DlqRedriveOptions): Promise<number> {
  const queue = QUEUE_NAMES.find((name) => name === options.queue);
  if (!queue) throw new UsageError(`--queue is required, one of: ${QUEUE_NAMES.join(', ')}`);
  const pair = await queuePair(queue, whereFrom(options));
  // Created only now: --local has just pointed the SDK at the running emulator.
  const result = await redriveDeadLetters(new SqsDeadLetterQueue(sqsClient(), pair), {
    dryRun: options.dryRun,
  });
  process.stdout.write(`${JSON.stringify({ queue, deadLetterQueue: pair.dlqUrl, ...result })}\n`);
  return 'failed' in result && result.failed > 0 ? 1 : 0;
}

type Where =
  | { readonly kind: 'local' }
  | { readonly kind: 'urls'; readonly queueUrl: string; readonly dlqUrl: string }
  | { readonly kind: 'stage'; readonly stage: string };

function whereFrom(options: DlqRedriveOptions): Where {
  const explicit = options.queueUrl !== undefined || options.dlqUrl !== undefined;
  if (options.local) {
    if (explicit || options.stage)
      throw new UsageError('--local finds the queues itself: drop --stage, --queue-url and --dlq-url');
    return { kind: 'local' };
  }
  if (explicit) {
    if (!options.queueUrl || !options.dlqUrl) throw new UsageError('--queue-url and --dlq-url go together');
    return { kind: 'urls', queueUrl: options.queueUrl, dlqUrl: options.dlqUrl };
  }
  const stage = options.stage ?? process.env.STAGE;
  if (!stage)
    throw new UsageError('--stage (or STAGE) is required, or --queue-url with --dlq-url, or --local');
  return { kind: 'stage', stage };
}

async function queuePair(queue: QueueName, where: Where): Promise<QueuePair> {
  switch (where.kind) {
    case 'local':
      return (await useLocalStack()).resources.queues[queue];
    case 'urls':
      return locateQueuePair(sqsClient(), {
        queue: { url: where.queueUrl },
        deadLetter: { url: where.dlqUrl },
      });
    case 'stage': {
      const names = queueNames(where.stage, queue);
      return locateQueuePair(sqsClient(), {
        queue: { name: names.queue },
        deadLetter: { name: names.deadLetter },
      });
    }
  }
}
