import { Duration } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { functions, type QueueSpec, visibilityTimeoutSeconds } from '#lib/topology.ts';
import { deploymentConfigFrom } from './deployment-config.ts';
import { queueNames } from './names.ts';

/** DLQ messages wait for a human: the longest retention SQS offers. */
const DEAD_LETTER_RETENTION = Duration.days(14);

export interface WorkQueueProps {
  readonly spec: QueueSpec;
  readonly encryptionKey: IKey;
}

/**
 * A topology queue and the dead-letter queue that catches what its consumer keeps failing on.
 * Both carry the stage's fixed names (names.ts) so the on-call CLI finds them without stack outputs.
 */
export class WorkQueue extends Construct {
  readonly spec: QueueSpec;
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, { spec, encryptionKey }: WorkQueueProps) {
    super(scope, id);
    this.spec = spec;
    // The stage comes from the same CDK context the app reads, so the names cannot drift from it.
    const names = queueNames(deploymentConfigFrom(this).stage, spec.name);
    const encryption = {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: encryptionKey,
      enforceSSL: true,
    };
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      queueName: names.deadLetter,
      ...encryption,
      retentionPeriod: DEAD_LETTER_RETENTION,
    });
    this.queue = new Queue(this, 'Queue', {
      queueName: names.queue,
      ...encryption,
      retentionPeriod: Duration.days(spec.retentionDays),
      visibilityTimeout: Duration.seconds(visibilityTimeoutSeconds(spec.name, functions)),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: spec.maxReceiveCount },
    });
  }
}
