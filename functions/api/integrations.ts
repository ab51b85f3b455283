import {
  CreatedIntegration,
  CreateIntegrationRequest,
  IntegrationList,
  IntegrationParams,
  IntegrationView,
  RotatedIntegration,
  RotateIntegrationRequest,
} from '#contracts/integrations.ts';
import { DEFAULT_ROTATION_GRACE_SECONDS } from '#domain/access/key-rotation.ts';
import { type Operation, operation, orgOf } from '#platform/http/operation.ts';
import { problem } from '#platform/http/problem.ts';
import { RequestError } from '#platform/http/request-error.ts';
import { jsonResponse } from '#platform/http/response.ts';
import { deleteIntegration } from '#usecases/delete-integration.ts';
import { findIntegration, listIntegrations } from '#usecases/list-integrations.ts';
import {
  type IntegrationDeps,
  IntegrationIdTakenError,
  registerIntegration,
} from '#usecases/register-integration.ts';
import { rotateIntegrationSecret } from '#usecases/rotate-integration-secret.ts';
import { type AuditDeps, recordAudit } from './audit-context.ts';
import { integrationView } from './integration-view.ts';

type IntegrationOperation =
  | 'createIntegration'
  | 'listIntegrations'
  | 'getIntegration'
  | 'deleteIntegration'
  | 'rotateIntegration';

const notFound = { description: 'This org has no such integration' };

/**
 * The admin operations on an org's Standard Webhooks integrations (scope `admin`). Every one acts
 * on the caller's own org: another org's integration is answered like one that does not exist.
 */
export function integrationOperations(
  deps: IntegrationDeps,
  audit: AuditDeps,
): Record<IntegrationOperation, Operation> {
  return {
    createIntegration: operation(
      {
        summary: 'Register a Standard Webhooks integration',
        description:
          'The integration delivers to `/webhooks/{integrationId}`, signed with the `whsec_` secret in ' +
          'the answer: shown once, never again. Integration ids are global (they are in the URL).',
        body: CreateIntegrationRequest,
        responses: {
          201: { description: 'The integration and its secret, shown once', body: CreatedIntegration },
          409: { description: 'The integration id is taken: choose another' },
        },
      },
      async (request) => {
        try {
          const { integration, secret } = await registerIntegration(deps, {
            ...request.body,
            orgId: orgOf(request),
          });
          await recordAudit(audit, request, {
            action: 'integration.created',
            target: { kind: 'integration', id: integration.integrationId },
            after: integrationView(integration),
          });
          return jsonResponse(201, { ...integrationView(integration), secret });
        } catch (error) {
          if (error instanceof IntegrationIdTakenError)
            throw new RequestError(409, 'conflict', error.message);
          throw error;
        }
      },
    ),
    listIntegrations: operation(
      {
        summary: "Your org's integrations",
        description: 'Never a secret.',
        responses: { 200: { description: 'Oldest first', body: IntegrationList } },
      },
      async (request) =>
        jsonResponse(200, {
          integrations: (await listIntegrations(deps, orgOf(request))).map(integrationView),
        }),
    ),
    getIntegration: operation(
      {
        summary: 'Read an integration',
        params: IntegrationParams,
        responses: { 200: { description: 'The integration', body: IntegrationView }, 404: notFound },
      },
      async (request) => {
        const found = await findIntegration(deps, orgOf(request), request.params.integrationId);
        return found ? jsonResponse(200, integrationView(found)) : problem(404, 'not-found');
      },
    ),
    deleteIntegration: operation(
      {
        summary: 'Remove an integration',
        description: 'Its deliveries are refused (401) from then on; its secrets are removed.',
        params: IntegrationParams,
        responses: { 204: { description: 'Removed' }, 404: notFound },
      },
      async (request) => {
        if (!(await deleteIntegration(deps, orgOf(request), request.params.integrationId)))
          return problem(404, 'not-found');
        await recordAudit(audit, request, {
          action: 'integration.deleted',
          target: { kind: 'integration', id: request.params.integrationId },
        });
        return { statusCode: 204, headers: {}, body: '' };
      },
    ),
    rotateIntegration: operation(
      {
        summary: 'Give an integration a new secret',
        description:
          'The new `whsec_` secret is shown once. The old one keeps verifying deliveries until ' +
          '`previousSecretValidUntil` (default 24 h, at most 7 days); rotating again within it ends the older one no later. ' +
          'Webhook ingest caches secrets for up to 5 minutes: switch the sender over after that, within the grace.',
        params: IntegrationParams,
        body: RotateIntegrationRequest,
        responses: {
          200: { description: 'The new secret, shown once', body: RotatedIntegration },
          404: notFound,
        },
      },
      async (request) => {
        const rotated = await rotateIntegrationSecret(deps, {
          orgId: orgOf(request),
          integrationId: request.params.integrationId,
          graceSeconds: request.body?.graceSeconds ?? DEFAULT_ROTATION_GRACE_SECONDS,
        });
        if (!rotated) return problem(404, 'not-found');
        await recordAudit(audit, request, {
          action: 'integration.rotated',
          target: { kind: 'integration', id: request.params.integrationId },
          after: { previousSecretValidUntil: rotated.previousSecretValidUntil },
        });
        return jsonResponse(200, {
          integrationId: request.params.integrationId,
          secret: rotated.secret,
          previousSecretValidUntil: rotated.previousSecretValidUntil,
        });
      },
    ),
  };
}
