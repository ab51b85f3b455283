import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Agent } from '#domain/agents/agent.ts';
import { orgOperations } from '#functions/api/org.ts';
import { apiRoutes } from '#lib/topology.ts';
import type { Operation } from '#platform/http/operation.ts';
import { createRouter, type RouteBinding } from '#platform/http/router.ts';
import { logger, metrics } from '#platform/observability.ts';
import { agentOf } from '#test/support/agent-fixtures.ts';
import { apiCaller } from '#test/support/api-caller.ts';
import { InMemoryAgentDirectory } from '#test/support/in-memory/agent-directory.ts';
import { InMemoryAuditTrail } from '#test/support/in-memory/audit-trail.ts';
import { InMemoryOrgSettingsStore, InMemoryOrgStore } from '#test/support/in-memory/org-stores.ts';
import { ManualClock } from '#test/support/in-memory/platform.ts';

/**
 * `PATCH /v1/org/settings` with a new time zone when the agents' shift starts cannot be moved (every
 * save contended): the settings stand, the request answers 200 and the change is audited; the
 * failure is logged and counted, the agent's next change or shift start re-computes it.
 */
const ORG = 'acme';
const admin = {
  orgId: ORG,
  keyId: 'k_admin',
  scopes: ['admin'],
  agentId: 'olivia',
  role: 'property_manager',
};

/** Another writer always wins: every save is a lost race. */
class ContendedAgentDirectory extends InMemoryAgentDirectory {
  override async save(_next: Agent, _expectedVersion: number): Promise<'saved' | 'conflict'> {
    return 'conflict';
  }
}

afterEach(() => vi.restoreAllMocks());

describe('a new time zone whose shift starts cannot be moved', () => {
  it('saves and audits the settings, answers 200, and counts the shifts left as they were', async () => {
    const clock = new ManualClock(new Date('2026-11-30T12:00:00.000Z'));
    const agents = new ContendedAgentDirectory();
    await agents.create(
      agentOf(ORG, 'ana', {
        shift: { days: ['tue'], start: '18:00', end: '22:00' },
        nextShiftStartAt: '2026-12-01T18:00:00.000Z',
      }),
    );
    const settings = new InMemoryOrgSettingsStore();
    const audit = new InMemoryAuditTrail();
    const operations: Record<string, Operation> = orgOperations(
      { orgs: new InMemoryOrgStore(), settings, agents, clock },
      { trail: audit, clock },
    );
    const routes = (apiRoutes as readonly RouteBinding[]).filter((route) => route.operation in operations);
    const router = createRouter(routes, operations);
    const call = apiCaller(() => (event) => router(event as never));
    const counted = vi.spyOn(metrics, 'addMetric').mockImplementation(() => metrics);
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);

    const answer = await call(admin, 'PATCH', '/v1/org/settings', { body: { timeZone: 'America/Chicago' } });

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ timeZone: 'America/Chicago' });
    expect((await settings.get(ORG)).timeZone).toBe('America/Chicago');
    const lines = (await audit.list(ORG, { action: 'settings.changed' }, { limit: 10 }, clock.now())).records;
    expect(lines).toEqual([
      expect.objectContaining({ after: expect.objectContaining({ timeZone: 'America/Chicago' }) }),
    ]);
    expect(counted.mock.calls.filter(([name]) => name === 'ShiftRescheduleFailed')).toHaveLength(1);
    expect(logged).toHaveBeenCalledOnce();
    // Left as it was: the next change or shift start re-computes it.
    expect((await agents.get(ORG, 'ana'))?.nextShiftStartAt).toBe('2026-12-01T18:00:00.000Z');
  });
});
