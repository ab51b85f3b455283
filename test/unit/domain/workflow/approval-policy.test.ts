import { describe, expect, it } from 'vitest';
import {
  APPROVAL_DEPARTMENTS,
  ApprovalPolicyOverrides,
  type ApprovalRequest,
  DEFAULT_APPROVAL_POLICY,
  deriveApprovalChain,
  limitOf,
  mayDecide,
  nextInChain,
  policyFor,
  slaMs,
} from '#domain/workflow/approval-policy.ts';
import type { RoleName } from '#vocabulary/access.ts';

const policy = DEFAULT_APPROVAL_POLICY;

const request = (overrides: Partial<ApprovalRequest> = {}): ApprovalRequest => ({
  department: 'maintenance',
  amountUsd: 0,
  urgency: 'medium',
  ownersMoney: false,
  habitability: false,
  ...overrides,
});

const approverFor = (department: ApprovalRequest['department'], amountUsd: number, extra = {}) =>
  deriveApprovalChain(request({ department, amountUsd, ...extra }), policy).approver;

describe('the approval table: the lowest role of the department whose limit covers the amount', () => {
  // Generated from the policy data: every limit of every chain, at the limit and one cent above it.
  const rows = APPROVAL_DEPARTMENTS.flatMap((department) => {
    const chain = policy.chains[department];
    return chain.flatMap((role, i) => {
      const limit = limitOf(policy, role);
      if (!Number.isFinite(limit)) return [];
      const above = chain.slice(i + 1).find((r) => limitOf(policy, r) > limit) as RoleName;
      return [
        { department, amountUsd: limit, approver: role },
        { department, amountUsd: Math.round((limit + 0.01) * 100) / 100, approver: above },
      ];
    });
  });

  it.each(rows)('$department $$amountUsd → $approver', ({ department, amountUsd, approver }) => {
    expect(approverFor(department, amountUsd)).toBe(approver);
  });

  it('covers every role of every chain (the generated table is not empty or partial)', () => {
    for (const department of APPROVAL_DEPARTMENTS) {
      const approvers = new Set(rows.filter((r) => r.department === department).map((r) => r.approver));
      for (const role of policy.chains[department]) expect(approvers).toContain(role);
    }
  });

  // Literal rows, written out from the issue, so the table above is not checked against itself alone.
  it.each([
    ['maintenance', 0, 'maintenance_tech'],
    ['maintenance', 0.01, 'maintenance_tech_lead'],
    ['maintenance', 500, 'maintenance_tech_lead'],
    ['maintenance', 500.01, 'maintenance_supervisor'],
    ['maintenance', 2_000, 'maintenance_supervisor'],
    ['maintenance', 2_000.01, 'property_manager'],
    ['maintenance', 10_000, 'property_manager'],
    ['maintenance', 10_000.01, 'vice_president_of_operations'],
    ['maintenance', 50_000, 'vice_president_of_operations'],
    ['maintenance', 50_000.01, 'president'],
    ['maintenance', 10_000_000, 'president'],
    ['accounting', 100, 'accountant'],
    ['accounting', 100.01, 'accounting_manager'],
    ['accounting', 10_000.01, 'director_of_accounting'],
    ['accounting', 25_000, 'director_of_accounting'],
    ['accounting', 25_000.01, 'vice_president_of_operations'],
    ['leasing', 0, 'leasing_agent'],
    ['leasing', 0.01, 'leasing_manager'],
    ['leasing', 1_000, 'leasing_manager'],
    ['leasing', 1_000.01, 'director_of_leasing'],
    ['leasing', 5_000, 'director_of_leasing'],
    ['leasing', 5_000.01, 'vice_president_of_operations'],
    ['management', 0, 'assistant_manager'],
    ['management', 5_000, 'assistant_manager'],
    ['management', 5_000.01, 'property_manager'],
    ['management', 10_000.01, 'vice_president_of_operations'],
    ['management', 50_000.01, 'president'],
  ] as const)('%s $%d → %s (literal)', (department, amountUsd, approver) => {
    expect(approverFor(department, amountUsd)).toBe(approver);
  });

  it('gives the whole department chain, lowest first', () => {
    expect(deriveApprovalChain(request({ department: 'management' }), policy).chain).toEqual([
      'assistant_manager',
      'property_manager',
      'vice_president_of_operations',
      'president',
    ]);
  });
});

