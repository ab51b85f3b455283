import {
  AgentList,
  AgentListQuery,
  AgentParams,
  AgentStatusRequest,
  AgentView,
  CreateAgentRequest,
  UpdateAgentRequest,
} from '#contracts/agents.ts';
import { maySetStatusOf } from '#domain/agents/status-rule.ts';
import {
  type Operation,
  type OperationRequest,
  operation,
  orgOf,
  principalOf,
} from '#platform/http/operation.ts';
import { problem } from '#platform/http/problem.ts';
import { jsonResponse } from '#platform/http/response.ts';
import {
  AgentBusyError,
  type AgentDeps,
  createAgent,
  listAgents,
  setAgentStatus,
  updateAgent,
} from '#usecases/manage-agents.ts';
import { agentView } from './agent-view.ts';
import { type AuditDeps, recordAudit } from './audit-context.ts';

type AgentOperation = 'listAgents' | 'createAgent' | 'updateAgent' | 'setAgentStatus';

const notFound = { description: 'This org has no such agent' };
const busy = { description: 'The agent kept changing under this request: read it and try again' };

/**
 * The org's agents (people): listed by anyone on the desk, created and changed by admins, their
 * status set by the person themself or an admin. Every change is audited before it is answered.
 */
export function agentOperations(deps: AgentDeps, audit: AuditDeps): Record<AgentOperation, Operation> {
  /** A change answered: audited first (`agent.updated` / `agent.status_changed`), then 200 with the agent. */
  const answerChange = async (
    request: OperationRequest<{ agentId: string }, unknown, unknown>,
    action: 'agent.updated' | 'agent.status_changed',
    run: () => ReturnType<typeof updateAgent>,
  ) => {
    let changed: Awaited<ReturnType<typeof updateAgent>>;
    try {
      changed = await run();
    } catch (error) {
      if (error instanceof AgentBusyError) return problem(409, 'conflict', { detail: error.message });
      throw error;
    }
    if (changed.kind === 'not_found') return problem(404, 'not-found');
    if (changed.kind === 'changed')
      await recordAudit(audit, request, {
        action,
        target: { kind: 'agent', id: request.params.agentId },
        before: changed.before,
        after: changed.after,
      });
    return jsonResponse(200, agentView(changed.agent));
  };

  return {
    listAgents: operation(
      {
        summary: "Your org's agents",
        description: 'By id; `status` and `skill` filter (combined with AND).',
        query: AgentListQuery,
        responses: { 200: { description: 'The agents', body: AgentList } },
      },
      async (request) =>
        jsonResponse(200, { agents: (await listAgents(deps, orgOf(request), request.query)).map(agentView) }),
    ),
    createAgent: operation(
      {
        summary: 'Add a person to the desk',
        description:
          'Starts `offline` unless `status` says otherwise. Give the person an API key with this `agentId` (`POST /v1/admin/api-keys`): it acts as them.',
        body: CreateAgentRequest,
        responses: {
          201: { description: 'Created: Location names it', body: AgentView },
          409: { description: 'Your org already has an agent of this id' },
        },
      },
      async (request) => {
        const created = await createAgent(deps, { ...request.body, orgId: orgOf(request) });
        if (created.kind === 'exists')
          return problem(409, 'conflict', {
            detail: `agent ${request.body.agentId} exists: PATCH it instead`,
          });
        const view = agentView(created.agent);
        await recordAudit(audit, request, {
          action: 'agent.created',
          target: { kind: 'agent', id: created.agent.agentId },
          after: view,
        });
        return jsonResponse(201, view, {
          location: `/v1/agents/${encodeURIComponent(created.agent.agentId)}`,
        });
      },
    ),
    updateAgent: operation(
      {
        summary: "Change an agent's name, role, skills or shift",
        description:
          'Only the members sent change; `shift: null` removes the set hours. The audit line holds the changed fields before and after.',
        params: AgentParams,
        body: UpdateAgentRequest,
        responses: { 200: { description: 'The agent now', body: AgentView }, 404: notFound, 409: busy },
      },
      async (request) =>
        answerChange(request, 'agent.updated', () =>
          updateAgent(deps, orgOf(request), request.params.agentId, request.body),
        ),
    ),
    setAgentStatus: operation(
      {
        summary: "Set whether an agent takes work: the person's own key or an admin",
        description:
          "By the key carrying this `agentId`, or an `admin` key; another person's key → `403 not-this-agent`. Setting the status it has changes nothing (no audit line).",
        params: AgentParams,
        body: AgentStatusRequest,
        responses: {
          200: { description: 'The agent now', body: AgentView },
          403: { description: "`not-this-agent`: the key is neither this person's nor an admin's" },
          404: notFound,
          409: busy,
        },
      },
      async (request) => {
        if (!maySetStatusOf(principalOf(request), request.params.agentId))
          return problem(403, 'not-this-agent', {
            detail: "only the agent's own key or an admin key sets an agent's status",
          });
        return answerChange(request, 'agent.status_changed', () =>
          setAgentStatus(deps, orgOf(request), request.params.agentId, request.body.status),
        );
      },
    ),
  };
}
