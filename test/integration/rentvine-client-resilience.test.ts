import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RentvineSimulator, startRentvineSimulator } from '#lib/local/rentvine-simulator/server.ts';
import { logger } from '#platform/observability.ts';
import { printedDuring } from '#test/support/printed-output.ts';
import { simulatorAccount } from '#test/support/rentvine-client.ts';

/** Retries honouring Retry-After, the per-org breaker and concurrency cap, and what failures leave in logs. */

let sim: RentvineSimulator;

beforeAll(async () => {
  sim = await startRentvineSimulator({ seed: 11 });
});
afterAll(async () => sim?.close());
afterEach(() => {
  sim.faults.clear();
  sim.requests.length = 0;
});

const PROBE = '/maintenance/work-order/statuses';
const probes = () => sim.requests.filter((r) => r.path === PROBE).map((r) => r.status);

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

describe('retries', () => {
  it('retries a 429 after the Retry-After Rentvine asked for', async () => {
    const account = await simulatorAccount(sim);
    sim.faults.add({ path: PROBE, status: 429, retryAfterSeconds: 1 });
    const started = Date.now();
    await account.probe();
    // The backoff alone is a few milliseconds here: the wait is Rentvine's second.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(probes()).toEqual([429, 200]);
  });

  it('makes no attempt it would have to start after the call’s budget: a long Retry-After ends the call', async () => {
    const account = await simulatorAccount(sim, { policy: { timeoutMs: 2_000 } });
    sim.faults.add({ path: PROBE, status: 429, retryAfterSeconds: 60 });
    await expect(account.probe()).rejects.toMatchObject({ failure: 'unavailable' });
    expect(probes()).toEqual([429]);
  });

  it('retries 5xx answers and dropped connections on reads, with backoff', async () => {
    const account = await simulatorAccount(sim);
    sim.faults.add({ path: PROBE, status: 500 });
    sim.faults.add({ path: PROBE, status: 503 });
    sim.faults.add({ path: PROBE, drop: true });
    await account.probe();
    expect(probes()).toEqual([500, 503, 0, 200]);
  });

  it('gives up after its retries with `unavailable`', async () => {
    const account = await simulatorAccount(sim, { policy: { retries: 2 } });
    sim.faults.add({ path: PROBE, status: 502, times: 10 });
    await expect(account.probe()).rejects.toMatchObject({ failure: 'unavailable' });
    expect(probes()).toEqual([502, 502, 502]);
  });
});

describe('the org’s circuit breaker', () => {
  it('opens after consecutive failed calls, fails fast without calling, and closes once Rentvine answers', async () => {
    const account = await simulatorAccount(sim, {
      policy: { retries: 0, failuresToOpen: 3, halfOpenAfterMs: 200 },
    });
    sim.faults.add({ path: PROBE, status: 503, times: 3 });
    for (let i = 0; i < 3; i += 1)
      await expect(account.probe()).rejects.toMatchObject({ failure: 'unavailable' });

    const fast = await account.probe().catch((error: unknown) => error);
    expect(fast).toMatchObject({ failure: 'unavailable', message: 'circuit rentvine:demo is open' });
    expect(probes()).toEqual([503, 503, 503]);

    // After the open period one trial call goes through; its success closes the circuit.
    let closed = false;
    for (let i = 0; i < 100 && !closed; i += 1) {
      closed = await account.probe().then(
        () => true,
        () => false,
      );
      if (!closed) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(closed).toBe(true);
    await account.probe();
    expect(probes()).toEqual([503, 503, 503, 200, 200]);
  });

  it('does not count answers that refuse one request (404, 400) as failures', async () => {
    const account = await simulatorAccount(sim, { policy: { retries: 0, failuresToOpen: 2 } });
    for (let i = 0; i < 4; i += 1)
      expect(
        await account.read({ kind: 'work_order', id: sim.portfolio.unusedId('workOrder') }),
      ).toBeUndefined();
    sim.faults.add({ path: PROBE, status: 400, times: 3 });
    for (let i = 0; i < 3; i += 1)
      await expect(account.probe()).rejects.toMatchObject({ failure: 'rejected' });

    await account.probe();
    expect(probes()).toEqual([400, 400, 400, 200]);
  });
});

describe('the org’s concurrency cap', () => {
  it('has at most maxConcurrentPerOrg requests in flight to the account; the rest wait their turn', async () => {
    const account = await simulatorAccount(sim, { policy: { maxConcurrentPerOrg: 2 } });
    sim.faults.add({ path: PROBE, delayMs: 1_000, times: 2 });
    const calls = Array.from({ length: 5 }, () => account.probe());
    await until(() => probes().length >= 2, 'two requests in flight');
    // The first two are held a second by the simulator: nothing else may have been sent meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sim.requests.filter((r) => r.path === PROBE)).toHaveLength(2);

    await Promise.all(calls);
    expect(probes()).toHaveLength(5);
  });
});

describe('credentials stay out of logs and errors', () => {
  it('prints neither the access key, nor the secret, nor the Basic header of failing calls', async () => {
    const credentials = { accessKey: 'rv-test-access-key-3f9a', secret: 'rv-test-secret-77c1e0' };
    const secretsOf = [
      credentials.accessKey,
      credentials.secret,
      Buffer.from(`${credentials.accessKey}:${credentials.secret}`).toString('base64'),
      sim.credentials.accessKey,
      sim.credentials.secret,
      Buffer.from(`${sim.credentials.accessKey}:${sim.credentials.secret}`).toString('base64'),
    ];
    logger.setLogLevel('DEBUG');
    const errors: unknown[] = [];
    const printed = await printedDuring(
      async () => {
        try {
          const wrong = await simulatorAccount(sim, { credentials });
          errors.push(await wrong.probe().catch((e: unknown) => e));
          const right = await simulatorAccount(sim, { policy: { retries: 1 } });
          sim.faults.add({ status: 500, times: 4 });
          errors.push(await right.probe().catch((e: unknown) => e));
          errors.push(
            await right
              .create(
                {
                  propertyId: sim.portfolio.properties[0]?.propertyID ?? '',
                  description: 'x',
                  priorityId: 1,
                },
                { idempotencyKey: 'log-test', dispatchApproved: false },
              )
              .catch((e: unknown) => e),
          );
          logger.debug('the accounts as objects', { wrong, right });
        } finally {
          logger.setLogLevel('SILENT');
        }
      },
      { consoles: true },
    );

    expect(errors.map((e) => (e as { failure?: string }).failure)).toEqual([
      'unauthorized',
      'unavailable',
      'unavailable',
    ]);
    const everything = [
      printed.join(''),
      ...errors.map((e) => `${String(e)} ${JSON.stringify(e)} ${(e as Error).stack}`),
    ].join('\n');
    expect(everything.length).toBeGreaterThan(0);
    expect(printed.join('')).toContain('the accounts as objects');
    for (const secret of secretsOf) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/Basic [A-Za-z0-9+/=]{8,}/);
  });
});
