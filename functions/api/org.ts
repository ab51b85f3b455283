import { OrgSettingsPatch, OrgSettingsView, OrgView } from '#contracts/org.ts';
import type { AgentDirectory } from '#domain/agents/ports.ts';
import { changedMembers } from '#domain/audit/changes.ts';
import type { Clock } from '#domain/clock.ts';
import type { OrgSettingsStore, OrgStore } from '#domain/orgs/ports.ts';
import { type Operation, operation, orgOf } from '#platform/http/operation.ts';
import { problem } from '#platform/http/problem.ts';
import { jsonResponse } from '#platform/http/response.ts';
import { getOrg } from '#usecases/get-org.ts';
import { changeOrgSettings, InvalidApprovalPolicyError } from '#usecases/update-org-settings.ts';
import { type AuditDeps, recordAudit } from './audit-context.ts';
import { orgSettingsView, orgView } from './org-view.ts';

export interface OrgRouteDeps {
  readonly orgs: OrgStore;
  readonly settings: OrgSettingsStore;
  /** A new time zone moves the agents' next shift starts onto the org's new clock. */
  readonly agents: AgentDirectory;
  readonly clock: Clock;
}

/** The caller's own org: its record and settings (no route names another org). */
export function orgOperations(
  deps: OrgRouteDeps,
  audit: AuditDeps,
): Record<'getOrg' | 'updateOrgSettings', Operation> {
  return {
    getOrg: operation(
      {
        summary: 'Your org and its settings',
        responses: { 200: { description: 'The org', body: OrgView } },
      },
      async (request) => {
        const orgId = orgOf(request);
        return jsonResponse(200, orgView(orgId, await getOrg(deps, orgId)));
      },
    ),
    updateOrgSettings: operation(
      {
        summary: "Change your org's settings",
        description:
          'A JSON merge patch (RFC 7396; `application/merge-patch+json` or `application/json`): a member ' +
          'set to `null` removes the setting (back to its default), an absent one is left as it is. ' +
          '`bodySignatureAlgorithm` is not set here: `aictive rentvine identify-signature --select` settles it from a real delivery. ' +
          '`approvalPolicy` and `vendorRanking` merge member by member; the approval policy that results is checked as a whole before it is saved.',
        body: OrgSettingsPatch,
        responses: {
          200: { description: 'The settings as now stored', body: OrgSettingsView },
          422: {
            description:
              'A field fails its schema, or the approval policy would be broken (`detail` says how: a chain whose limits fall, a top that is not unlimited)',
          },
        },
      },
      async (request) => {
        try {
          // Read first for the audit line's before (settings change rarely; last writer wins anyway).
          const before = orgSettingsView(await deps.settings.get(orgOf(request)));
          const after = orgSettingsView(await changeOrgSettings(deps, orgOf(request), request.body));
          const changed = changedMembers(before, after);
          if (changed)
            await recordAudit(audit, request, {
              action: 'settings.changed',
              target: { kind: 'org_settings', id: orgOf(request) },
              ...changed,
            });
          return jsonResponse(200, after);
        } catch (error) {
          if (!(error instanceof InvalidApprovalPolicyError)) throw error;
          return problem(422, 'validation', {
            detail: error.message,
            extensions: { errors: [{ path: 'approvalPolicy', message: error.reason }] },
          });
        }
      },
    ),
  };
}
