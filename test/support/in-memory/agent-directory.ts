import { Agent } from '#domain/agents/agent.ts';
import type { AgentDirectory } from '#domain/agents/ports.ts';
import { duePage } from './due-entries.ts';
import { copy } from './rows.ts';

/**
 * The in-memory twin of DynamoAgentDirectory: keyed by org and id, validated and copied in and out;
 * the `shift` due index computed on each call from the agents' next shift starts.
 */
export class InMemoryAgentDirectory implements AgentDirectory {
  readonly #agents = new Map<string, Agent>();

  async create(agent: Agent): Promise<'created' | 'exists'> {
    const key = keyOf(agent.orgId, agent.agentId);
    if (this.#agents.has(key)) return 'exists';
    this.#agents.set(key, Agent.parse(copy(agent)));
    return 'created';
  }

  async get(orgId: string, agentId: string): Promise<Agent | undefined> {
    const stored = this.#agents.get(keyOf(orgId, agentId));
    return stored ? Agent.parse(copy(stored)) : undefined;
  }

  async save(next: Agent, expectedVersion: number): Promise<'saved' | 'conflict'> {
    const key = keyOf(next.orgId, next.agentId);
    if (this.#agents.get(key)?.version !== expectedVersion) return 'conflict';
    this.#agents.set(key, Agent.parse(copy(next)));
    return 'saved';
  }

  async list(orgId: string): Promise<readonly Agent[]> {
    // Sorted by id, as the table's sort key orders them.
    return [...this.#agents.entries()]
      .filter(([key]) => key.startsWith(`${orgId}|`))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, agent]) => Agent.parse(copy(agent)));
  }

  async shiftStartsDue(
    at: Date,
    page: { limit: number; cursor?: string },
  ): Promise<{ due: readonly { orgId: string; id: string; dueAt: string }[]; cursor?: string }> {
    const entries = [...this.#agents.values()].flatMap(({ orgId, agentId, nextShiftStartAt }) =>
      nextShiftStartAt ? [{ orgId, id: agentId, dueAt: nextShiftStartAt }] : [],
    );
    return duePage(entries, at, page);
  }
}

const keyOf = (orgId: string, agentId: string) => `${orgId}|${agentId}`;
