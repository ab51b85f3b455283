import type { OrgSettingsView, OrgView } from '#contracts/org.ts';
import type { Org } from '#domain/orgs/org.ts';
import type { OrgSettings } from '#domain/orgs/org-settings.ts';

/** The org's settings as the API shows them (its id is the caller's own, not repeated). */
export function orgSettingsView(settings: OrgSettings): OrgSettingsView {
  const { orgId: _orgId, approvalPolicy, vendorRanking, ...shown } = settings;
  return {
    ...shown,
    ...(approvalPolicy ? { approvalPolicy: approvalPolicyView(approvalPolicy) } : {}),
    ...(vendorRanking ? { vendorRanking: vendorRanking as OrgSettingsView['vendorRanking'] } : {}),
  };
}

/** The policy writes an unlimited role as null; the API says `unlimited` (its null removes an override). */
function approvalPolicyView(
  policy: NonNullable<OrgSettings['approvalPolicy']>,
): NonNullable<OrgSettingsView['approvalPolicy']> {
  const { roleLimitsUsd, slaMinutes, ...numbers } = policy;
  return {
    ...numbers,
    ...(roleLimitsUsd
      ? {
          roleLimitsUsd: Object.fromEntries(
            Object.entries(roleLimitsUsd).map(([role, limit]) => [role, limit ?? 'unlimited']),
          ),
        }
      : {}),
    ...(slaMinutes ? { slaMinutes } : {}),
  };
}

export function orgView(orgId: string, found: { org?: Org; settings: OrgSettings }): OrgView {
  return {
    orgId,
    ...(found.org ? { name: found.org.name, createdAt: found.org.createdAt } : {}),
    webhookPath: `/webhooks/rentvine/${orgId}`,
    settings: orgSettingsView(found.settings),
  };
}
