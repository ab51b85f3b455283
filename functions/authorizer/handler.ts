import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { DynamoApiKeyStore } from '#adapters/dynamodb/api-key-store.ts';
import { apiKeyPepperFrom } from '#adapters/secrets/api-key-pepper.ts';
import { principalToAuthorizerContext } from '#domain/access/key-record.ts';
import { readFunctionConfig } from '#lib/function-config.ts';
import { systemClock } from '#platform/clock.ts';
import { header } from '#platform/http/request.ts';
import { instrumentedWithoutTracer } from '#platform/invocation.ts';
import { count } from '#platform/observability.ts';
import { authorizeApiKey } from '#usecases/authorize-api-key.ts';

const config = readFunctionConfig('authorizer');
const deps = {
  apiKeys: new DynamoApiKeyStore(config.TABLE_NAME),
  pepper: apiKeyPepperFrom(config),
  clock: systemClock,
};

/**
 * API Gateway caches this answer per Authorization header for 300 s, for every route; so the
 * policy allows the whole API and the routes check their own scopes from the context. A revoked
 * or rotated-out key therefore keeps working until its cached answer expires (locally: never
 * cached, refused at once). Cold on the first API call of every new instance, so it loads neither
 * the X-Ray SDK (the SDK forwards the trace header all the same) nor the full zod: its bundle
 * stays within 1.3x of a handler holding only its clients (bench/floors/authorizer.ts).
 */
export const handler = instrumentedWithoutTracer(
  async (event: APIGatewayRequestAuthorizerEvent): Promise<APIGatewayAuthorizerResult> => {
    const principal = await authorizeApiKey(deps, header(event, 'authorization'));
    if (!principal) {
      // Counted, so the errors alarm can tell refusals from failures (lib/aws/alarms.ts).
      count('ApiKeyRejected');
      // API Gateway answers 401 for exactly this message.
      throw new Error('Unauthorized');
    }
    return {
      principalId: principal.keyId,
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: wholeApi(event.methodArn) }],
      },
      context: principalToAuthorizerContext(principal),
    };
  },
);

/** arn:aws:execute-api:region:account:apiId/stage/METHOD/path → arn:…:apiId/stage/* */
function wholeApi(methodArn: string): string {
  const [api, stage] = methodArn.split('/');
  return `${api}/${stage}/*`;
}
