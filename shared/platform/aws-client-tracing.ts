/**
 * How the shared AWS SDK clients are traced. Importing tracing.ts (every `instrumented` function
 * does) captures them as X-Ray subsegments; without it they are plain clients, which still pass
 * the Lambda's trace header on to SQS and DynamoDB (the SDK's recursion-detection middleware),
 * so a trace continues into the consumers either way.
 */
type CaptureClient = <T extends object>(client: T) => T;

let capture: CaptureClient = (client) => client;

export function captureAwsClientsWith(capturer: CaptureClient): void {
  capture = capturer;
}

/** Wraps a client as it is built; clients are built lazily, after the handler module loaded. */
export function tracedAwsClient<T extends object>(client: T): T {
  return capture(client);
}
