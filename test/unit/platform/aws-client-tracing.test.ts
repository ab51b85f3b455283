import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureAwsClientsWith, tracedAwsClient } from '#platform/aws-client-tracing.ts';

/** What the transport receives, as far as this test reads it. */
interface SentRequest {
  readonly headers: Record<string, string>;
}

const TRACE = 'Root=1-67891233-abcdef012345678912345678;Parent=53995c3f42cd8ad8;Sampled=1';

/** An SQS client whose requests stop at the transport, where the test reads them. */
function recordingSqsClient(sent: SentRequest[]): SQSClient {
  return new SQSClient({
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:9',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    requestHandler: {
      handle: async (request: SentRequest) => {
        sent.push(request);
        throw new Error('recorded, not sent');
      },
    },
  });
}

describe('AWS SDK clients without the X-Ray SDK (the webhook hot path)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    captureAwsClientsWith((client) => client);
  });

  it('are left as built until a traced function installs its capture', () => {
    const client = {};
    expect(tracedAwsClient(client)).toBe(client);
    const captured = { captured: true };
    captureAwsClientsWith(() => captured as never);
    expect(tracedAwsClient(client)).toBe(captured);
  });

  // The trace continues into the consumers only because the SDK forwards the Lambda's trace
  // header to SQS (which keeps it as AWSTraceHeader). If an SDK upgrade stops doing so, this fails.
  it('still forward the Lambda trace header to SQS', async () => {
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'aictive-test-webhook-ingest');
    vi.stubEnv('_X_AMZN_TRACE_ID', TRACE);
    const sent: SentRequest[] = [];
    const client = tracedAwsClient(recordingSqsClient(sent));
    await expect(
      client.send(
        new SendMessageCommand({ QueueUrl: 'http://127.0.0.1:9/000000000000/events', MessageBody: '{}' }),
      ),
    ).rejects.toThrow('recorded, not sent');
    expect(sent[0]?.headers['X-Amzn-Trace-Id']).toBe(TRACE);
  });
});
