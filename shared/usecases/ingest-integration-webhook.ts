import type { Clock } from '#domain/clock.ts';
import { ORG_ID } from '#domain/orgs/org-settings.ts';
import type { IntegrationStore, WebhookSecrets } from '#domain/orgs/ports.ts';
import { DECOY_STANDARD_SECRETS } from '#platform/security/decoy-secrets.ts';
import { sourceAllowed } from '#platform/security/source-network.ts';
import { verifyStandardWebhook } from '#platform/security/standard-webhooks.ts';
import {
  type IngestOutcome,
  type KeepDeps,
  keepDelivery,
  MAX_WEBHOOK_BYTES,
  parseBody,
  verifiedEvent,
} from './ingest-rentvine-webhook.ts';

export interface IngestIntegrationDeps extends KeepDeps {
  readonly integrations: Pick<IntegrationStore, 'get'>;
  /** Keyed by integration id: its active `whsec_` secrets. */
  readonly secrets: WebhookSecrets;
  readonly clock: Clock;
}

export interface IntegrationDelivery {
  readonly integrationId: string;
  readonly body: Buffer;
  readonly headers: (name: string) => string | undefined;
  /** The address API Gateway saw the request come from (never a header). */
  readonly sourceIp: string | undefined;
}

/**
 * `POST /webhooks/{integrationId}`: a Standard Webhooks delivery from a generic integration
 * (a website form, an answering service), kept in the integration's org under `swh:<id>:<webhook-id>`.
 */
export async function ingestIntegrationWebhook(
  deps: IngestIntegrationDeps,
  delivery: IntegrationDelivery,
): Promise<IngestOutcome> {
  if (delivery.body.length > MAX_WEBHOOK_BYTES) return { kind: 'rejected', reason: 'too_large' };
  const now = deps.clock.now();
  const { integrationId } = delivery;
  // The id's format is public: one that cannot be an integration's is refused before any read.
  if (!ORG_ID.test(integrationId)) return { kind: 'rejected', reason: 'unknown_sender' };
  const [integration, secrets] = await Promise.all([
    deps.integrations.get(integrationId),
    deps.secrets.secretsFor(integrationId),
  ]);
  // An unknown integration's delivery costs the same reads and verification (against a decoy)
  // and gets the same 401 as a bad signature: neither answer nor timing reveals it.
  const check = verifyStandardWebhook({
    secrets: integration && secrets.length > 0 ? secrets : DECOY_STANDARD_SECRETS,
    body: delivery.body,
    headers: delivery.headers,
    nowSeconds: Math.floor(now.getTime() / 1000),
  });
  if (!integration) return { kind: 'rejected', reason: 'unknown_sender' };
  if (!check.ok) return { kind: 'rejected', reason: check.reason };
  // After the signature, so only an authentic sender learns its network is not allowed (403).
  const cidrs = integration.allowedCidrs ?? [];
  if (cidrs.length > 0 && !sourceAllowed(delivery.sourceIp, cidrs))
    return { kind: 'rejected', reason: 'forbidden_source' };

  return keepDelivery(
    deps,
    verifiedEvent({
      orgId: integration.orgId,
      eventKey: `swh:${integrationId}:${check.messageId}`,
      source: 'integration',
      integrationId,
      scheme: 'standard-webhooks',
      receivedAt: now,
      body: delivery.body,
      payload: parseBody(delivery.body),
      headers: delivery.headers,
    }),
  );
}
