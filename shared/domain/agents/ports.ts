/** Ports of the agent directory. Adapters in shared/adapters implement them; in-memory twins live in test/support. */
import type { Agent } from './agent.ts';

/** The org's agents, one item each with a version. */
export interface AgentDirectory {
  /** Creates it if the id is free: `exists` when the org already has an agent of that id. */
  create(agent: Agent): Promise<'created' | 'exists'>;
  get(orgId: string, agentId: string): Promise<Agent | undefined>;
  /** Writes `next` if the stored version is still `expectedVersion`; `conflict` when another write came first. */
  save(next: Agent, expectedVersion: number): Promise<'saved' | 'conflict'>;
  /** Every agent of the org (an org has tens of people, not thousands: one bounded read). */
  list(orgId: string): Promise<readonly Agent[]>;
  /** Agents of every org whose `nextShiftStartAt` is at `at` or before, earliest first. */
  shiftStartsDue(
    at: Date,
    page: { limit: number; cursor?: string },
  ): Promise<{ due: readonly { orgId: string; id: string; dueAt: string }[]; cursor?: string }>;
}
