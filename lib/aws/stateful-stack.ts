import { CfnOutput, RemovalPolicy, SecretValue, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { type QueueName, queues, type TableName } from '#lib/topology.ts';
import { pascal } from './construct-ids.ts';
import type { DeploymentConfig } from './deployment-config.ts';
import { dataKeyAlias, secretNames } from './names.ts';
import { type TableSpec, tableSpecs } from './table-specs.ts';
import { WorkQueue } from './work-queue.ts';

/** Not a secret: the marker the classifier takes for "no Anthropic key yet". */
const ANTHROPIC_KEY_PLACEHOLDER = 'unset';

export interface StatefulStackProps extends StackProps {
  readonly config: DeploymentConfig;
}

/**
 * Everything that holds data or identity and must outlive a bad deploy of the code: tables,
 * queues, the key that encrypts them, secrets and the alarm topic. Kept apart from the service
 * stack so that stack can be destroyed and recreated freely.
 */
export class StatefulStack extends Stack {
  readonly dataKey: Key;
  readonly tables: Readonly<Record<TableName, Table>>;
  readonly queues: Readonly<Record<QueueName, WorkQueue>>;
  readonly anthropicApiKey: Secret;
  readonly alarmTopic: Topic;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { stage, alarmEmail } = props.config;
    const names = secretNames(stage);

    // One customer-managed key so one key policy (and one CloudTrail trail of use) covers all data at rest.
    this.dataKey = new Key(this, 'DataKey', {
      alias: dataKeyAlias(stage),
      description: `Aictive ${stage}: tables, queues, alarm topic and secrets`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudWatch alarms publish to the encrypted topic as the CloudWatch service, not as a role.
    this.dataKey.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );

    this.tables = mapRecord(tableSpecs, (name, spec) => this.table(name, spec));

    this.queues = Object.fromEntries(
      queues.map((spec) => [
        spec.name,
        new WorkQueue(this, pascal(spec.name), { spec, encryptionKey: this.dataKey }),
      ]),
    ) as Record<QueueName, WorkQueue>;

    // A placeholder value: the operator stores the real key with `aws secretsmanager put-secret-value`,
    // so it never passes through CloudFormation or this repository. Until then the classifier reads
    // "unset" as "no key" and classifies with the rules (shared/adapters/classification-engine.ts).
    this.anthropicApiKey = new Secret(this, 'AnthropicApiKey', {
      secretName: names.anthropicApiKey,
      description: 'Anthropic API key for the classifier (placeholder until an operator puts the real key)',
      encryptionKey: this.dataKey,
      secretStringValue: SecretValue.unsafePlainText(ANTHROPIC_KEY_PLACEHOLDER),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.anthropicApiKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'Third-party API key: it is rotated in the Anthropic console and put here by an operator.',
    });

    this.alarmTopic = new Topic(this, 'AlarmTopic', {
      displayName: `Aictive ${stage} alarms`,
      masterKey: this.dataKey,
      enforceSSL: true,
    });
    if (alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(alarmEmail));

    new CfnOutput(this, 'MainTableName', {
      value: this.tables.main.tableName,
      description: 'TABLE_NAME for `aictive api-key create`',
    });
    new CfnOutput(this, 'AnthropicApiKeySecretName', { value: names.anthropicApiKey });
    new CfnOutput(this, 'WebhookSecretPrefix', {
      value: names.webhookSigningPrefix,
      description: 'Create one secret per org at <prefix><orgId>, encrypted with the data key',
    });
    new CfnOutput(this, 'DataKeyAlias', { value: dataKeyAlias(stage) });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarmTopic.topicArn });
  }

  private table(name: TableName, spec: TableSpec): Table {
    const table = new Table(this, `${pascal(name)}Table`, {
      partitionKey: { name: spec.partitionKey, type: AttributeType.STRING },
      ...(spec.sortKey ? { sortKey: { name: spec.sortKey, type: AttributeType.STRING } } : {}),
      timeToLiveAttribute: spec.ttlAttribute,
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.dataKey,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of spec.indexes ?? []) {
      table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      });
    }
    return table;
  }
}

function mapRecord<K extends string, V, R>(
  record: Readonly<Record<K, V>>,
  map: (key: K, value: V) => R,
): Record<K, R> {
  return Object.fromEntries(
    Object.entries<V>(record).map(([key, value]) => [key, map(key as K, value)]),
  ) as Record<K, R>;
}
