import { CfnOutput, RemovalPolicy, SecretValue, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Alias, Key } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription, SmsSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import {
  type QueueName,
  queues,
  type SecretName,
  type SecretSpec,
  secrets,
  type TableName,
  type TopicName,
  topics,
} from '#lib/topology.ts';
import { pascal } from './construct-ids.ts';
import type { DeploymentConfig } from './deployment-config.ts';
import { dataKeyAlias, isSecretFamily, secretName } from './names.ts';
import { type TableSpec, tableSpecs } from './table-specs.ts';
import { WorkQueue } from './work-queue.ts';

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
  readonly secrets: Readonly<Partial<Record<SecretName, Secret>>>;
  readonly topics: Readonly<Record<TopicName, Topic>>;
  readonly alarmTopic: Topic;
  private readonly stage: string;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { stage, alarmEmail } = props.config;
    this.stage = stage;

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

    this.secrets = Object.fromEntries(
      (Object.keys(secrets) as SecretName[]).flatMap((name) =>
        isSecretFamily(name) ? [] : [[name, this.secret(name, secrets[name])]],
      ),
    );

    this.topics = mapRecord(topics, (name) => this.topic(name));
    // On-call phones and mailboxes the deployment names get every emergency page.
    for (const { protocol, endpoint } of props.config.pageSubscriptions)
      this.topics.pages.addSubscription(
        protocol === 'sms' ? new SmsSubscription(endpoint) : new EmailSubscription(endpoint),
      );

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
    for (const name of Object.keys(secrets) as SecretName[]) {
      new CfnOutput(
        this,
        isSecretFamily(name) ? `${pascal(name)}SecretPrefix` : `${pascal(name)}SecretName`,
        {
          value: secretName(stage, name),
          description: isSecretFamily(name)
            ? 'Create one secret per org at <prefix><orgId>, encrypted with the data key'
            : secrets[name].description,
        },
      );
    }
    new CfnOutput(this, 'DataKeyAlias', { value: dataKeyAlias(stage) });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarmTopic.topicArn });
    for (const name of Object.keys(topics) as TopicName[]) {
      new CfnOutput(this, `${pascal(name)}TopicArn`, {
        value: this.topics[name].topicArn,
        description: `${topics[name].description}; subscribe people's email or SMS to it (README)`,
      });
    }
  }

  /**
   * A topology topic: SSL only, encrypted with the AWS-managed SNS key, so a publisher needs
   * `sns:Publish` on it and nothing on a key (the data key would need kms grants for every
   * publisher). Retained: its subscriptions are people's, added by operators (or, for the pages
   * topic, named by the deployment's `pageSubscriptions`).
   */
  private topic(name: TopicName): Topic {
    const topic = new Topic(this, `${pascal(name)}Topic`, {
      // The sender's name in people's email: "Aictive prod workflow notices".
      displayName: `Aictive ${this.stage} ${name.replaceAll(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`)}`,
      masterKey: Alias.fromAliasName(this, `${pascal(name)}TopicKey`, 'alias/aws/sns'),
      enforceSSL: true,
    });
    topic.applyRemovalPolicy(RemovalPolicy.RETAIN);
    return topic;
  }

  /** Retained: replacing a secret loses its value (for the pepper: every API key). */
  private secret(name: SecretName, spec: SecretSpec): Secret {
    const { creation } = spec;
    if (!creation) throw new Error(`secret ${name} says neither how it is created nor that it is per org`);
    const secret = new Secret(this, pascal(name), {
      secretName: secretName(this.stage, name),
      description: spec.description,
      encryptionKey: this.dataKey,
      ...('generated' in creation
        ? { generateSecretString: { passwordLength: 64, excludePunctuation: true } }
        : { secretStringValue: SecretValue.unsafePlainText(creation.placeholder) }),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    if (spec.notRotatedBecause)
      Validations.of(secret).acknowledge({ id: 'AwsSolutions-SMG4', reason: spec.notRotatedBecause });
    return secret;
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
        projectionType: index.projection === 'keys_only' ? ProjectionType.KEYS_ONLY : ProjectionType.ALL,
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
