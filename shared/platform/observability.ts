import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { METRIC_NAMESPACE, type MetricName, type WebhookRejectedByReason } from './metric-catalogue.ts';

/**
 * Module singletons (one per Lambda instance), as in the Powertools examples. The service name
 * comes from POWERTOOLS_SERVICE_NAME, set per function by the deployers. The tracer lives apart
 * (tracing.ts) so the webhook hot path can leave the X-Ray SDK out.
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'aictive' });
export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? METRIC_NAMESPACE,
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'aictive',
});

/**
 * Counts under a catalogued name (metric-catalogue.ts), flushed at the end of the invocation. A
 * zero is not stored: CloudWatch reads no data as none happened (every alarm treats missing data
 * as healthy), and an invocation with nothing to count then publishes nothing at all.
 */
export function count(name: MetricName | WebhookRejectedByReason, value = 1): void {
  if (value > 0) metrics.addMetric(name, MetricUnit.Count, value);
}

/**
 * Counts that need dimensions beyond `service` (bounded ones: an engine, a model id), each
 * emitted at once as its own EMF document (a single-metric document keeps its dimensions for one
 * metric only). Zeros are left out, as `count` does.
 */
export function countWithDimensions(
  counts: readonly (readonly [MetricName, number])[],
  dimensions: Readonly<Record<string, string>>,
): void {
  for (const [name, value] of counts) {
    if (value <= 0) continue;
    const metric = metrics.singleMetric();
    metric.addDimensions({ ...dimensions });
    metric.addMetric(name, MetricUnit.Count, value);
  }
}
