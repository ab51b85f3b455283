import type { OrgSettingsStore } from '#domain/orgs/ports.ts';
import { policyFor } from '#domain/workflow/approval-policy.ts';
import type { WorkflowSettings, WorkflowSettingsSource } from '#domain/workflow/ports.ts';

/**
 * The workflow engine's view of an org's settings: the approval policy with the org's numbers
 * (checked as a whole policy, so a stored override that breaks a chain fails loudly here rather
 * than approving with the wrong limits) and its vendor ranking.
 */
export class OrgWorkflowSettings implements WorkflowSettingsSource {
  constructor(private readonly orgSettings: OrgSettingsStore) {}

  async forOrg(orgId: string): Promise<WorkflowSettings> {
    const settings = await this.orgSettings.get(orgId);
    return {
      policy: policyFor(settings.approvalPolicy),
      vendorRanking: settings.vendorRanking ?? {},
    };
  }
}
