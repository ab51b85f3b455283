import * as z from 'zod/mini';
import {
  EMERGENCY_RESPONSE_MINUTES,
  MAX_PROPERTY_NOTES,
  ORG_ID,
  REGION,
  RENTVINE_ACCOUNT,
  RENTVINE_RECORD_ID,
  TENANT_NOTE,
} from '#vocabulary/orgs.ts';
import { OnCallRotations } from '../on-call/rotation.ts';

// zod/mini: the webhook hot path reads these (bench/ingest.ts weighs its bundle).

// The formats are published words (shared/vocabulary/orgs.ts); named here too for the domain's callers.
export { ORG_ID, RENTVINE_ACCOUNT } from '#vocabulary/orgs.ts';

/** Org-written text a reply shows tenants: checked here too, so no stored value bypasses the API's check. */
const TenantNote = z.string().check(z.regex(TENANT_NOTE));

/**
 * Where the water shut-off is, as replies quote it: one text per reply language (English
 * required, Spanish optional), or a plain string as orgs wrote it before notes had languages.
 * A plain string has no known language (some orgs wrote it in Spanish): no reply puts it inside
 * a sentence; every language quotes it apart, labelled as the manager's words; see `shutOffTextFor`.
 */
export const ShutOffNote = z.union([TenantNote, z.object({ en: TenantNote, es: z.optional(TenantNote) })]);
export type ShutOffNote = z.infer<typeof ShutOffNote>;

const Usd = z.number().check(z.gte(0), z.lte(100_000_000));
/** At most 20 vendors per list: an offer goes to each in turn, so a longer list never runs out in time anyway. */
const VendorList = z.array(z.string().check(z.regex(RENTVINE_RECORD_ID))).check(z.maxLength(20));

/** Per-org choices that change how the platform treats that org's Rentvine traffic. */
export const OrgSettings = z.object({
  orgId: z.string().check(z.minLength(1)),
  /** The Rentvine user the platform writes as: events by this user are echoes of our own writes. */
  rentvineUserId: z.optional(z.string().check(z.minLength(1))),
  /**
   * Accept header-scheme deliveries without X-RentVine-Timestamp (signature over the raw body
   * alone). Off by default: without a timestamp a captured delivery can be replayed forever.
   */
  allowTimestamplessSignature: z._default(z.boolean(), false),
  /** The org's Rentvine subdomain: `https://{account}.rentvine.com/api/manager`. */
  rentvineAccount: z.optional(z.string().check(z.regex(RENTVINE_ACCOUNT))),
  /**
   * Which candidate reading of Rentvine's unpublished body signature this org's deliveries use
   * (shared/platform/security/rentvine-body-signature.ts names them); unset, the default reading.
   */
  bodySignatureAlgorithm: z.optional(z.string().check(z.minLength(1), z.maxLength(50))),
  /** IANA time zone the org works in (deadlines, business hours), e.g. `America/Chicago`. */
  timeZone: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  /** State or province of operation (ISO 3166-2 subdivision, e.g. `US-TX`): which law applies. */
  region: z.optional(z.string().check(z.regex(REGION))),
  /**
   * How soon, in minutes, the on-call team contacts a tenant who reports an emergency: emergency
   * replies say it. Unset, the safety data file's default.
   */
  emergencyResponseMinutes: z.optional(
    z.int().check(z.gte(EMERGENCY_RESPONSE_MINUTES.min), z.lte(EMERGENCY_RESPONSE_MINUTES.max)),
  ),
  /**
   * Where tenants find the water shut-off, as flooding instructions quote it ("turn off the water
   * at …"). Rentvine's records hold no such field, so the org writes it; unset, a generic phrase.
   */
  waterShutOffLocation: z.optional(ShutOffNote),
  /** The same note for particular properties (by Rentvine property id), over the org's own. */
  waterShutOffLocationByProperty: z.optional(
    z.record(z.string().check(z.regex(RENTVINE_RECORD_ID)), ShutOffNote).check(
      z.refine((notes) => Object.keys(notes).length <= MAX_PROPERTY_NOTES, {
        message: `at most ${MAX_PROPERTY_NOTES} properties`,
      }),
    ),
  ),
  /**
   * The org's numbers in the approval policy (shared/domain/workflow/data/approval-policy.json):
   * role limits, the owner threshold, the emergency cap, SLAs. Checked as a whole policy on use.
   */
  approvalPolicy: z.optional(
    z.object({
      roleLimitsUsd: z.optional(z.record(z.string().check(z.maxLength(64)), z.nullable(Usd))),
      ownerApprovalThresholdUsd: z.optional(Usd),
      emergencyCapUsd: z.optional(Usd),
      slaMinutes: z.optional(
        z.record(z.string().check(z.maxLength(16)), z.int().check(z.gte(1), z.lte(60 * 24 * 60))),
      ),
    }),
  ),
  /** Who is on call, per department: weekly rotations with overrides (shared/domain/on-call/rotation.ts). */
  onCall: z.optional(OnCallRotations),
  /**
   * Vendors (Rentvine contact ids) to offer jobs to, best first: per trade (the triage's issue
   * type), and per property over the org's own.
   */
  vendorRanking: z.optional(
    z.object({
      byTrade: z.optional(z.record(z.string().check(z.maxLength(32)), VendorList)),
      byProperty: z.optional(
        z
          .record(
            z.string().check(z.regex(RENTVINE_RECORD_ID)),
            z.record(z.string().check(z.maxLength(32)), VendorList),
          )
          .check(
            z.refine((ranking) => Object.keys(ranking).length <= MAX_PROPERTY_NOTES, {
              message: `at most ${MAX_PROPERTY_NOTES} properties`,
            }),
          ),
      ),
    }),
  ),
});
export type OrgSettings = z.infer<typeof OrgSettings>;

export function defaultOrgSettings(orgId: string): OrgSettings {
  return { orgId, allowTimestamplessSignature: false };
}

/** What an emergency reply about this property tells the tenant, as far as the org has said. */
export function emergencyContactFor(
  settings: OrgSettings,
  propertyId: string | undefined,
): { shutOffLocation?: ShutOffNote; responseWindowMinutes?: number } {
  const byProperty = settings.waterShutOffLocationByProperty ?? {};
  // Own keys only: a message's property id is the sender's text ("constructor" is no property).
  const shutOffLocation =
    (propertyId !== undefined && Object.hasOwn(byProperty, propertyId)
      ? byProperty[propertyId]
      : undefined) ?? settings.waterShutOffLocation;
  const minutes = settings.emergencyResponseMinutes;
  return {
    ...(shutOffLocation ? { shutOffLocation } : {}),
    ...(minutes === undefined ? {} : { responseWindowMinutes: minutes }),
  };
}

/** A generic (Standard Webhooks) sender, such as a website form, bound to one org. */
export const Integration = z.object({
  integrationId: z.string().check(z.regex(ORG_ID)),
  orgId: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  /** When set, only these source networks (CIDR) may deliver. */
  allowedCidrs: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(50))).check(z.maxLength(50))),
  /** When it was registered through the admin API (seeded integrations have none). */
  createdAt: z.optional(z.string().check(z.minLength(1))),
});
export type Integration = z.infer<typeof Integration>;
