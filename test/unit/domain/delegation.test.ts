import { describe, expect, it } from 'vitest';
import { covers, delegationRefusal, inheritedGrant, type KeyGrant } from '#domain/access/delegation.ts';

const DEFAULT = 600;
const reader: KeyGrant = { scopes: ['emails:read', 'events:read'] };
const admin: KeyGrant = { scopes: ['admin'] };
const limitedAdmin: KeyGrant = {
  scopes: ['admin'],
  expiresAt: '2027-01-01T00:00:00.000Z',
  rateLimitPerMinute: 60,
};

describe('delegation: a key never grants more than it has', () => {
  it('grants its own scopes, or fewer', () => {
    expect(delegationRefusal(reader, { scopes: ['emails:read'] }, DEFAULT)).toBeUndefined();
    expect(delegationRefusal(reader, reader, DEFAULT)).toBeUndefined();
  });

  it('refuses a scope it lacks, naming it and what it holds', () => {
    expect(delegationRefusal(reader, { scopes: ['emails:read', 'emails:write'] }, DEFAULT)).toEqual({
      field: 'scopes',
      detail: 'this key cannot grant emails:write: it holds only emails:read, events:read',
    });
  });

  it('never lets a key without admin grant admin', () => {
    expect(delegationRefusal(reader, { scopes: ['admin'] }, DEFAULT)?.field).toBe('scopes');
    expect(covers(reader.scopes, 'admin')).toBe(false);
  });

  it('lets admin grant every scope, admin included', () => {
    expect(covers(admin.scopes, 'stats:read')).toBe(true);
    expect(delegationRefusal(admin, { scopes: ['admin'] }, DEFAULT)).toBeUndefined();
    expect(delegationRefusal(admin, { scopes: ['queue:write', 'approvals:write'] }, DEFAULT)).toBeUndefined();
  });

  it('refuses a later expiry, or none, from an expiring key', () => {
    const later = { scopes: ['admin'], expiresAt: '2027-06-01T00:00:00.000Z', rateLimitPerMinute: 60 };
    expect(delegationRefusal(limitedAdmin, later, DEFAULT)).toEqual({
      field: 'expiresAt',
      detail: 'this key expires at 2027-01-01T00:00:00.000Z; a key it grants must expire by then',
    });
    expect(
      delegationRefusal(limitedAdmin, { scopes: ['admin'], rateLimitPerMinute: 60 }, DEFAULT)?.field,
    ).toBe('expiresAt');
    const same = { ...later, expiresAt: '2027-01-01T00:00:00Z' };
    expect(delegationRefusal(limitedAdmin, same, DEFAULT)).toBeUndefined();
  });

  it('refuses a higher rate limit, counting an absent one as the default', () => {
    const faster = { scopes: ['emails:read'], expiresAt: limitedAdmin.expiresAt, rateLimitPerMinute: 61 };
    expect(delegationRefusal(limitedAdmin, faster, DEFAULT)).toEqual({
      field: 'rateLimitPerMinute',
      detail: 'this key may make 60 requests a minute; a key it grants may make at most that many',
    });
    // A key without a limit of its own gets the default (600): above 60.
    expect(
      delegationRefusal(limitedAdmin, { ...faster, rateLimitPerMinute: undefined }, DEFAULT)?.field,
    ).toBe('rateLimitPerMinute');
    // A key without a limit of its own may grant up to the default, not beyond.
    expect(delegationRefusal(admin, { scopes: ['admin'], rateLimitPerMinute: 600 }, DEFAULT)).toBeUndefined();
    expect(delegationRefusal(admin, { scopes: ['admin'], rateLimitPerMinute: 601 }, DEFAULT)?.field).toBe(
      'rateLimitPerMinute',
    );
  });
});

describe('inherited grant', () => {
  it("takes the grantor's expiry and limit where the request leaves them out", () => {
    expect(inheritedGrant(limitedAdmin, { scopes: ['emails:read'] })).toEqual({
      scopes: ['emails:read'],
      expiresAt: limitedAdmin.expiresAt,
      rateLimitPerMinute: 60,
    });
    expect(
      delegationRefusal(limitedAdmin, inheritedGrant(limitedAdmin, { scopes: ['admin'] }), DEFAULT),
    ).toBe(undefined);
  });

  it('keeps what the request asked for, and adds nothing a grantor does not have', () => {
    const asked = { scopes: ['emails:read'], expiresAt: '2026-12-01T00:00:00.000Z', rateLimitPerMinute: 5 };
    expect(inheritedGrant(limitedAdmin, asked)).toEqual(asked);
    expect(inheritedGrant(admin, { scopes: ['emails:read'] })).toEqual({ scopes: ['emails:read'] });
  });
});
