import {
  ApiKeyList,
  ApiKeyParams,
  CreateApiKeyRequest,
  CreatedApiKey,
  RotateApiKeyRequest,
  RotatedApiKey,
} from '#contracts/api-keys.ts';
import { type Operation, operation, orgOf } from '#platform/http/operation.ts';
import { problem } from '#platform/http/problem.ts';
import { jsonResponse } from '#platform/http/response.ts';
import { validationError } from '#platform/http/validation.ts';
import { API_KEY_ENV } from '#platform/security/api-key.ts';
import { type ApiKeyDeps, ApiKeyGrantError, createApiKey } from '#usecases/create-api-key.ts';
import { listApiKeys } from '#usecases/list-api-keys.ts';
import { revokeApiKey } from '#usecases/revoke-api-key.ts';
import { rotateApiKey } from '#usecases/rotate-api-key.ts';
import { apiKeyView } from './api-key-view.ts';

export interface ApiKeyRouteDeps extends ApiKeyDeps {
  /** The `<env>` segment of issued keys (`ak_<env>_…`): the deployment's stage. */
  readonly env: string;
}

const notFound = { description: 'This org has no such key (or it is revoked or expired, for a rotation)' };

/**
 * The admin operations on an org's API keys (scope `admin`). Every one acts on the caller's own
 * org: a key of another org is answered exactly like a key that does not exist.
 */
export function apiKeyRoutes(deps: ApiKeyRouteDeps) {
  if (!API_KEY_ENV.test(deps.env))
    throw new Error(`the API-key env "${deps.env}" must be 1 to 12 lower-case letters or digits`);
  return {
    createApiKey: operation(
      {
        summary: 'Issue an API key for your org',
        description: 'The key is in the answer once and never again: only a keyed hash is stored.',
        body: CreateApiKeyRequest,
        responses: { 201: { description: 'The key, shown once', body: CreatedApiKey } },
      },
      async (request) => {
        try {
          const { key, record } = await createApiKey(deps, {
            ...request.body,
            orgId: orgOf(request),
            env: deps.env,
          });
          return jsonResponse(201, { ...apiKeyView(record), apiKey: key });
        } catch (error) {
          if (!(error instanceof ApiKeyGrantError)) throw error;
          throw validationError('body', [{ path: error.field, message: error.message }]);
        }
      },
    ),
    listApiKeys: operation(
      {
        summary: "Your org's API keys",
        description: 'Revoked and expired keys included; never a secret or its hash.',
        responses: { 200: { description: 'Oldest first', body: ApiKeyList } },
      },
      async (request) =>
        jsonResponse(200, { apiKeys: (await listApiKeys(deps, orgOf(request))).map(apiKeyView) }),
    ),
    revokeApiKey: operation(
      {
        summary: 'Revoke an API key',
        description:
          'Idempotent: revoking a revoked key answers 204 again and keeps the first revocation time. ' +
          'The key is refused within the authorizer cache TTL (300 s).',
        params: ApiKeyParams,
        responses: { 204: { description: 'Revoked' }, 404: notFound },
      },
      async (request) =>
        (await revokeApiKey(deps, orgOf(request), request.params.keyId))
          ? { statusCode: 204, headers: {}, body: '' }
          : problem(404, 'not-found', { instance: request.requestId }),
    ),
    rotateApiKey: operation(
      {
        summary: 'Give an API key a new secret',
        description:
          'Same key id, new secret (shown once). The old secret keeps working until ' +
          '`previousSecretValidUntil` (default 24 h, at most 7 days); rotating again within it ends the older one.',
        params: ApiKeyParams,
        body: RotateApiKeyRequest,
        responses: { 200: { description: 'The new key, shown once', body: RotatedApiKey }, 404: notFound },
      },
      async (request) => {
        const rotated = await rotateApiKey(deps, {
          orgId: orgOf(request),
          keyId: request.params.keyId,
          env: deps.env,
          graceSeconds: request.body?.graceSeconds,
        });
        return rotated
          ? jsonResponse(200, {
              keyId: request.params.keyId,
              apiKey: rotated.key,
              previousSecretValidUntil: rotated.previousSecretValidUntil,
            })
          : problem(404, 'not-found', { instance: request.requestId });
      },
    ),
  } satisfies Record<'createApiKey' | 'listApiKeys' | 'revokeApiKey' | 'rotateApiKey', Operation>;
}
