import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAgentDirectory } from '#adapters/dynamodb/agent-directory.ts';
import type { AgentDirectory } from '#domain/agents/ports.ts';
import { agentOf } from '#test/support/agent-fixtures.ts';
import { InMemoryAgentDirectory } from '#test/support/in-memory/agent-directory.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

let stack: TestStack | undefined;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

const implementations: { name: string; directory(): AgentDirectory }[] = [
  { name: 'in-memory twin', directory: () => new InMemoryAgentDirectory() },
  {
    name: 'DynamoDB adapter',
    directory: () => {
      if (!stack) throw new Error('the test stack is not started');
      return new DynamoAgentDirectory(stack.resources.tables.main);
    },
  },
];

const freshOrg = () => `org-${randomBytes(5).toString('hex')}`;

describe.each(implementations)('AgentDirectory contract: $name', ({ directory: make }) => {
  it('creates an id once per org; another org may use the same id', async () => {
    const directory = make();
    const orgId = freshOrg();
    const other = freshOrg();
    const maria = agentOf(orgId, 'maria', {
      skills: ['maintenance', 'spanish'],
      shift: { days: ['mon', 'tue'], start: '22:00', end: '06:00' },
    });
    expect(await directory.get(orgId, 'maria')).toBeUndefined();
    expect(await directory.create(maria)).toBe('created');
    expect(await directory.create({ ...maria, name: 'Someone else' })).toBe('exists');
    expect(await directory.get(orgId, 'maria')).toEqual(maria);
    expect(await directory.get(other, 'maria')).toBeUndefined();
    expect(await directory.create(agentOf(other, 'maria'))).toBe('created');
    expect((await directory.get(other, 'maria'))?.name).toBe('Agent maria');
  });

  it('saves on the version read; a stale version is a conflict and changes nothing', async () => {
    const directory = make();
    const orgId = freshOrg();
    const sam = agentOf(orgId, 'sam');
    await directory.create(sam);
    const busy = { ...sam, status: 'busy' as const, version: 1, updatedAt: '2026-11-28T10:00:00.000Z' };
    expect(await directory.save(busy, 0)).toBe('saved');
    expect(await directory.save({ ...sam, status: 'available', version: 1 }, 0)).toBe('conflict');
    expect(await directory.get(orgId, 'sam')).toEqual(busy);
    // A save never creates: an agent that does not exist is a conflict.
    expect(await directory.save(agentOf(orgId, 'ghost', { version: 1 }), 0)).toBe('conflict');
    expect(await directory.get(orgId, 'ghost')).toBeUndefined();
  });

  it("lists only the org's agents, by id, and a shift removed stays removed", async () => {
    const directory = make();
    const orgId = freshOrg();
    const other = freshOrg();
    const ids = ['zoe', 'amir', 'lee.k', 'Bea'];
    for (const id of ids)
      await directory.create(agentOf(orgId, id, { shift: { days: ['sat'], start: '08:00', end: '16:00' } }));
    await directory.create(agentOf(other, 'outsider'));
    const listed = await directory.list(orgId);
    expect(listed.map((agent) => agent.agentId)).toEqual(['Bea', 'amir', 'lee.k', 'zoe']);
    expect(listed.every((agent) => agent.orgId === orgId)).toBe(true);
    expect(await directory.list(freshOrg())).toEqual([]);

    const { shift: _removed, ...zoe } =
      listed.find((agent) => agent.agentId === 'zoe') ?? agentOf(orgId, 'zoe');
    expect(await directory.save({ ...zoe, version: 1 }, 0)).toBe('saved');
    expect((await directory.get(orgId, 'zoe'))?.shift).toBeUndefined();
  });

  it('refuses an agent its schema refuses, storing nothing', async () => {
    const directory = make();
    const orgId = freshOrg();
    await expect(directory.create(agentOf(orgId, 'bad', { skills: ['Not A Skill'] }))).rejects.toThrow();
    expect(await directory.list(orgId)).toEqual([]);
  });

  it('lists agents of every org whose next shift start is due, earliest first, paged; a moved or removed start leaves', async () => {
    const directory = make();
    const orgId = freshOrg();
    const other = freshOrg();
    const shift = { days: ['mon' as const], start: '09:00', end: '17:00' };
    // Instants long past, so no other test's agents are due before them.
    await directory.create(agentOf(orgId, 'ana', { shift, nextShiftStartAt: '2001-01-01T09:00:00.000Z' }));
    await directory.create(agentOf(other, 'bo', { shift, nextShiftStartAt: '2001-01-01T08:00:00.000Z' }));
    await directory.create(agentOf(orgId, 'cy', { shift, nextShiftStartAt: '2001-01-01T09:01:00.000Z' }));
    await directory.create(agentOf(orgId, 'dee'));
    const dueAt = async (at: string) => {
      const found: { orgId: string; id: string; dueAt: string }[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 20; page += 1) {
        const answer = await directory.shiftStartsDue(new Date(at), {
          limit: 1,
          ...(cursor ? { cursor } : {}),
        });
        found.push(...answer.due.filter((entry) => [orgId, other].includes(entry.orgId)));
        cursor = answer.cursor;
        if (!cursor) break;
      }
      return found;
    };
    expect(await dueAt('2001-01-01T09:00:00.000Z')).toEqual([
      { orgId: other, id: 'bo', dueAt: '2001-01-01T08:00:00.000Z' },
      { orgId, id: 'ana', dueAt: '2001-01-01T09:00:00.000Z' },
    ]);
    const ana = await directory.get(orgId, 'ana');
    if (!ana) throw new Error('ana was created');
    expect(ana.nextShiftStartAt).toBe('2001-01-01T09:00:00.000Z');
    const moved = { ...ana, nextShiftStartAt: '2001-01-08T09:00:00.000Z', version: 1 };
    expect(await directory.save(moved, 0)).toBe('saved');
    const { shift: _shift, nextShiftStartAt: _start, ...bo } = agentOf(other, 'bo');
    expect(await directory.save({ ...bo, version: 1 }, 0)).toBe('saved');
    expect(await dueAt('2001-01-01T09:30:00.000Z')).toEqual([
      { orgId, id: 'cy', dueAt: '2001-01-01T09:01:00.000Z' },
    ]);
  });
});
