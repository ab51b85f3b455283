import type { Agent, Shift } from '#domain/agents/agent.ts';
import { changedMembers } from '#domain/audit/changes.ts';
import type { RoleName } from '#vocabulary/access.ts';
import type { AgentStatus } from '#vocabulary/desk.ts';
import { deskSettingsOf, type QueueDeps } from './change-queue-item.ts';
import { offerQueuedWork } from './offer-queued-work.ts';
import { withNextShiftStart } from './schedule-shifts.ts';

/**
 * The directory, and the queue's deps: an agent who becomes able to take work is offered the
 * org's queued items at once, and a shift's next start is on the org's clock.
 */
export type AgentDeps = QueueDeps;

/** Another writer kept changing the agent between our read and write: the caller answers 409. */
export class AgentBusyError extends Error {
  constructor(agentId: string) {
    super(`agent ${agentId} kept changing under this request; read it again and retry`);
    this.name = 'AgentBusyError';
  }
}

/** Rounds of read-change-write before giving up: each lost round means another write came first. */
const ATTEMPTS = 3;

export interface AgentFilter {
  readonly status?: AgentStatus;
  readonly skill?: string;
}

/** The org's agents, by id; the filters combine with AND. */
export async function listAgents(
  deps: Pick<AgentDeps, 'agents'>,
  orgId: string,
  filter: AgentFilter,
): Promise<Agent[]> {
  return (await deps.agents.list(orgId)).filter(
    (agent) =>
      (filter.status === undefined || agent.status === filter.status) &&
      (filter.skill === undefined || agent.skills.includes(filter.skill)),
  );
}

export interface NewAgent {
  readonly orgId: string;
  readonly agentId: string;
  readonly name: string;
  readonly role: RoleName;
  readonly skills: readonly string[];
  readonly shift?: Shift;
  /** Default `offline`: a person says when they start taking work. */
  readonly status?: AgentStatus;
}

/**
 * Adds a person to the org's directory (`exists` when the org already has that id), with their
 * next shift start; one created available is offered the org's queued work at once.
 */
export async function createAgent(
  deps: AgentDeps,
  input: NewAgent,
): Promise<{ kind: 'created'; agent: Agent } | { kind: 'exists' }> {
  const at = deps.clock.now();
  const now = at.toISOString();
  const { timeZone } = await deskSettingsOf(deps, input.orgId);
  const described: Agent = {
    orgId: input.orgId,
    agentId: input.agentId,
    name: input.name,
    role: input.role,
    skills: [...input.skills],
    ...(input.shift ? { shift: input.shift } : {}),
    status: input.status ?? 'offline',
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
  const agent = withNextShiftStart(described, at, timeZone);
  if ((await deps.agents.create(agent)) === 'exists') return { kind: 'exists' };
  if (agent.status === 'available') await offerQueuedWork(deps, agent.orgId, agent);
  return { kind: 'created', agent };
}

/** Members sent change; `shift: null` removes the set hours. */
export interface AgentPatch {
  readonly name?: string;
  readonly role?: RoleName;
  readonly skills?: readonly string[];
  readonly shift?: Shift | null;
}

/** What a change did: the fields that changed, as they were and as they are (empty when nothing did). */
export interface AgentChange {
  readonly kind: 'changed';
  readonly agent: Agent;
  /** Only the changed fields; a removed shift is `null`. */
  readonly before: Readonly<Record<string, unknown>>;
  readonly after: Readonly<Record<string, unknown>>;
}

type Changed = AgentChange | { kind: 'unchanged'; agent: Agent } | { kind: 'not_found' };

/** Changes an agent's name, role, skills or shift (its next start with it). */
export function updateAgent(
  deps: AgentDeps,
  orgId: string,
  agentId: string,
  patch: AgentPatch,
): Promise<Changed> {
  return change(deps, orgId, agentId, (agent) => {
    const { shift, ...rest } = patch;
    const next: Agent = { ...agent };
    for (const [field, value] of Object.entries(rest))
      if (value !== undefined) Object.assign(next, { [field]: value });
    if (shift === null) delete next.shift;
    else if (shift !== undefined) next.shift = shift;
    return next;
  });
}

/** Sets whether an agent takes work (who may is the caller's rule: `maySetStatusOf`). */
export function setAgentStatus(
  deps: AgentDeps,
  orgId: string,
  agentId: string,
  status: AgentStatus,
): Promise<Changed> {
  return change(deps, orgId, agentId, (agent) => ({ ...agent, status }));
}

/** What a change may touch, compared for the audit line (versions and times are not news). */
const changeable = ({ name, role, skills, shift, status }: Agent) => ({ name, role, skills, shift, status });

/** Changes that may let an agent take work it could not: all but a new name. */
const mayTakeMore = (after: Readonly<Record<string, unknown>>) =>
  Object.keys(after).some((f) => f !== 'name');

/**
 * Read, change, write on the version read; a lost race reads again (bounded), then
 * AgentBusyError. A changed shift moves its next start; an agent available after a change that
 * may widen what they take is offered the org's queued work once the change is saved.
 */
async function change(
  deps: AgentDeps,
  orgId: string,
  agentId: string,
  apply: (agent: Agent) => Agent,
): Promise<Changed> {
  const { timeZone } = await deskSettingsOf(deps, orgId);
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const agent = await deps.agents.get(orgId, agentId);
    if (!agent) return { kind: 'not_found' };
    const wanted = apply(agent);
    const changed = changedMembers(changeable(agent), changeable(wanted));
    if (!changed) return { kind: 'unchanged', agent };
    const at = deps.clock.now();
    const scheduled = 'shift' in changed.after ? withNextShiftStart(wanted, at, timeZone) : wanted;
    const next: Agent = { ...scheduled, updatedAt: at.toISOString(), version: agent.version + 1 };
    if ((await deps.agents.save(next, agent.version)) === 'conflict') continue;
    if (next.status === 'available' && mayTakeMore(changed.after)) await offerQueuedWork(deps, orgId, next);
    return { kind: 'changed', agent: next, ...changed };
  }
  throw new AgentBusyError(agentId);
}
