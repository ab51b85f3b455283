import type { Clock } from '#domain/clock.ts';
import type { DeliveryQuarantine } from '#domain/inbox/ports.ts';
import type { OrgSettingsStore, WebhookSecrets } from '#domain/orgs/ports.ts';
import {
  BODY_SIGNATURE_ALGORITHMS,
  type BodySignatureAlgorithm,
  bodyAuthOf,
  matchingBodySignatureAlgorithms,
} from '#platform/security/rentvine-body-signature.ts';

export interface IdentifyDeps {
  readonly quarantine: DeliveryQuarantine;
  readonly secrets: WebhookSecrets;
  readonly orgSettings: OrgSettingsStore;
  readonly clock: Clock;
}

export interface CandidateCount {
  readonly algorithm: BodySignatureAlgorithm;
  readonly matched: number;
}

export type Identification =
  | {
      readonly ok: true;
      readonly candidates: readonly CandidateCount[];
      readonly deliveries: number;
      readonly identified: BodySignatureAlgorithm;
      /** Saved as the org's `bodySignatureAlgorithm` (asked for, and not already its choice). */
      readonly selected: boolean;
    }
  | { readonly ok: false; readonly candidates: readonly CandidateCount[]; readonly problem: string };

/**
 * Which candidate reading of Rentvine's body signature the org's quarantined deliveries were made
 * with, tried against every one of the org's signing keys. Signing times do not matter: this
 * identifies a reading, it accepts no delivery. The answer is one candidate that matched and no
 * other that did; with `select` it becomes the org's setting. The quarantined deliveries stay where
 * they are and are never processed: Rentvine's next deliveries, verified under the new reading,
 * are (and the sync catches up on what the rejected ones said).
 */
export async function identifyBodySignature(
  deps: IdentifyDeps,
  request: { orgId: string; select: boolean },
): Promise<Identification> {
  const [deliveries, secrets] = await Promise.all([
    deps.quarantine.list(request.orgId, deps.clock.now()),
    deps.secrets.secretsFor(request.orgId),
  ]);
  const matched = new Map<BodySignatureAlgorithm, number>(BODY_SIGNATURE_ALGORITHMS.map((a) => [a, 0]));
  for (const delivery of deliveries) {
    const auth = bodyAuthOf(parsed(delivery.body));
    if (typeof auth === 'string') continue;
    const body = Buffer.from(delivery.body, 'utf8');
    for (const algorithm of matchingBodySignatureAlgorithms(secrets, { auth, body }))
      matched.set(algorithm, (matched.get(algorithm) ?? 0) + 1);
  }
  const candidates = [...matched].map(([algorithm, count]) => ({ algorithm, matched: count }));
  const failed = (problem: string): Identification => ({ ok: false, candidates, problem });
  if (secrets.length === 0) return failed(`org ${request.orgId} has no signing keys`);
  if (deliveries.length === 0) return failed(`org ${request.orgId} has no quarantined deliveries`);

  const hits = candidates.filter((candidate) => candidate.matched > 0);
  const [hit] = hits;
  if (!hit)
    return failed(
      `no candidate matches any of ${deliveries.length} quarantined deliveries with the org's ${secrets.length} key(s): a key is missing, or Rentvine signs some other way`,
    );
  if (hits.length > 1)
    return failed(
      `deliveries match several candidates (${hits.map((h) => h.algorithm).join(', ')}): none chosen`,
    );

  const settings = await deps.orgSettings.get(request.orgId);
  const selected = request.select && settings.bodySignatureAlgorithm !== hit.algorithm;
  if (selected) await deps.orgSettings.put({ ...settings, bodySignatureAlgorithm: hit.algorithm });
  return { ok: true, candidates, deliveries: deliveries.length, identified: hit.algorithm, selected };
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
