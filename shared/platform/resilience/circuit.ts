/**
 * What the rest of the platform may know of a circuit breaker without loading one: its state,
 * where transitions are recorded, and the name a breaker is recorded under. Free of cockatiel,
 * so functions that only read a circuit (readiness) stay lean.
 */
export type CircuitStatus = 'closed' | 'open' | 'half-open';

/**
 * Where breaker transitions are written: a breaker lives in one instance's memory, and other
 * functions learn of it only through this record (shared/adapters/dynamodb/circuit-journal.ts).
 */
export interface CircuitRecorder {
  record(circuit: string, state: CircuitStatus, at: Date): Promise<void>;
}

/** A circuit's recorded name: the breaker's name alone, or `name:key` for one breaker per key (org). */
export const circuitName = (name: string, key?: string): string =>
  key === undefined ? name : `${name}:${key}`;
