import { Duration } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type QueueSpec, visibilityTimeoutSeconds } from '#lib/topology.ts';

/** DLQ messages wait for a human: the longest retention SQS offers. */
const DEAD_LETTER_RETENTION = Duration.days(14);

export interface WorkQueueProps {
  readonly spec: QueueSpec;
  readonly encryptionKey: IKey;
}

/** A topology queue and the dead-letter queue that catches what its consumer keeps failing on. */
export class WorkQueue extends Construct {
  readonly spec: QueueSpec;
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, { spec, encryptionKey }: WorkQueueProps) {
    super(scope, id);
    this.spec = spec;
    const encryption = {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: encryptionKey,
      enforceSSL: true,
    };
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      ...encryption,
      retentionPeriod: DEAD_LETTER_RETENTION,
    });
    this.queue = new Queue(this, 'Queue', {
      ...encryption,
      retentionPeriod: Duration.days(spec.retentionDays),
      visibilityTimeout: Duration.seconds(visibilityTimeoutSeconds(spec.name)),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: spec.maxReceiveCount },
    });
  }
}
