import { describe, expect, it } from 'vitest';
import type { Agent } from '#domain/agents/agent.ts';
import { InMemoryAgentDirectory } from '#test/support/in-memory/agent-directory.ts';
import { InMemoryConversationStore } from '#test/support/in-memory/conversation-store.ts';
import { InMemoryOrgSettingsStore } from '#test/support/in-memory/org-stores.ts';
import { ManualClock } from '#test/support/in-memory/platform.ts';
import { InMemoryQueueStore } from '#test/support/in-memory/queue-store.ts';
import { InMemoryRows } from '#test/support/in-memory/rows.ts';
import { InMemoryWorkflowNotices } from '#test/support/in-memory/workflow-notices.ts';
import { InMemoryWorkflowStore } from '#test/support/in-memory/workflow-store.ts';
import {
  AgentBusyError,
  createAgent,
  listAgents,
  setAgentStatus,
  updateAgent,
} from '#usecases/manage-agents.ts';

const T0 = new Date('2026-11-28T09:00:00.000Z');
const night = { days: ['mon' as const], start: '22:00', end: '06:00' };

/** The directory and the queue around it (agents who become available are offered its work). */
function world(agents = new InMemoryAgentDirectory()) {
  return {
    agents,
    queue: new InMemoryQueueStore(),
    orgSettings: new InMemoryOrgSettingsStore(),
    workflows: new InMemoryWorkflowStore(new InMemoryRows()),
    conversations: new InMemoryConversationStore(),
    notices: new InMemoryWorkflowNotices(),
    clock: new ManualClock(T0),
  };
}

/** A directory whose next `conflicts` saves lose to another writer, who sets the name first. */
class RacedDirectory extends InMemoryAgentDirectory {
  constructor(private conflicts: number) {
    super();
  }

  override async save(next: Agent, expectedVersion: number): Promise<'saved' | 'conflict'> {
    if (this.conflicts > 0) {
      this.conflicts -= 1;
      const stored = await this.get(next.orgId, next.agentId);
      if (stored)
        await super.save(
          { ...stored, name: 'Renamed elsewhere', version: stored.version + 1 },
          stored.version,
        );
    }
    return super.save(next, expectedVersion);
  }
}

describe('createAgent', () => {
  it('starts a person offline at version 0 unless a status is given; the same id twice exists', async () => {
    const deps = world();
    const input = {
      orgId: 'acme',
      agentId: 'sam',
      name: 'Sam',
      role: 'leasing_agent' as const,
      skills: ['leasing'],
    };
    const created = await createAgent(deps, input);
    expect(created).toEqual({
      kind: 'created',
      agent: {
        ...input,
        status: 'offline',
        createdAt: T0.toISOString(),
        updatedAt: T0.toISOString(),
        version: 0,
      },
    });
    expect(await createAgent(deps, { ...input, status: 'available' })).toEqual({ kind: 'exists' });
    expect((await createAgent(deps, { ...input, agentId: 'ivy', status: 'available' })).kind).toBe('created');
    expect((await listAgents(deps, 'acme', { status: 'available' })).map((a) => a.agentId)).toEqual(['ivy']);
  });
});

describe('updateAgent and setAgentStatus', () => {
  async function withSam(deps = world()) {
    await createAgent(deps, {
      orgId: 'acme',
      agentId: 'sam',
      name: 'Sam',
      role: 'leasing_agent',
      skills: ['leasing'],
      shift: night,
    });
    deps.clock.advance(60_000);
    return deps;
  }

  it('changes only the members sent, bumps the version, and reports the changed fields before and after', async () => {
    const deps = await withSam();
    const changed = await updateAgent(deps, 'acme', 'sam', { skills: ['leasing', 'spanish'], name: 'Sam' });
    expect(changed).toMatchObject({
      kind: 'changed',
      agent: {
        skills: ['leasing', 'spanish'],
        shift: night,
        version: 1,
        updatedAt: '2026-11-28T09:01:00.000Z',
      },
      before: { skills: ['leasing'] },
      after: { skills: ['leasing', 'spanish'] },
    });
  });

  it('removes the shift on null (before shows it, after null), and a patch that changes nothing writes nothing', async () => {
    const deps = await withSam();
    const cleared = await updateAgent(deps, 'acme', 'sam', { shift: null });
    expect(cleared).toMatchObject({ kind: 'changed', before: { shift: night }, after: { shift: null } });
    expect((await deps.agents.get('acme', 'sam'))?.shift).toBeUndefined();
    const same = await updateAgent(deps, 'acme', 'sam', { name: 'Sam', shift: null });
    expect(same.kind).toBe('unchanged');
    expect((await deps.agents.get('acme', 'sam'))?.version).toBe(1);
    expect((await setAgentStatus(deps, 'acme', 'sam', 'offline')).kind).toBe('unchanged');
    expect(await setAgentStatus(deps, 'acme', 'nobody', 'busy')).toEqual({ kind: 'not_found' });
  });

  it('reads again after losing a race and applies the change on top of the winner’s', async () => {
    const deps = await withSam(world(new RacedDirectory(1)));
    const changed = await setAgentStatus(deps, 'acme', 'sam', 'available');
    expect(changed).toMatchObject({
      kind: 'changed',
      before: { status: 'offline' },
      after: { status: 'available' },
    });
    expect(await deps.agents.get('acme', 'sam')).toMatchObject({
      name: 'Renamed elsewhere',
      status: 'available',
      version: 2,
    });
  });

  it('gives up after a bounded number of lost races', async () => {
    const deps = await withSam(world(new RacedDirectory(10)));
    await expect(setAgentStatus(deps, 'acme', 'sam', 'busy')).rejects.toBeInstanceOf(AgentBusyError);
  });
});
