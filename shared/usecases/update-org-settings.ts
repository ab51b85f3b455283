import type { AgentDirectory } from '#domain/agents/ports.ts';
import { DEFAULT_TIME_ZONE } from '#domain/agents/shift.ts';
import type { Clock } from '#domain/clock.ts';
import type { Rotation } from '#domain/on-call/rotation.ts';
import { OrgSettings, type ShutOffNote } from '#domain/orgs/org-settings.ts';
import type { OrgSettingsStore } from '#domain/orgs/ports.ts';
import { ApprovalPolicyOverrides, policyFor } from '#domain/workflow/approval-policy.ts';
import { count, logger } from '#platform/observability.ts';
import { rescheduleShifts } from './schedule-shifts.ts';

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
  'approvalPolicy',
  'vendorRanking',
  'onCall',
] as const;
type EditableSetting = (typeof EDITABLE_SETTINGS)[number];
type MapSetting = 'waterShutOffLocationByProperty' | 'approvalPolicy' | 'vendorRanking' | 'onCall';
type FlatSetting = Exclude<EditableSetting, MapSetting>;
const FLAT_SETTINGS = EDITABLE_SETTINGS.filter(
  (field): field is FlatSetting =>
    field !== 'waterShutOffLocationByProperty' &&
    field !== 'approvalPolicy' &&
    field !== 'vendorRanking' &&
    field !== 'onCall',
);

/** A role's limit in a patch: USD, or `unlimited` (stored as the policy writes it, null); `null` removes the override. */
export type RoleLimitPatch = number | 'unlimited' | null;

/** The approval policy's numbers, merged member by member (and role by role, urgency by urgency). */
export interface ApprovalPolicyPatch {
  readonly roleLimitsUsd?: Readonly<Record<string, RoleLimitPatch | undefined>> | null;
  readonly ownerApprovalThresholdUsd?: number | null;
  readonly emergencyCapUsd?: number | null;
  readonly slaMinutes?: Readonly<Record<string, number | null | undefined>> | null;
}

/** Vendor lists, merged trade by trade and property by property; a list is replaced whole. */
export interface VendorRankingPatch {
  readonly byTrade?: Readonly<Record<string, readonly string[] | null | undefined>> | null;
  readonly byProperty?: Readonly<
    Record<string, Readonly<Record<string, readonly string[] | null | undefined>> | null | undefined>
  > | null;
}

/** The org's approval policy overrides would break the policy (a chain that falls, a top with a limit…). */
export class InvalidApprovalPolicyError extends Error {
  constructor(readonly reason: string) {
    super(`the approval policy would be invalid: ${reason}`);
    this.name = 'InvalidApprovalPolicyError';
  }
}

/**
 * A JSON merge patch (RFC 7396): a member set to null removes the setting, an absent one keeps it;
 * a map merges the same way, key by key.
 */
export type OrgSettingsPatch = {
  readonly [K in FlatSetting]?: OrgSettings[K] | null;
} & {
  readonly waterShutOffLocationByProperty?: Readonly<Record<string, ShutOffNote | null>> | null;
  readonly approvalPolicy?: ApprovalPolicyPatch | null;
  readonly vendorRanking?: VendorRankingPatch | null;
  /** Department → rotation (replaced whole) or null (removed). */
  readonly onCall?: Readonly<Record<string, Rotation | null | undefined>> | null;
};

/**
 * A map merged as RFC 7396 merges objects: a key set to null is removed, others are set (a note,
 * even `{en, es}`, replaced whole); an empty result is no map. Built with `fromEntries`, so no
 * key can reach a prototype before validation.
 */
