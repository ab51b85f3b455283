import { randomBytes } from 'node:crypto';
import { PurgeQueueCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll } from 'vitest';
import { DynamoApiKeyStore } from '#adapters/dynamodb/api-key-store.ts';
import { DynamoEmailStore } from '#adapters/dynamodb/email-store.ts';
import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { PowertoolsIdempotencyLedger } from '#adapters/dynamodb/idempotency-ledger.ts';
import { DynamoIntegrationStore } from '#adapters/dynamodb/integration-store.ts';
import { DynamoOrgSettingsStore } from '#adapters/dynamodb/org-settings-store.ts';
import { DynamoOrgStore } from '#adapters/dynamodb/org-store.ts';
import { DynamoPendingWork } from '#adapters/dynamodb/pending-work.ts';
import { DynamoResponseLinkLedger } from '#adapters/dynamodb/response-link-ledger.ts';
import { DynamoSnapshotCatalogue } from '#adapters/dynamodb/snapshot-catalogue.ts';
import { DynamoSnapshotStore } from '#adapters/dynamodb/snapshot-store.ts';
import { DynamoSyncWatermarks } from '#adapters/dynamodb/sync-watermarks.ts';
import { DynamoWebhookTokenLedger } from '#adapters/dynamodb/webhook-token-ledger.ts';
import { DynamoWorkflowStore } from '#adapters/dynamodb/workflow-store.ts';
import { TableWebhookSecrets } from '#adapters/secrets/webhook-secrets.ts';
import { SqsDeadLetterQueue } from '#adapters/sqs/dead-letter-queues.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import type { ApiKeyStore } from '#domain/access/ports.ts';
import type { EmailStore } from '#domain/emails/ports.ts';
import type { EventInbox, WebhookTokenLedger } from '#domain/inbox/ports.ts';
import { WORK_QUEUES, type WorkQueueName } from '#domain/messaging/outbox.ts';
import type { DeadLetterQueue, IdempotencyLedger, PendingWork, WorkQueue } from '#domain/messaging/ports.ts';
import type {
  IntegrationStore,
  OrgSettingsStore,
  OrgStore,
  WebhookSecrets,
  WebhookSecretsWriter,
} from '#domain/orgs/ports.ts';
import type { EntitySnapshotStore, SnapshotCatalogue, SyncWatermarks } from '#domain/rentvine/ports.ts';
import type { WorkflowStore } from '#domain/workflow/ports.ts';
import type { ResponseLinkLedger } from '#domain/workflow/response-link.ts';
import { InMemoryApiKeyStore } from '#test/support/in-memory/api-key-store.ts';
import { InMemoryDeadLetterQueue } from '#test/support/in-memory/dead-letter-queue.ts';
import { InMemoryEmailStore } from '#test/support/in-memory/email-store.ts';
import { InMemoryEventInbox } from '#test/support/in-memory/event-inbox.ts';
import { InMemoryIdempotencyLedger } from '#test/support/in-memory/idempotency-ledger.ts';
import {
  InMemoryIntegrationStore,
  InMemoryOrgSettingsStore,
  InMemoryOrgStore,
} from '#test/support/in-memory/org-stores.ts';
import { InMemoryPendingWork } from '#test/support/in-memory/pending-work.ts';
import { InMemoryResponseLinkLedger } from '#test/support/in-memory/response-link-ledger.ts';
import { InMemoryRows } from '#test/support/in-memory/rows.ts';
import { InMemorySnapshotCatalogue } from '#test/support/in-memory/snapshot-catalogue.ts';
import { InMemorySnapshotStore } from '#test/support/in-memory/snapshot-store.ts';
import { InMemorySyncWatermarks } from '#test/support/in-memory/sync-watermarks.ts';
import {
  InMemoryWebhookSecrets,
  InMemoryWebhookTokenLedger,
} from '#test/support/in-memory/webhook-stores.ts';
import { InMemoryWorkQueue } from '#test/support/in-memory/work-queue.ts';
import { InMemoryWorkflowStore } from '#test/support/in-memory/workflow-store.ts';
import { lambdaContext } from '#test/support/lambda-events.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

/**
 * The ports of the stores that share the main table, wired as one world: the outbox crosses
 * them (an email store puts a row in, the workflow store takes it out, pending work reads it).
 * `orgId` is fresh per world, so worlds on the one DynamoDB table do not see each other's rows
 * (listStale is across orgs: contracts filter it by org).
 */
export interface World {
  readonly orgId: string;
  readonly emails: EmailStore;
  readonly inbox: EventInbox;
  readonly workflows: WorkflowStore;
  readonly pending: PendingWork;
  readonly snapshots: EntitySnapshotStore;
  /** Lists what `snapshots` wrote. */
  readonly catalogue: SnapshotCatalogue;
  readonly orgs: OrgStore;
  readonly watermarks: SyncWatermarks;
  readonly orgSettings: OrgSettingsStore;
  readonly integrations: IntegrationStore;
  readonly queue: WorkQueue;
  readonly ledger: IdempotencyLedger;
  readonly apiKeys: ApiKeyStore;
  readonly tokens: WebhookTokenLedger;
  readonly links: ResponseLinkLedger;
  readonly webhookSecrets: WebhookSecrets & WebhookSecretsWriter;
  /** A queue's DLQ, and how a message gets there (as redrive after maxReceiveCount would put it). */
  deadLetters(queue: WorkQueueName): { dlq: DeadLetterQueue; deadLetter(message: object): Promise<void> };
  /** Takes the messages sent to a queue so far, oldest first where the queue keeps order. */
  received(queue: WorkQueueName): Promise<unknown[]>;
}

