import { describe, expect, it } from 'vitest';
import { type Answer, deskApi } from '#test/support/desk-api.ts';
import { localRuntimeWithOrg } from '#test/support/local-runtime-org.ts';
import { createTestOrg } from '#test/support/orgs.ts';

/**
 * The agent routes through the local runtime (gateway, authorizer, api function, DynamoDB):
 * create, list with filters, change, status by the person's own key or an admin, and the
 * refusals (403 for another person's key, 409 for a taken id, another org's agents unseen).
 */
const local = localRuntimeWithOrg();
const api = deskApi(local);

const maria = {
  agentId: 'maria@acme.example',
  name: 'Maria Lopez',
  role: 'maintenance_tech_lead',
  skills: ['maintenance', 'spanish'],
  shift: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '22:00', end: '06:00' },
};
const sam = {
  agentId: 'sam',
  name: 'Sam Lee',
  role: 'leasing_agent',
  skills: ['leasing'],
  status: 'available',
};
const problemType = (slug: string) => `urn:aictive:problem:${slug}`;
const created = (answer: Answer) => {
  expect(answer.status).toBe(201);
  return answer.body;
};

describe('agents', () => {
  it('creates agents (offline unless a status is given), answers 201 with Location, and 409 for a taken id', async () => {
    const admin = local.org.apiKey;
    const first = await api.call(admin, 'POST', '/v1/agents', maria);
    expect(first.headers.get('location')).toBe(`/v1/agents/${encodeURIComponent(maria.agentId)}`);
    expect(created(first)).toEqual({
      ...maria,
      status: 'offline',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(created(await api.call(admin, 'POST', '/v1/agents', sam)).status).toBe('available');
    const again = await api.call(admin, 'POST', '/v1/agents', { ...maria, name: 'Someone else' });
    expect(again).toMatchObject({ status: 409, body: { type: problemType('conflict') } });
  });

  it('lists the org’s agents to a queue:read key, filtered by status and skill', async () => {
    const reader = await api.key(local.org.orgId, ['queue:read']);
    const all = await api.call(reader, 'GET', '/v1/agents');
    expect(all.status).toBe(200);
    expect(all.body.agents.map((a: { agentId: string }) => a.agentId)).toEqual(
      expect.arrayContaining([maria.agentId, sam.agentId]),
    );
    const spanish = await api.call(reader, 'GET', '/v1/agents?skill=spanish');
    expect(spanish.body.agents.map((a: { agentId: string }) => a.agentId)).toEqual([maria.agentId]);
    const available = await api.call(reader, 'GET', '/v1/agents?status=available&skill=leasing');
    expect(available.body.agents.map((a: { agentId: string }) => a.agentId)).toEqual([sam.agentId]);
    expect((await api.call(reader, 'GET', '/v1/agents?status=asleep')).status).toBe(422);
    expect((await api.call(reader, 'POST', '/v1/agents', { ...sam, agentId: 'nope' })).status).toBe(403);
  });

  it('changes name, role, skills and shift; `shift: null` removes the hours; refuses an empty or bad patch', async () => {
    const admin = local.org.apiKey;
    const path = `/v1/agents/${encodeURIComponent(maria.agentId)}`;
    const changed = await api.call(admin, 'PATCH', path, { skills: ['maintenance'], name: 'María López' });
    expect(changed).toMatchObject({
      status: 200,
      body: { skills: ['maintenance'], name: 'María López', shift: maria.shift },
    });
    const cleared = await api.call(admin, 'PATCH', path, { shift: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.shift).toBeUndefined();
    expect((await api.call(admin, 'PATCH', path, {})).status).toBe(422);
    expect(
      (await api.call(admin, 'PATCH', path, { shift: { days: ['mon'], start: '9:00', end: '17:00' } }))
        .status,
    ).toBe(422);
    expect((await api.call(admin, 'PATCH', path, { status: 'busy' })).status).toBe(422);
    expect((await api.call(admin, 'PATCH', '/v1/agents/nobody', { name: 'X' })).status).toBe(404);
  });

  it('lets the agent’s own key or an admin set the status; another person’s key is 403 not-this-agent', async () => {
    const orgId = local.org.orgId;
    const own = await api.key(orgId, ['queue:write'], sam.agentId);
    const teammate = await api.key(orgId, ['queue:write'], maria.agentId);
    const path = `/v1/agents/${sam.agentId}/status`;
    expect(await api.call(own, 'PUT', path, { status: 'busy' })).toMatchObject({
      status: 200,
      body: { status: 'busy' },
    });
    const refused = await api.call(teammate, 'PUT', path, { status: 'offline' });
    expect(refused).toMatchObject({ status: 403, body: { type: problemType('not-this-agent') } });
    const noPerson = await api.key(orgId, ['queue:write']);
    expect((await api.call(noPerson, 'PUT', path, { status: 'offline' })).status).toBe(403);
    expect(await api.call(local.org.apiKey, 'PUT', path, { status: 'offline' })).toMatchObject({
      status: 200,
      body: { status: 'offline' },
    });
    expect((await api.call(own, 'PUT', path, { status: 'asleep' })).status).toBe(422);
    // A queue:read key cannot reach the route at all.
    const reader = await api.key(orgId, ['queue:read'], sam.agentId);
    expect((await api.call(reader, 'PUT', path, { status: 'busy' })).status).toBe(403);
  });

  it('never shows or changes another org’s agents', async () => {
    const other = await createTestOrg(local.runtime.resources.tables.main);
    const listed = await api.call(other.apiKey, 'GET', '/v1/agents');
    expect(listed).toMatchObject({ status: 200, body: { agents: [] } });
    const path = `/v1/agents/${sam.agentId}`;
    expect((await api.call(other.apiKey, 'PATCH', path, { name: 'Hijacked' })).status).toBe(404);
    expect((await api.call(other.apiKey, 'PUT', `${path}/status`, { status: 'busy' })).status).toBe(404);
    // The same id is free in another org.
    expect((await api.call(other.apiKey, 'POST', '/v1/agents', sam)).status).toBe(201);
    const mine = await api.call(local.org.apiKey, 'GET', '/v1/agents?skill=leasing');
    expect(mine.body.agents).toEqual([expect.objectContaining({ agentId: sam.agentId, status: 'offline' })]);
  });
});
