import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TRIAGE_SYSTEM_PROMPT } from '#adapters/anthropic/triage-prompt.ts';
import { DynamoEmailStore } from '#adapters/dynamodb/email-store.ts';
import {
  type FakeAnthropic,
  RENEWAL_TRIAGE_ANSWER,
  startFakeAnthropic,
} from '#test/support/fake-anthropic.ts';
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
  // The classifier function reads its model configuration once, at cold start.
  process.env.ANTHROPIC_API_KEY = 'test-anthropic-key-not-real';
  process.env.ANTHROPIC_BASE_URL = fake.baseURL;
  api = await loadHandler<ApiHandler>('api');
  classifier = await loadHandler<SqsHandler>('classifier');
});
beforeEach(() => fake.reset());
afterAll(async () => {
  delete process.env.ANTHROPIC_API_KEY;
  delete process.env.ANTHROPIC_BASE_URL;
  await fake?.close();
  await stack?.stop();
});

let submitted = 0;
async function submitAndTriage(text: string) {
  submitted += 1;
  const response = await api(
    apiEvent({
      method: 'POST',
      resource: '/v1/emails',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        messageId: `<claude-${submitted}@example.com>`,
        from: 'tenant@example.com',
        subject: 'Question',
        text,
      }),
      principal,
    }),
    lambdaContext('api'),
  );
  const { emailId } = JSON.parse(response.body) as { emailId: string };
  await classifier(sqsEventFromMessages(await stack.drain('classify')), lambdaContext('classifier'));
  return new DynamoEmailStore(stack.resources.tables.main).get(principal.orgId, emailId);
}

/** Which of the fake's requests were triage calls (by their system prompt). */
const triageCalls = () =>
  fake.requests.filter((request) => JSON.stringify(request.body).includes(TRIAGE_SYSTEM_PROMPT.slice(0, 60)));

describe('classifier function with an Anthropic key', () => {
  it('triages, drafts and second-reviews with Claude, storing engine, model and token usage', async () => {
    fake.script(
      { json: RENEWAL_TRIAGE_ANSWER },
      {
        json: {
          body: 'Thank you for letting us know you would like to renew. We will prepare the renewal terms and contact you.',
          citedFacts: [],
        },
      },
      { json: { findings: [] } },
    );
    const email = await submitAndTriage('Hi, I would like to renew my lease for another year.');
    expect(email?.triage).toMatchObject({
      category: 'lease_renewal',
      engine: 'claude',
      usage: { inputTokens: expect.any(Number), outputTokens: expect.any(Number) },
    });
    expect(email?.draft).toMatchObject({
      engine: 'claude',
      status: 'pending_approval',
      usage: { inputTokens: expect.any(Number) },
    });
    expect(email?.draft?.text).toContain('We will prepare the renewal terms');
    expect(email?.draft?.findings.filter((f) => f.severity === 'blocking')).toEqual([]);
    expect(fake.requests).toHaveLength(3);
    expect(fake.requests[0]?.headers['x-api-key'] ?? fake.requests[0]?.headers.authorization).toBeTruthy();
  });

  it('falls back to the rules and the templates, saying so, when Claude fails', async () => {
    const email = await submitAndTriage('Hi, I would like to renew my lease for another year.');
    expect(email?.triage).toMatchObject({
      category: 'lease_renewal',
      engine: 'rules',
      fallbackReason: expect.stringMatching(/^claude_error|^circuit_open/),
    });
    expect(email?.draft).toMatchObject({ engine: 'template', status: 'pending_approval' });
    // The second review's absence is on the draft for the person who approves it.
    expect(email?.draft?.findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: 'review.second_review_unavailable' })]),
    );
  });

  it('decides an emergency by the rules without asking Claude to triage it', async () => {
    const email = await submitAndTriage('There is a gas leak in my apartment, I can smell it everywhere');
    expect(email?.triage).toMatchObject({
      category: 'maintenance_emergency',
      urgency: 'emergency',
      engine: 'rules',
    });
    expect(email?.triage?.fallbackReason).toBeUndefined();
    expect(triageCalls()).toEqual([]);
    expect(email?.draft?.engine).toBe('template');
    expect(email?.draft?.safetyPreamble).toBeTruthy();
  });
});
