import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailClassifierFrom } from '#adapters/classification-engine.ts';
import { DynamoEmailStore } from '#adapters/dynamodb/email-store.ts';
import { DynamoOrgActivityReader } from '#adapters/dynamodb/org-activity-reader.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import { aggregateStats } from '#domain/stats/org-stats.ts';
import { stableId } from '#platform/security/ids.ts';
import { type FakeAnthropic, startFakeAnthropic } from '#test/support/fake-anthropic.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';
import { classifyEmail } from '#usecases/classify-email.ts';

let stack: TestStack;
let fake: FakeAnthropic;
const orgId = 'org-token-usage';
const receivedAt = '2026-11-21T09:00:00.000Z';
const verdict = {
  category: 'maintenance_request',
  urgency: 'low',
  confidence: 0.91,
  reasons: ['dripping faucet'],
};

beforeAll(async () => {
  stack = await startTestStack();
  fake = await startFakeAnthropic();
});
afterAll(async () => {
  await fake?.close();
  await stack?.stop();
});

describe('token spend of Claude classifications', () => {
  it("is recorded on the email's classification from the response usage, and summed by the stats", async () => {
    const table = stack.resources.tables.main;
    const emails = new DynamoEmailStore(table);
    const emailId = stableId('em', orgId, 'usage-1');
    await emails.submit({
      orgId,
      emailId,
      from: 'Dana Ruiz <dana@example.com>',
      subject: 'Dripping faucet',
      text: 'The bathroom faucet drips all night.',
      status: 'received',
      receivedAt,
    });
    fake.script({ json: verdict });
    const classifier = await emailClassifierFrom({
      ANTHROPIC_API_KEY: 'test-secret-not-real',
      ANTHROPIC_BASE_URL: fake.baseURL,
    });

    await classifyEmail(
      {
        emails,
        classifier,
        queue: new SqsWorkQueue({ workflow: stack.resources.queues.workflow.url }),
        clock: { now: () => new Date('2026-11-21T09:00:03.000Z') },
      },
      { orgId, emailId },
    );

    // The fake bills a token per 4 characters of the request and of the answer's text.
    const requestChars = JSON.stringify(fake.requests[0]?.body).length;
    const usage = {
      inputTokens: Math.ceil(requestChars / 4),
      outputTokens: Math.ceil(JSON.stringify(verdict).length / 4),
    };
    expect((await emails.get(orgId, emailId))?.classification).toMatchObject({ engine: 'claude', usage });

    const period = { from: '2026-11-21T00:00:00.000Z', to: '2026-11-22T00:00:00.000Z' };
    const stats = aggregateStats(period, await new DynamoOrgActivityReader(table).read(orgId, period, 10));
    expect(stats.tokens).toEqual({ input: usage.inputTokens, output: usage.outputTokens });
    expect(stats.medianTimeToClassifySeconds).toBe(3);
  });
});
