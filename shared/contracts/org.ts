import { z } from 'zod';
import { ROLE_NAMES } from '#vocabulary/access.ts';
import { URGENCIES } from '#vocabulary/classification.ts';
import {
  EMERGENCY_RESPONSE_MINUTES,
  MAX_PROPERTY_NOTES,
  REGION,
  RENTVINE_ACCOUNT,
  RENTVINE_RECORD_ID,
  TENANT_NOTE,
} from '#vocabulary/orgs.ts';
import { ISSUE_TYPES } from '#vocabulary/triage.ts';
import { OnCallPatch, OnCallView } from './pages.ts';

/** An IANA zone name as the runtime knows it (`America/Chicago`, `UTC`); never an offset like `+01:00`. */
export function isIanaTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const RentvineAccount = z
  .string()
  .regex(RENTVINE_ACCOUNT, 'expected the subdomain of <account>.rentvine.com')
  .meta({
    description: 'The Rentvine subdomain: `https://{account}.rentvine.com/api/manager`',
    example: 'acme',
  });
const RentvineUserId = z
  .string()
  .regex(RENTVINE_RECORD_ID, 'expected a Rentvine user id (digits)')
  .meta({ description: "The Rentvine user the platform's API key writes as: its events are our own echoes" });
const AllowTimestamplessSignature = z.boolean().meta({
  description:
    'Accept header-scheme deliveries without X-RentVine-Timestamp (replayable: keep off unless a sender needs it)',
});
const TimeZone = z
  .string()
  .max(64)
  .refine(isIanaTimeZone, 'expected an IANA time zone, e.g. America/Chicago')
  .meta({ description: 'IANA time zone the org works in', example: 'America/Chicago' });
const Region = z
  .string()
  .regex(REGION, 'expected an ISO 3166-2 subdivision, e.g. US-TX')
  .meta({ description: 'State or province of operation (ISO 3166-2)', example: 'US-TX' });

const EmergencyResponseMinutes = z
  .int()
  .min(EMERGENCY_RESPONSE_MINUTES.min)
  .max(EMERGENCY_RESPONSE_MINUTES.max)
  .meta({
    description:
      'How soon, in minutes, the on-call team contacts a tenant who reports an emergency: emergency reply drafts say it (unset: the platform default)',
    example: 45,
  });
const tenantNoteRule =
  'one line of plain text with a letter, at most 200 characters, without markup (<, >), braces or control characters';
const ShutOffText = z.string().trim().max(200).regex(TENANT_NOTE, `expected ${tenantNoteRule}`);
/**
 * A plain string (the form before notes had languages, still accepted; its language is unknown,
 * so replies quote it apart, never inside a sentence) or `{en, es?}`: the note per reply language.
 * A note is one value: a patch replaces it whole.
 */
const ShutOffLocation = z
  .union(
    [
      ShutOffText,
      z
        .strictObject({
          en: ShutOffText.meta({ description: 'The note in English replies (required)' }),
          es: ShutOffText.optional().meta({
            description:
              'The note in Spanish replies; without it, a Spanish reply names the generic shut-off in its sentence and quotes the English note after the block, labelled as English',
          }),
        })
        .meta({ description: 'The note per reply language' }),
    ],
    { error: `expected a note (${tenantNoteRule}) or an object {en, es?} of such notes` },
  )
  .meta({
    description:
      'Where tenants find the water shut-off, as flooding instructions quote it ("turn off the water at …"): `{en, es?}` per reply language, or one plain string (language unknown), which no sentence contains: replies in every language name the generic shut-off and quote it after the block, labelled as the manager’s words',
    example: {
      en: 'the blue valve under the kitchen sink',
      es: 'la llave azul debajo del fregadero de la cocina',
    },
  });
const PropertyId = z.string().regex(RENTVINE_RECORD_ID, 'expected a Rentvine property id (digits)');
const tooManyProperties = `at most ${MAX_PROPERTY_NOTES} properties`;

/** The most USD an org may give a role, a threshold or a cap (the stored settings' own bound). */
const MAX_POLICY_USD = 100_000_000;
const PolicyUsd = z.number().min(0).max(MAX_POLICY_USD);
/** A role's limit: USD, or `unlimited` (the top of every chain must be). */
const RoleLimit = z.union([PolicyUsd, z.literal('unlimited')]).meta({
  description: 'USD the role may approve, or `unlimited`',
  example: 2500,
});
const SlaMinutes = z
  .int()
  .min(1)
  .max(60 * 24 * 60)
  .meta({ description: 'Minutes a step of this urgency may wait before it breaches its SLA' });
const Trade = z.enum(ISSUE_TYPES);
const VendorIds = z
  .array(z.string().regex(RENTVINE_RECORD_ID, 'expected a Rentvine contact id (digits)'))
  .max(20)
  .meta({ description: 'Rentvine contact ids, best first (at most 20: an offer goes to each in turn)' });

/** The org's numbers over the platform's approval policy; absent members keep the defaults. */
const ApprovalPolicyView = z
  .object({
    roleLimitsUsd: z.partialRecord(z.enum(ROLE_NAMES), RoleLimit).optional(),
    ownerApprovalThresholdUsd: PolicyUsd.optional(),
    emergencyCapUsd: PolicyUsd.optional(),
    slaMinutes: z.partialRecord(z.enum(URGENCIES), SlaMinutes).optional(),
  })
  .meta({
    id: 'ApprovalPolicyOverrides',
    description:
      "The org's own numbers over the platform's approval policy (role limits, the owner's threshold, the emergency cap, SLAs); the chains are the platform's",
  });

