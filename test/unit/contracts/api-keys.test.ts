import { describe, expect, it } from 'vitest';
import {
  ApiKeyParams,
  ApiKeyView,
  CreateApiKeyRequest,
  MAX_ROTATION_GRACE_SECONDS,
  RotateApiKeyRequest,
} from '#contracts/api-keys.ts';
import { apiKeyView } from '#functions/api/api-key-view.ts';

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join('.') || '(root)');

describe('create request', () => {
  it('accepts a people key with every option and normalises the expiry to UTC', () => {
    const parsed = CreateApiKeyRequest.parse({
      name: ' Dana (leasing) ',
      scopes: ['emails:read', 'approvals:write'],
      role: 'leasing_agent',
      agentId: 'dana@acme',
      expiresAt: '2027-01-01T02:00:00+02:00',
      rateLimitPerMinute: 100_000,
    });
    expect(parsed).toEqual({
      name: 'Dana (leasing)',
      scopes: ['emails:read', 'approvals:write'],
      role: 'leasing_agent',
      agentId: 'dana@acme',
      expiresAt: '2027-01-01T00:00:00.000Z',
      rateLimitPerMinute: 100_000,
    });
  });

  it.each([
    // An unknown member is reported at the root: the org is always the caller's.
    ['another org', { orgId: 'other' }, ['(root)']],
    ['an unknown scope', { scopes: ['emails:read', 'everything'] }, ['scopes.1']],
    ['no scope', { scopes: [] }, ['scopes']],
    ['a scope twice', { scopes: ['admin', 'admin'] }, ['scopes']],
    ['an unknown role', { role: 'landlord' }, ['role']],
    ['a blank name', { name: '  ' }, ['name']],
    ['an expiry without a zone', { expiresAt: '2027-01-01T00:00:00' }, ['expiresAt']],
    ['a rate limit of 0', { rateLimitPerMinute: 0 }, ['rateLimitPerMinute']],
    ['a rate limit above 100000', { rateLimitPerMinute: 100_001 }, ['rateLimitPerMinute']],
    ['an agent id with spaces', { agentId: 'dana ruiz' }, ['agentId']],
  ])('refuses %s, naming the field', (_name, change, expected) => {
    const result = CreateApiKeyRequest.safeParse({ name: 'n', scopes: ['admin'], ...change });
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual(expected);
  });
});

describe('rotate request', () => {
  it('is optional, and bounds the grace to 0..7 days in whole seconds', () => {
    expect(RotateApiKeyRequest.parse(undefined)).toBeUndefined();
    expect(RotateApiKeyRequest.parse({})).toEqual({});
    expect(RotateApiKeyRequest.parse({ graceSeconds: 0 })).toEqual({ graceSeconds: 0 });
    expect(RotateApiKeyRequest.parse({ graceSeconds: MAX_ROTATION_GRACE_SECONDS })).toEqual({
      graceSeconds: 604_800,
    });
    for (const graceSeconds of [-1, MAX_ROTATION_GRACE_SECONDS + 1, 1.5, '60'])
      expect(RotateApiKeyRequest.safeParse({ graceSeconds }).success).toBe(false);
    expect(RotateApiKeyRequest.safeParse({ graceSeconds: 60, extra: 1 }).success).toBe(false);
  });
});

describe('key id parameter', () => {
  it('is 16 lower-case letters or digits (generated and opaque-derived ids alike)', () => {
    expect(ApiKeyParams.safeParse({ keyId: 'abcdefghijklmnop' }).success).toBe(true);
    expect(ApiKeyParams.safeParse({ keyId: 'o0123456789abcde' }).success).toBe(true);
    for (const keyId of ['short', 'ABCDEFGHIJKLMNOP', 'abcdefghijklmnop0', 'abcdefghijklmno_'])
      expect(ApiKeyParams.safeParse({ keyId }).success).toBe(false);
  });
});

describe('key view', () => {
  it('never carries a secret hash, and names the rotation grace end', () => {
    const view = apiKeyView({
      keyId: 'abcdefghijklmnop',
      orgId: 'acme',
      name: 'ops',
      scopes: ['admin'],
      role: 'property_manager',
      secretHash: 'a'.repeat(64),
      previousSecretHash: 'b'.repeat(64),
      previousSecretExpiresAt: '2026-11-02T00:00:00.000Z',
      createdAt: '2026-11-01T00:00:00.000Z',
      keyExpiresAt: '2027-01-01T00:00:00.000Z',
      revokedAt: '2026-11-03T00:00:00.000Z',
      lastUsedAt: '2026-11-01T10:00:00.000Z',
      rateLimitPerMinute: 60,
    });
    expect(view).toEqual({
      keyId: 'abcdefghijklmnop',
      name: 'ops',
      scopes: ['admin'],
      role: 'property_manager',
      rateLimitPerMinute: 60,
      createdAt: '2026-11-01T00:00:00.000Z',
      expiresAt: '2027-01-01T00:00:00.000Z',
      revokedAt: '2026-11-03T00:00:00.000Z',
      lastUsedAt: '2026-11-01T10:00:00.000Z',
      previousSecretValidUntil: '2026-11-02T00:00:00.000Z',
    });
    expect(JSON.stringify(view)).not.toMatch(/aaaa|bbbb|orgId|secret"/i);
    expect(ApiKeyView.parse(view)).toEqual(view);
  });
});
