import type { Org } from '#domain/orgs/org.ts';
import type { OrgSettings } from '#domain/orgs/org-settings.ts';
import type { OrgSettingsStore, OrgStore } from '#domain/orgs/ports.ts';

/**
 * The caller's org: its record (absent for orgs seeded before records existed, such as
 * `npm start`'s demo org) and its settings (defaults when none were saved).
 */
export async function getOrg(
  deps: { readonly orgs: OrgStore; readonly settings: OrgSettingsStore },
  orgId: string,
): Promise<{ org?: Org; settings: OrgSettings }> {
  const [org, settings] = await Promise.all([deps.orgs.get(orgId), deps.settings.get(orgId)]);
  return org ? { org, settings } : { settings };
}
