import { instrumentedWithoutTracer, type LambdaFunction } from './invocation.ts';
import { tracer } from './tracing.ts';

/**
 * Wraps a handler with the per-invocation observability chores: context in every log line,
 * cold-start and service annotations on the X-Ray trace, metrics flushed even when it throws.
 */
export function instrumented<E, R>(fn: LambdaFunction<E, R>) {
  return instrumentedWithoutTracer(fn, () => {
    tracer.annotateColdStart();
    tracer.addServiceNameAnnotation();
  });
}
