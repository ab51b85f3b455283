import { OrgSettingsPatch, OrgSettingsView, OrgView } from '#contracts/org.ts';
import type { OrgSettingsStore, OrgStore } from '#domain/orgs/ports.ts';
import { type Operation, operation, orgOf } from '#platform/http/operation.ts';
import { problem } from '#platform/http/problem.ts';
import { jsonResponse } from '#platform/http/response.ts';
import { getOrg } from '#usecases/get-org.ts';
import { InvalidApprovalPolicyError, updateOrgSettings } from '#usecases/update-org-settings.ts';
import { orgSettingsView, orgView } from './org-view.ts';

export interface OrgRouteDeps {
  readonly orgs: OrgStore;
  readonly settings: OrgSettingsStore;
}

/** The caller's own org: its record and settings (no route names another org). */
export function orgOperations(deps: OrgRouteDeps): Record<'getOrg' | 'updateOrgSettings', Operation> {
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
          return jsonResponse(
            200,
            orgSettingsView(await updateOrgSettings(deps, orgOf(request), request.body)),
          );
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
