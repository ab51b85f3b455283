import {
  ApiKeyList,
  ApiKeyParams,
  CreateApiKeyRequest,
  CreatedApiKey,
  RotateApiKeyRequest,
  RotatedApiKey,
} from '#contracts/api-keys.ts';
import { type Operation, type OperationRequest, operation, orgOf } from '#platform/http/operation.ts';
import { problem } from '#platform/http/problem.ts';
import { RequestError } from '#platform/http/request-error.ts';
import { jsonResponse } from '#platform/http/response.ts';
import { validationError } from '#platform/http/validation.ts';
import { API_KEY_ENV } from '#platform/security/api-key.ts';
import { ApiKeyDelegationError, type IssuingKey } from '#usecases/api-key-issuer.ts';
import { type ApiKeyDeps, ApiKeyGrantError, createApiKey } from '#usecases/create-api-key.ts';
import { listApiKeys } from '#usecases/list-api-keys.ts';
import { revokeApiKey } from '#usecases/revoke-api-key.ts';
import { rotateApiKey } from '#usecases/rotate-api-key.ts';
import { apiKeyView } from './api-key-view.ts';
import { type AuditDeps, recordAudit } from './audit-context.ts';

export interface ApiKeyRouteDeps extends ApiKeyDeps {
  /** The `<env>` segment of issued keys (`ak_<env>_…`): the deployment's stage. */
  readonly env: string;
  /** The limit of keys without their own (API_RATE_LIMIT_PER_MINUTE): what such a caller may hand on. */
  readonly defaultRateLimitPerMinute: number;
}

const notFound = { description: 'This org has no such key (or it is revoked or expired, for a rotation)' };
const beyondCaller = {
  description:
    'The calling key lacks the `admin` scope, or the key would hold more than it: a scope it lacks, ' +
    'a later expiry or a higher rate limit (`detail` says what it holds)',
};

/** The calling key as an issuer: it hands on at most what it holds. */
function issuer(request: Pick<OperationRequest, 'principal'>, deps: ApiKeyRouteDeps): IssuingKey {
  if (!request.principal) throw new Error('route declared without auth reached a key-issuing operation');
  return { keyId: request.principal.keyId, defaultRateLimitPerMinute: deps.defaultRateLimitPerMinute };
}

/**
 * The use cases' refusals as the router answers them: a grant that cannot be issued (422 naming
 * the field), or one beyond the calling key (403 saying what that key holds).
 */
async function answeringRefusals<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ApiKeyGrantError)
      throw validationError('body', [{ path: error.field, message: error.message }]);
    if (error instanceof ApiKeyDelegationError) throw new RequestError(403, 'forbidden', error.message);
    throw error;
  }
}

/**
 * The admin operations on an org's API keys (scope `admin`). Every one acts on the caller's own
 * org: a key of another org is answered exactly like a key that does not exist.
 */
export function apiKeyRoutes(deps: ApiKeyRouteDeps, audit: AuditDeps) {
  if (!API_KEY_ENV.test(deps.env))
    throw new Error(`the API-key env "${deps.env}" must be 1 to 12 lower-case letters or digits`);
  return {
    createApiKey: operation(
      {
        summary: 'Issue an API key for your org',
        description:
          'The key is in the answer once and never again: only a keyed hash is stored. It holds at most ' +
          'what the calling key holds (`admin` holds every scope, `admin` included); without `expiresAt` ' +
          "or `rateLimitPerMinute` it takes the calling key's, when that has one.",
        body: CreateApiKeyRequest,
        responses: { 201: { description: 'The key, shown once', body: CreatedApiKey }, 403: beyondCaller },
      },
      async (request) => {
        const { key, record } = await answeringRefusals(() =>
          createApiKey(deps, {
            ...request.body,
            orgId: orgOf(request),
            env: deps.env,
            by: issuer(request, deps),
          }),
        );
        await recordAudit(audit, request, {
          action: 'api_key.created',
          target: { kind: 'api_key', id: record.keyId },
          after: apiKeyView(record),
        });
        return jsonResponse(201, { ...apiKeyView(record), apiKey: key });
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
      async (request) => {
        // Audited once: revoking a revoked key again changes nothing.
        const wasRevoked = (await deps.apiKeys.findByKeyId(request.params.keyId))?.revokedAt !== undefined;
        if (!(await revokeApiKey(deps, orgOf(request), request.params.keyId)))
          return problem(404, 'not-found', { instance: request.requestId });
        if (!wasRevoked)
          await recordAudit(audit, request, {
            action: 'api_key.revoked',
            target: { kind: 'api_key', id: request.params.keyId },
          });
        return { statusCode: 204, headers: {}, body: '' };
      },
    ),
    rotateApiKey: operation(
      {
        summary: 'Give an API key a new secret',
        description:
          'Same key id, new secret (shown once). The old secret keeps working until ' +
          '`previousSecretValidUntil` (default 24 h, at most 7 days); rotating again within it ends the older one.',
        params: ApiKeyParams,
        body: RotateApiKeyRequest,
        responses: {
          200: { description: 'The new key, shown once', body: RotatedApiKey },
          403: beyondCaller,
          404: notFound,
        },
      },
      async (request) => {
        const rotated = await answeringRefusals(() =>
          rotateApiKey(deps, {
            orgId: orgOf(request),
            keyId: request.params.keyId,
            env: deps.env,
            graceSeconds: request.body?.graceSeconds,
            by: issuer(request, deps),
          }),
        );
        if (!rotated) return problem(404, 'not-found', { instance: request.requestId });
        // The new secret is never in the line: only until when the old one still works.
        await recordAudit(audit, request, {
          action: 'api_key.rotated',
          target: { kind: 'api_key', id: request.params.keyId },
          after: { previousSecretValidUntil: rotated.previousSecretValidUntil },
        });
        return jsonResponse(200, {
          keyId: request.params.keyId,
          apiKey: rotated.key,
          previousSecretValidUntil: rotated.previousSecretValidUntil,
        });
      },
    ),
  } satisfies Record<'createApiKey' | 'listApiKeys' | 'revokeApiKey' | 'rotateApiKey', Operation>;
}
