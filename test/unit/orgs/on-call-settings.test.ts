import { describe, expect, it } from 'vitest';
import { OrgSettingsPatch, OrgSettingsView } from '#contracts/org.ts';
import { orgSettingsView } from '#functions/api/org-view.ts';
import { InMemoryOrgSettingsStore } from '#test/support/in-memory/org-stores.ts';
import { updateOrgSettings } from '#usecases/update-org-settings.ts';

const rotation = { agentIds: ['ana', 'ben'], start: { date: '2026-01-12', time: '09:00' } };
const override = { from: '2026-01-20T00:00:00Z', to: '2026-01-21T00:00:00Z', agentId: 'cy' };

/** The paths a patch fails on, as the API's 422 lists them. */
function refusals(patch: unknown): string[] {
  const parsed = OrgSettingsPatch.safeParse(patch);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
}

describe('on-call rotations in the org settings', () => {
  it('are set per department, replaced whole, removed with null, and shown by the org view', async () => {
    const deps = { settings: new InMemoryOrgSettingsStore() };
    await updateOrgSettings(deps, 'acme', OrgSettingsPatch.parse({ onCall: { maintenance: rotation } }));
    const both = await updateOrgSettings(
      deps,
      'acme',
      OrgSettingsPatch.parse({
        onCall: { leasing: { ...rotation, agentIds: ['dee'], overrides: [override] } },
      }),
    );
    expect(both.onCall).toEqual({
      maintenance: rotation,
      leasing: { ...rotation, agentIds: ['dee'], overrides: [override] },
    });
    const view = orgSettingsView(both);
    expect(OrgSettingsView.parse(view).onCall?.leasing?.overrides).toEqual([override]);

    const one = await updateOrgSettings(deps, 'acme', { onCall: { leasing: null } });
    expect(one.onCall).toEqual({ maintenance: rotation });
    const none = await updateOrgSettings(deps, 'acme', { onCall: null });
    expect(none.onCall).toBeUndefined();
    expect(await deps.settings.get('acme')).not.toHaveProperty('onCall');
  });

  it('refuses unknown departments, malformed agent ids, more than 52 people or 100 overrides, and overrides ending first', () => {
    expect(refusals({ onCall: { maintenance: rotation } })).toEqual([]);
    expect(refusals({ onCall: { plumbing: rotation } })).toEqual(['onCall']);
    expect(refusals({ onCall: { maintenance: { ...rotation, agentIds: ['not an id'] } } })).toEqual([
      'onCall.maintenance.agentIds.0',
    ]);
    const many = Array.from({ length: 53 }, (_, i) => `agent-${i}`);
    expect(refusals({ onCall: { maintenance: { ...rotation, agentIds: many } } })).toEqual([
      'onCall.maintenance.agentIds',
    ]);
    const overrides = Array.from({ length: 101 }, () => override);
    expect(refusals({ onCall: { maintenance: { ...rotation, overrides } } })).toEqual([
      'onCall.maintenance.overrides',
    ]);
    const backwards = { ...override, from: override.to, to: override.from };
    expect(refusals({ onCall: { maintenance: { ...rotation, overrides: [backwards] } } })).toEqual([
      'onCall.maintenance.overrides.0',
    ]);
    expect(
      refusals({ onCall: { maintenance: { ...rotation, start: { date: '2026-1-12', time: '9:00' } } } }),
    ).toEqual(['onCall.maintenance.start.date', 'onCall.maintenance.start.time']);
  });
});
