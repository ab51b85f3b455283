import { hasScope, type Principal } from '../access/principal.ts';

/**
 * Who may set an agent's status: the person themself (their key carries the agent's id) or an
 * admin of the org. A teammate's key, even one with `queue:write`, may not.
 */
export function maySetStatusOf(principal: Principal, agentId: string): boolean {
  return principal.agentId === agentId || hasScope(principal, 'admin');
}