describe('the minimum role is a floor, whatever the amount', () => {
  it('a $0 management matter with a property_manager floor waits on the property manager', () => {
    expect(approverFor('management', 0, { minimumRole: 'property_manager' })).toBe('property_manager');
  });

  it('an amount above the floor role still goes to the role that covers it', () => {
    expect(approverFor('management', 20_000, { minimumRole: 'property_manager' })).toBe(
      'vice_president_of_operations',
    );
  });

  it('a leasing renewal with a leasing_manager floor and no concession waits on the leasing manager', () => {
    expect(approverFor('leasing', 0, { minimumRole: 'leasing_manager' })).toBe('leasing_manager');
  });
});

describe('a large property is signed off one level higher', () => {
  it('50 units raises the approver one level', () => {
    expect(approverFor('maintenance', 300, { propertyUnits: 50 })).toBe('maintenance_supervisor');
  });

  it('49 units does not', () => {
    expect(approverFor('maintenance', 300, { propertyUnits: 49 })).toBe('maintenance_tech_lead');
  });

  it('never above the top of the chain', () => {
    expect(approverFor('maintenance', 60_000, { propertyUnits: 500 })).toBe('president');
  });

  it('raises from the floor when the floor is higher than the amount needs', () => {
    expect(approverFor('management', 0, { minimumRole: 'property_manager', propertyUnits: 80 })).toBe(
      'vice_president_of_operations',
    );
  });

  it('says why in the reasons', () => {
    const chain = deriveApprovalChain(request({ amountUsd: 300, propertyUnits: 50 }), policy);
    expect(chain.reasons.join(' ')).toMatch(/50 units/);
  });
});

describe("the owner's involvement", () => {
  const owner = (overrides: Partial<ApprovalRequest>) =>
    deriveApprovalChain(request({ ownersMoney: true, ...overrides }), policy).owner;

  it("maintenance within the owner's threshold: none", () => {
    expect(policy.ownerApprovalThresholdUsd).toBe(500);
    expect(owner({ amountUsd: 500 })).toBe('none');
  });

  it("maintenance above the owner's threshold: required", () => {
    expect(owner({ amountUsd: 500.01 })).toBe('required');
  });

  it("Rentvine's per-property threshold overrides the default, both ways", () => {
    expect(owner({ amountUsd: 800, ownerThresholdUsd: 1_000 })).toBe('none');
    expect(owner({ amountUsd: 300, ownerThresholdUsd: 200 })).toBe('required');
  });

  it('an emergency within the cap goes ahead with the owner told', () => {
    expect(owner({ amountUsd: 1_500, urgency: 'emergency' })).toBe('notify');
  });

  it('an emergency above the cap needs the owner', () => {
    expect(owner({ amountUsd: 1_500.01, urgency: 'emergency' })).toBe('required');
  });

  it('a habitability repair above the threshold goes ahead with the owner told, even above the cap', () => {
    expect(owner({ amountUsd: 900, habitability: true })).toBe('notify');
    expect(owner({ amountUsd: 9_000, urgency: 'emergency', habitability: true })).toBe('notify');
  });

  it("money that is not the owner's involves no owner", () => {
    expect(deriveApprovalChain(request({ amountUsd: 9_000 }), policy).owner).toBe('none');
  });
});

