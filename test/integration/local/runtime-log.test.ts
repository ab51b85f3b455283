import { randomUUID } from 'node:crypto';
import type { SNSClient } from '@aws-sdk/client-sns';
import { GetQueueAttributesCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SnsWorkflowNotices } from '#adapters/sns/workflow-notices.ts';
import { localSnsClient, localSqsClient } from '#lib/local/aws-clients.ts';
import { type LocalRuntime, startLocalRuntime } from '#lib/local/runtime.ts';
import { queues } from '#lib/topology.ts';
import {
  fixtureAuthorizer,
  fixtureConsumer,
  fixtureHttp,
} from '#test/support/local-fixture-handlers/functions.ts';

/** What a person running `npm start` reads: one line per request, one per message, dead letters with their cause. */

const maxReceiveCount = queues.find((queue) => queue.name === 'events')?.maxReceiveCount ?? 0;
let runtime: LocalRuntime;
let sqs: SQSClient;
let sns: SNSClient;
let stdout = '';
let stderr = '';

beforeAll(async () => {
  vi.stubEnv('AICTIVE_LOCAL_LOG_LEVEL', 'info');
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  runtime = await startLocalRuntime({
    functions: [fixtureHttp, fixtureAuthorizer, fixtureConsumer],
    schedules: false,
    visibilityTimeoutSeconds: 1,
  });
  sqs = localSqsClient(runtime.emulators.sqsEndpoint);
  sns = localSnsClient(runtime.emulators.sqsEndpoint);
});

afterAll(async () => {
  sqs?.destroy();
  sns?.destroy();
  await runtime?.stop();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const linesOf = (text: string) => text.split('\n').filter(Boolean);

async function send(body: object): Promise<void> {
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: runtime.resources.queues.events.url,
      MessageBody: JSON.stringify(body),
    }),
  );
}

describe('local runtime log lines', () => {
  it('logs each request once answered: method, path, status, ms and the request id it answered with', async () => {
    const found = await fetch(`${runtime.url}/items/42?verbose=1`);
    const missing = await fetch(`${runtime.url}/nowhere`);
    for (const [response, line] of [
      [found, /^\d\d:\d\d:\d\d\.\d{3} {2}GET \/items\/42 {2}status=200 {2}ms=\d+ {2}requestId=(\S+)$/],
      [missing, /^\d\d:\d\d:\d\d\.\d{3} {2}GET \/nowhere {2}status=404 {2}ms=\d+ {2}requestId=(\S+)$/],
    ] as const) {
      await response.arrayBuffer();
      const logged = await vi.waitFor(() => {
        const match = linesOf(stdout)
          .map((candidate) => line.exec(candidate))
          .find(Boolean);
        expect(match).toBeTruthy();
        return match;
      });
      expect(logged?.[1]).toBe(response.headers.get('x-request-id'));
    }
  });

  it('logs each message handled, with the ids it carries and its receive count', async () => {
    const id = randomUUID();
    await send({ id, outcome: 'ok', orgId: 'org-log', eventId: 'evt_log' });
    const line = await vi.waitFor(
      () => {
        const found = linesOf(stdout).find((candidate) => candidate.includes('orgId=org-log'));
        expect(found).toBeDefined();
        return found;
      },
      { timeout: 10_000, interval: 100 },
    );
    expect(line).toMatch(
      new RegExp(
        `fixture-consumer ok {2}queue=events {2}messageId=\\S+ {2}orgId=org-log {2}eventId=evt_log {2}receive=1/${maxReceiveCount} {2}ms=\\d+$`,
      ),
    );
  });

  it('logs each workflow notice published to the topic as one line, and takes it off the queue', async () => {
    const { arn, queueUrl } = runtime.resources.topics.workflowNotices;
    await new SnsWorkflowNotices(arn, () => sns).publish({
      orgId: 'org-notice',
      workflowId: 'wf_notice',
      stepId: 'approve_dispatch#1',
      kind: 'approval_waiting',
      to: 'maintenance_coordinator',
      urgency: 'emergency',
    });
    const line = await vi.waitFor(
      () => {
        const found = linesOf(stdout).find((candidate) => candidate.includes('orgId=org-notice'));
        expect(found).toBeDefined();
        return found;
      },
      { timeout: 10_000, interval: 100 },
    );
    expect(line).toMatch(
      /^\d\d:\d\d:\d\d\.\d{3} {2}workflow-notices approval_waiting {2}orgId=org-notice {2}workflowId=wf_notice {2}stepId=approve_dispatch#1 {2}to=maintenance_coordinator {2}urgency=emergency$/,
    );
    await vi.waitFor(async () => {
      const { Attributes } = await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: queueUrl,
          AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
        }),
      );
      expect(Attributes).toEqual({
        ApproximateNumberOfMessages: '0',
        ApproximateNumberOfMessagesNotVisible: '0',
      });
    });
  });

  it('logs a failure with its error, and says when a message is dead-lettered and why', async () => {
    const [throwing, failing] = [randomUUID(), randomUUID()];
    await send({ id: throwing, outcome: 'throw-once', orgId: 'org-throws' });
    await send({ id: failing, outcome: 'fail', orgId: 'org-fails' });
    const deadLine = await vi.waitFor(
      () => {
        const found = linesOf(stderr).find(
          (candidate) => candidate.includes('dead-lettered') && candidate.includes('orgId=org-fails'),
        );
        expect(found).toBeDefined();
        return found;
      },
      { timeout: (maxReceiveCount + 4) * 1000, interval: 200 },
    );
    expect(deadLine).toContain(`fixture-consumer dead-lettered (to events-dlq;`);
    expect(deadLine).toContain(`receive=${maxReceiveCount}/${maxReceiveCount}`);
    // The fixture reports the id alone; a consumer built on sqsConsumer reports the error (processor-crash test).
    expect(deadLine).toContain('error=not reported');
    const retried = linesOf(stderr).filter(
      (candidate) => candidate.includes('failed, will be retried') && candidate.includes('orgId=org-fails'),
    );
    expect(retried).toHaveLength(maxReceiveCount - 1);
    expect(stderr).toMatch(
      /fixture-consumer failed, will be retried .*orgId=org-throws .*error=Error: fixture batch failure/,
    );
  }, 30_000);

  it('keeps to failures at level error, and says nothing at level silent', async () => {
    vi.stubEnv('AICTIVE_LOCAL_LOG_LEVEL', 'error');
    const before = stdout.length;
    await (await fetch(`${runtime.url}/items/quiet`)).arrayBuffer();
    await (await fetch(`${runtime.url}/throws`)).arrayBuffer();
    vi.stubEnv('AICTIVE_LOCAL_LOG_LEVEL', 'silent');
    const beforeSilent = stderr.length;
    await (await fetch(`${runtime.url}/throws`)).arrayBuffer();
    vi.stubEnv('AICTIVE_LOCAL_LOG_LEVEL', 'info');
    expect(stdout.slice(before)).not.toContain('/items/quiet');
    expect(stderr.slice(0, beforeSilent)).toContain('ERROR handler failed');
    expect(stderr.slice(beforeSilent)).toBe('');
  });
});
