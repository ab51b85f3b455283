import type { Context } from 'aws-lambda';
import { logger, metrics, tracer } from './observability.ts';

/**
 * Wraps a handler with the per-invocation observability chores (function-style Powertools:
 * decorators do not survive tsx/esbuild here): context in every log line, cold-start
 * annotation, metrics flushed even when the handler throws.
 */
export function instrumented<E, R>(fn: (event: E, context: Context) => Promise<R>) {
  return async (event: E, context: Context): Promise<R> => {
    logger.addContext(context);
    tracer.annotateColdStart();
    tracer.addServiceNameAnnotation();
    try {
      return await fn(event, context);
    } finally {
      metrics.publishStoredMetrics();
    }
  };
}
