import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';

const policy = (effect: 'Allow' | 'Deny', resource: string) => ({
  Version: '2012-10-17',
  Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }],
});

/** Each fake token stands for one authorizer outcome. */
export const handler = async (event: APIGatewayRequestAuthorizerEvent): Promise<unknown> => {
  const header = Object.entries(event.headers ?? {}).find(([name]) => name.toLowerCase() === 'authorization');
  const arnPrefix = event.methodArn.slice(0, event.methodArn.indexOf('/'));
  switch (header?.[1]) {
    case 'Bearer allow-key':
      return {
        principalId: 'key-1',
        policyDocument: policy('Allow', event.methodArn),
        context: { orgId: 'org-1', scopes: 'items:read', authorizerEvent: JSON.stringify(event) },
      } satisfies APIGatewayAuthorizerResult;
    case 'Bearer wildcard-key':
      return { principalId: 'key-2', policyDocument: policy('Allow', `${arnPrefix}/*/GET/private/*`) };
    case 'Bearer deny-key':
      return { principalId: 'key-3', policyDocument: policy('Deny', event.methodArn) };
    case 'Bearer other-resource-key':
      return { principalId: 'key-4', policyDocument: policy('Allow', `${arnPrefix}/*/POST/elsewhere`) };
    case 'Bearer broken-key':
      throw new Error('key store unavailable');
    case 'Bearer malformed-key':
      return { principalId: 'key-5' };
    default:
      throw new Error('Unauthorized');
  }
};
