import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoEmailStore } from '#adapters/dynamodb/email-store.ts';
import { DynamoOrgActivityReader } from '#adapters/dynamodb/org-activity-reader.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import { triageEngineFrom } from '#adapters/triage-engine.ts';
import { aggregateStats } from '#domain/stats/org-stats.ts';
import { stableId } from '#platform/security/ids.ts';
import { type FakeAnthropic, startFakeAnthropic, triageAnswer } from '#test/support/fake-anthropic.ts';
import { triageDependencies } from '#test/support/in-memory/triage-doubles.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';
import { triageMessage } from '#usecases/triage-message.ts';

let stack: TestStack;
let fake: FakeAnthropic;
const orgId = 'org-token-usage';
const receivedAt = '2026-11-21T09:00:00.000Z';
const verdict = triageAnswer();

beforeAll(async () => {
  stack = await startTestStack();
  fake = await startFakeAnthropic();
});
afterAll(async () => {
  await fake?.close();
  await stack?.stop();
});

describe('token spend of Claude triage', () => {
  it("is recorded on the email's triage from the response usage, and summed by the stats", async () => {
    const table = stack.resources.tables.main;
    const emails = new DynamoEmailStore(table);
    const emailId = stableId('em', orgId, 'usage-1');
    await emails.submit({
      orgId,
      emailId,
      channel: 'email',
      from: 'Dana Ruiz <dana@example.com>',
      subject: 'Dripping faucet',
      text: 'The bathroom faucet drips all night.',
      messageId: 'usage-1',
      status: 'received',
      receivedAt,
    });
    fake.script({ json: verdict });
    const engine = await triageEngineFrom({
      ANTHROPIC_API_KEY: 'test-secret-not-real',
      ANTHROPIC_BASE_URL: fake.baseURL,
    });

    await triageMessage(
      triageDependencies(
        {
          emails,
          queue: new SqsWorkQueue({ workflow: stack.resources.queues.workflow.url }),
          clock: { now: () => new Date('2026-11-21T09:00:03.000Z') },
        },
        { engine },
      ),
      { orgId, emailId },
    );

    // The fake bills a token per 4 characters of the request and of the answer's text; the
    // cacheable system prompt is billed apart (a cache write), not as input.
    const request = fake.requests[0]?.body as { system: { text: string }[] };
    const cacheable = request.system.map((block) => block.text).join('');
    const usage = {
      inputTokens: Math.ceil(JSON.stringify(request).length / 4) - Math.ceil(cacheable.length / 4),
      outputTokens: Math.ceil(JSON.stringify(verdict).length / 4),
    };
    expect((await emails.get(orgId, emailId))?.triage).toMatchObject({ engine: 'claude', usage });

    const period = { from: '2026-11-21T00:00:00.000Z', to: '2026-11-22T00:00:00.000Z' };
    const stats = aggregateStats(period, await new DynamoOrgActivityReader(table).read(orgId, period, 10));
    expect(stats.tokens).toEqual({ input: usage.inputTokens, output: usage.outputTokens });
    expect(stats.medianTimeToClassifySeconds).toBe(3);
  });
});
