import { describe, expect, it } from 'vitest';
import { AgentView } from '#contracts/agents.ts';
import { AuditLineView } from '#contracts/audit.ts';
import type { AuditRecord } from '#domain/audit/audit-record.ts';
import { agentView } from '#functions/api/agent-view.ts';
import { auditLineView } from '#functions/api/audit-view.ts';
import { agentOf } from '#test/support/agent-fixtures.ts';

describe('agentView', () => {
  it('shows the person without the org or the version, valid by the published schema', () => {
    const agent = agentOf('acme', 'maria', {
      skills: ['maintenance', 'spanish'],
      shift: { days: ['mon'], start: '22:00', end: '06:00' },
      version: 7,
    });
    const view = agentView(agent);
    expect(view).toEqual({
      agentId: 'maria',
      name: 'Agent maria',
      role: 'maintenance_tech',
      skills: ['maintenance', 'spanish'],
      shift: { days: ['mon'], start: '22:00', end: '06:00' },
      status: 'offline',
      createdAt: agent.createdAt,
      updatedAt: agent.updatedAt,
    });
    expect(AgentView.parse(view)).toEqual(view);
    // A copy: changing the view leaves the agent as it was.
    view.skills.push('leasing');
    expect(agent.skills).toEqual(['maintenance', 'spanish']);
  });

  it('leaves out a shift the agent does not have', () => {
    expect('shift' in agentView(agentOf('acme', 'sam'))).toBe(false);
  });
});

describe('auditLineView', () => {
  const record: AuditRecord = {
    orgId: 'acme',
    auditId: '2026-11-28T10:00:00.000Z#a1b2c3',
    at: '2026-11-28T10:00:00.000Z',
    action: 'agent.updated',
    actor: { kind: 'key', keyId: 'k1k1k1k1k1k1k1k1', agentId: 'olivia' },
    target: { kind: 'agent', id: 'sam' },
    from: { ip: '203.0.113.7', userAgent: 'desk/1.0' },
    before: { skills: ['leasing'] },
    after: { skills: ['leasing', 'spanish'] },
  };

  it('shows every member but the org, valid by the published schema', () => {
    const { orgId: _org, ...shown } = record;
    expect(auditLineView(record)).toEqual(shown);
    expect(AuditLineView.parse(auditLineView(record))).toEqual(shown);
  });

  it('leaves out what a line does not have, and shows a system actor', () => {
    const view = auditLineView({
      orgId: 'acme',
      auditId: record.auditId,
      at: record.at,
      action: 'conversation.resolved',
      actor: { kind: 'system', name: 'retention' },
      target: { kind: 'conversation', id: 'c1' },
    });
    expect(Object.keys(view).sort()).toEqual(['action', 'actor', 'at', 'auditId', 'target']);
    expect(AuditLineView.parse(view).actor).toEqual({ kind: 'system', name: 'retention' });
  });
});
