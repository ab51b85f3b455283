import { z } from 'zod';
import { ROLE_NAMES, type RoleName } from '#vocabulary/access.ts';
import { URGENCIES, type Urgency } from '#vocabulary/classification.ts';
import data from './data/approval-policy.json' with { type: 'json' };

/**
 * The one approval policy (data/approval-policy.json, versioned): who may sign off how much, in
 * which order a department escalates, when the owner must agree, and how long a step may wait.
 * An org may override the numbers (its settings), never the shape: `policyFor` merges and checks.
 */

/** The departments that own approvals; each has one chain, lowest authority first. */
export const APPROVAL_DEPARTMENTS = ['maintenance', 'leasing', 'accounting', 'management'] as const;
export type ApprovalDepartment = (typeof APPROVAL_DEPARTMENTS)[number];

const Role = z.enum(ROLE_NAMES);
/** The issue's promise: an emergency approval never waits longer than this in total, whatever an org sets. */
export const EMERGENCY_SLA_LIMIT_MINUTES = 30;
const Usd = z.number().nonnegative().finite();
const Minutes = z.number().int().positive();

export const ApprovalPolicy = z
  .object({
    version: z.string().min(1),
    /** USD a role may approve; null is unlimited. A role without a limit approves nothing with money. */
    roleLimitsUsd: z.partialRecord(Role, Usd.nullable()),
    chains: z.object(
      Object.fromEntries(APPROVAL_DEPARTMENTS.map((d) => [d, z.array(Role).min(1)])) as Record<
        ApprovalDepartment,
        z.ZodArray<typeof Role>
      >,
    ),
    ownerApprovalThresholdUsd: Usd,
    emergencyCapUsd: Usd,
    defaultEstimateUsd: z.object({ emergency: Usd, routine: Usd }),
    /** Work on a property with at least this many units is signed off this many levels higher. */
    largeProperty: z.object({
      minUnits: z.number().int().positive(),
      raiseLevels: z.number().int().min(0).max(3),
    }),
    slaMinutes: z.object(
      Object.fromEntries(URGENCIES.map((u) => [u, Minutes])) as Record<Urgency, typeof Minutes>,
    ),
    /** An emergency step moves up its chain this often, within its SLA in total. */
    emergencyEscalationMinutes: Minutes,
    vendorOffer: z.object({ emergencyMinutes: Minutes, routineBusinessDays: z.number().int().positive() }),
    ownerAnswerMinutes: z.object({ emergency: Minutes, routine: Minutes }),
  })
  .superRefine((policy, ctx) => {
    for (const department of APPROVAL_DEPARTMENTS) {
      const chain = policy.chains[department];
      if (new Set(chain).size !== chain.length)
        ctx.addIssue({ code: 'custom', path: ['chains', department], message: 'a role appears twice' });
      const top = chain.at(-1);
      if (top === undefined || policy.roleLimitsUsd[top] !== null)
        ctx.addIssue({
          code: 'custom',
          path: ['chains', department],
          message:
            'the last role of a chain must have an unlimited limit (null), or some amount has no approver',
        });
      let previous = -1;
      for (const role of chain) {
        const limit = policy.roleLimitsUsd[role];
        if (limit === undefined)
          ctx.addIssue({ code: 'custom', path: ['chains', department], message: `${role} has no limit` });
        const value = limit === null ? Number.POSITIVE_INFINITY : (limit ?? -1);
        if (value < previous)
          ctx.addIssue({
            code: 'custom',
            path: ['chains', department],
            message: `${role} may approve less than the role below it: a chain rises`,
          });
        previous = value;
      }
    }
    if (policy.slaMinutes.emergency > EMERGENCY_SLA_LIMIT_MINUTES)
      ctx.addIssue({
        code: 'custom',
        path: ['slaMinutes', 'emergency'],
        message: `an emergency never waits more than ${EMERGENCY_SLA_LIMIT_MINUTES} minutes`,
      });
    if (policy.emergencyEscalationMinutes > policy.slaMinutes.emergency)
      ctx.addIssue({
        code: 'custom',
        path: ['emergencyEscalationMinutes'],
        message: 'longer than the emergency SLA',
      });
  });
export type ApprovalPolicy = z.infer<typeof ApprovalPolicy>;

/** The platform's defaults, checked when the module loads: a broken data file fails every test at once. */
export const DEFAULT_APPROVAL_POLICY: ApprovalPolicy = ApprovalPolicy.parse(data);

/** What an org may override: the numbers, not the chains' shape. */
export const ApprovalPolicyOverrides = z
  .object({
    roleLimitsUsd: z.partialRecord(Role, Usd.nullable()),
    ownerApprovalThresholdUsd: Usd,
    emergencyCapUsd: Usd,
    slaMinutes: z.partialRecord(z.enum(URGENCIES), Minutes),
  })
  .partial()
  .strict();
export type ApprovalPolicyOverrides = z.infer<typeof ApprovalPolicyOverrides>;

/** The policy an org works under: the defaults with its overrides, checked again as a whole. */
export function policyFor(given: unknown): ApprovalPolicy {
  if (given === undefined) return DEFAULT_APPROVAL_POLICY;
  // Only the numbers an org may set: anything else (a chain, a version) is refused, not ignored.
  const overrides = ApprovalPolicyOverrides.parse(given);
  const base = DEFAULT_APPROVAL_POLICY;
  return ApprovalPolicy.parse({
    ...base,
    roleLimitsUsd: { ...base.roleLimitsUsd, ...overrides.roleLimitsUsd },
    ownerApprovalThresholdUsd: overrides.ownerApprovalThresholdUsd ?? base.ownerApprovalThresholdUsd,
    emergencyCapUsd: overrides.emergencyCapUsd ?? base.emergencyCapUsd,
    slaMinutes: { ...base.slaMinutes, ...overrides.slaMinutes },
  });
}

