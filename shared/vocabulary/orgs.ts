/* The org vocabulary: how orgs, integrations and their settings are named in URLs and keys. */

/** Org and integration ids appear in URLs and keys: lower-case letters, digits and hyphens. */
export const ORG_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** A Rentvine account subdomain: a DNS label. */
export const RENTVINE_ACCOUNT = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A state or province of operation: an ISO 3166-2 subdivision code, e.g. `US-TX`. */
export const REGION = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;

/** A Rentvine record id as an org names it in settings (a property, a user): decimal digits. */
export const RENTVINE_RECORD_ID = /^\d{1,20}$/;

/**
 * How soon, in minutes, an org may promise its on-call team contacts a tenant reporting an
 * emergency: at most four hours — a gas leak or a flood answered "within a day" is not an
 * emergency service, and the draft would promise it in the org's name.
 */
export const EMERGENCY_RESPONSE_MINUTES = { min: 5, max: 4 * 60 } as const;

/**
 * A note the org writes for tenants that a reply quotes inside a sentence (where the water
 * shut-off is): one line of plain text with a letter, at most 200 characters, trimmed; no control,
 * invisible or bidirectional formatting characters, line separators, markup brackets or braces.
 */
export const TENANT_NOTE = /^(?=.*\p{L})(?!\s)[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}<>{}]{1,200}(?<!\s)$/u;

/** The most properties an org may give their own shut-off note (the settings are one stored record). */
export const MAX_PROPERTY_NOTES = 500;
