import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoEmailStore } from '#adapters/dynamodb/email-store.ts';
import { DynamoWorkflowStore } from '#adapters/dynamodb/workflow-store.ts';
import {
  type ApiHandler,
  apiEvent,
  lambdaContext,
  loadHandler,
  type SqsHandler,
  sqsEventFromMessages,
} from '#test/support/lambda-events.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

let stack: TestStack;
let api: ApiHandler;
let classifier: SqsHandler;
let workflow: SqsHandler;
const principal = { orgId: 'org-mail', keyId: 'k1', scopes: ['emails:write', 'emails:read'] };

beforeAll(async () => {
  stack = await startTestStack();
  api = await loadHandler<ApiHandler>('api');
  classifier = await loadHandler<SqsHandler>('classifier');
  workflow = await loadHandler<SqsHandler>('workflow');
});
afterAll(async () => stack?.stop());

async function submit(body: object) {
  const response = await api(
    apiEvent({
      method: 'POST',
      resource: '/v1/emails',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      principal,
    }),
    lambdaContext('api'),
  );
  return { status: response.statusCode, body: JSON.parse(response.body) as Record<string, unknown> };
}

describe('email → classifier → workflow', () => {
  it('classifies a submitted email with the rules and starts its workflow in triage', async () => {
    const submitted = await submit({
      from: 'Tenant <tenant@example.com>',
      subject: 'Water pouring from the ceiling',
      text: 'A pipe burst upstairs and water is pouring through my ceiling light. Please send someone now!',
    });
    expect(submitted.status).toBe(202);
    const emailId = String(submitted.body.emailId);

    const toClassify = await stack.drain('classify');
    expect(toClassify.map((m) => JSON.parse(m.Body ?? '{}'))).toEqual([{ orgId: principal.orgId, emailId }]);
    expect(await classifier(sqsEventFromMessages(toClassify), lambdaContext('classifier'))).toEqual({
      batchItemFailures: [],
    });

    const email = await new DynamoEmailStore(stack.resources.tables.main).get(principal.orgId, emailId);
    expect(email).toMatchObject({
      status: 'classified',
      classification: { category: 'maintenance_emergency', urgency: 'emergency', engine: 'rules' },
    });

    const starts = await stack.drain('workflow');
    expect(starts).toHaveLength(1);
    expect(await workflow(sqsEventFromMessages(starts), lambdaContext('workflow'))).toEqual({
      batchItemFailures: [],
    });
    // Delivered again: still one workflow.
    expect(await workflow(sqsEventFromMessages(starts), lambdaContext('workflow'))).toEqual({
      batchItemFailures: [],
    });

    const linked = await new DynamoEmailStore(stack.resources.tables.main).get(principal.orgId, emailId);
    expect(linked?.workflowId).toMatch(/^wf_/);
    const record = await new DynamoWorkflowStore(stack.resources.tables.main).get(
      principal.orgId,
      String(linked?.workflowId),
    );
    expect(record).toMatchObject({
      type: 'emergency_maintenance',
      state: 'triage',
      source: { kind: 'email', emailId },
    });

    const read = await api(
      apiEvent({
        method: 'GET',
        resource: '/v1/emails/{emailId}',
        path: `/v1/emails/${emailId}`,
        pathParameters: { emailId },
        principal,
      }),
      lambdaContext('api'),
    );
    expect(JSON.parse(read.body)).toMatchObject({
      emailId,
      status: 'classified',
      workflowId: linked?.workflowId,
    });
  });

  it('does not classify twice when the message is redelivered, but re-requests the workflow', async () => {
    const { body } = await submit({
      from: 'owner@example.com',
      subject: 'Owner statement',
      text: 'When will my owner distribution arrive?',
    });
    const messages = await stack.drain('classify');
    await classifier(sqsEventFromMessages(messages), lambdaContext('classifier'));
    const first = await new DynamoEmailStore(stack.resources.tables.main).get(
      principal.orgId,
      String(body.emailId),
    );
    await classifier(sqsEventFromMessages(messages), lambdaContext('classifier'));
    const second = await new DynamoEmailStore(stack.resources.tables.main).get(
      principal.orgId,
      String(body.emailId),
    );
    expect(second?.classifiedAt).toBe(first?.classifiedAt);
    expect(await stack.drain('workflow')).toHaveLength(2);
  });

  it('treats a resubmitted Message-ID as the same email', async () => {
    const email = {
      from: 'a@example.com',
      subject: 'Lease renewal',
      text: 'I would like to renew my lease.',
      messageId: '<abc@example.com>',
    };
    const first = await submit(email);
    const second = await submit(email);
    expect(second.body).toEqual({ ...first.body, duplicate: true });
    expect(await stack.drain('classify')).toHaveLength(1);
  });

  it('starts no workflow for spam', async () => {
    await submit({
      from: 'promo@example.net',
      subject: 'You have WON a free cruise',
      text: 'Congratulations! Click here to claim your prize, limited time offer, unsubscribe anytime.',
    });
    await classifier(sqsEventFromMessages(await stack.drain('classify')), lambdaContext('classifier'));
    expect(await stack.drain('workflow')).toHaveLength(0);
  });
});
