import { randomBytes } from 'node:crypto';

/**
 * What a delivery for an unknown org or integration is verified against, so it costs the same
 * reads and HMACs as a known sender's delivery with a bad signature, and neither the answer nor its
 * timing tells whether the sender exists. Random per process, never stored or sent: nothing can be
 * signed with them.
 */
export const DECOY_SECRETS: readonly string[] = [randomBytes(32).toString('base64url')];

/** The same for Standard Webhooks, whose secrets are `whsec_` and base64. */
export const DECOY_STANDARD_SECRETS: readonly string[] = [`whsec_${randomBytes(32).toString('base64')}`];
