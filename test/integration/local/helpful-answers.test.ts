import { describe, expect, it } from 'vitest';
import { DynamoApiKeyStore } from '#adapters/dynamodb/api-key-store.ts';
import { systemClock } from '#platform/clock.ts';
import { GATEWAY_PROBLEM_DETAILS, WEBHOOK_PROBLEM_DETAILS } from '#platform/http/problem-details.ts';
import { presentedKey } from '#platform/security/api-key.ts';
import { signWebhook } from '#platform/security/webhook-signature.ts';
import { localRuntimeWithOrg } from '#test/support/local-runtime-org.ts';
import { createTestOrg } from '#test/support/orgs.ts';
import { revokeApiKey } from '#usecases/revoke-api-key.ts';

/** What a person opening the printed URLs, or getting an error, is told to do next. */
const local = localRuntimeWithOrg();

async function answer(path: string, init: RequestInit = {}) {
  const response = await fetch(`${local.runtime.url}${path}`, init);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('the entry points', () => {
  it.each(['/', '/v1'])('GET %s answers 200 with links that each answer', async (path) => {
    const { status, body } = await answer(path);
    expect(status).toBe(200);
    const links = body.links as Record<string, string>;
    expect(links).toEqual({
      api: '/v1',
      openapi: '/v1/openapi.json',
      health: '/health',
      ready: '/health/ready',
    });
    for (const link of Object.values(links))
      expect((await fetch(`${local.runtime.url}${link}`)).status).toBe(200);
  });
});

describe('errors say what to do, and the same whether or not the key or org exists', () => {
  it('401 for no key, an unknown key, a wrong secret and a revoked key alike', async () => {
    const other = await createTestOrg(local.runtime.resources.tables.main);
    await revokeApiKey(
      { apiKeys: new DynamoApiKeyStore(local.runtime.resources.tables.main), clock: systemClock },
      other.orgId,
      presentedKey(other.apiKey)?.keyId as string,
    );
    const keyId = presentedKey(local.org.apiKey)?.keyId as string;
    const callers = [
      undefined,
      'ak_test_abcdefghijklmnop_0000000000000000000000000000000000000000000',
      `ak_test_${keyId}_${'x'.repeat(43)}`,
      other.apiKey,
      'not-a-key-at-all',
    ];
    const answers = await Promise.all(
      callers.map((key) => answer('/v1/stats', key ? { headers: { authorization: `Bearer ${key}` } } : {})),
    );
    for (const { status, body } of answers) {
      expect(status).toBe(401);
      expect(body.detail).toBe(GATEWAY_PROBLEM_DETAILS[401]);
    }
  });

  it('404 points at the entry points; 405 at the Allow header; 413 names the limit', async () => {
    expect((await answer('/nope')).body.detail).toBe(GATEWAY_PROBLEM_DETAILS[404]);
    expect((await answer('/health', { method: 'DELETE' })).body.detail).toBe(GATEWAY_PROBLEM_DETAILS[405]);
    const tooLarge = await answer('/v1/emails', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(10 * 1024 * 1024 + 1),
    });
    expect(tooLarge).toMatchObject({ status: 413, body: { detail: GATEWAY_PROBLEM_DETAILS[413] } });
  });

  it('a webhook for an unknown org gets the very answer a bad signature gets', async () => {
    const body = '{"event":{"eventType":"workOrder.created"}}';
    const headers = {
      'content-type': 'application/json',
      ...signWebhook('not-the-secret', body, Math.floor(Date.now() / 1000)),
    };
    const strip = ({ status, body }: Awaited<ReturnType<typeof answer>>) => ({
      status,
      ...body,
      instance: 0,
    });
    const known = await answer(`/webhooks/rentvine/${local.org.orgId}`, { method: 'POST', headers, body });
    const unknown = await answer('/webhooks/rentvine/no-such-org', { method: 'POST', headers, body });
    expect(strip(known)).toEqual(strip(unknown));
    expect(known.body.detail).toBe(WEBHOOK_PROBLEM_DETAILS[401]);
  });
});
