import { ArnFormat, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { type FunctionSpec, type SecretName, secrets, type TableName } from '#lib/topology.ts';
import type { AictiveFunction } from './aictive-function.ts';
import { isSecretFamily, secretName } from './names.ts';
import type { PlatformResources } from './platform-resources.ts';
import { tableSpecs } from './table-specs.ts';

// Transactions need no actions of their own: DynamoDB authorizes each item action inside them.
const TABLE_READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
];
const TABLE_WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

/**
 * Least privilege: a function may touch only what its topology entry binds it to, and only as it
 * says; the same bindings give it their environment (lib/function-environment.ts), so nothing is
 * granted that the function cannot name, and nothing named is left ungranted.
 */
export function grantTopologyAccess(fn: AictiveFunction, stage: string, resources: PlatformResources): void {
  const { spec } = fn;
  for (const name of spec.tables) grantTable(fn, name, resources.tables[name], spec.tableAccess);
  for (const name of spec.sendsTo) resources.queues[name].queue.grantSendMessages(fn);
  for (const name of spec.inspectsQueues ?? []) {
    const { queue, deadLetterQueue } = resources.queues[name];
    queue.grant(fn, 'sqs:GetQueueAttributes');
    deadLetterQueue.grant(fn, 'sqs:GetQueueAttributes');
  }
  // Publish only: no subscribing, no reading attributes, nothing on the (AWS-managed) key.
  for (const name of spec.publishesTo ?? [])
    fn.addToRolePolicy(
      new PolicyStatement({ actions: ['sns:Publish'], resources: [resources.topics[name].topicArn] }),
    );
  for (const secret of spec.secrets) grantSecret(fn, secret, stage, resources);
  for (const { secret, under } of spec.writesSecrets ?? [])
    grantSecretWrite(fn, secret, under, stage, resources);
  if ((spec.tableAccess === 'readWrite' && spec.tables.length > 0) || spec.sendsTo.length > 0) {
    const reason =
      'Data-key actions that writing to a KMS-encrypted table or queue needs, on the one data key only.';
    Validations.of(fn).acknowledge(
      { id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]', reason },
      { id: 'AwsSolutions-IAM5[Action::kms:ReEncrypt*]', reason },
    );
  }
}

function grantSecret(
  fn: AictiveFunction,
  secret: SecretName,
  stage: string,
  resources: PlatformResources,
): void {
  const created = resources.secrets[secret];
  if (created) {
    grantSecretValue(fn, resources, created.secretArn);
    return;
  }
  if (!isSecretFamily(secret)) throw new Error(`secret ${secret} is neither created nor a per-org family`);
  // A family the function writes below a part of it is read only there too (the api reads
  // integrations' secrets, never an org's Rentvine signing keys).
  const under = fn.spec.writesSecrets?.find((w) => w.secret === secret)?.under ?? '';
  const prefix = `${secretName(stage, secret)}${under}`;
  grantSecretValue(
    fn,
    resources,
    Stack.of(fn).formatArn({
      service: 'secretsmanager',
      resource: 'secret',
      resourceName: `${prefix}*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    }),
  );
  Validations.of(fn).acknowledge({
    id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:secretsmanager:<AWS::Region>:<AWS::AccountId>:secret:${prefix}*]`,
    reason: 'Per-org secrets are created after deploy, one per org, under this stage prefix.',
  });
  if ((secrets[secret] as { listable?: boolean }).listable) {
    // Names only (which orgs have one); ListSecrets takes no resource in IAM.
    fn.addToRolePolicy(new PolicyStatement({ actions: ['secretsmanager:ListSecrets'], resources: ['*'] }));
    Validations.of(fn).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'secretsmanager:ListSecrets supports no resource-level scoping; it returns names and metadata, never values.',
    });
  }
}

/**
 * Writing a per-org family's secrets below `under` (e.g. the api function registering an
 * integration's): create one, encrypted with the data key, or put a new value.
 */
function grantSecretWrite(
  fn: AictiveFunction,
  secret: SecretName,
  under: string,
  stage: string,
  resources: PlatformResources,
): void {
  if (!isSecretFamily(secret) || !fn.spec.secrets.includes(secret))
    throw new Error(`${fn.spec.name} may write only a per-org secret family it reads, not ${secret}`);
  const prefix = `${secretName(stage, secret)}${under}`;
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: ['secretsmanager:CreateSecret', 'secretsmanager:PutSecretValue'],
      resources: [
        Stack.of(fn).formatArn({
          service: 'secretsmanager',
          resource: 'secret',
          resourceName: `${prefix}*`,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
    }),
  );
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: ['kms:GenerateDataKey'],
      resources: [resources.dataKey.keyArn],
      conditions: {
        StringEquals: { 'kms:ViaService': `secretsmanager.${Stack.of(fn).region}.amazonaws.com` },
      },
    }),
  );
  Validations.of(fn).acknowledge({
    id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:secretsmanager:<AWS::Region>:<AWS::AccountId>:secret:${prefix}*]`,
    reason:
      'Per-org secrets are created at run time (an integration registered through the API), one each, under this prefix.',
  });
}

/**
 * Read access to secrets encrypted with the data key, decrypting only through Secrets Manager.
 * Written on the role rather than with `secret.grantRead`, which would also add the role to the
 * key policy in the stateful stack: a reference back from it into this stack, i.e. a cycle.
 */
function grantSecretValue(fn: AictiveFunction, resources: PlatformResources, secretArn: string): void {
  fn.addToRolePolicy(
    // DescribeSecret (metadata only) for the readiness checks.
    new PolicyStatement({
      actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
      resources: [secretArn],
    }),
  );
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: ['kms:Decrypt'],
      resources: [resources.dataKey.keyArn],
      conditions: {
        StringEquals: { 'kms:ViaService': `secretsmanager.${Stack.of(fn).region}.amazonaws.com` },
      },
    }),
  );
}

/**
 * Item access to the table and each of its named indexes. Spelled out instead of `table.grantReadData`,
 * which grants `<table>/index/*`: naming the indexes from the topology leaves no wildcard to excuse.
 */
function grantTable(
  fn: AictiveFunction,
  name: TableName,
  table: ITable,
  access: FunctionSpec['tableAccess'],
): void {
  const indexes = tableSpecs[name].indexes ?? [];
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: access === 'read' ? TABLE_READ_ACTIONS : [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS],
      resources: [table.tableArn, ...indexes.map((index) => `${table.tableArn}/index/${index.name}`)],
    }),
  );
  if (access === 'read') table.encryptionKey?.grantDecrypt(fn);
  else table.encryptionKey?.grantEncryptDecrypt(fn);
}