describe('policyFor: an org overrides the numbers, never the shape', () => {
  it('without overrides is the default policy', () => {
    expect(policyFor(undefined)).toBe(DEFAULT_APPROVAL_POLICY);
  });

  it('overrides a role limit, and the table follows it', () => {
    const org = policyFor({ roleLimitsUsd: { maintenance_tech_lead: 1_000 } });
    expect(deriveApprovalChain(request({ amountUsd: 800 }), org).approver).toBe('maintenance_tech_lead');
    expect(deriveApprovalChain(request({ amountUsd: 800 }), policy).approver).toBe('maintenance_supervisor');
  });

  it("overrides the owner's threshold and the emergency cap", () => {
    const org = policyFor({ ownerApprovalThresholdUsd: 1_000, emergencyCapUsd: 3_000 });
    const owner = (r: Partial<ApprovalRequest>) =>
      deriveApprovalChain(request({ ownersMoney: true, ...r }), org).owner;
    expect(owner({ amountUsd: 900 })).toBe('none');
    expect(owner({ amountUsd: 2_500, urgency: 'emergency' })).toBe('notify');
  });

  it('overrides an SLA and keeps the others', () => {
    const org = policyFor({ slaMinutes: { medium: 60 } });
    expect(slaMs(org, 'medium')).toBe(60 * 60_000);
    expect(slaMs(org, 'low')).toBe(slaMs(policy, 'low'));
  });

  it('refuses a limit that makes a chain fall (a role above with a lower limit)', () => {
    expect(() => policyFor({ roleLimitsUsd: { maintenance_supervisor: 400 } })).toThrow(/rises/);
  });

  it('refuses a limit on the unlimited top of the chains', () => {
    expect(() => policyFor({ roleLimitsUsd: { president: 1_000_000 } })).toThrow(/unlimited/);
  });

  it('refuses an emergency SLA shorter than its escalation step', () => {
    expect(() => policyFor({ slaMinutes: { emergency: 5 } })).toThrow(/emergency SLA/);
  });

  it('the overrides schema refuses a chain (the shape is not the org’s to change)', () => {
    expect(ApprovalPolicyOverrides.safeParse({ chains: { maintenance: ['president'] } }).success).toBe(false);
    expect(ApprovalPolicyOverrides.safeParse({ emergencyCapUsd: -1 }).success).toBe(false);
  });
});

describe('mayDecide: the holder, or a role above it whose limit covers the amount', () => {
  const chain = policy.chains.maintenance;

  it('the holder may decide', () => {
    expect(mayDecide(policy, chain, 'maintenance_tech_lead', 'maintenance_tech_lead', 300)).toBe(true);
  });

  it('a role above with enough limit may decide', () => {
    expect(mayDecide(policy, chain, 'maintenance_tech_lead', 'maintenance_supervisor', 300)).toBe(true);
  });

  it('a role below may not', () => {
    expect(mayDecide(policy, chain, 'maintenance_supervisor', 'maintenance_tech_lead', 300)).toBe(false);
  });

  it('a role above without the limit for the amount may not', () => {
    expect(mayDecide(policy, chain, 'maintenance_tech', 'maintenance_tech_lead', 1_000)).toBe(false);
  });

  it('a holder outside the chain has no one above it: only the holder decides', () => {
    expect(mayDecide(policy, chain, 'accountant', 'maintenance_supervisor', 0)).toBe(false);
    expect(mayDecide(policy, chain, 'accountant', 'president', 0)).toBe(false);
    expect(mayDecide(policy, chain, 'accountant', 'accountant', 0)).toBe(true);
  });

  it('a role outside the chain may not, whatever its limit', () => {
    expect(mayDecide(policy, chain, 'maintenance_tech_lead', 'director_of_accounting', 300)).toBe(false);
  });
});

describe('nextInChain', () => {
  it('moves one role up, and stops at the top', () => {
    const chain = policy.chains.maintenance;
    expect(nextInChain(chain, 'maintenance_tech_lead')).toBe('maintenance_supervisor');
    expect(nextInChain(chain, 'president')).toBeUndefined();
  });
});

describe('what an org may override', () => {
  it('refuses anything but the numbers, instead of ignoring it', () => {
    expect(() => policyFor({ chains: { maintenance: ['president'] } })).toThrow();
    expect(() => policyFor({ version: 'mine' })).toThrow();
    expect(policyFor({ emergencyCapUsd: 2500 }).emergencyCapUsd).toBe(2500);
  });
});

describe('the emergency SLA', () => {
  it('an org may shorten it, never lengthen it past 30 minutes', () => {
    expect(policyFor({ slaMinutes: { emergency: 20 } }).slaMinutes.emergency).toBe(20);
    expect(() => policyFor({ slaMinutes: { emergency: 45 } })).toThrow(/never waits more than 30 minutes/);
  });
});
