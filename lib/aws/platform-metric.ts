import type { Duration } from 'aws-cdk-lib';
import { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { METRIC_NAMESPACE, type MetricName } from '#platform/metric-catalogue.ts';

/**
 * A count the functions emit with Powertools (EMF): the catalogue's namespace and name, the
 * dimension service = the emitting function's name (plus any the metric adds), summed.
 */
export function platformMetric(
  metricName: MetricName,
  service: string,
  period: Duration,
  extraDimensions: Record<string, string> = {},
): Metric {
  return new Metric({
    namespace: METRIC_NAMESPACE,
    metricName,
    dimensionsMap: { service, ...extraDimensions },
    period,
    statistic: 'Sum',
  });
}
