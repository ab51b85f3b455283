import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from './aws-clients.ts';
import type { LambdaInvoker, LoadedFunction } from './lambda.ts';
import { logError } from './log.ts';

export interface Scheduler {
  /** Cancels the pending runs and waits for any run in progress. */
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  /** Functions without a schedule are ignored. */
  readonly functions: readonly LoadedFunction[];
  readonly invoker: LambdaInvoker;
  /** Delay before each function's first run; default 1 s, so a fresh start does its housekeeping at once. */
  readonly firstRunDelayMs?: number;
  /** Length of a schedule minute; tests shrink it. Default 60 000. */
  readonly minuteMs?: number;
}

/**
 * EventBridge `rate(N minutes)` rules: each scheduled function is invoked every N minutes with a
 * Scheduled Event. A run that fails is logged and the schedule goes on; the next run of a function
 * starts only after its previous one ended, so runs never overlap.
 */
export function startScheduler(opts: SchedulerOptions): Scheduler {
  const minuteMs = opts.minuteMs ?? 60_000;
  const jobs = opts.functions.flatMap((fn) =>
    fn.spec.schedule
      ? [startJob(fn, opts.invoker, fn.spec.schedule.everyMinutes * minuteMs, opts.firstRunDelayMs ?? 1000)]
      : [],
  );
  return {
    async stop() {
      await Promise.all(jobs.map((job) => job.stop()));
    },
  };
}

function startJob(fn: LoadedFunction, invoker: LambdaInvoker, intervalMs: number, firstRunDelayMs: number) {
  let stopped = false;
  let running: Promise<void> | undefined;
  let timer = setTimeout(tick, firstRunDelayMs);

  async function tick(): Promise<void> {
    const started = Date.now();
    running = invoker.invoke(fn, scheduledEvent(fn.spec.name)).then(
      () => undefined,
      (error: unknown) => logError('scheduled run failed', { function: fn.spec.name }, error),
    );
    await running;
    if (!stopped) timer = setTimeout(tick, Math.max(0, started + intervalMs - Date.now()));
  }

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

function scheduledEvent(functionName: string): ScheduledEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: LOCAL_ACCOUNT_ID,
    // EventBridge stamps whole seconds.
    time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: LOCAL_REGION,
    resources: [`arn:aws:events:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:rule/${functionName}-schedule`],
    detail: {},
  };
}
