import { setTimeout as sleep } from 'node:timers/promises';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';

/** Echo by default; the other resources exercise the gateway's error and binary paths. */
export const handler = async (event: APIGatewayProxyEvent, context: Context): Promise<unknown> => {
  switch (event.resource) {
    case '/binary':
      return {
        statusCode: 200,
        headers: { 'Content-Type': 'application/octet-stream' },
        body: Buffer.from([0, 1, 2, 255]).toString('base64'),
        isBase64Encoded: true,
      } satisfies APIGatewayProxyResult;
    case '/throws':
      throw new Error('fixture failure with internal detail');
    case '/garbage':
      return 'not a proxy response';
    case '/env':
      // What this function's instance sees: its whole environment (the fixture has no secrets).
      return { statusCode: 200, body: JSON.stringify(process.env) };
    case '/slow':
      await sleep(context.getRemainingTimeInMillis() + 200);
      return { statusCode: 200, body: 'too late' };
    default:
      return {
        statusCode: 200,
        headers: { 'X-Fixture': 'echo', 'Content-Type': 'application/json' },
        multiValueHeaders: { 'Set-Cookie': ['first=1', 'second=2'] },
        body: JSON.stringify({
          event,
          context: { functionName: context.functionName, remainingMs: context.getRemainingTimeInMillis() },
        }),
      } satisfies APIGatewayProxyResult;
  }
};