const VendorRankingView = z
  .object({
    byTrade: z.partialRecord(Trade, VendorIds).optional(),
    byProperty: z.record(PropertyId, z.partialRecord(Trade, VendorIds)).optional(),
  })
  .meta({
    id: 'VendorRanking',
    description: "Vendors to offer jobs to, best first: per trade, and per property over the org's own",
  });

/** The org's settings as the API shows them. */
export const OrgSettingsView = z
  .object({
    rentvineAccount: RentvineAccount.optional(),
    rentvineUserId: RentvineUserId.optional(),
    allowTimestamplessSignature: AllowTimestamplessSignature,
    bodySignatureAlgorithm: z.string().optional().meta({
      description:
        "Which reading of Rentvine's unpublished body signature the org's deliveries use (set with the CLI)",
    }),
    timeZone: TimeZone.optional(),
    region: Region.optional(),
    emergencyResponseMinutes: EmergencyResponseMinutes.optional(),
    waterShutOffLocation: ShutOffLocation.optional(),
    waterShutOffLocationByProperty: z.record(PropertyId, ShutOffLocation).optional().meta({
      description:
        'The shut-off location of particular properties (by Rentvine property id), over the org’s own',
    }),
    approvalPolicy: ApprovalPolicyView.optional(),
    vendorRanking: VendorRankingView.optional(),
    onCall: OnCallView.optional(),
  })
  .meta({ id: 'OrgSettings' });
export type OrgSettingsView = z.infer<typeof OrgSettingsView>;

export const OrgView = z
  .object({
    orgId: z.string(),
    name: z.string().optional().meta({ description: 'Absent for orgs seeded before org records existed' }),
    createdAt: z.string().optional(),
    webhookPath: z.string().meta({
      description:
        "Where the org's Rentvine webhooks deliver, below the API's base URL: paste that URL into Rentvine",
    }),
    settings: OrgSettingsView,
  })
  .meta({ id: 'Org' });
export type OrgView = z.infer<typeof OrgView>;

/**
 * `PATCH /v1/org/settings`: a JSON merge patch (RFC 7396). A member set to `null` removes the
 * setting (back to its default); an absent one is left as it is. Strict: a misspelt member is an
 * error, not a silent no-op. The per-property map merges too: each property given is set, or
 * removed when `null`; the others are kept. A shut-off note is one value, even as `{en, es}`:
 * given, it replaces the stored note whole (send both languages to keep both).
 */
export const OrgSettingsPatch = z
  .strictObject({
    rentvineAccount: RentvineAccount.nullable().optional(),
    rentvineUserId: RentvineUserId.nullable().optional(),
    allowTimestamplessSignature: AllowTimestamplessSignature.nullable().optional(),
    timeZone: TimeZone.nullable().optional(),
    region: Region.nullable().optional(),
    emergencyResponseMinutes: EmergencyResponseMinutes.nullable().optional(),
    waterShutOffLocation: ShutOffLocation.nullable().optional(),
    waterShutOffLocationByProperty: z
      .record(PropertyId, ShutOffLocation.nullable())
      .refine((notes) => Object.keys(notes).length <= MAX_PROPERTY_NOTES, tooManyProperties)
      .nullable()
      .optional()
      .meta({
        description:
          'Property id → shut-off location (a note, replaced whole); a property set to `null` loses its own (the org’s applies), the map set to `null` removes them all',
      }),
    approvalPolicy: z
      .strictObject({
        roleLimitsUsd: z
          .partialRecord(z.enum(ROLE_NAMES), RoleLimit.nullable())
          .nullable()
          .optional()
          .meta({ description: 'Role → limit; a role set to `null` is back to the default' }),
        ownerApprovalThresholdUsd: PolicyUsd.nullable().optional(),
        emergencyCapUsd: PolicyUsd.nullable().optional(),
        slaMinutes: z
          .partialRecord(z.enum(URGENCIES), SlaMinutes.nullable())
          .nullable()
          .optional()
          .meta({ description: 'Urgency → minutes; an urgency set to `null` is back to the default' }),
      })
      .nullable()
      .optional()
      .meta({
        description:
          'Merged member by member (and role by role); `null` removes an override. The policy that results is checked as a whole (each chain must rise, its top be `unlimited`): 422 with the reason otherwise',
      }),
    vendorRanking: z
      .strictObject({
        byTrade: z.partialRecord(Trade, VendorIds.nullable()).nullable().optional().meta({
          description: 'Trade → vendors (a list, replaced whole); a trade set to `null` loses its list',
        }),
        byProperty: z
          .record(PropertyId, z.partialRecord(Trade, VendorIds.nullable()).nullable())
          .refine((ranking) => Object.keys(ranking).length <= MAX_PROPERTY_NOTES, tooManyProperties)
          .nullable()
          .optional()
          .meta({
            description:
              'Property id → trade → vendors; merged property by property and trade by trade, `null` removes',
          }),
      })
      .nullable()
      .optional(),
    onCall: OnCallPatch,
  })
  .meta({ id: 'OrgSettingsPatch' });
export type OrgSettingsPatch = z.infer<typeof OrgSettingsPatch>;
