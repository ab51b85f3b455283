import type { Triage } from '#domain/triage/triage.ts';
import { countWithDimensions } from '#platform/observability.ts';

/** The model dimension when the rules answered: a fixed word, so the dimension stays bounded. */
export const NO_MODEL = 'none';

/**
 * One triage and its token spend as counts with the dimensions engine and model (a handful of
 * values each), so a dashboard sums spend per model; a rules triage records only TriageCompleted.
 */
export function recordTriageUsage(triage: Triage): void {
  countWithDimensions(
    [
      ['TriageCompleted', 1],
      ['TriageInputTokens', triage.usage?.inputTokens ?? 0],
      ['TriageOutputTokens', triage.usage?.outputTokens ?? 0],
      ['TriageCacheReadTokens', triage.usage?.cacheReadTokens ?? 0],
    ],
    { engine: triage.engine, model: triage.model ?? NO_MODEL },
  );
}
