import { describe, expect, it } from 'vitest';
import type { CircuitStatus } from '#platform/resilience/circuit.ts';
import {
  CallTimeoutError,
  CircuitOpenError,
  type ResilienceOptions,
  ResilientCalls,
} from '#platform/resilience/resilient-calls.ts';

class Retryable extends Error {}
class Permanent extends Error {}

/** Records transitions as the circuit journal would receive them. */
function recorder() {
  const transitions: [string, CircuitStatus][] = [];
  return {
    transitions,
    record: async (circuit: string, state: CircuitStatus) => void transitions.push([circuit, state]),
  };
}

function calls(options: Partial<ResilienceOptions> = {}) {
  return new ResilientCalls({
    name: 'rentvine',
    timeoutMs: 1_000,
    retries: 0,
    isRetryable: (error) => error instanceof Retryable,
    backoff: { initialDelayMs: 1, maxDelayMs: 2 },
    failuresToOpen: 2,
    halfOpenAfterMs: 60_000,
    ...options,
  });
}

/** A call that fails with `error` and counts its attempts. */
function failing(error: () => Error) {
  const fn = async () => {
    fn.attempts += 1;
    throw error();
  };
  fn.attempts = 0;
  return fn;
}

describe('ResilientCalls with one breaker per key', () => {
  it('opens only the failing key’s circuit: another key’s calls still go through', async () => {
    const journal = recorder();
    const resilient = calls({ recorder: journal });
    const orgA = failing(() => new Permanent('org A’s account is locked'));

    for (let i = 0; i < 2; i += 1) await expect(resilient.execute(orgA, 'org-a')).rejects.toThrow(Permanent);

    expect(resilient.circuitState('org-a')).toBe('open');
    await expect(resilient.execute(orgA, 'org-a')).rejects.toThrow(new CircuitOpenError('rentvine:org-a'));
    expect(orgA.attempts).toBe(2);
    expect(await resilient.execute(async () => 'answered', 'org-b')).toBe('answered');
    expect(resilient.circuitState('org-b')).toBe('closed');
    expect(journal.transitions).toEqual([['rentvine:org-a', 'open']]);
  });

  it('records an unkeyed breaker under its name alone', async () => {
    const journal = recorder();
    const resilient = calls({ name: 'claude', recorder: journal, failuresToOpen: 1 });

    await expect(resilient.execute(failing(() => new Permanent()))).rejects.toThrow(Permanent);

    expect(resilient.circuitState()).toBe('open');
    expect(journal.transitions).toEqual([['claude', 'open']]);
  });

  it('lets one trial call through after the open period and closes on its success', async () => {
    const journal = recorder();
    const resilient = calls({ recorder: journal, failuresToOpen: 1, halfOpenAfterMs: 1 });
    await expect(
      resilient.execute(
        failing(() => new Permanent()),
        'org-a',
      ),
    ).rejects.toThrow(Permanent);
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(await resilient.execute(async () => 'trial', 'org-a')).toBe('trial');

    expect(resilient.circuitState('org-a')).toBe('closed');
    expect(journal.transitions).toEqual([
      ['rentvine:org-a', 'open'],
      ['rentvine:org-a', 'half-open'],
      ['rentvine:org-a', 'closed'],
    ]);
  });
});

describe('ResilientCalls retries and timeout', () => {
  it('retries what is retryable, up to its retries, and counts the whole call as one failure', async () => {
    const resilient = calls({ retries: 2, failuresToOpen: 2 });
    const overloaded = failing(() => new Retryable('529'));

    await expect(resilient.execute(overloaded)).rejects.toThrow(Retryable);

    expect(overloaded.attempts).toBe(3);
    expect(resilient.circuitState()).toBe('closed');
  });

  it('returns the answer of a retry that succeeds', async () => {
    let attempts = 0;
    const flaky = async () => {
      attempts += 1;
      if (attempts === 1) throw new Retryable('429');
      return 'second time';
    };

    expect(await calls({ retries: 1 }).execute(flaky)).toBe('second time');
    expect(attempts).toBe(2);
  });

  it('never retries what is not retryable', async () => {
    const invalid = failing(() => new Permanent('invalid answer'));

    await expect(calls({ retries: 3 }).execute(invalid)).rejects.toThrow(Permanent);

    expect(invalid.attempts).toBe(1);
  });

  it('waits as long as the dependency asks, and gives up at once when that would overrun the budget', async () => {
    /** A 429 whose Retry-After says how long to wait. */
    class Throttled extends Retryable {
      constructor(readonly waitMs: number) {
        super('429');
      }
    }
    const resilient = calls({
      retries: 2,
      timeoutMs: 1_000,
      isRetryable: (error) => error instanceof Throttled,
      retryAfterMs: (error) => (error instanceof Throttled ? error.waitMs : undefined),
    });
    const briefly = failing(() => new Throttled(5));
    const tooLong = failing(() => new Throttled(60_000));

    await expect(resilient.execute(briefly)).rejects.toThrow(Throttled);
    await expect(resilient.execute(tooLong)).rejects.toThrow(Throttled);

    expect(briefly.attempts).toBe(3);
    expect(tooLong.attempts).toBe(1);
  });

  it('gives up at the deadline, aborting the attempt, and counts it as a failure', async () => {
    const resilient = calls({ timeoutMs: 20, failuresToOpen: 1 });
    let aborted = false;
    const hanging = (signal: AbortSignal) =>
      new Promise<never>((_, reject) => {
        signal.addEventListener('abort', () => {
          aborted = true;
          reject(signal.reason);
        });
      });

    await expect(resilient.execute(hanging, 'org-a')).rejects.toThrow(
      new CallTimeoutError('rentvine:org-a', 20),
    );

    expect(aborted).toBe(true);
    expect(resilient.circuitState('org-a')).toBe('open');
  });

  it('gives a call its own budget when asked, under the same breaker', async () => {
    const resilient = calls({ timeoutMs: 20, failuresToOpen: 2 });
    const slow = () => new Promise<string>((resolve) => setTimeout(() => resolve('answered'), 60));

    expect(await resilient.execute(slow, 'org-a', { timeoutMs: 1_000 })).toBe('answered');
    await expect(resilient.execute(slow, 'org-a', { timeoutMs: 30 })).rejects.toThrow(
      new CallTimeoutError('rentvine:org-a', 30),
    );
    // The budget's timeout counts against the key's one breaker, with the policy's own.
    await expect(resilient.execute(slow, 'org-a')).rejects.toThrow(
      new CallTimeoutError('rentvine:org-a', 20),
    );
    expect(resilient.circuitState('org-a')).toBe('open');
  });

  it('returns only once a transition is recorded', async () => {
    const recorded: CircuitStatus[] = [];
    const slowJournal = {
      record: async (_circuit: string, state: CircuitStatus) => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        recorded.push(state);
      },
    };
    const resilient = calls({ recorder: slowJournal, failuresToOpen: 1 });

    await expect(resilient.execute(failing(() => new Permanent()))).rejects.toThrow(Permanent);

    expect(recorded).toEqual(['open']);
  });
});
