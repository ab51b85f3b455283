import { OrgSettings, type ShutOffNote } from '#domain/orgs/org-settings.ts';
import type { OrgSettingsStore } from '#domain/orgs/ports.ts';

/** The settings an admin may change through the API (the signature algorithm is chosen by the CLI). */
export const EDITABLE_SETTINGS = [
  'rentvineAccount',
  'rentvineUserId',
  'allowTimestamplessSignature',
  'timeZone',
  'region',
  'emergencyResponseMinutes',
  'waterShutOffLocation',
  'waterShutOffLocationByProperty',
] as const;
type EditableSetting = (typeof EDITABLE_SETTINGS)[number];
type MapSetting = 'waterShutOffLocationByProperty';
type FlatSetting = Exclude<EditableSetting, MapSetting>;
const FLAT_SETTINGS = EDITABLE_SETTINGS.filter(
  (field): field is FlatSetting => field !== 'waterShutOffLocationByProperty',
);

/**
 * A JSON merge patch (RFC 7396): a member set to null removes the setting, an absent one keeps it;
 * a map merges the same way, key by key.
 */
export type OrgSettingsPatch = {
  readonly [K in FlatSetting]?: OrgSettings[K] | null;
} & {
  readonly [K in MapSetting]?: Readonly<Record<string, ShutOffNote | null>> | null;
};

/**
 * A map merged as RFC 7396 merges objects: a key set to null is removed, others are set (a note,
 * even `{en, es}`, replaced whole); an empty result is no map. Built with `fromEntries`, so no
 * key can reach a prototype before validation.
 */
function mergedMap(
  current: Readonly<Record<string, ShutOffNote>> | undefined,
  patch: Readonly<Record<string, ShutOffNote | null>>,
): Record<string, ShutOffNote> | undefined {
  const entries = [...Object.entries(current ?? {}), ...Object.entries(patch)];
  const merged = Object.fromEntries(entries);
  const kept = Object.entries(merged).filter((entry): entry is [string, ShutOffNote] => entry[1] !== null);
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

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
  const current = await deps.settings.get(orgId);
  const next: Record<string, unknown> = { ...current };
  for (const field of FLAT_SETTINGS) {
    const value = patch[field];
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  const notes = patch.waterShutOffLocationByProperty;
  if (notes !== undefined) {
    const merged = notes === null ? undefined : mergedMap(current.waterShutOffLocationByProperty, notes);
    if (merged) next.waterShutOffLocationByProperty = merged;
    else delete next.waterShutOffLocationByProperty;
  }
  const settings = OrgSettings.parse({ ...next, orgId });
  await deps.settings.put(settings);
  return settings;
}
