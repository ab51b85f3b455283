import { describe, expect, it } from 'vitest';
import { DynamoEmailStore } from '#adapters/dynamodb/email-store.ts';
import { DESK_USER_AGENT, deskApi } from '#test/support/desk-api.ts';
import { localRuntimeWithOrg } from '#test/support/local-runtime-org.ts';
import { createTestOrg } from '#test/support/orgs.ts';
import { seededEmail } from '#test/support/seeded-emails.ts';
import { draftOf, triaged } from '#test/support/triage-fixtures.ts';
import type { AuditAction } from '#vocabulary/desk.ts';

/**
 * The audit trail through the local runtime: every audited operation, done through the API,
 * leaves one line naming the key and its person, the caller's address and user agent, and what
 * changed (never a secret); `GET /v1/audit` filters and pages them, for admins of that org only.
 */
const local = localRuntimeWithOrg();
const api = deskApi(local);

interface Line {
  readonly auditId: string;
  readonly at: string;
  readonly action: AuditAction;
  readonly actor: { kind: string; keyId?: string; agentId?: string };
  readonly target: { kind: string; id: string };
  readonly from?: { ip?: string; userAgent?: string };
  readonly before?: Record<string, unknown>;
  readonly after?: Record<string, unknown>;
  readonly note?: string;
}

