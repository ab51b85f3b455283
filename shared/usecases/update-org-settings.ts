import { OrgSettings } from '#domain/orgs/org-settings.ts';
import type { OrgSettingsStore } from '#domain/orgs/ports.ts';

/** The settings an admin may change through the API (the signature algorithm is chosen by the CLI). */
export const EDITABLE_SETTINGS = [
  'rentvineAccount',
  'rentvineUserId',
  'allowTimestamplessSignature',
  'timeZone',
  'region',
] as const;
type EditableSetting = (typeof EDITABLE_SETTINGS)[number];

/** A JSON merge patch (RFC 7396): a member set to null removes the setting, an absent one keeps it. */
export type OrgSettingsPatch = { readonly [K in EditableSetting]?: OrgSettings[K] | null };

/**
 * Applies a merge patch to the org's settings and returns them as stored. A removed setting falls
 * back to its default (`allowTimestamplessSignature` to false). Last writer wins between two
 * concurrent patches: settings are changed by hand, rarely.
 */
export async function updateOrgSettings(
  deps: { readonly settings: OrgSettingsStore },
  orgId: string,
  patch: OrgSettingsPatch,
): Promise<OrgSettings> {
  const next: Record<string, unknown> = { ...(await deps.settings.get(orgId)) };
  for (const field of EDITABLE_SETTINGS) {
    const value = patch[field];
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  const settings = OrgSettings.parse({ ...next, orgId });
  await deps.settings.put(settings);
  return settings;
}
