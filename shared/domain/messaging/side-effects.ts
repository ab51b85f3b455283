/**
 * The one rule for idempotency (docs/ARCHITECTURE.md): state changes are conditional writes on a
 * version or status, in the store that owns the state; an external side effect (a Rentvine
 * write, an outbound email) goes through the IdempotencyLedger port, keyed by the caller
 * (e.g. workflow id + step), so a redelivered message repeats none of them.
 */

/** Who asks for a side effect: the org it acts for and the caller's own key for it. */
export interface SideEffectKey {
  readonly orgId: string;
  /** Stable across retries of the same work, e.g. `wf_…#approve-invoice`. */
  readonly key: string;
}

/** The same side effect is running right now (another delivery): retry later, do not run it twice. */
export class SideEffectInProgressError extends Error {
  constructor(readonly effect: SideEffectKey) {
    super(`side effect ${effect.key} of org ${effect.orgId} is already in progress`);
    this.name = 'SideEffectInProgressError';
  }
}
