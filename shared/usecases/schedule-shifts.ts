import type { Agent } from '#domain/agents/agent.ts';
import type { AgentDirectory } from '#domain/agents/ports.ts';
import { nextShiftStart } from '#domain/agents/shift.ts';
import type { Clock } from '#domain/clock.ts';

/** Lost races are read again: an agent is changed by people, rarely, and by one sweeper. */
const ATTEMPTS = 3;

/** The agent with its next shift start as of `after` (none without a shift: always on shift). */
export function withNextShiftStart(agent: Agent, after: Date, timeZone: string): Agent {
  const { nextShiftStartAt: _stale, ...rest } = agent;
  return agent.shift
    ? { ...rest, nextShiftStartAt: nextShiftStart(agent.shift, after, timeZone).toISOString() }
    : rest;
}

/**
 * Moves one agent's next shift start to what `next` makes of the agent as read (undefined: leave
 * it), saved on the version read; a lost race reads again and decides again.
 */
export async function moveShiftStart(
  deps: { readonly agents: AgentDirectory },
  ref: { readonly orgId: string; readonly agentId: string },
  next: (agent: Agent) => Agent | undefined,
): Promise<'moved' | 'unchanged'> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const agent = await deps.agents.get(ref.orgId, ref.agentId);
    const moved = agent ? next(agent) : undefined;
    if (!agent || !moved || moved.nextShiftStartAt === agent.nextShiftStartAt) return 'unchanged';
    if ((await deps.agents.save({ ...moved, version: agent.version + 1 }, agent.version)) === 'saved')
      return 'moved';
  }
  throw new Error(`agent ${ref.agentId} of org ${ref.orgId}: still contended after ${ATTEMPTS} attempts`);
}

/**
 * The org's clock changed (`timeZone`): every agent with a shift is given its next start on the
 * new clock, so the sweep offers work when the shift really starts there.
 */
export async function rescheduleShifts(
  deps: { readonly agents: AgentDirectory; readonly clock: Clock },
  orgId: string,
  timeZone: string,
): Promise<number> {
  let moved = 0;
  for (const agent of await deps.agents.list(orgId)) {
    if (!agent.shift) continue;
    const outcome = await moveShiftStart(deps, agent, (current) =>
      withNextShiftStart(current, deps.clock.now(), timeZone),
    );
    if (outcome === 'moved') moved += 1;
  }
  return moved;
}
