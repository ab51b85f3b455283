import type { OrgSettingsView, OrgView } from '#contracts/org.ts';
import type { Org } from '#domain/orgs/org.ts';
import type { OrgSettings } from '#domain/orgs/org-settings.ts';

/** The org's settings as the API shows them (its id is the caller's own, not repeated). */
export function orgSettingsView(settings: OrgSettings): OrgSettingsView {
  const { orgId: _orgId, ...shown } = settings;
  return shown;
}

export function orgView(orgId: string, found: { org?: Org; settings: OrgSettings }): OrgView {
  return {
    orgId,
    ...(found.org ? { name: found.org.name, createdAt: found.org.createdAt } : {}),
    webhookPath: `/webhooks/rentvine/${orgId}`,
    settings: orgSettingsView(found.settings),
  };
}
