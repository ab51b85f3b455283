import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuditWriteFailed } from '#domain/audit/audit-write-failed.ts';
import { auditContext, recordAudit } from '#functions/api/audit-context.ts';
import { logger, metrics } from '#platform/observability.ts';
import { InMemoryAuditTrail } from '#test/support/in-memory/audit-trail.ts';
import { ManualClock } from '#test/support/in-memory/platform.ts';
import { apiEvent } from '#test/support/lambda-events.ts';

const NOW = new Date('2026-11-28T10:00:00.000Z');
const principal = { orgId: 'acme', keyId: 'k1k1k1k1k1k1k1k1', scopes: ['admin'], agentId: 'olivia' };

function request(identity: { sourceIp?: string; userAgent?: string }, headers: Record<string, string> = {}) {
  const event = apiEvent({ method: 'POST', resource: '/v1/agents', headers, principal });
  return {
    principal,
    event: { ...event, requestContext: { ...event.requestContext, identity: identity as never } },
  };
}

afterEach(() => vi.restoreAllMocks());

describe('auditContext', () => {
  it('names the key, its person, the address and the user agent API Gateway saw', () => {
    expect(auditContext(request({ sourceIp: '203.0.113.7', userAgent: 'desk/1.0' }))).toEqual({
      orgId: 'acme',
      actor: { kind: 'key', keyId: 'k1k1k1k1k1k1k1k1', agentId: 'olivia' },
      from: { ip: '203.0.113.7', userAgent: 'desk/1.0' },
    });
  });

  it('takes the User-Agent header when the identity lacks it, and leaves out what nobody knows', () => {
    expect(auditContext(request({ sourceIp: '203.0.113.7' }, { 'User-Agent': 'curl/8' })).from).toEqual({
      ip: '203.0.113.7',
      userAgent: 'curl/8',
    });
    const anonymous = auditContext({ ...request({}), principal: { ...principal, agentId: undefined } });
    expect(anonymous).toEqual({ orgId: 'acme', actor: { kind: 'key', keyId: 'k1k1k1k1k1k1k1k1' } });
  });
});

describe('recordAudit', () => {
  it('appends the line, dated by the clock', async () => {
    const trail = new InMemoryAuditTrail();
    await recordAudit({ trail, clock: new ManualClock(NOW) }, request({ sourceIp: '203.0.113.7' }), {
      action: 'agent.created',
      target: { kind: 'agent', id: 'sam' },
      after: { status: 'offline' },
    });
    const { records } = await trail.list('acme', {}, { limit: 5 }, NOW);
    expect(records).toEqual([
      expect.objectContaining({
        at: NOW.toISOString(),
        action: 'agent.created',
        actor: { kind: 'key', keyId: 'k1k1k1k1k1k1k1k1', agentId: 'olivia' },
        from: { ip: '203.0.113.7' },
        after: { status: 'offline' },
      }),
    ]);
  });

  it('lets a line that cannot be written fail as AuditWriteFailed carrying the whole line, counted and logged once', async () => {
    const trail = new InMemoryAuditTrail();
    trail.failWrites();
    const counted = vi.spyOn(metrics, 'addMetric').mockImplementation(() => metrics);
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const failed = recordAudit({ trail, clock: new ManualClock(NOW) }, request({ sourceIp: '203.0.113.7' }), {
      action: 'api_key.revoked',
      target: { kind: 'api_key', id: 'k2' },
    });
    await expect(failed).rejects.toBeInstanceOf(AuditWriteFailed);
    await expect(failed).rejects.toMatchObject({
      entry: {
        orgId: 'acme',
        action: 'api_key.revoked',
        actor: { kind: 'key', keyId: 'k1k1k1k1k1k1k1k1', agentId: 'olivia' },
        from: { ip: '203.0.113.7' },
      },
    });
    expect(counted.mock.calls).toEqual([['AuditWriteFailed', 'Count', 1]]);
    expect(logged).toHaveBeenCalledWith(
      'audit line not written',
      expect.objectContaining({ auditEntry: expect.objectContaining({ action: 'api_key.revoked' }) }),
    );
  });
});
