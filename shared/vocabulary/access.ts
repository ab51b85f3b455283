/* The access vocabulary: what an API key may do, whom it belongs to, and its bounds. */

/** What a key may be allowed to do; `admin` holds every scope of its own org. */
export const SCOPES = [
  'emails:read',
  'emails:write',
  'events:read',
  'workflows:read',
  'workflows:write',
  'approvals:write',
  'queue:read',
  'queue:write',
  'properties:read',
  'stats:read',
  'org:read',
  'admin',
] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * What the person holding a key does at the company (for routing and approvals; not a
 * permission). The domain's roles registry (shared/domain/roles/registry.ts) describes each.
 * Keys are stored with these names: a renamed role needs its old name in LEGACY_ROLE_NAMES there.
 */
export const ROLE_NAMES = [
  'property_manager',
  'assistant_manager',
  'leasing_manager',
  'accounting_manager',
  'maintenance_supervisor',
  'leasing_agent',
  'accountant',
  'maintenance_tech_lead',
  'maintenance_tech',
  'resident_services_manager',
  'resident_services_rep',
  'admin_assistant',
  'director_of_accounting',
  'director_of_leasing',
  'vice_president_of_operations',
  'internal_controller',
  'leasing_coordinator',
  'president',
] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

/** The person a people's key belongs to (an id in the org's own directory). */
export const AGENT_ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;
/** Key ids as generated (16 lower-case letters and digits); opaque dev keys' derived ids fit too. */
export const KEY_ID = /^[a-z0-9]{16}$/;
/** Bounds of a key's own requests-per-minute limit (absent: the platform default). */
export const RATE_LIMIT_PER_MINUTE = { min: 1, max: 100_000 } as const;
