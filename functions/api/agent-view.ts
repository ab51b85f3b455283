import type { AgentView } from '#contracts/agents.ts';
import type { Agent } from '#domain/agents/agent.ts';

/** An agent as the desk sees it: no org id (always the caller's) and no version (internal). */
export function agentView(agent: Agent): AgentView {
  return {
    agentId: agent.agentId,
    name: agent.name,
    role: agent.role,
    skills: [...agent.skills],
    ...(agent.shift ? { shift: { ...agent.shift, days: [...agent.shift.days] } } : {}),
    status: agent.status,
    createdAt: agent.createdAt,
    updatedAt: agent.updatedAt,
  };
}
