import { z } from 'zod';

/** Org ids appear in URLs and keys: lower-case letters, digits and hyphens. */
export const ORG_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Per-org choices that change how the platform treats that org's Rentvine traffic. */
export const OrgSettings = z.object({
  orgId: z.string().min(1),
  /** The Rentvine user the platform writes as: events by this user are echoes of our own writes. */
  rentvineUserId: z.string().min(1).optional(),
  /**
   * Accept header-scheme deliveries without X-RentVine-Timestamp (signature over the raw body
   * alone). Off by default: without a timestamp a captured delivery can be replayed forever.
   */
  allowTimestamplessSignature: z.boolean().default(false),
});
export type OrgSettings = z.infer<typeof OrgSettings>;

export function defaultOrgSettings(orgId: string): OrgSettings {
  return { orgId, allowTimestamplessSignature: false };
}

/** A generic (Standard Webhooks) sender, such as a website form, bound to one org. */
export const Integration = z.object({
  integrationId: z.string().regex(ORG_ID),
  orgId: z.string().min(1),
  name: z.string().min(1).max(200),
  /** When set, only these source networks (CIDR) may deliver. */
  allowedCidrs: z.array(z.string().min(1).max(50)).max(50).optional(),
});
export type Integration = z.infer<typeof Integration>;
