import { randomUUID } from 'node:crypto';
import type {
  APIGatewayAuthorizerResult,
  APIGatewayProxyEvent,
  APIGatewayProxyResult,
  Context,
  SQSBatchResponse,
  SQSEvent,
} from 'aws-lambda';

/** The handler shapes tests call, without tying them to one event type. */
export type ApiHandler = (event: unknown, context: Context) => Promise<APIGatewayProxyResult>;
export type SqsHandler = (event: unknown, context: Context) => Promise<SQSBatchResponse>;
export type AuthorizerHandler = (event: unknown, context: Context) => Promise<APIGatewayAuthorizerResult>;

/** Imports a function's handler; call it only after the test stack has set the environment. */
export async function loadHandler<H>(name: string): Promise<H> {
  const module = (await import(new URL(`../../functions/${name}/handler.ts`, import.meta.url).href)) as {
    handler: H;
  };
  return module.handler;
}

/** A Lambda context as the service builds it, for calling handlers directly in tests. */
export function lambdaContext(functionName: string, timeoutMs = 30_000): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'test',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export interface ApiEventInput {
  method: string;
  resource: string;
  path?: string;
  pathParameters?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
  principal?: { orgId: string; keyId: string; scopes: string[]; agentId?: string; role?: string };
}

/** A REST API (v1) proxy event; `principal` stands for what the authorizer put in the context. */
export function apiEvent(input: ApiEventInput): APIGatewayProxyEvent {
  const path = input.path ?? input.resource;
  return {
    resource: input.resource,
    path,
    httpMethod: input.method,
    headers: input.headers ?? {},
    multiValueHeaders: {},
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: input.pathParameters ?? null,
    stageVariables: null,
    body: input.body ?? null,
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'test',
      protocol: 'HTTP/1.1',
      httpMethod: input.method,
      path,
      stage: 'test',
      requestId: randomUUID(),
      requestTime: '21/Nov/2026:10:00:00 +0000',
      requestTimeEpoch: Date.now(),
      resourceId: 'test',
      resourcePath: input.resource,
      identity: { sourceIp: '127.0.0.1' } as APIGatewayProxyEvent['requestContext']['identity'],
      authorizer: input.principal
        ? {
            orgId: input.principal.orgId,
            keyId: input.principal.keyId,
            scopes: input.principal.scopes.join(' '),
            principalId: input.principal.keyId,
            ...(input.principal.agentId ? { agentId: input.principal.agentId } : {}),
            ...(input.principal.role ? { role: input.principal.role } : {}),
          }
        : undefined,
    },
  };
}

/** An SQS event carrying these bodies, as the event source mapping would deliver them. */
export function sqsEvent(
  bodies: readonly unknown[],
  queueArn = 'arn:aws:sqs:us-east-1:000000000000:test',
): SQSEvent {
  return {
    Records: bodies.map((body, i) => ({
      messageId: `m-${i}-${randomUUID()}`,
      receiptHandle: `rh-${i}`,
      body: typeof body === 'string' ? body : JSON.stringify(body),
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: String(Date.now()),
        SenderId: 'test',
        ApproximateFirstReceiveTimestamp: String(Date.now()),
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: queueArn,
      awsRegion: 'us-east-1',
    })),
  };
}

/** Turns received SQS messages into the SQS event a consumer would get. */
export function sqsEventFromMessages(messages: readonly { Body?: string }[]): SQSEvent {
  return sqsEvent(messages.map((m) => m.Body ?? ''));
}
