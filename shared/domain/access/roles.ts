import { z } from 'zod';

/**
 * What a person holding a key does at the property-management company. It names the person's
 * job for workflows and approvals; what the key may do is decided by its scopes alone.
 */
export const ROLES = [
  /** Runs a portfolio of properties: approves work orders, talks to owners and tenants. */
  'property_manager',
  /** Dispatches vendors and follows maintenance requests to completion. */
  'maintenance_coordinator',
  /** Shows units, screens applicants, renews leases. */
  'leasing_agent',
  /** Rent, owner statements, vendor bills. */
  'accounting',
  /** The owners' contact: reports, approvals above the management agreement's limit. */
  'owner_relations',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
