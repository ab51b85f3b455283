import type { Context } from 'aws-lambda';
import { logger, metrics } from './observability.ts';

export type LambdaFunction<E, R> = (event: E, context: Context) => Promise<R>;

/**
 * The per-invocation chores every function needs (function-style Powertools: decorators do not
 * survive tsx/esbuild here): context in every log line, the ColdStart metric on an instance's
 * first invocation, metrics flushed even when the handler throws. Functions use `instrumented`
 * (lambda.ts), which adds X-Ray; only the webhook hot path and the authorizer use this alone, to
 * keep the X-Ray SDK out of their bundles and cold starts (bench/ingest.ts, bench/floors/).
 */
export function instrumentedWithoutTracer<E, R>(fn: LambdaFunction<E, R>, onInvoke?: () => void) {
  return async (event: E, context: Context): Promise<R> => {
    logger.addContext(context);
    metrics.captureColdStartMetric(context.functionName);
    onInvoke?.();
    try {
      return await fn(event, context);
    } finally {
      publishStoredMetrics();
    }
  };
}

/**
 * Powertools warns "No application metrics to publish" on every flush with nothing stored, which
 * is most invocations (a read, an authorized request): only flush what there is.
 */
function publishStoredMetrics(): void {
  if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
}
