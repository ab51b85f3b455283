import * as z from 'zod/mini';
import { ORG_ID } from './org-settings.ts';

/** An org as a record: it exists once `aictive org create` made it, with a name people recognise. */
export const Org = z.object({
  orgId: z.string().check(z.regex(ORG_ID)),
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  createdAt: z.string().check(z.minLength(1)),
});
export type Org = z.infer<typeof Org>;

/**
 * One signing secret of a webhook sender (an org's webhooks, an integration). While a rotation's
 * grace runs, the replaced secret carries `expiresAt` and is refused from then on. `origin`
 * `platform` marks a secret the platform generated (rotated by `aictive org rotate-webhook-secret`);
 * an org's list also holds keys Rentvine issued, one per webhook, which a rotation leaves alone.
 */
export interface SigningSecret {
  readonly secret: string;
  /** ISO instant; absent, the secret holds until it is removed. */
  readonly expiresAt?: string;
  readonly origin?: 'platform';
}

/** The secrets still valid at `now`, in their stored order (the newest first, by convention). */
export function activeSecrets(entries: readonly SigningSecret[], now: Date): SigningSecret[] {
  return entries.filter(
    (entry) => entry.expiresAt === undefined || Date.parse(entry.expiresAt) > now.getTime(),
  );
}

/** What a write of secrets stores: a plain string keeps the expiry and origin its secret had. */
export function mergedEntries(
  given: readonly (string | SigningSecret)[],
  stored: readonly SigningSecret[],
): SigningSecret[] {
  return given.map((entry) =>
    typeof entry === 'string' ? (stored.find((s) => s.secret === entry) ?? { secret: entry }) : { ...entry },
  );
}

/**
 * A rotation: `fresh` first; each active secret that `replaces` selects stays valid until
 * `graceUntil` (or its own earlier expiry: rotating twice ends the oldest no later than the
 * newer grace); the others are kept as they are; expired ones are dropped.
 */
export function rotatedSecrets(
  current: readonly SigningSecret[],
  fresh: SigningSecret,
  replaces: (entry: SigningSecret) => boolean,
  graceUntil: Date,
  now: Date,
): SigningSecret[] {
  const ending = (entry: SigningSecret): SigningSecret => ({
    ...entry,
    expiresAt:
      entry.expiresAt !== undefined && Date.parse(entry.expiresAt) < graceUntil.getTime()
        ? entry.expiresAt
        : graceUntil.toISOString(),
  });
  const rest = activeSecrets(current, now).map((entry) => (replaces(entry) ? ending(entry) : entry));
  return [fresh, ...activeSecrets(rest, now)];
}
