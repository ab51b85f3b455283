import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { DynamoPageStore } from '#adapters/dynamodb/page-store.ts';
import { DynamoWorkflowStore } from '#adapters/dynamodb/workflow-store.ts';
import { newPage } from '#domain/on-call/paging.ts';
import { DEFAULT_APPROVAL_POLICY } from '#domain/workflow/approval-policy.ts';
import { openWorkflow, transition } from '#domain/workflow/transition.ts';
import type { Workflow } from '#domain/workflow/workflow.ts';
import { PLATFORM_METRIC_ALARMS } from '#lib/aws/alarms.ts';
import type { FunctionName } from '#lib/topology.ts';
import type { MetricName } from '#platform/metric-catalogue.ts';
import { stableId } from '#platform/security/ids.ts';
import { signWebhook } from '#platform/security/webhook-signature.ts';
import { type Emf, emitted, invoke, loadFunction } from '#test/support/emf-capture.ts';
import { apiEvent, sqsEvent } from '#test/support/lambda-events.ts';
import { createTestOrg, type TestOrg } from '#test/support/orgs.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

/**
 * Every metric an alarm watches (lib/aws/alarms.ts) is proved emitted by the real code path
 * that should raise it, as CloudWatch would read it: the EMF line each handler prints, parsed
 * for the catalogue's namespace, the metric's name and the `service` dimension the alarm filters
 * on. Each scenario loads its function afresh, with the environment the deployers give it.
 */
let stack: TestStack;
let org: TestOrg;

beforeAll(async () => {
  stack = await startTestStack();
  org = await createTestOrg(stack.resources.tables.main);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await stack?.stop();
});

function webhook(orgId: string, body: string, headers: Record<string, string>) {
  return apiEvent({
    method: 'POST',
    resource: '/webhooks/rentvine/{orgId}',
    path: `/webhooks/rentvine/${orgId}`,
    pathParameters: { orgId },
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
  });
}

async function storeReceivedEvent(rawBody: string, receivedAt: Date): Promise<string> {
  const eventId = stableId('evt', org.orgId, randomUUID());
  await new DynamoEventInbox(stack.resources.tables.main).store({
    orgId: org.orgId,
    eventId,
    eventKey: eventId,
    source: 'rentvine',
    scheme: 'rentvine-header',
    receivedAt: receivedAt.toISOString(),
    rawBody,
    headers: {},
    status: 'received',
  });
  return eventId;
}

/** A routine repair waiting on its approval since `openedAt`, stored as the workflow stage stores it. */
async function storeWorkflow(openedAt: number): Promise<Workflow> {
  const { workflow } = openWorkflow(
    {
      orgId: org.orgId,
      workflowId: stableId('wf', org.orgId, randomUUID()),
      type: 'maintenance_routine',
      urgency: 'medium',
      source: { kind: 'manual' },
      requestedBy: { kind: 'system', name: 'test' },
      facts: { propertyId: '7', summary: 'A dripping tap.' },
      reason: 'a scenario',
    },
    new Date(openedAt),
    { policy: DEFAULT_APPROVAL_POLICY },
  );
  await new DynamoWorkflowStore(stack.resources.tables.main).create({ ...workflow, pendingEffects: [] });
  return { ...workflow, pendingEffects: [] };
}

/** The workflow approved by its holder, as the API would apply it; it now owes a Rentvine write. */
async function approved(workflow: Workflow): Promise<Workflow> {
  const result = transition(
    workflow,
    {
      inputId: randomUUID(),
      input: { kind: 'decide', stepId: workflow.waiting?.stepId ?? '', decision: 'approve' },
    },
    { kind: 'person', personId: 'lee', keyId: 'key-lee', role: 'maintenance_tech_lead' },
    new Date(),
    { policy: DEFAULT_APPROVAL_POLICY },
  );
  if (result.outcome !== 'applied') throw new Error(`approval not applied: ${result.outcome}`);
  await new DynamoWorkflowStore(stack.resources.tables.main).save(result.workflow, workflow.version);
  return result.workflow;
}

