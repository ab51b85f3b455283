import { describe, expect, it } from 'vitest';
import type { Principal } from '#domain/access/principal.ts';
import { maySetStatusOf } from '#domain/agents/status-rule.ts';

const key = (fields: Partial<Principal>): Principal => ({
  orgId: 'acme',
  keyId: 'k1',
  scopes: ['queue:write'],
  ...fields,
});

describe("who may set an agent's status", () => {
  it("lets the person's own key, whatever else it holds", () => {
    expect(maySetStatusOf(key({ agentId: 'sam' }), 'sam')).toBe(true);
  });

  it('lets an admin key set anyone’s, with or without a person of its own', () => {
    expect(maySetStatusOf(key({ scopes: ['admin'] }), 'sam')).toBe(true);
    expect(maySetStatusOf(key({ scopes: ['admin'], agentId: 'maria' }), 'sam')).toBe(true);
  });

  it('refuses a teammate’s key and a key of no person, even with queue:write', () => {
    expect(maySetStatusOf(key({ agentId: 'maria' }), 'sam')).toBe(false);
    expect(maySetStatusOf(key({}), 'sam')).toBe(false);
    // Ids are compared exactly: no case folding, no prefix.
    expect(maySetStatusOf(key({ agentId: 'Sam' }), 'sam')).toBe(false);
    expect(maySetStatusOf(key({ agentId: 'sam' }), 'sam2')).toBe(false);
  });
});
