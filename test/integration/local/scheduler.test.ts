import { setTimeout as sleep } from 'node:timers/promises';
import { EventBridgeSchema } from '@aws-lambda-powertools/parser/schemas';
import type { ScheduledEvent } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LambdaInvoker, type LoadedFunction } from '#lib/local/lambda.ts';
import { type Scheduler, startScheduler } from '#lib/local/scheduler.ts';
import { fixtureHttp, fixtureScheduled } from '#test/support/local-fixture-handlers/functions.ts';

/** A schedule minute of 50 ms: fixtureScheduled (every minute) then runs every 50 ms. */
const MINUTE_MS = 50;

describe('local scheduler', () => {
  let scheduler: Scheduler | undefined;

  afterEach(async () => {
    await scheduler?.stop();
    scheduler = undefined;
    vi.restoreAllMocks();
  });

  function schedule(handler: (event: ScheduledEvent) => Promise<void>, extra: LoadedFunction[] = []): void {
    scheduler = startScheduler({
      functions: [{ spec: fixtureScheduled, handler }, ...extra],
      invoker: new LambdaInvoker(),
      firstRunDelayMs: 10,
      minuteMs: MINUTE_MS,
    });
  }

  it('invokes scheduled functions with an EventBridge Scheduled Event, repeatedly, and nothing else', async () => {
    const events: ScheduledEvent[] = [];
    const notScheduled = vi.fn();
    schedule(async (event) => void events.push(event), [{ spec: fixtureHttp, handler: notScheduled }]);

    await vi.waitFor(() => expect(events.length).toBeGreaterThanOrEqual(3), { timeout: 2_000, interval: 10 });
    for (const event of events) expect(() => EventBridgeSchema.parse(event)).not.toThrow();
    expect(events[0]).toMatchObject({
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '000000000000',
      detail: {},
      resources: [expect.stringMatching(/^arn:aws:events:us-east-1:000000000000:rule\/fixture-scheduled/)],
    });
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    expect(notScheduled).not.toHaveBeenCalled();
  });

  it('never overlaps runs of the same function, even when a run outlasts the interval', async () => {
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    schedule(async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await sleep(3 * MINUTE_MS);
      running--;
      runs++;
    });

    await vi.waitFor(() => expect(runs).toBeGreaterThanOrEqual(3), { timeout: 3_000, interval: 10 });
    expect(maxRunning).toBe(1);
  });

  it('logs a failed run and keeps the schedule going', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    let runs = 0;
    schedule(async () => {
      runs++;
      throw new Error('sweep failed');
    });

    await vi.waitFor(() => expect(runs).toBeGreaterThanOrEqual(2), { timeout: 2_000, interval: 10 });
    expect(stderr.mock.calls.map(([line]) => String(line)).join('')).toContain('sweep failed');
  });

  it('waits for the run in progress when stopped, and runs no more', async () => {
    let finished = 0;
    let started = 0;
    schedule(async () => {
      started++;
      await sleep(100);
      finished++;
    });
    await vi.waitFor(() => expect(started).toBe(1), { timeout: 1_000, interval: 5 });

    await scheduler?.stop();
    expect(finished).toBe(1);
    await sleep(3 * MINUTE_MS);
    expect(started).toBe(1);
  });
});