/** How to make each alarmed metric happen, for real. */
const scenarios: Record<string, { service: FunctionName; run: () => Promise<Emf[]> }> = {
  WebhookRejected: {
    service: 'webhook-ingest',
    async run() {
      const handler = await loadFunction('webhook-ingest');
      const body = '{"event":{"eventType":"workOrder.created"}}';
      return (await invoke(handler, webhook(org.orgId, body, {}), 'webhook-ingest')).emf;
    },
  },
  WebhookUnrecognized: {
    service: 'webhook-ingest',
    async run() {
      const handler = await loadFunction('webhook-ingest');
      const body = '{"event": not json';
      const signed = signWebhook(org.webhookSecret, body, Math.floor(Date.now() / 1000));
      return (await invoke(handler, webhook(org.orgId, body, signed), 'webhook-ingest')).emf;
    },
  },
  EventUnrecognized: {
    service: 'event-processor',
    async run() {
      const handler = await loadFunction('event-processor');
      const eventId = await storeReceivedEvent(
        JSON.stringify({ event: { eventType: 'property.deleted' }, data: { propertyID: '1' } }),
        new Date(),
      );
      const event = sqsEvent([{ orgId: org.orgId, eventId, attempt: 0 }]);
      return (await invoke(handler, event, 'event-processor')).emf;
    },
  },
  OutboxGaveUp: {
    service: 'sweeper',
    async run() {
      // No re-sends allowed and a second's grace: an hour-old row never queued is given up at once.
      const handler = await loadFunction('sweeper', {
        PENDING_RESEND_LIMIT: '0',
        PENDING_GRACE_SECONDS: '1',
      });
      await storeReceivedEvent('{}', new Date(Date.now() - 3_600_000));
      return (await invoke(handler, { source: 'aws.events' }, 'sweeper')).emf;
    },
  },
  RateLimiterUnavailable: {
    service: 'api',
    async run() {
      // DynamoDB refusing connections: the limiter lets the request through and counts it.
      const handler = await loadFunction('api', { AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:1' });
      const event = apiEvent({
        method: 'GET',
        resource: '/v1/events',
        principal: { orgId: org.orgId, keyId: 'key-limiter-down', scopes: ['events:read'] },
      });
      return (await invoke(handler, event, 'api')).emf;
    },
  },
  PageUnacknowledged: {
    service: 'sweeper',
    async run() {
      // An emergency page in an org with no rotation and no property manager: nobody to page, so
      // the sweep's round is unanswered at once, and counted. Its workflow is open and nobody has
      // acted on it (a page for an ended workflow stands down instead).
      const workflow = await storeWorkflow(Date.now());
      const page = newPage(
        {
          pageId: stableId('pg', org.orgId, randomUUID()),
          orgId: org.orgId,
          department: 'maintenance',
          subject: `workflow:${workflow.workflowId}`,
          reason: 'a scenario',
          urgency: 'emergency',
        },
        { timeZone: 'UTC', propertyManagers: [] },
        new Date(Date.now() - 3_600_000),
      );
      await new DynamoPageStore(stack.resources.tables.main).create(page);
      const handler = await loadFunction('sweeper');
      return (await invoke(handler, { source: 'aws.events' }, 'sweeper')).emf;
    },
  },
  WorkflowSlaBreached: {
    service: 'sweeper',
    async run() {
      // An approval whose SLA passed an hour ago: the sweep escalates it and counts the breach.
      await storeWorkflow(Date.now() - 50 * 3_600_000);
      const handler = await loadFunction('sweeper');
      return (await invoke(handler, { source: 'aws.events' }, 'sweeper')).emf;
    },
  },
  WorkflowEffectFailed: {
    service: 'workflow',
    async run() {
      // Approved in an org with no Rentvine connection: the work-order create fails for good.
      const workflow = await storeWorkflow(Date.now());
      const stored = await approved(workflow);
      const handler = await loadFunction('workflow');
      const event = sqsEvent([{ source: 'workflow', orgId: org.orgId, workflowId: stored.workflowId }]);
      return (await invoke(handler, event, 'workflow')).emf;
    },
  },
  ApiKeyRejected: {
    service: 'authorizer',
    async run() {
      const handler = await loadFunction('authorizer');
      const event = {
        type: 'REQUEST',
        methodArn: 'arn:aws:execute-api:us-east-1:000000000000:api/test/GET/v1/events',
        headers: { Authorization: 'Bearer ak_test_nope_nope' },
      };
      return (await invoke(handler, event, 'authorizer')).emf;
    },
  },
};

/** What the alarms read: each platform-metric alarm, and the refusals the authorizer's errors alarm subtracts. */
const alarmed: readonly { metric: MetricName; service: FunctionName }[] = [
  ...PLATFORM_METRIC_ALARMS,
  { metric: 'ApiKeyRejected', service: 'authorizer' },
];

describe('metrics the alarms watch, as the functions emit them', () => {
  it('has a scenario for every alarmed metric (or says how to write it)', () => {
    expect(Object.keys(scenarios).sort()).toEqual([...new Set(alarmed.map((a) => a.metric))].sort());
  });

  it.each(alarmed)('$metric of $service is emitted under its catalogue name', async ({ metric, service }) => {
    const scenario = scenarios[metric];
    expect(scenario?.service).toBe(service);
    const documents = (await scenario?.run()) ?? [];
    expect(emitted(documents, metric, service), JSON.stringify(documents)).toBeGreaterThanOrEqual(1);
  });
});

describe('when metrics are published', () => {
  it("publishes ColdStart on an instance's first invocation only", async () => {
    const handler = await loadFunction('authorizer');
    const event = {
      type: 'REQUEST',
      methodArn: 'arn:x/test/GET/v1',
      headers: { Authorization: 'Bearer no' },
    };
    const first = await invoke(handler, event, 'authorizer');
    const second = await invoke(handler, event, 'authorizer');
    expect(emitted(first.emf, 'ColdStart', 'authorizer')).toBe(1);
    const coldStart = first.emf.find((document) => 'ColdStart' in document);
    expect(coldStart?.function_name).toBe('authorizer');
    expect(emitted(second.emf, 'ColdStart', 'authorizer')).toBeUndefined();
    expect(emitted(second.emf, 'ApiKeyRejected', 'authorizer')).toBe(1);
  });

  it('publishes nothing, and warns nothing, for an invocation with nothing to count', async () => {
    const handler = await loadFunction('api');
    const health = apiEvent({ method: 'GET', resource: '/health' });
    await invoke(handler, health, 'api'); // the cold start
    const { emf, other } = await invoke(handler, health, 'api');
    expect(emf).toEqual([]);
    expect(other.join('\n')).not.toContain('No application metrics');
  });

  it('leaves zero counts out: a sweep that found nothing publishes nothing', async () => {
    const handler = await loadFunction('sweeper');
    await invoke(handler, { source: 'aws.events' }, 'sweeper'); // the cold start
    const { emf } = await invoke(handler, { source: 'aws.events' }, 'sweeper');
    expect(emf).toEqual([]);
  });
});
