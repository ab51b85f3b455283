import type { IdempotencyLedger } from '#domain/messaging/ports.ts';
import { SideEffectInProgressError, type SideEffectKey } from '#domain/messaging/side-effects.ts';
import { copy } from './rows.ts';

/** The in-memory twin of PowertoolsIdempotencyLedger (test/integration/contracts proves them alike). */
export class InMemoryIdempotencyLedger implements IdempotencyLedger {
  readonly #records = new Map<string, { status: 'in_progress' } | { status: 'completed'; result: unknown }>();

  async once<T>(effect: SideEffectKey, run: () => Promise<T>): Promise<T> {
    const id = JSON.stringify([effect.orgId, effect.key]);
    const record = this.#records.get(id);
    if (record?.status === 'completed') return copy(record.result) as T;
    if (record?.status === 'in_progress') throw new SideEffectInProgressError(effect);
    this.#records.set(id, { status: 'in_progress' });
    try {
      const result = await run();
      // Stored as JSON, as the table stores it.
      this.#records.set(id, { status: 'completed', result: JSON.parse(JSON.stringify(result ?? null)) });
      return result;
    } catch (error) {
      this.#records.delete(id);
      throw error;
    }
  }
}
