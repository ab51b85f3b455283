import { describe, expect, it } from 'vitest';
import { activeSecrets, mergedEntries, rotatedSecrets, type SigningSecret } from '#domain/orgs/org.ts';

const NOW = new Date('2026-11-21T10:00:00.000Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describe('signing secrets with an expiry', () => {
  it('are active until their expiry, not at it', () => {
    const entries: SigningSecret[] = [
      { secret: 'a' },
      { secret: 'b', expiresAt: at(1).toISOString() },
      { secret: 'c', expiresAt: NOW.toISOString() },
    ];
    expect(activeSecrets(entries, NOW).map((e) => e.secret)).toEqual(['a', 'b']);
  });

  it('rotate: the fresh one first, the replaced ones until the grace, the others untouched', () => {
    const current: SigningSecret[] = [
      { secret: 'ours', origin: 'platform' },
      { secret: 'rentvine-key' },
      { secret: 'gone', origin: 'platform', expiresAt: at(-1).toISOString() },
    ];
    expect(
      rotatedSecrets(
        current,
        { secret: 'new', origin: 'platform' },
        (e) => e.origin === 'platform',
        at(60),
        NOW,
      ),
    ).toEqual([
      { secret: 'new', origin: 'platform' },
      { secret: 'ours', origin: 'platform', expiresAt: at(60).toISOString() },
      { secret: 'rentvine-key' },
    ]);
  });

  it('rotating twice ends the oldest no later than the newer grace, and a zero grace ends it at once', () => {
    const once = rotatedSecrets([{ secret: 'v1' }], { secret: 'v2' }, () => true, at(60), NOW);
    const twice = rotatedSecrets(once, { secret: 'v3' }, () => true, at(30), at(5));
    expect(twice).toEqual([
      { secret: 'v3' },
      { secret: 'v2', expiresAt: at(30).toISOString() },
      { secret: 'v1', expiresAt: at(30).toISOString() },
    ]);
    const early = rotatedSecrets(once, { secret: 'v3' }, () => true, at(90), at(5));
    expect(early.find((e) => e.secret === 'v1')?.expiresAt).toBe(at(60).toISOString());
    expect(rotatedSecrets(once, { secret: 'v3' }, () => true, at(5), at(5))).toEqual([{ secret: 'v3' }]);
  });

  it('a plain string written back keeps the expiry and origin its secret had', () => {
    const stored: SigningSecret[] = [{ secret: 'old', expiresAt: at(10).toISOString(), origin: 'platform' }];
    expect(
      mergedEntries(['old', 'added', { secret: 'explicit', expiresAt: at(1).toISOString() }], stored),
    ).toEqual([stored[0], { secret: 'added' }, { secret: 'explicit', expiresAt: at(1).toISOString() }]);
  });
});
