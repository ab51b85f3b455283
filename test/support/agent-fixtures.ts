import type { Agent } from '#domain/agents/agent.ts';

/** An agent as POST /v1/agents would create it: version 0, offline, no set hours unless given. */
export function agentOf(orgId: string, agentId: string, fields: Partial<Agent> = {}): Agent {
  return {
    orgId,
    agentId,
    name: `Agent ${agentId}`,
    role: 'maintenance_tech',
    skills: ['maintenance'],
    status: 'offline',
    createdAt: '2026-11-28T09:00:00.000Z',
    updatedAt: '2026-11-28T09:00:00.000Z',
    version: 0,
    ...fields,
  };
}
