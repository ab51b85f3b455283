import { describe, expect, it } from 'vitest';
import {
  hasRentvineSigningKeyShape,
  signingKeyFingerprint,
} from '#platform/security/rentvine-signing-key.ts';
import { InMemoryWebhookSecrets } from '#test/support/in-memory/webhook-stores.ts';
import { addSigningKey, listSigningKeys, removeSigningKey } from '#usecases/rentvine-signing-keys.ts';

/** Made-up keys, never real ones. */
const SHAPED = `${'a1'.repeat(16)}-${'b2'.repeat(4)}-${'c3'.repeat(4)}`;

describe('the shape of a Rentvine signing key', () => {
  it.each([
    [SHAPED, true],
    [`${'0'.repeat(32)}-${'z'.repeat(8)}-${'9'.repeat(8)}`, true],
    [SHAPED.toUpperCase(), false],
    [`${SHAPED} `, false],
    [SHAPED.replaceAll('-', '_'), false],
    [`${'a'.repeat(31)}-${'b'.repeat(8)}-${'c'.repeat(9)}`, false],
    ['whsec_dGVzdA==', false],
    ['', false],
  ])('%j → %s', (key, shaped) => {
    expect(SHAPED).toHaveLength(50);
    expect(hasRentvineSigningKeyShape(key)).toBe(shaped);
  });
});

describe('an org’s signing keys', () => {
  it('adds once, lists by fingerprint, and never removes the last key', async () => {
    const secrets = new InMemoryWebhookSecrets();
    await secrets.setSecrets('acme', ['header-secret-test']);
    const deps = { secrets };
    expect(await addSigningKey(deps, 'acme', SHAPED)).toEqual({
      fingerprint: signingKeyFingerprint(SHAPED),
      rentvineShape: true,
      added: true,
    });
    expect((await addSigningKey(deps, 'acme', SHAPED)).added).toBe(false);
    await expect(addSigningKey(deps, 'acme', 'two words')).rejects.toThrow(/one word/);
    expect(await listSigningKeys(deps, 'acme')).toEqual([
      { fingerprint: signingKeyFingerprint('header-secret-test'), rentvineShape: false },
      { fingerprint: signingKeyFingerprint(SHAPED), rentvineShape: true },
    ]);
    await removeSigningKey(deps, 'acme', signingKeyFingerprint('header-secret-test'));
    await expect(removeSigningKey(deps, 'acme', signingKeyFingerprint(SHAPED))).rejects.toThrow(
      /refusing to remove org acme's last signing key/,
    );
    expect(await secrets.secretsFor('acme')).toEqual([SHAPED]);
  });
});
