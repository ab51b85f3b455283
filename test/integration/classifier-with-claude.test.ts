import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoEmailStore } from '#adapters/dynamodb/email-store.ts';
import { type FakeAnthropic, startFakeAnthropic } from '#test/support/fake-anthropic.ts';
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
let fake: FakeAnthropic;
let api: ApiHandler;
let classifier: SqsHandler;
const principal = { orgId: 'org-claude', keyId: 'k1', scopes: ['emails:write'] };

beforeAll(async () => {
  stack = await startTestStack();
  fake = await startFakeAnthropic();
  // The classifier function reads its engine configuration once, at cold start.
  process.env.ANTHROPIC_API_KEY = 'test-anthropic-key-not-real';
  process.env.ANTHROPIC_BASE_URL = fake.baseURL;
  api = await loadHandler<ApiHandler>('api');
  classifier = await loadHandler<SqsHandler>('classifier');
});
afterAll(async () => {
  delete process.env.ANTHROPIC_API_KEY;
  delete process.env.ANTHROPIC_BASE_URL;
  await fake?.close();
  await stack?.stop();
});

async function submitAndClassify(text: string) {
  const submitted = await api(
    apiEvent({
      method: 'POST',
      resource: '/v1/emails',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ from: 'tenant@example.com', subject: 'Question', text }),
      principal,
    }),
    lambdaContext('api'),
  );
  const { emailId } = JSON.parse(submitted.body) as { emailId: string };
  await classifier(sqsEventFromMessages(await stack.drain('classify')), lambdaContext('classifier'));
  return new DynamoEmailStore(stack.resources.tables.main).get(principal.orgId, emailId);
}

describe('classifier function with an Anthropic key', () => {
  it('stores the verdict Claude gives, marked engine claude', async () => {
    fake.script({
      json: {
        category: 'owner_inquiry',
        urgency: 'low',
        confidence: 0.88,
        reasons: ['asks about a statement'],
      },
    });
    const email = await submitAndClassify('Where is my owner statement for October?');
    expect(email?.classification).toMatchObject({
      category: 'owner_inquiry',
      engine: 'claude',
      confidence: 0.88,
    });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.headers['x-api-key'] ?? fake.requests[0]?.headers.authorization).toBeTruthy();
  });

  it('falls back to the rules, saying why, when Claude fails', async () => {
    fake.script({ status: 500 }, { status: 500 }, { status: 500 });
    const email = await submitAndClassify('There is a gas leak in my apartment, I can smell it everywhere');
    expect(email?.classification).toMatchObject({
      category: 'maintenance_emergency',
      engine: 'rules',
      fallbackReason: expect.stringMatching(/^claude_error/),
    });
  });
});
