import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { LOCAL_ENDPOINTS_FILE } from '#lib/local/endpoints-file.ts';
import { runAictive } from '#test/support/cli-process.ts';
import { removeDir, startLocalProcess } from '#test/support/local-process.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

const aictive = runAictive;

const jsonLines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

// Concurrent: each case is its own process, and nothing is shared.
describe.concurrent('wrong invocations: exit code 2 and one line on stderr', () => {
  it.each([
    [['replay', '--since', '2026-11-21'], /--org is required/],
    [['replay', '--org', 'Not An Org', '--since', '2026-11-21'], /--org is required/],
    [['replay', '--org', 'acme', '--since', 'yesterday'], /--since is required: an ISO date/],
    [['replay', '--org', 'acme', '--since', '2026-11-21T09:30'], /--since is required: an ISO date/],
    [['replay', '--org', 'acme', '--since', '2026-13-45'], /--since is required: an ISO date/],
    [['replay', '--org', 'acme', '--since', '2026-11-21', '--type', '...'], /--type must name/],
    [['replay', '--org', 'acme', '--since', '2026-11-21', '--local', '--table', 't'], /--local finds/],
    [['dlq'], /usage: aictive dlq redrive/],
    [['dlq', 'redrive', '--queue', 'emails'], /--queue is required, one of: events, classify, workflow/],
    [
      ['dlq', 'redrive', '--queue', 'events', '--queue-url', 'http://q'],
      /--queue-url and --dlq-url go together/,
    ],
    [
      ['dlq', 'redrive', '--queue', 'events', '--local', '--stage', 'prod'],
      /--local finds the queues itself/,
    ],
    [['dlq', 'redrive', '--queue', 'events'], /--stage \(or STAGE\) is required/],
  ])('aictive %j', async (args, message) => {
    const result = await aictive(args, { STAGE: '', TABLE_NAME: '', EVENTS_QUEUE_URL: '' });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});

describe('on the emulators', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => stack?.stop());

  it('aictive replay re-enqueues the org’s settled events with the next attempt', async () => {
    const inbox = new DynamoEventInbox(stack.resources.tables.main);
    const eventId = `evt_${'e'.repeat(32)}`;
    await inbox.store({
      orgId: 'acme',
      eventId,
      eventKey: 'cli:1',
      source: 'rentvine',
      scheme: 'rentvine-header',
      receivedAt: '2026-11-21T08:00:00.000Z',
      rawBody: '{}',
      headers: {},
      status: 'processed',
      eventType: 'maintenance::workOrder.created',
    });
    const args = [
      'replay',
      '--org',
      'acme',
      '--since',
      '2026-11-21T00:00:00+00:00',
      '--type',
      'maintenance::workOrder.created',
    ];

    const dry = await aictive([...args, '--dry-run', '--table', stack.resources.tables.main], stack.env);
    expect(dry.code).toBe(0);
    expect(jsonLines(dry.stdout)).toEqual([
      expect.objectContaining({ eventId, attempt: 1, outcome: 'would-replay' }),
      {
        summary: expect.objectContaining({
          dryRun: true,
          matched: 1,
          replayed: 0,
          type: 'maintenance::workOrder.created',
        }),
      },
    ]);
    expect(await stack.drain('events')).toEqual([]);

    const real = await aictive(args, stack.env);
    expect(real.stderr).not.toContain('aictive:');
    expect(real.code).toBe(0);
    expect(jsonLines(real.stdout)).toEqual([
      expect.objectContaining({ eventId, status: 'processed', attempt: 1, outcome: 'replayed' }),
      { summary: expect.objectContaining({ since: '2026-11-21T00:00:00.000Z', matched: 1, replayed: 1 }) },
    ]);
    expect((await stack.drain('events')).map((m) => JSON.parse(m.Body ?? ''))).toEqual([
      { orgId: 'acme', eventId, attempt: 1 },
    ]);
    expect(await inbox.get('acme', eventId)).toMatchObject({ status: 'received', attempt: 1 });
  });

  it('aictive dlq redrive moves dead letters back, given the queue URLs', async () => {
    const { url, dlqUrl } = stack.resources.queues.classify;
    for (const emailId of ['em_1', 'em_2']) {
      await stack.sqs.send(
        new SendMessageCommand({ QueueUrl: dlqUrl, MessageBody: JSON.stringify({ orgId: 'acme', emailId }) }),
      );
    }
    const args = ['dlq', 'redrive', '--queue', 'classify', '--queue-url', url, '--dlq-url', dlqUrl];

    const dry = await aictive([...args, '--dry-run'], stack.env);
    expect(jsonLines(dry.stdout)).toEqual([
      { queue: 'classify', deadLetterQueue: dlqUrl, dryRun: true, waiting: 2 },
    ]);

    const real = await aictive(args, stack.env);
    expect(real.code).toBe(0);
    expect(jsonLines(real.stdout)).toEqual([
      {
        queue: 'classify',
        deadLetterQueue: dlqUrl,
        dryRun: false,
        waiting: 2,
        method: 'one-by-one',
        moved: 2,
        failed: 0,
      },
    ]);
    expect((await stack.drain('classify')).map((m) => m.Body).sort()).toEqual([
      '{"orgId":"acme","emailId":"em_1"}',
      '{"orgId":"acme","emailId":"em_2"}',
    ]);
  });
});

describe('--local, against a running npm start', () => {
  it('finds the local stack through its data directory, which forgets it on stop', async () => {
    const local = await startLocalProcess({ AICTIVE_DEV_WEBHOOK_SECRET: 'test-secret-not-real' });
    try {
      const env = { AICTIVE_DATA_DIR: local.dataDir };
      expect(existsSync(join(local.dataDir, LOCAL_ENDPOINTS_FILE))).toBe(true);

      const dlq = await aictive(['dlq', 'redrive', '--local', '--queue', 'events', '--dry-run'], env);
      expect(dlq.stderr).not.toContain('aictive:');
      expect(jsonLines(dlq.stdout)).toEqual([
        {
          queue: 'events',
          deadLetterQueue: expect.stringContaining('aictive-local-events-dlq'),
          dryRun: true,
          waiting: 0,
        },
      ]);
      const replay = await aictive(
        ['replay', '--local', '--org', 'demo', '--since', '2026-01-01', '--dry-run'],
        env,
      );
      expect(replay.code).toBe(0);
      expect(jsonLines(replay.stdout)).toEqual([
        { summary: expect.objectContaining({ orgId: 'demo', matched: 0 }) },
      ]);

      expect(await local.stop()).toBe(0);
      expect(existsSync(join(local.dataDir, LOCAL_ENDPOINTS_FILE))).toBe(false);
      const gone = await aictive(['dlq', 'redrive', '--local', '--queue', 'events'], env);
      expect(gone.code).toBe(1);
      expect(gone.stderr).toMatch(
        /^aictive: no running local stack: .* is missing \(start one with npm start\)\n$/,
      );
    } finally {
      await local.stop();
      await removeDir(local.dataDir);
    }
  });
});
