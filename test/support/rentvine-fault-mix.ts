import { createHash } from 'node:crypto';
import type { Fault } from '#lib/local/rentvine-simulator/faults.ts';
import type { RentvineSimulator, SimulatorRequest } from '#lib/local/rentvine-simulator/server.ts';

/** Another seed gives another mix: RENTVINE_SIM_FAULT_SEED=n reruns the suites under it. */
const SEED = Number.parseInt(process.env.RENTVINE_SIM_FAULT_SEED ?? '1', 10) || 1;

export interface FaultMode {
  readonly name: string;
  /** The mix's seed; none when faults are off. */
  readonly seed?: number;
}

/**
 * The read-side suites run twice: on a clean simulator, and with a steady mix of the transient
 * faults Rentvine shows (the issue: "the same tests pass with faults on"). The faulty mode names
 * its seed, so a failure reproduces.
 */
export const FAULT_MODES: readonly [FaultMode, FaultMode] = [
  { name: 'faults off' },
  { name: `faults on (seed ${SEED})`, seed: SEED },
];

/** What a suite sees of the mix: the requests it did not fail. */
export interface FaultMix {
  /** Requests the mix failed (429, 5xx, dropped); slow answers are answers and are not counted. */
  readonly injected: number;
  /** The requests minus those the mix failed: what the client's requests would be without it. */
  answered(requests: readonly SimulatorRequest[]): SimulatorRequest[];
}

/** Gap between faults, in reads: every 4th to 7th read fails or is slowed. */
const MIN_GAP = 4;
const GAP_SPREAD = 4;
/** Slow answers stay far below every call timeout the tests and functions use (≥ 5 s). */
const MAX_SLOW_MS = 300;

/**
 * Puts a steady fault mix under the simulator for the mode (none when faults are off): one read in
 * every 4–7 gets a 429 with Retry-After 0–1 s, a 500, a 503, a slow answer or a dropped connection,
 * each a single hit that the client's retries absorb. Writes are never faulted by the mix: the
 * client does not retry them blindly, by design, so write tests stay fault-free except where they
 * test faults themselves. Faults a test adds itself come first.
 */
export function applyFaultMode(sim: RentvineSimulator, mode: FaultMode): FaultMix {
  const failed = new WeakSet<SimulatorRequest>();
  let injected = 0;
  if (mode.seed !== undefined) {
    const draw = seededBytes(mode.seed);
    let untilNext = MIN_GAP + ((draw()[0] ?? 0) % GAP_SPREAD);
    sim.faults.background(({ isWrite }) => {
      if (isWrite) return undefined;
      untilNext -= 1;
      if (untilNext > 0) return undefined;
      const [gap = 0, kind = 0, detail = 0] = draw();
      untilNext = MIN_GAP + (gap % GAP_SPREAD);
      const { fault, fails } = transientFault(kind, detail);
      if (fails) {
        // The simulator logs a request just before asking for its fault: this is that request.
        const request = sim.requests.at(-1);
        if (request) failed.add(request);
        injected += 1;
      }
      return fault;
    });
  }
  return {
    get injected() {
      return injected;
    },
    answered: (requests) => requests.filter((request) => !failed.has(request)),
  };
}

/** One fault of the mix; `fails` unless it only slows the answer. */
function transientFault(kind: number, detail: number): { fault: Fault; fails: boolean } {
  switch (kind % 5) {
    case 0:
      return { fault: { status: 429, retryAfterSeconds: detail % 2 }, fails: true };
    case 1:
      return { fault: { status: 500 }, fails: true };
    case 2:
      return { fault: { status: 503 }, fails: true };
    case 3:
      return { fault: { delayMs: 50 + (detail % (MAX_SLOW_MS - 49)) }, fails: false };
    default:
      return { fault: { drop: true }, fails: true };
  }
}

/** A reproducible stream of bytes from the seed (a counter hashed), one 32-byte draw per call. */
function seededBytes(seed: number): () => Buffer {
  let counter = 0;
  return () => {
    counter += 1;
    return createHash('sha256').update(`${seed}:${counter}`).digest();
  };
}
