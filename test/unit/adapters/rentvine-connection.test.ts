import { describe, expect, it } from 'vitest';
import { connectionOf } from '#adapters/rentvine/connection.ts';
import { saveLocalRentvineConnection } from '#adapters/secrets/rentvine-credentials.ts';
import { RentvineError } from '#domain/rentvine/ports.ts';

/** HTTP Basic carries the key pair in every request: a base URL must never send it in clear text. */

const keys = { accessKey: 'test-access', secret: 'test-secret' };

describe('a stored connection’s base URL', () => {
  it.each([
    'https://acme.rentvine.com/api/manager',
    'http://127.0.0.1:4010/api/manager',
    'http://localhost:4010/api/manager',
    'http://[::1]:4010/api/manager',
  ])('is accepted when https or loopback: %s', (baseUrl) => {
    expect(connectionOf({ baseUrl, ...keys }, undefined)).toEqual({ baseUrl, ...keys });
  });

  it.each([
    'http://acme.rentvine.com/api/manager',
    'http://10.0.0.5/api/manager',
    'http://127.0.0.1.example.com/api/manager',
    'ftp://acme.rentvine.com/api/manager',
  ])('is refused with a clear error when it would travel in clear text: %s', (baseUrl) => {
    const error = (() => {
      try {
        return connectionOf({ baseUrl, ...keys }, undefined);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(RentvineError);
    expect(error).toMatchObject({ failure: 'rejected', message: expect.stringMatching(/must be https/) });
    expect(String((error as Error).message)).not.toContain(keys.secret);
  });

  it('built from the account subdomain is https', () => {
    expect(connectionOf(keys, 'acme')?.baseUrl).toBe('https://acme.rentvine.com/api/manager');
  });

  it('is refused before it is stored locally', async () => {
    await expect(
      saveLocalRentvineConnection('no-table', 'acme', { baseUrl: 'http://acme.example.com/api', ...keys }),
    ).rejects.toMatchObject({ failure: 'rejected', fields: { baseUrl: [expect.any(String)] } });
  });
});
