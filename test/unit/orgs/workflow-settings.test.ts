import { describe, expect, it } from 'vitest';
import { OrgWorkflowSettings } from '#adapters/workflow-settings.ts';
import { OrgSettingsPatch, OrgSettingsView } from '#contracts/org.ts';
import { orgSettingsView } from '#functions/api/org-view.ts';
import { InMemoryOrgSettingsStore } from '#test/support/in-memory/org-stores.ts';
import { InvalidApprovalPolicyError, updateOrgSettings } from '#usecases/update-org-settings.ts';

const fresh = () => ({ settings: new InMemoryOrgSettingsStore() });

describe('the approval policy in the org settings', () => {
  it('merges overrides member by member and role by role; the engine works under the merged policy', async () => {
    const deps = fresh();
    await updateOrgSettings(deps, 'acme', {
      approvalPolicy: { roleLimitsUsd: { maintenance_tech_lead: 750 }, ownerApprovalThresholdUsd: 800 },
    });
    const stored = await updateOrgSettings(deps, 'acme', {
      approvalPolicy: { roleLimitsUsd: { maintenance_supervisor: 2500 }, slaMinutes: { high: 120 } },
    });
    expect(stored.approvalPolicy).toEqual({
      roleLimitsUsd: { maintenance_tech_lead: 750, maintenance_supervisor: 2500 },
      ownerApprovalThresholdUsd: 800,
      slaMinutes: { high: 120 },
    });
    const { policy } = await new OrgWorkflowSettings(deps.settings).forOrg('acme');
    expect(policy.roleLimitsUsd.maintenance_tech_lead).toBe(750);
    expect(policy.ownerApprovalThresholdUsd).toBe(800);
    expect(policy.slaMinutes.high).toBe(120);
    expect(policy.slaMinutes.emergency).toBe(30);
  });

  it('takes `unlimited` for a role, shows it so, and removes an override set to null', async () => {
    const deps = fresh();
    const stored = await updateOrgSettings(deps, 'acme', {
      approvalPolicy: { roleLimitsUsd: { vice_president_of_operations: 'unlimited' } },
    });
    expect(stored.approvalPolicy?.roleLimitsUsd).toEqual({ vice_president_of_operations: null });
    expect(orgSettingsView(stored).approvalPolicy).toEqual({
      roleLimitsUsd: { vice_president_of_operations: 'unlimited' },
    });
    const removed = await updateOrgSettings(deps, 'acme', {
      approvalPolicy: { roleLimitsUsd: { vice_president_of_operations: null } },
    });
    expect(removed.approvalPolicy).toBeUndefined();
    await updateOrgSettings(deps, 'acme', { approvalPolicy: { emergencyCapUsd: 2000 } });
    expect((await updateOrgSettings(deps, 'acme', { approvalPolicy: null })).approvalPolicy).toBeUndefined();
  });

  it('refuses, before saving, overrides that break the policy as a whole, saying why', async () => {
    const deps = fresh();
    await updateOrgSettings(deps, 'acme', { approvalPolicy: { emergencyCapUsd: 2000 } });
    const falling = updateOrgSettings(deps, 'acme', {
      approvalPolicy: { roleLimitsUsd: { maintenance_supervisor: 100 } },
    });
    await expect(falling).rejects.toThrow(InvalidApprovalPolicyError);
    await expect(falling).rejects.toThrow(/maintenance_supervisor may approve less than the role below it/);
    const cappedTop = updateOrgSettings(deps, 'acme', {
      approvalPolicy: { roleLimitsUsd: { president: 1e6 } },
    });
    await expect(cappedTop).rejects.toThrow(/unlimited/);
    const slowEmergency = updateOrgSettings(deps, 'acme', {
      approvalPolicy: { slaMinutes: { emergency: 5 } },
    });
    await expect(slowEmergency).rejects.toThrow(/emergency SLA/);
    expect((await deps.settings.get('acme')).approvalPolicy).toEqual({ emergencyCapUsd: 2000 });
  });

  it('validates role names and urgencies at the edge', () => {
    expect(OrgSettingsPatch.safeParse({ approvalPolicy: { roleLimitsUsd: { janitor: 5 } } }).success).toBe(
      false,
    );
    expect(OrgSettingsPatch.safeParse({ approvalPolicy: { slaMinutes: { urgent: 5 } } }).success).toBe(false);
    expect(OrgSettingsPatch.safeParse({ approvalPolicy: { roleLimitsUsd: { president: -1 } } }).success).toBe(
      false,
    );
    expect(OrgSettingsPatch.safeParse({ approvalPolicy: { chains: {} } }).success).toBe(false);
    expect(
      OrgSettingsPatch.safeParse({
        approvalPolicy: { roleLimitsUsd: { president: 'unlimited' }, slaMinutes: { low: 60 } },
      }).success,
    ).toBe(true);
  });
});

describe('the vendor ranking in the org settings', () => {
  it('merges lists trade by trade and property by property, each list replaced whole', async () => {
    const deps = fresh();
    await updateOrgSettings(deps, 'acme', {
      vendorRanking: {
        byTrade: { plumbing: ['11', '12'], hvac: ['20'] },
        byProperty: { '7': { plumbing: ['30'] } },
      },
    });
    const stored = await updateOrgSettings(deps, 'acme', {
      vendorRanking: {
        byTrade: { plumbing: ['12'], hvac: null },
        byProperty: { '7': { electrical: ['31'] } },
      },
    });
    expect(stored.vendorRanking).toEqual({
      byTrade: { plumbing: ['12'] },
      byProperty: { '7': { plumbing: ['30'], electrical: ['31'] } },
    });
    expect(OrgSettingsView.parse(orgSettingsView(stored)).vendorRanking).toEqual(stored.vendorRanking);
    const { vendorRanking } = await new OrgWorkflowSettings(deps.settings).forOrg('acme');
    expect(vendorRanking).toEqual(stored.vendorRanking);
    const cleared = await updateOrgSettings(deps, 'acme', {
      vendorRanking: { byProperty: { '7': null }, byTrade: null },
    });
    expect(cleared.vendorRanking).toBeUndefined();
  });

  it('takes Rentvine vendor ids, at most 20 per list, for known trades', () => {
    expect(OrgSettingsPatch.safeParse({ vendorRanking: { byTrade: { plumbing: ['acme@x'] } } }).success).toBe(
      false,
    );
    const many = Array.from({ length: 21 }, (_, i) => String(i + 1));
    expect(OrgSettingsPatch.safeParse({ vendorRanking: { byTrade: { plumbing: many } } }).success).toBe(
      false,
    );
    expect(OrgSettingsPatch.safeParse({ vendorRanking: { byTrade: { teleportation: ['1'] } } }).success).toBe(
      false,
    );
  });
});