export interface Implementation {
  readonly name: string;
  world(): Promise<World>;
}

const freshOrg = () => `org-${randomBytes(5).toString('hex')}`;

const inMemory: Implementation = {
  name: 'in-memory twins',
  async world() {
    const rows = new InMemoryRows();
    const queue = new InMemoryWorkQueue();
    const snapshots = new InMemorySnapshotStore();
    return {
      orgId: freshOrg(),
      emails: new InMemoryEmailStore(rows),
      inbox: new InMemoryEventInbox(rows),
      workflows: new InMemoryWorkflowStore(rows),
      pending: new InMemoryPendingWork(rows),
      snapshots,
      catalogue: new InMemorySnapshotCatalogue(snapshots),
      orgs: new InMemoryOrgStore(),
      watermarks: new InMemorySyncWatermarks(),
      orgSettings: new InMemoryOrgSettingsStore(),
      integrations: new InMemoryIntegrationStore(),
      queue,
      ledger: new InMemoryIdempotencyLedger(),
      apiKeys: new InMemoryApiKeyStore(),
      tokens: new InMemoryWebhookTokenLedger(),
      links: new InMemoryResponseLinkLedger(),
      webhookSecrets: new InMemoryWebhookSecrets(),
      deadLetters: (name) => {
        const dlq = new InMemoryDeadLetterQueue(queue, name);
        return { dlq, deadLetter: async (message) => void dlq.dead.push(message) };
      },
      received: async (name) => queue.take(name),
    };
  },
};

/** The ledger as a function uses it: inside an invocation, so in-progress locks end with it. */
function ledgerInAnInvocation(tableName: string): IdempotencyLedger {
  const ledger = new PowertoolsIdempotencyLedger(tableName, { rememberSeconds: 3600 });
  ledger.registerLambdaContext(lambdaContext('contract'));
  return ledger;
}

let registered: Implementation[] | undefined;

/**
 * Both implementations of every port, for `describe.each`: the DynamoDB adapters on dynalite (or
 * CI's DynamoDB Local) with the SQS adapter on fauxqs, and the in-memory twins in test/support.
 * One emulator stack per test file, however many suites ask (the adapters' clients are shared).
 */
export function implementations(): Implementation[] {
  registered ??= withTestStack();
  return registered;
}

function withTestStack(): Implementation[] {
  let stack: TestStack | undefined;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => stack?.stop());
  const dynamo: Implementation = {
    name: 'DynamoDB and SQS adapters',
    async world() {
      if (!stack) throw new Error('the test stack is not started');
      const { resources } = stack;
      const table = resources.tables.main;
      for (const name of WORK_QUEUES) {
        await stack.purge(name);
        await stack.sqs.send(new PurgeQueueCommand({ QueueUrl: resources.queues[name].dlqUrl }));
      }
      const started = stack;
      return {
        orgId: freshOrg(),
        emails: new DynamoEmailStore(table),
        inbox: new DynamoEventInbox(table),
        workflows: new DynamoWorkflowStore(table),
        pending: new DynamoPendingWork(table),
        snapshots: new DynamoSnapshotStore(table),
        catalogue: new DynamoSnapshotCatalogue(table),
        orgs: new DynamoOrgStore(table),
        watermarks: new DynamoSyncWatermarks(table),
        orgSettings: new DynamoOrgSettingsStore(table),
        integrations: new DynamoIntegrationStore(table),
        queue: new SqsWorkQueue(
          Object.fromEntries(WORK_QUEUES.map((name) => [name, resources.queues[name].url])),
        ),
        ledger: ledgerInAnInvocation(resources.tables.idempotency),
        apiKeys: new DynamoApiKeyStore(table),
        tokens: new DynamoWebhookTokenLedger(table),
        links: new DynamoResponseLinkLedger(table),
        webhookSecrets: new TableWebhookSecrets(table),
        deadLetters: (name) => ({
          dlq: new SqsDeadLetterQueue(started.sqs, {
            url: resources.queues[name].url,
            arn: resources.queues[name].arn,
            dlqUrl: resources.queues[name].dlqUrl,
            dlqArn: resources.queues[name].dlqArn,
          }),
          deadLetter: async (message) => {
            await started.sqs.send(
              new SendMessageCommand({
                QueueUrl: resources.queues[name].dlqUrl,
                MessageBody: JSON.stringify(message),
              }),
            );
          },
        }),
        received: async (name) =>
          (await started.drain(name)).map((m) => JSON.parse(m.Body ?? 'null') as unknown),
      };
    },
  };
  return [inMemory, dynamo];
}
