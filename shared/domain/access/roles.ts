import { z } from 'zod';
import { ROLE_NAMES, type RoleName } from '#vocabulary/access.ts';
import { ROLES } from '../roles/registry.ts';

/**
 * The role of the person holding a key, from the roles registry (#domain/roles/registry.ts). It
 * names the person's job for routing and approvals; what the key may do is decided by its scopes
 * alone. New keys take registry names; stored keys with older names read as their equivalents.
 */
export const Role = z.enum(ROLE_NAMES).meta({
  description: `The key holder's job: ${ROLE_NAMES.map((name) => `\`${name}\` (${ROLES[name].department})`).join(', ')}`,
});
export type Role = RoleName;
