import { APPROVAL_DEPARTMENTS, type ApprovalDepartment } from '#domain/workflow/approval-policy.ts';
import { approvalDepartmentOf } from '#domain/workflow/transition.ts';
import type { RoleName } from '#vocabulary/access.ts';
import type { QueueItem } from './queue-item.ts';

/**
 * The department whose chain a queue item escalates up: its skill when the skill names one
 * (`maintenance`, `leasing`, `accounting`, `management`), else its holder role's, else management
 * (a skill like `spanish` says who can answer, not whose authority it needs).
 */
export function departmentOf(item: Pick<QueueItem, 'skill' | 'holderRole'>): ApprovalDepartment {
  const named = APPROVAL_DEPARTMENTS.find((department) => department === item.skill);
  if (named) return named;
  return item.holderRole ? approvalDepartmentOf(item.holderRole) : 'management';
}

/** The skill a step held by a role needs: the role's approval department, by name. */
export function skillOfRole(role: RoleName): string {
  return approvalDepartmentOf(role);
}

/**
 * Whether a role may take an item escalated to `holder`: the holder itself or a role above it on
 * the chain (a holder outside the chain is covered by every role on it).
 */
export function holdsOrAbove(chain: readonly RoleName[], holder: RoleName, role: RoleName): boolean {
  if (role === holder) return true;
  const from = chain.indexOf(holder);
  const at = chain.indexOf(role);
  return at >= 0 && at > from;
}