/** The limit of a role in USD: Infinity when unlimited, -1 when the role approves nothing with money. */
export function limitOf(policy: ApprovalPolicy, role: RoleName): number {
  const limit = policy.roleLimitsUsd[role];
  if (limit === null) return Number.POSITIVE_INFINITY;
  return limit ?? -1;
}

/** What an approval is about, as the chain is derived from it. */
export interface ApprovalRequest {
  readonly department: ApprovalDepartment;
  /** The money the approval commits, in USD (0 when none). */
  readonly amountUsd: number;
  readonly urgency: Urgency;
  /** Maintenance spending on an owner's property: the owner's threshold applies. */
  readonly ownersMoney: boolean;
  /** A repair the law requires whatever the owner says (heat, water, sewage, power, gas, locks, fire safety). */
  readonly habitability: boolean;
  /** The property's unit count, when synced. */
  readonly propertyUnits?: number;
  /** Rentvine's per-property owner limit when synced; the policy's default otherwise. */
  readonly ownerThresholdUsd?: number;
  /** The least senior role that may decide this kind of matter, whatever the amount. */
  readonly minimumRole?: RoleName;
}

/**
 * `required`: the owner must agree before the work goes ahead; `notify`: the work goes ahead and
 * the owner is told (an emergency within the cap, a habitability repair); `none`: within the
 * owner's threshold, or not the owner's money.
 */
export type OwnerInvolvement = 'required' | 'notify' | 'none';

export interface ApprovalChain {
  /** The role that decides first; escalation moves up `chain` from here. */
  readonly approver: RoleName;
  /** The department's chain, lowest first. */
  readonly chain: readonly RoleName[];
  readonly owner: OwnerInvolvement;
  /** Why, in words a person reads in the workflow's history. */
  readonly reasons: readonly string[];
}

/**
 * The chain for a request: the lowest role of the department whose limit covers the amount (no
 * lower than the matter's minimum role, raised for large properties), plus the owner when a
 * maintenance amount is above the owner's threshold — except an emergency within the cap and a
 * habitability repair, which go ahead with the owner told.
 */
export function deriveApprovalChain(request: ApprovalRequest, policy: ApprovalPolicy): ApprovalChain {
  const chain = policy.chains[request.department];
  const reasons: string[] = [];
  const floor = request.minimumRole ? Math.max(0, chain.indexOf(request.minimumRole)) : 0;
  let index = chain.findIndex((role, i) => i >= floor && limitOf(policy, role) >= request.amountUsd);
  // The last role is unlimited (checked at load), so some role always covers the amount.
  if (index < 0) index = chain.length - 1;
  reasons.push(
    `${chain[index]} is the first ${request.department} role whose limit covers $${request.amountUsd}`,
  );
  const { minUnits, raiseLevels } = policy.largeProperty;
  if (raiseLevels > 0 && request.propertyUnits !== undefined && request.propertyUnits >= minUnits) {
    index = Math.min(chain.length - 1, index + raiseLevels);
    reasons.push(`raised to ${chain[index]}: a property of ${request.propertyUnits} units (≥ ${minUnits})`);
  }
  return {
    approver: chain[index] as RoleName,
    chain,
    owner: ownerInvolvement(request, policy, reasons),
    reasons,
  };
}

function ownerInvolvement(
  request: ApprovalRequest,
  policy: ApprovalPolicy,
  reasons: string[],
): OwnerInvolvement {
  if (!request.ownersMoney) return 'none';
  const threshold = request.ownerThresholdUsd ?? policy.ownerApprovalThresholdUsd;
  if (request.amountUsd <= threshold) return 'none';
  if (request.habitability) {
    reasons.push(`a habitability repair above the owner's $${threshold}: it goes ahead, the owner is told`);
    return 'notify';
  }
  if (request.urgency === 'emergency' && request.amountUsd <= policy.emergencyCapUsd) {
    reasons.push(`an emergency within the $${policy.emergencyCapUsd} cap: it goes ahead, the owner is told`);
    return 'notify';
  }
  reasons.push(`above the owner's $${threshold} threshold: the owner must agree`);
  return 'required';
}

/** The next role up a chain from `holder`, or undefined at its top. */
export function nextInChain(chain: readonly RoleName[], holder: RoleName): RoleName | undefined {
  const index = chain.indexOf(holder);
  return index < 0 ? chain[0] : chain[index + 1];
}

/**
 * Whether a person with `role` may decide a step held by `holder`: the holder, or anyone above it
 * in the same chain whose limit covers the amount (a supervisor may sign what a tech lead holds).
 */
export function mayDecide(
  policy: ApprovalPolicy,
  chain: readonly RoleName[],
  holder: RoleName,
  role: RoleName,
  amountUsd: number,
): boolean {
  if (role === holder) return true;
  const from = chain.indexOf(holder);
  return from >= 0 && chain.indexOf(role) > from && limitOf(policy, role) >= amountUsd;
}

/** How long a step of this urgency may wait, in milliseconds. */
export function slaMs(policy: ApprovalPolicy, urgency: Urgency): number {
  return policy.slaMinutes[urgency] * 60_000;
}
