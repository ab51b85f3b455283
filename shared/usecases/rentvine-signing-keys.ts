import type { WebhookSecretsWriter } from '#domain/orgs/ports.ts';
import {
  hasRentvineSigningKeyShape,
  signingKeyFingerprint,
} from '#platform/security/rentvine-signing-key.ts';

/**
 * An org's webhook signing keys: Rentvine issues one per webhook (one webhook per event), so an org
 * holds several, beside the secret of our own header scheme. Read the list, change it, write it back.
 */
export interface SigningKeyDeps {
  readonly secrets: WebhookSecretsWriter;
}

/** Read afresh (the webhook's reader caches): a command must see what it is about to change. */
async function keysOf(deps: SigningKeyDeps, orgId: string): Promise<string[]> {
  return (await deps.secrets.entriesFor(orgId)).map((entry) => entry.secret);
}

export interface SigningKeyView {
  readonly fingerprint: string;
  /** Whether it has the shape of the Rentvine keys seen (50 characters, 32-8-8). */
  readonly rentvineShape: boolean;
}

export class SigningKeyError extends Error {
  override readonly name = 'SigningKeyError';
}

const view = (key: string): SigningKeyView => ({
  fingerprint: signingKeyFingerprint(key),
  rentvineShape: hasRentvineSigningKeyShape(key),
});

export async function listSigningKeys(deps: SigningKeyDeps, orgId: string): Promise<SigningKeyView[]> {
  return (await keysOf(deps, orgId)).map(view);
}

/** Adds a key once (adding it again changes nothing); its view says whether it looks like Rentvine's. */
export async function addSigningKey(
  deps: SigningKeyDeps,
  orgId: string,
  key: string,
): Promise<SigningKeyView & { added: boolean }> {
  if (key.length === 0 || /\s/.test(key))
    throw new SigningKeyError('a signing key is one word, without spaces');
  const keys = await keysOf(deps, orgId);
  const added = !keys.includes(key);
  if (added) await deps.secrets.setSecrets(orgId, [...keys, key]);
  return { ...view(key), added };
}

/**
 * Removes the key with this fingerprint. Never the last key: an org without keys is an unknown org
 * to the webhook, so every delivery would be refused; add the replacement first.
 */
export async function removeSigningKey(
  deps: SigningKeyDeps,
  orgId: string,
  fingerprint: string,
): Promise<SigningKeyView> {
  const keys = await keysOf(deps, orgId);
  const matching = keys.filter((key) => signingKeyFingerprint(key) === fingerprint);
  const [key] = matching;
  if (!key) throw new SigningKeyError(`org ${orgId} has no signing key with fingerprint ${fingerprint}`);
  if (keys.length === matching.length)
    throw new SigningKeyError(
      `refusing to remove org ${orgId}'s last signing key: add its replacement first`,
    );
  await deps.secrets.setSecrets(
    orgId,
    keys.filter((k) => k !== key),
  );
  return view(key);
}
