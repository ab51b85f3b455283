import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localApiKeyPepper } from '#lib/local/api-key-pepper.ts';

describe('the local API-key pepper', () => {
  const root = mkdtempSync(join(tmpdir(), 'aictive-pepper-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is made once per data directory and kept, readable by its owner only', async () => {
    const dataDir = join(root, 'data');
    const [first, concurrent] = await Promise.all([localApiKeyPepper(dataDir), localApiKeyPepper(dataDir)]);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(concurrent).toBe(first);
    expect(await localApiKeyPepper(dataDir)).toBe(first);
    expect(statSync(join(dataDir, 'api-key-pepper')).mode & 0o777).toBe(0o600);
    expect(await localApiKeyPepper(join(root, 'other'))).not.toBe(first);
  });

  it('is fresh for every stack without a data directory', async () => {
    expect(await localApiKeyPepper(undefined)).not.toBe(await localApiKeyPepper(undefined));
  });
});
