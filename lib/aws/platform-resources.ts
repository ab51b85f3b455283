import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { QueueName, SecretName, TableName, TopicName } from '#lib/topology.ts';
import type { WorkQueue } from './work-queue.ts';

/** What the stateful stack hands the service stack: the resources topology names refer to. */
export interface PlatformResources {
  readonly dataKey: IKey;
  readonly tables: Readonly<Record<TableName, ITable>>;
  readonly queues: Readonly<Record<QueueName, WorkQueue>>;
  /** The secrets the deployment creates (every one but the per-org families). */
  readonly secrets: Readonly<Partial<Record<SecretName, ISecret>>>;
  /** The topology's topics (lib/topology.ts `topics`), which functions publish to. */
  readonly topics: Readonly<Record<TopicName, ITopic>>;
  readonly alarmTopic: ITopic;
}
