/* The org vocabulary: how orgs, integrations and their settings are named in URLs and keys. */

/** Org and integration ids appear in URLs and keys: lower-case letters, digits and hyphens. */
export const ORG_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** A Rentvine account subdomain: a DNS label. */
export const RENTVINE_ACCOUNT = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A state or province of operation: an ISO 3166-2 subdivision code, e.g. `US-TX`. */
export const REGION = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
