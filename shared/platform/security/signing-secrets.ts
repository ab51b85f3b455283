import { randomBytes } from 'node:crypto';

/** 32 random bytes, as Standard Webhooks secrets carry them: `whsec_<base64>`. */
export function generateStandardWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** An org's own webhook signing secret (header scheme): 32 random bytes, URL-safe. */
export function generateWebhookSigningSecret(): string {
  return randomBytes(32).toString('base64url');
}