function mergedMap<V>(
  current: Readonly<Record<string, V>> | undefined,
  patch: Readonly<Record<string, V | null | undefined>>,
): Record<string, V> | undefined {
  const entries = [
    ...Object.entries(current ?? {}),
    ...Object.entries(patch).filter(([, value]) => value !== undefined),
  ];
  const merged = Object.fromEntries(entries);
  const kept = Object.entries(merged).filter((entry): entry is [string, V] => entry[1] !== null);
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

type StoredPolicy = NonNullable<OrgSettings['approvalPolicy']>;
type StoredRanking = NonNullable<OrgSettings['vendorRanking']>;

/** Members set, removed on null, kept when absent; an object left empty is no object. */
function withMembers(
  base: Record<string, unknown>,
  changes: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const next = { ...base };
  for (const [member, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (value === null) delete next[member];
    else next[member] = value;
  }
  return Object.keys(next).length > 0 ? next : undefined;
}

function mergedPolicy(
  current: StoredPolicy | undefined,
  patch: ApprovalPolicyPatch,
): StoredPolicy | undefined {
  const limits =
    patch.roleLimitsUsd === undefined
      ? current?.roleLimitsUsd
      : patch.roleLimitsUsd === null
        ? undefined
        : mergedLimits(current?.roleLimitsUsd, patch.roleLimitsUsd);
  const sla =
    patch.slaMinutes === undefined
      ? current?.slaMinutes
      : patch.slaMinutes === null
        ? undefined
        : mergedMap(current?.slaMinutes, patch.slaMinutes);
  const merged = withMembers(
    { ...current },
    {
      roleLimitsUsd: limits ?? null,
      slaMinutes: sla ?? null,
      ownerApprovalThresholdUsd: patch.ownerApprovalThresholdUsd,
      emergencyCapUsd: patch.emergencyCapUsd,
    },
  );
  return merged as StoredPolicy | undefined;
}

/** Role limits merged role by role: the policy writes an unlimited role as null, so here a patch's null removes. */
function mergedLimits(
  current: Readonly<Record<string, number | null>> | undefined,
  patch: Readonly<Record<string, RoleLimitPatch | undefined>>,
): Record<string, number | null> | undefined {
  const next = new Map(Object.entries(current ?? {}));
  for (const [role, limit] of Object.entries(patch)) {
    if (limit === undefined) continue;
    if (limit === null) next.delete(role);
    else next.set(role, limit === 'unlimited' ? null : limit);
  }
  return next.size > 0 ? Object.fromEntries(next) : undefined;
}

function mergedRanking(
  current: StoredRanking | undefined,
  patch: VendorRankingPatch,
): StoredRanking | undefined {
  const copy = (lists: Readonly<Record<string, readonly string[] | null | undefined>>) =>
    Object.fromEntries(Object.entries(lists).map(([trade, list]) => [trade, list ? [...list] : list]));
  const byTrade =
    patch.byTrade === undefined
      ? current?.byTrade
      : patch.byTrade === null
        ? undefined
        : mergedMap(current?.byTrade, copy(patch.byTrade));
  let byProperty = current?.byProperty;
  if (patch.byProperty === null) byProperty = undefined;
  else if (patch.byProperty !== undefined) {
    const properties: Record<string, Record<string, string[]> | null | undefined> = {};
    for (const [propertyId, lists] of Object.entries(patch.byProperty)) {
      if (lists === undefined) continue;
      const own = byProperty && Object.hasOwn(byProperty, propertyId) ? byProperty[propertyId] : undefined;
      properties[propertyId] = lists === null ? null : (mergedMap(own, copy(lists)) ?? null);
    }
    byProperty = mergedMap(byProperty, properties);
  }
  return withMembers({ ...current }, { byTrade: byTrade ?? null, byProperty: byProperty ?? null }) as
    | StoredRanking
    | undefined;
}

/**
 * The policy the org would work under, checked as a whole before anything is saved: an override
 * that breaks a chain (a lower limit above a higher one, a top with a limit) is refused here,
 * never found by the engine at the next approval.
 */
function checkPolicy(overrides: StoredPolicy | undefined): void {
  if (!overrides) return;
  const shape = ApprovalPolicyOverrides.safeParse(overrides);
  const problems = shape.success ? [] : shape.error.issues;
  if (shape.success) {
    try {
      policyFor(shape.data);
    } catch (error) {
      const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
      if (!issues) throw error;
      problems.push(...(issues as typeof problems));
    }
  }
  if (problems.length > 0)
    throw new InvalidApprovalPolicyError(
      problems.map((issue) => `${issue.path.map(String).join('.') || 'policy'}: ${issue.message}`).join('; '),
    );
}

/**
 * Applies a merge patch to the org's settings and returns them as stored. A removed setting falls
 * back to its default (`allowTimestamplessSignature` to false). Approval policy overrides are
 * checked as a whole policy before saving (InvalidApprovalPolicyError with the reason). Last writer wins between two
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
  if (patch.approvalPolicy !== undefined) {
    const policy =
      patch.approvalPolicy === null ? undefined : mergedPolicy(current.approvalPolicy, patch.approvalPolicy);
    if (policy) next.approvalPolicy = policy;
    else delete next.approvalPolicy;
    checkPolicy(policy);
  }
  if (patch.vendorRanking !== undefined) {
    const ranking =
      patch.vendorRanking === null ? undefined : mergedRanking(current.vendorRanking, patch.vendorRanking);
    if (ranking) next.vendorRanking = ranking;
    else delete next.vendorRanking;
  }
  if (patch.onCall !== undefined) {
    const onCall = patch.onCall === null ? undefined : mergedMap(current.onCall, patch.onCall);
    if (onCall) next.onCall = onCall;
    else delete next.onCall;
  }
  const settings = OrgSettings.parse({ ...next, orgId });
  await deps.settings.put(settings);
  return settings;
}

/**
 * `PATCH /v1/org/settings`: the patch applied, then, when it sets or removes the time zone, every
 * agent's next shift start re-computed on the org's new clock (the sweep offers work at it). The
 * settings are saved and stand whatever happens to the shifts, so the caller audits them: a shift
 * that cannot be moved (an agent's save kept contended) is logged and counted
 * (`ShiftRescheduleFailed`), never thrown; the agent's next change or shift start re-computes it.
 */
export async function changeOrgSettings(
  deps: { readonly settings: OrgSettingsStore; readonly agents: AgentDirectory; readonly clock: Clock },
  orgId: string,
  patch: OrgSettingsPatch,
): Promise<OrgSettings> {
  const settings = await updateOrgSettings(deps, orgId, patch);
  if (patch.timeZone === undefined) return settings;
  try {
    await rescheduleShifts(deps, orgId, settings.timeZone ?? DEFAULT_TIME_ZONE);
  } catch (error) {
    count('ShiftRescheduleFailed');
    logger.error("shift starts not moved to the org's new time zone; the next change or shift start does", {
      orgId,
      error,
    });
  }
  return settings;
}
