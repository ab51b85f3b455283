/**
 * Errors that say DynamoDB could not serve a request after the SDK's own retries: throttled,
 * failing on its side (5xx), or out of reach. Not among them: a request we gave up waiting for
 * (slowness may be the caller's own doing), a refused condition, or a request DynamoDB rejected
 * as wrong (a defect to surface, not an outage).
 */
const THROTTLING = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
]);
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

interface AwsErrorShape {
  readonly $fault?: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
  readonly code?: string;
}

export function isStoreUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const aws = error as Error & AwsErrorShape;
  if (THROTTLING.has(error.name)) return true;
  if (aws.$fault === 'server' || (aws.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  return aws.code !== undefined && UNREACHABLE.has(aws.code);
}
