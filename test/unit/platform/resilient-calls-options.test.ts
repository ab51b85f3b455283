import { describe, expect, it } from 'vitest';
import {
  CircuitOpenError,
  ConcurrencyLimitError,
  type ResilienceOptions,
  ResilientCalls,
} from '#platform/resilience/resilient-calls.ts';

/** An answer that says the request was wrong, not that the dependency is down. */
class Refused extends Error {}
class Down extends Error {}

function calls(options: Partial<ResilienceOptions> = {}) {
  return new ResilientCalls({
    name: 'rentvine',
    timeoutMs: 1_000,
    retries: 0,
    isRetryable: () => false,
    failuresToOpen: 2,
    halfOpenAfterMs: 60_000,
    ...options,
  });
}

/** Fails `times` calls on org-a with `error`, each as the caller sees it. */
async function failCalls(resilient: ResilientCalls, times: number, error: () => Error): Promise<void> {
  for (let i = 0; i < times; i += 1)
    await expect(
      resilient.execute(async () => {
        throw error();
      }, 'org-a'),
    ).rejects.toThrow(error().constructor as new () => Error);
}

describe('ResilientCalls: errors that do not count against the breaker', () => {
  it('never opens on errors countsAsFailure rejects, and still opens on the others', async () => {
    const resilient = calls({ countsAsFailure: (error) => !(error instanceof Refused) });
    await failCalls(resilient, 5, () => new Refused('404'));
    expect(resilient.circuitState('org-a')).toBe('closed');

    await failCalls(resilient, 2, () => new Down('503'));
    expect(resilient.circuitState('org-a')).toBe('open');
    await expect(resilient.execute(async () => 'x', 'org-a')).rejects.toThrow(CircuitOpenError);
  });

  it('counts every error when no predicate is given', async () => {
    const resilient = calls();
    await failCalls(resilient, 2, () => new Refused('404'));
    expect(resilient.circuitState('org-a')).toBe('open');
  });
});

/** A call that waits until released, counting how many run at once. */
function gate() {
  const state = { running: 0, most: 0, releases: [] as (() => void)[] };
  const call = async () => {
    state.running += 1;
    state.most = Math.max(state.most, state.running);
    await new Promise<void>((resolve) => state.releases.push(resolve));
    state.running -= 1;
    return 'done';
  };
  return { state, call };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('ResilientCalls: concurrency per key', () => {
  it('runs at most maxCalls per key at once, queues maxQueued more and refuses the rest', async () => {
    const resilient = calls({ concurrency: { maxCalls: 2, maxQueued: 1 } });
    const orgA = gate();
    const orgB = gate();
    const admitted = [0, 1, 2].map(() => resilient.execute(orgA.call, 'org-a'));
    await expect(resilient.execute(orgA.call, 'org-a')).rejects.toThrow(ConcurrencyLimitError);
    // Another org has its own slots.
    const other = resilient.execute(orgB.call, 'org-b');
    await settle();
    expect([orgA.state.running, orgB.state.running]).toEqual([2, 1]);

    for (let round = 0; round < 5; round += 1) {
      for (const release of [...orgA.state.releases.splice(0), ...orgB.state.releases.splice(0)]) release();
      await settle();
    }
    expect(await Promise.all([...admitted, other])).toEqual(['done', 'done', 'done', 'done']);
    expect(orgA.state.most).toBe(2);
  });
});
