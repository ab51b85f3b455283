import { describe, expect, it } from 'vitest';
import {
  type ApiKeyRecord,
  acceptedSecretHashes,
  isKeyActive,
  principalOfKey,
  principalToAuthorizerContext,
} from '#domain/access/key-record.ts';
import { type Principal, principalFromAuthorizerContext } from '#domain/access/principal.ts';

const key: ApiKeyRecord = {
  keyId: 'abcdefghijklmnop',
  orgId: 'acme',
  name: 'dashboard',
  scopes: ['emails:read', 'events:read'],
  secretHash: 'current',
  createdAt: '2026-11-01T00:00:00.000Z',
};
const at = (iso: string) => new Date(iso);

describe('authorizer context', () => {
  const full: Principal = {
    orgId: 'acme',
    keyId: 'abcdefghijklmnop',
    scopes: ['emails:read', 'approvals:write'],
    role: 'maintenance_supervisor',
    agentId: 'agent-42',
    rateLimitPerMinute: 120,
  };

  it('is flat scalars with the scopes space-separated', () => {
    expect(principalToAuthorizerContext(full)).toEqual({
      orgId: 'acme',
      keyId: 'abcdefghijklmnop',
      scopes: 'emails:read approvals:write',
      role: 'maintenance_supervisor',
      agentId: 'agent-42',
      rateLimitPerMinute: 120,
    });
    expect(principalToAuthorizerContext({ orgId: 'a', keyId: 'k', scopes: [] })).toEqual({
      orgId: 'a',
      keyId: 'k',
      scopes: '',
    });
  });

  it('round-trips, as the local gateway passes it and as API Gateway does (every value a string)', () => {
    const context = principalToAuthorizerContext(full);
    expect(principalFromAuthorizerContext(context)).toEqual(full);
    const stringified = Object.fromEntries(Object.entries(context).map(([k, v]) => [k, String(v)]));
    expect(principalFromAuthorizerContext({ ...stringified, principalId: full.keyId })).toEqual(full);
    const minimal = { orgId: 'a', keyId: 'k', scopes: [] };
    expect(principalFromAuthorizerContext(principalToAuthorizerContext(minimal))).toEqual(minimal);
  });

  it('reads a role name from before the roles registry, cached in an older answer, as its equivalent', () => {
    const cached = { ...principalToAuthorizerContext(full), role: 'maintenance_coordinator' };
    expect(principalFromAuthorizerContext(cached)).toEqual(full);
  });

  it.each([
    ['nothing', undefined],
    ['no org', { keyId: 'k', scopes: 'admin' }],
    ['an empty org', { orgId: '', keyId: 'k', scopes: 'admin' }],
    ['scopes as an array', { orgId: 'a', keyId: 'k', scopes: ['admin'] }],
    ['an unknown role', { orgId: 'a', keyId: 'k', scopes: 'admin', role: 'landlord' }],
    ['a rate limit of zero', { orgId: 'a', keyId: 'k', scopes: 'admin', rateLimitPerMinute: '0' }],
    [
      'a rate limit that is not a number',
      { orgId: 'a', keyId: 'k', scopes: 'admin', rateLimitPerMinute: '1e3' },
    ],
  ])('is refused with %s', (_name, context) => {
    expect(principalFromAuthorizerContext(context)).toBeUndefined();
  });
});

describe('key state', () => {
  it('is active until it expires (exclusive) and never once revoked', () => {
    const expiring = { ...key, keyExpiresAt: '2026-12-01T00:00:00.000Z' };
    expect(isKeyActive(expiring, at('2026-11-30T23:59:59.999Z'))).toBe(true);
    expect(isKeyActive(expiring, at('2026-12-01T00:00:00.000Z'))).toBe(false);
    expect(
      isKeyActive({ ...key, revokedAt: '2026-11-02T00:00:00.000Z' }, at('2026-11-01T00:00:00.000Z')),
    ).toBe(false);
    expect(isKeyActive(key, at('2099-01-01T00:00:00.000Z'))).toBe(true);
  });

  it('accepts the previous secret until the end of its grace, exclusive', () => {
    const rotated = {
      ...key,
      previousSecretHash: 'previous',
      previousSecretExpiresAt: '2026-11-02T00:00:00.000Z',
    };
    expect(acceptedSecretHashes(rotated, at('2026-11-01T12:00:00.000Z'))).toEqual(['current', 'previous']);
    expect(acceptedSecretHashes(rotated, at('2026-11-01T23:59:59.999Z'))).toEqual(['current', 'previous']);
    expect(acceptedSecretHashes(rotated, at('2026-11-02T00:00:00.000Z'))).toEqual(['current']);
    expect(acceptedSecretHashes(key, at('2026-11-01T12:00:00.000Z'))).toEqual(['current']);
  });

  it('makes a principal of the key without its secret', () => {
    expect(principalOfKey({ ...key, role: 'accountant', agentId: 'p-7', rateLimitPerMinute: 60 })).toEqual({
      orgId: 'acme',
      keyId: key.keyId,
      scopes: ['emails:read', 'events:read'],
      role: 'accountant',
      agentId: 'p-7',
      rateLimitPerMinute: 60,
    });
    expect(principalOfKey(key)).toEqual({ orgId: 'acme', keyId: key.keyId, scopes: key.scopes });
  });
});
