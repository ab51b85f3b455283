import type { APIGatewayProxyEvent } from 'aws-lambda';
import { type AuthorizerHandler, lambdaContext } from './lambda-events.ts';

const METHOD_ARN = 'arn:aws:execute-api:us-east-1:000000000000:api123/test/GET/v1/anything';

/**
 * What API Gateway hands the api function for a key: the authorizer's context with its
 * principalId (in AWS cached for 300 s, so it may outlive a revocation). Throws as the
 * authorizer does for a key it refuses.
 */
export async function authorizerContextFor(
  authorizer: AuthorizerHandler,
  apiKey: string,
): Promise<Record<string, unknown>> {
  const answer = await authorizer(
    { type: 'REQUEST', methodArn: METHOD_ARN, headers: { Authorization: `Bearer ${apiKey}` } },
    lambdaContext('authorizer'),
  );
  return { ...answer.context, principalId: answer.principalId };
}

/** The event as API Gateway passes it on after the authorizer let it in. */
export function authorized(
  event: APIGatewayProxyEvent,
  context: Record<string, unknown>,
): APIGatewayProxyEvent {
  return { ...event, requestContext: { ...event.requestContext, authorizer: context } };
}