/** Every line the admin key reads with this query, following cursors (bounded). */
async function lines(query = '', key = local.org.apiKey): Promise<Line[]> {
  const found: Line[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page += 1) {
    const separator = query ? '&' : '';
    const answer = await api.call(
      key,
      'GET',
      `/v1/audit?${query}${separator}limit=5${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(answer.status).toBe(200);
    found.push(...answer.body.lines);
    cursor = answer.body.nextCursor;
    if (!cursor) return found;
  }
  throw new Error('the audit listing did not end within 50 pages');
}

const lastOf = async (action: AuditAction) => (await lines(`action=${action}`))[0];

/** An email of the org with a reply draft waiting for a decision, as a triage run leaves it. */
const drafted = (key: string) =>
  seededEmail(
    new DynamoEmailStore(local.runtime.resources.tables.main),
    local.org.orgId,
    key,
    triaged('move_in', 'low', draftOf()),
    new Date().toISOString(),
  );

describe('the audit trail', () => {
  it('records API keys created, rotated and revoked by whom and from where, never their secrets', async () => {
    const admin = await api.key(local.org.orgId, ['admin'], 'olivia');
    const created = await api.call(admin, 'POST', '/v1/admin/api-keys', {
      name: 'desk',
      scopes: ['queue:read'],
    });
    expect(created.status).toBe(201);
    const { keyId, apiKey } = created.body;
    const rotated = await api.call(admin, 'POST', `/v1/admin/api-keys/${keyId}/rotate`);
    expect(rotated.status).toBe(200);
    expect((await api.call(admin, 'DELETE', `/v1/admin/api-keys/${keyId}`)).status).toBe(204);
    // Revoking again answers 204 and changes nothing: one line.
    expect((await api.call(admin, 'DELETE', `/v1/admin/api-keys/${keyId}`)).status).toBe(204);
    expect(await lines('action=api_key.revoked')).toHaveLength(1);

    const created1 = await lastOf('api_key.created');
    expect(created1).toMatchObject({
      actor: { kind: 'key', agentId: 'olivia' },
      target: { kind: 'api_key', id: keyId },
      from: { ip: expect.any(String), userAgent: DESK_USER_AGENT },
      after: { keyId, name: 'desk', scopes: ['queue:read'] },
    });
    expect(await lastOf('api_key.rotated')).toMatchObject({
      target: { id: keyId },
      after: { previousSecretValidUntil: rotated.body.previousSecretValidUntil },
    });
    expect(await lastOf('api_key.revoked')).toMatchObject({ target: { id: keyId } });
    const everything = JSON.stringify(await lines());
    for (const secret of [apiKey, rotated.body.apiKey]) {
      expect(everything).not.toContain(secret);
      // `ak_<env>_<keyId>_<secret>`: the secret is base64url, so it may itself hold `_`.
      expect(everything).not.toContain(secret.split('_').slice(3).join('_'));
    }
    expect(everything).not.toMatch(/hash/i);
  });

  it('records a settings change with the fields before and after; a bad time zone is 422 and changes nothing', async () => {
    const admin = local.org.apiKey;
    await api.call(admin, 'PATCH', '/v1/org/settings', { timeZone: 'America/Chicago' });
    const changed = await api.call(admin, 'PATCH', '/v1/org/settings', {
      timeZone: 'Europe/Berlin',
      emergencyResponseMinutes: 45,
    });
    expect(changed.status).toBe(200);
    expect(await lastOf('settings.changed')).toMatchObject({
      target: { kind: 'org_settings', id: local.org.orgId },
      before: { timeZone: 'America/Chicago', emergencyResponseMinutes: null },
      after: { timeZone: 'Europe/Berlin', emergencyResponseMinutes: 45 },
    });
    const before = (await lines('action=settings.changed')).length;
    for (const timeZone of ['Mars/Olympus_Mons', '+01:00', 'Europe/Berlin '])
      expect((await api.call(admin, 'PATCH', '/v1/org/settings', { timeZone })).status).toBe(422);
    // Setting what is already set changes nothing, and says so nowhere.
    expect((await api.call(admin, 'PATCH', '/v1/org/settings', { timeZone: 'Europe/Berlin' })).status).toBe(
      200,
    );
    expect(await lines('action=settings.changed')).toHaveLength(before);
  });

  it('records agents created, changed (before/after) and their status set', async () => {
    const admin = local.org.apiKey;
    await api.call(admin, 'POST', '/v1/agents', {
      agentId: 'ivy',
      name: 'Ivy',
      role: 'leasing_agent',
      skills: ['leasing'],
    });
    await api.call(admin, 'PATCH', '/v1/agents/ivy', { skills: ['leasing', 'spanish'] });
    const ivy = await api.key(local.org.orgId, ['queue:write'], 'ivy');
    await api.call(ivy, 'PUT', '/v1/agents/ivy/status', { status: 'available' });
    expect(await lastOf('agent.created')).toMatchObject({
      target: { kind: 'agent', id: 'ivy' },
      after: { status: 'offline' },
    });
    expect(await lastOf('agent.updated')).toMatchObject({
      before: { skills: ['leasing'] },
      after: { skills: ['leasing', 'spanish'] },
    });
    expect(await lastOf('agent.status_changed')).toMatchObject({
      actor: { kind: 'key', agentId: 'ivy' },
      before: { status: 'offline' },
      after: { status: 'available' },
    });
  });

  it('records integrations created, rotated and deleted, and draft decisions with an edit’s before and after', async () => {
    const admin = local.org.apiKey;
    const integrationId = `audit-${local.org.orgId}`.slice(0, 60);
    const registered = await api.call(admin, 'POST', '/v1/admin/integrations', {
      integrationId,
      name: 'Forms',
    });
    expect(registered.status).toBe(201);
    await api.call(admin, 'POST', `/v1/admin/integrations/${integrationId}/rotate`);
    await api.call(admin, 'DELETE', `/v1/admin/integrations/${integrationId}`);
    for (const action of ['integration.created', 'integration.rotated', 'integration.deleted'] as const)
      expect(await lastOf(action)).toMatchObject({ target: { kind: 'integration', id: integrationId } });
    expect(JSON.stringify(await lines('action=integration.created'))).not.toContain(registered.body.secret);

    const approver = await api.key(local.org.orgId, ['approvals:write'], 'paula');
    const plain = await drafted('audit-approve');
    const edit = await drafted('audit-edit');
    const rejected = await drafted('audit-reject');
    const edited = 'Welcome! Your keys are ready at the office from 9 to 5.';
    expect((await api.call(approver, 'POST', `/v1/emails/${plain}/draft/approve`, {})).status).toBe(200);
    expect(
      (await api.call(approver, 'POST', `/v1/emails/${edit}/draft/approve`, { text: edited })).status,
    ).toBe(200);
    expect(
      (await api.call(approver, 'POST', `/v1/emails/${rejected}/draft/reject`, { reason: 'Wrong tone' }))
        .status,
    ).toBe(200);
    // A second decision is refused (409) and is no decision: no line.
    expect((await api.call(approver, 'POST', `/v1/emails/${plain}/draft/approve`, {})).status).toBe(409);
    expect(await lines('action=draft.approved')).toEqual([
      expect.objectContaining({ target: { kind: 'email', id: plain } }),
    ]);
    expect(await lastOf('draft.edited')).toMatchObject({
      actor: { agentId: 'paula' },
      target: { id: edit },
      before: { text: draftOf().text },
      after: { text: edited },
    });
    expect(await lastOf('draft.rejected')).toMatchObject({ target: { id: rejected }, note: 'Wrong tone' });
  });

  it('records an approval decided once it is applied', async () => {
    const requester = await api.key(local.org.orgId, ['workflows:write'], 'rita');
    const started = await api.call(requester, 'POST', '/v1/workflows', {
      type: 'maintenance_routine',
      facts: { summary: 'Audit repair', estimateUsd: 300 },
    });
    expect(started.status).toBe(201);
    const { workflowId } = started.body;
    // A tech lead other than the requester approves the dispatch.
    const lead = await api.key(
      local.org.orgId,
      ['approvals:write', 'workflows:read'],
      'leo',
      'maintenance_tech_lead',
    );
    const decision = { stepId: 'approve_dispatch.1', decision: 'approve', comment: 'go ahead' };
    expect((await api.call(lead, 'POST', `/v1/workflows/${workflowId}/approvals`, decision)).status).toBe(
      200,
    );
    expect((await api.call(lead, 'POST', `/v1/workflows/${workflowId}/approvals`, decision)).status).toBe(
      409,
    );
    const decided = await lines('action=approval.decided');
    expect(decided).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ agentId: 'leo' }),
        target: { kind: 'workflow', id: workflowId },
        after: expect.objectContaining({ stepId: 'approve_dispatch.1', decision: 'approve' }),
        note: 'go ahead',
      }),
    ]);
  });

  it('filters by actor, action and since, newest first; an unknown action is 422; a non-admin 403; another org sees none', async () => {
    const all = await lines();
    const times = all.map((line) => line.at);
    expect(times).toEqual([...times].sort().reverse());
    const byIvy = await lines('actor=ivy');
    expect(byIvy.map((line) => line.action)).toEqual(['agent.status_changed']);
    const actions = new Set(all.map((line) => line.action));
    for (const action of [
      'api_key.created',
      'settings.changed',
      'agent.created',
      'draft.rejected',
      'approval.decided',
    ])
      expect(actions).toContain(action);
    const newest = all[0];
    if (!newest) throw new Error('no audit lines');
    expect(await lines(`since=${encodeURIComponent(newest.at)}`)).toContainEqual(newest);
    expect(await lines(`since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toEqual(
      [],
    );

    const admin = local.org.apiKey;
    const unknown = await api.call(admin, 'GET', '/v1/audit?action=key.stolen');
    expect(unknown).toMatchObject({ status: 422, body: { type: 'urn:aictive:problem:validation' } });
    const reader = await api.key(local.org.orgId, ['queue:read', 'queue:write', 'workflows:read']);
    expect((await api.call(reader, 'GET', '/v1/audit')).status).toBe(403);
    const other = await createTestOrg(local.runtime.resources.tables.main);
    expect(await lines('', other.apiKey)).toEqual([]);
    const bad = await api.call(admin, 'GET', '/v1/audit?cursor=bm90LWEtY3Vyc29y');
    expect(bad.status).toBe(422);
  });
});
