import { describe, expect, it } from 'vitest';
import { ConfigError, CorsConfig, readConfig } from '#platform/config.ts';
import { isCorsPath, preflightHeaders } from '#platform/http/cors.ts';

describe('CORS_ALLOWED_ORIGINS', () => {
  it('is a comma-separated list of exact origins, empty when unset', () => {
    expect(readConfig(CorsConfig, {}).CORS_ALLOWED_ORIGINS).toEqual([]);
    expect(
      readConfig(CorsConfig, { CORS_ALLOWED_ORIGINS: ' https://app.example.com, http://localhost:5173 ' })
        .CORS_ALLOWED_ORIGINS,
    ).toEqual(['https://app.example.com', 'http://localhost:5173']);
  });

  it.each(['https://app.example.com/', 'app.example.com', '*', 'ftp://files.example.com'])(
    'refuses %s, which no browser sends as an Origin',
    (value) => {
      expect(() => readConfig(CorsConfig, { CORS_ALLOWED_ORIGINS: value })).toThrow(ConfigError);
    },
  );
});

describe('preflight', () => {
  const allowed = ['https://app.example.com'];

  it("allows the resource's methods and the API's request headers to an allowed origin", () => {
    expect(preflightHeaders('https://app.example.com', allowed, ['GET', 'POST'])).toEqual({
      vary: 'Origin',
      'access-control-allow-origin': 'https://app.example.com',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': 'Authorization, Content-Type, Idempotency-Key',
      'access-control-max-age': '3600',
    });
  });

  it('allows nothing to another or a missing origin', () => {
    expect(preflightHeaders('https://app.example.com.evil.test', allowed, ['GET'])).toEqual({
      vary: 'Origin',
    });
    expect(preflightHeaders(undefined, allowed, ['GET'])).toEqual({ vary: 'Origin' });
  });

  it('is for /v1 only', () => {
    expect([
      isCorsPath('/v1'),
      isCorsPath('/v1/emails'),
      isCorsPath('/v10'),
      isCorsPath('/webhooks/x'),
    ]).toEqual([true, true, false, false]);
  });
});
