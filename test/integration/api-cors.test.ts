import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '#lib/local/runtime.ts';
import { apiRoutes } from '#lib/topology.ts';

// The whole local platform (gateway, authorizer, api function) with CORS for two origins.
const ORIGINS = ['https://app.example.com', 'http://localhost:5173'];
let runtime: LocalRuntime;

beforeAll(async () => {
  runtime = await startLocalRuntime({
    extraEnv: { CORS_ALLOWED_ORIGINS: ORIGINS.join(',') },
    schedules: false,
  });
});
afterAll(async () => runtime?.stop());

const preflight = (path: string, origin: string) =>
  fetch(`${runtime.url}${path}`, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'authorization,content-type',
    },
  });

describe('CORS on the local gateway', () => {
  it('answers a preflight from an allowed origin without a key, naming that origin', async () => {
    for (const origin of ORIGINS) {
      const response = await preflight('/v1/emails', origin);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
      expect(response.headers.get('access-control-allow-headers')).toBe(
        'Authorization, Content-Type, Idempotency-Key',
      );
      expect(response.headers.get('vary')).toBe('Origin');
      expect(response.headers.get('x-request-id')).toBeTruthy();
    }
  });

  it('gives another origin no allow header, and keeps preflight off webhooks and health', async () => {
    const foreign = await preflight('/v1/emails', 'https://evil.example.com');
    expect(foreign.status).toBe(204);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    for (const path of ['/webhooks/rentvine/demo', '/health']) {
      const response = await preflight(path, ORIGINS[0] as string);
      expect(response.status).toBe(405);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it("puts the origin on the api function's answers, problems included, and exposes the request id", async () => {
    const unauthorized = await fetch(`${runtime.url}/v1/emails/em_x`, {
      headers: { Origin: ORIGINS[1] as string },
    });
    expect(unauthorized.status).toBe(401);
    const openApi = await fetch(`${runtime.url}/v1/openapi.json`, {
      headers: { Origin: ORIGINS[1] as string },
    });
    expect(openApi.status).toBe(200);
    expect(openApi.headers.get('access-control-allow-origin')).toBe(ORIGINS[1]);
    expect(openApi.headers.get('access-control-expose-headers')).toContain('x-request-id');
  });
});

describe('GET /v1/openapi.json', () => {
  it('serves a valid OpenAPI 3.1 document of every api route, without a key', async () => {
    const response = await fetch(`${runtime.url}/v1/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const document = (await response.json()) as { paths: Record<string, Record<string, unknown>> };
    expect((await new Validator().validate(document)).valid).toBe(true);
    for (const route of apiRoutes)
      expect(document.paths[route.path]).toHaveProperty(route.method.toLowerCase());
  });
});
