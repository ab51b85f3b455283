import { describe, expect, it } from 'vitest';
import type { ApiKeyRecord } from '#domain/access/principal.ts';
import { implementations } from './implementations.ts';

function apiKey(orgId: string, keyId: string, createdAt: string): ApiKeyRecord {
  return { keyId, orgId, name: keyId, scopes: ['events:read'], secretHash: `hash-${keyId}`, createdAt };
}

describe.each(implementations())('ApiKeyStore contract: $name', (implementation) => {
  it('finds a key by id, lists an org’s keys oldest first, and never overwrites another org’s key id', async () => {
    const world = await implementation.world();
    const later = apiKey(world.orgId, `${world.orgId}-k2`, '2026-11-21T10:00:02.000Z');
    const earlier = apiKey(world.orgId, `${world.orgId}-k1`, '2026-11-21T10:00:01.000Z');
    await world.apiKeys.put(later);
    await world.apiKeys.put(earlier);
    // Re-seeding the same key of the same org is allowed.
    await world.apiKeys.put(earlier);
    expect(await world.apiKeys.findByKeyId(earlier.keyId)).toEqual(earlier);
    expect((await world.apiKeys.list(world.orgId)).map((key) => key.keyId)).toEqual([
      earlier.keyId,
      later.keyId,
    ]);
    await expect(world.apiKeys.put({ ...earlier, orgId: `${world.orgId}-other` })).rejects.toThrow();
    expect(await world.apiKeys.list(`${world.orgId}-other`)).toEqual([]);
  });

  it('revokes once (the first time stays) and only in its own org', async () => {
    const world = await implementation.world();
    const key = apiKey(world.orgId, `${world.orgId}-k3`, '2026-11-21T10:00:00.000Z');
    await world.apiKeys.put(key);
    expect(await world.apiKeys.revoke(`${world.orgId}-other`, key.keyId, '2026-11-21T11:00:00.000Z')).toBe(
      false,
    );
    expect(await world.apiKeys.revoke(world.orgId, key.keyId, '2026-11-21T11:00:00.000Z')).toBe(true);
    expect(await world.apiKeys.revoke(world.orgId, key.keyId, '2026-11-21T12:00:00.000Z')).toBe(true);
    expect((await world.apiKeys.findByKeyId(key.keyId))?.revokedAt).toBe('2026-11-21T11:00:00.000Z');
    expect(await world.apiKeys.revoke(world.orgId, 'no-such-key', '2026-11-21T11:00:00.000Z')).toBe(false);
  });

  it('rotates only from the expected secret, never a revoked key; two rotations cannot both win', async () => {
    const world = await implementation.world();
    const key = apiKey(world.orgId, `${world.orgId}-k4`, '2026-11-21T10:00:00.000Z');
    await world.apiKeys.put(key);
    const rotation = (secretHash: string) => ({
      expectedSecretHash: key.secretHash,
      secretHash,
      previousValidUntil: '2026-11-22T10:00:00.000Z',
      at: '2026-11-21T10:30:00.000Z',
    });
    expect(await world.apiKeys.rotate(world.orgId, key.keyId, rotation('hash-a'))).toBe(true);
    expect(await world.apiKeys.rotate(world.orgId, key.keyId, rotation('hash-b'))).toBe(false);
    expect(await world.apiKeys.findByKeyId(key.keyId)).toMatchObject({
      secretHash: 'hash-a',
      previousSecretHash: key.secretHash,
      previousSecretExpiresAt: '2026-11-22T10:00:00.000Z',
      rotatedAt: '2026-11-21T10:30:00.000Z',
    });
    await world.apiKeys.revoke(world.orgId, key.keyId, '2026-11-21T11:00:00.000Z');
    const afterRevoke = { ...rotation('hash-c'), expectedSecretHash: 'hash-a' };
    expect(await world.apiKeys.rotate(world.orgId, key.keyId, afterRevoke)).toBe(false);
  });

  it('records a use unless one at or after notBefore is recorded', async () => {
    const world = await implementation.world();
    const key = apiKey(world.orgId, `${world.orgId}-k5`, '2026-11-21T10:00:00.000Z');
    await world.apiKeys.put(key);
    expect(
      await world.apiKeys.recordUse(key.keyId, '2026-11-21T10:05:00.000Z', '2026-11-21T10:04:00.000Z'),
    ).toBe(true);
    expect(
      await world.apiKeys.recordUse(key.keyId, '2026-11-21T10:05:30.000Z', '2026-11-21T10:05:00.000Z'),
    ).toBe(false);
    expect(
      await world.apiKeys.recordUse(key.keyId, '2026-11-21T10:07:00.000Z', '2026-11-21T10:06:00.000Z'),
    ).toBe(true);
    expect((await world.apiKeys.findByKeyId(key.keyId))?.lastUsedAt).toBe('2026-11-21T10:07:00.000Z');
    expect(
      await world.apiKeys.recordUse('no-such-key', '2026-11-21T10:07:00.000Z', '2026-11-21T10:06:00.000Z'),
    ).toBe(false);
  });
});

describe.each(implementations())(
  'WebhookTokenLedger and WebhookSecrets contracts: $name',
  (implementation) => {
    it('binds a token to the first event it was used for, per org', async () => {
      const world = await implementation.world();
      const expires = new Date('2026-11-21T10:10:00Z');
      expect(await world.tokens.claim(world.orgId, 'token-1', expires, 'event-a')).toBe(true);
      // The sender's retry of the same delivery passes; the token on another body does not.
      expect(await world.tokens.claim(world.orgId, 'token-1', expires, 'event-a')).toBe(true);
      expect(await world.tokens.claim(world.orgId, 'token-1', expires, 'event-b')).toBe(false);
      expect(await world.tokens.claim(`${world.orgId}-b`, 'token-1', expires, 'event-b')).toBe(true);
    });

    it('answers an org’s active secrets, none before they are set', async () => {
      const world = await implementation.world();
      expect(await world.webhookSecrets.secretsFor(world.orgId)).toEqual([]);
      await world.webhookSecrets.setSecrets(world.orgId, ['new-secret', 'old-secret']);
      expect(await world.webhookSecrets.secretsFor(world.orgId)).toEqual(['new-secret', 'old-secret']);
      await world.webhookSecrets.setSecrets(world.orgId, ['new-secret']);
      expect(await world.webhookSecrets.secretsFor(world.orgId)).toEqual(['new-secret']);
    });
  },
);
