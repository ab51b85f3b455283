import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

/**
 * Module singletons (one per Lambda instance), as in the Powertools examples. The service name
 * comes from POWERTOOLS_SERVICE_NAME, set per function by the deployers. The tracer lives apart
 * (tracing.ts) so the webhook hot path can leave the X-Ray SDK out.
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'aictive' });
export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Aictive',
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'aictive',
});
