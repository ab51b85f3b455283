/**
 * Why each record of a batch failed, by message id, kept beside what a consumer returned or
 * threw, for a caller in the same process: the local event source mapping names the error when
 * it reports a dead letter. The wire format carries message ids only, so in AWS this is unused.
 * Its own module, free of the Powertools singletons, so importing it configures nothing.
 */
const causes = new WeakMap<object, ReadonlyMap<string, unknown>>();

export function keepFailureCauses(outcome: unknown, byMessageId: ReadonlyMap<string, unknown>): void {
  if (typeof outcome === 'object' && outcome !== null) causes.set(outcome, byMessageId);
}

/** Empty for an outcome nothing was kept for. */
export function failureCausesOf(outcome: unknown): ReadonlyMap<string, unknown> {
  return (typeof outcome === 'object' && outcome !== null && causes.get(outcome)) || new Map();
}
