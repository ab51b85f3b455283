import type { RoleName } from '#vocabulary/access.ts';
import type { Category } from '#vocabulary/classification.ts';
import type { Department } from '#vocabulary/desk.ts';

/**
 * The roles of a property-management company, keyed by the published role names
 * (#vocabulary/access.ts): what each does, for routing (whom a classified email goes to first)
 * and for approvals (who may sign what off). Every name has exactly one entry, or this fails to
 * compile. Plain data, no schema library, so the authorizer can read it without one.
 */
// The departments are published words (on-call rotations are set per department): named in the vocabulary.
export { DEPARTMENTS, type Department } from '#vocabulary/desk.ts';

export interface RoleDefinition {
  readonly title: string;
  readonly department: Department;
  /** What the role answers for, in the company's words. */
  readonly responsibilities: readonly string[];
  /** The email categories this role is first to act on (routing). */
  readonly handles: readonly Category[];
}

export const ROLES = {
  property_manager: {
    title: 'Property Manager',
    department: 'management',
    responsibilities: [
      "Runs a portfolio of properties and is the owners' contact",
      "Approves work orders and spending within the management agreement's limits",
      'Decides renewals, move-outs and escalated resident issues',
    ],
    handles: ['owner_inquiry'],
  },
  assistant_manager: {
    title: 'Assistant Manager',
    department: 'management',
    responsibilities: [
      'Runs the day-to-day of the portfolio beside the property manager',
      'Serves notices, follows up lease violations and runs move-outs',
      'Stands in for the property manager on approvals delegated to them',
    ],
    handles: ['lease_termination'],
  },
  leasing_manager: {
    title: 'Leasing Manager',
    department: 'leasing',
    responsibilities: [
      'Leads the leasing team and sets rents and concessions within policy',
      'Approves applications and renewal offers',
    ],
    handles: ['lease_renewal'],
  },
  accounting_manager: {
    title: 'Accounting Manager',
    department: 'accounting',
    responsibilities: [
      'Leads accounting: owner statements, payables and month-end close',
      'Approves payment arrangements and vendor payments within limits',
    ],
    handles: ['payment_arrangement'],
  },
  maintenance_supervisor: {
    title: 'Maintenance Supervisor',
    department: 'maintenance',
    responsibilities: [
      'Triages maintenance requests and dispatches technicians and vendors',
      'Answers emergencies and approves work-order spending within limits',
    ],
    handles: ['maintenance_emergency', 'maintenance_request'],
  },
  leasing_agent: {
    title: 'Leasing Agent',
    department: 'leasing',
    responsibilities: ['Answers prospects, shows units and takes applications', 'Signs new leases'],
    handles: ['leasing_inquiry'],
  },
  accountant: {
    title: 'Accountant',
    department: 'accounting',
    responsibilities: [
      'Posts rent and payments, reconciles bank accounts',
      'Enters and pays vendor bills; prepares owner statements',
    ],
    handles: ['rent_payment', 'vendor_billing'],
  },
  maintenance_tech_lead: {
    title: 'Maintenance Technician Lead',
    department: 'maintenance',
    responsibilities: [
      "Schedules the in-house technicians' work orders",
      'Checks completed work and trains technicians',
    ],
    handles: [],
  },
  maintenance_tech: {
    title: 'Maintenance Technician',
    department: 'maintenance',
    responsibilities: ['Carries out work orders and make-readies', 'Reports completion, parts and time'],
    handles: [],
  },
  resident_services_manager: {
    title: 'Resident Services Manager',
    department: 'resident_services',
    responsibilities: [
      "Leads resident services and owns residents' complaints to resolution",
      'Handles reasonable-accommodation requests with the fair-housing policy',
    ],
    handles: ['complaint', 'accommodation_request'],
  },
  resident_services_rep: {
    title: 'Resident Services Representative',
    department: 'resident_services',
    responsibilities: [
      "Answers residents' calls and email",
      'Passes requests on to the team that acts on them',
    ],
    handles: ['general_inquiry'],
  },
  admin_assistant: {
    title: 'Administrative Assistant',
    department: 'administration',
    responsibilities: ['Sorts incoming mail and keeps records', 'Schedules and keeps the office running'],
    handles: ['spam'],
  },
  director_of_accounting: {
    title: 'Director of Accounting',
    department: 'accounting',
    responsibilities: [
      'Owns trust accounting and owner distributions',
      'Approves disbursements above the accounting manager',
    ],
    handles: [],
  },
  director_of_leasing: {
    title: 'Director of Leasing',
    department: 'leasing',
    responsibilities: [
      'Sets leasing policy and keeps it fair-housing compliant',
      'Approves exceptions to screening criteria and concessions above the leasing manager',
    ],
    handles: [],
  },
  vice_president_of_operations: {
    title: 'Vice President of Operations',
    department: 'executive',
    responsibilities: [
      'Oversees property management, maintenance, leasing and resident services',
      'Approves above the directors and answers legal notices with counsel',
    ],
    handles: ['legal_notice'],
  },
  internal_controller: {
    title: 'Internal Controller',
    department: 'accounting',
    responsibilities: [
      'Keeps the controls over money: segregation of duties, approval limits',
      'Reviews trust-account reconciliations and audits disbursements',
    ],
    handles: [],
  },
  leasing_coordinator: {
    title: 'Leasing Coordinator',
    department: 'leasing',
    responsibilities: ['Prepares lease paperwork, move-ins and renewals', 'Keeps applications moving'],
    handles: ['move_in'],
  },
  president: {
    title: 'President',
    department: 'executive',
    responsibilities: ['Runs the company', 'Gives the final approval above every other limit'],
    handles: [],
  },
} as const satisfies Record<RoleName, RoleDefinition>;

/**
 * Role names keys were issued with before the registry, read as their registry equivalents so
 * those keys keep working (they are stored, and cached in authorizer answers, as issued).
 */
export const LEGACY_ROLE_NAMES = {
  maintenance_coordinator: 'maintenance_supervisor',
  accounting: 'accountant',
  owner_relations: 'property_manager',
} as const satisfies Record<string, RoleName>;

/** The registry role a stored or cached name stands for; undefined for a name it never had. */
export function roleNamed(name: string): RoleName | undefined {
  if (Object.hasOwn(ROLES, name)) return name as RoleName;
  return Object.hasOwn(LEGACY_ROLE_NAMES, name)
    ? LEGACY_ROLE_NAMES[name as keyof typeof LEGACY_ROLE_NAMES]
    : undefined;
}
