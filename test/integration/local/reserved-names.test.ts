import { request } from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { functions, type RouteSpec, routesOf } from '#lib/topology.ts';
import { signWebhook } from '#platform/security/webhook-signature.ts';
import { localRuntimeWithOrg } from '#test/support/local-runtime-org.ts';
import { workOrderEvent } from '#test/support/rentvine-payloads.ts';

/**
 * Header and query names are the sender's: one named like an Object.prototype member must be just
 * another name on every route, never a 5xx (lib/local/proxy-event.ts, shared/platform/http).
 */
const RESERVED = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupGetter__',
];

/** A token as RFC 9110 allows for a header name. */
const headerName = fc.oneof(
  fc.constantFrom(...RESERVED),
  fc.stringMatching(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,20}$/),
);
const queryName = fc.oneof(fc.constantFrom(...RESERVED), fc.string({ minLength: 1, maxLength: 12 }));
const value = fc.stringMatching(/^[A-Za-z0-9 ._-]{0,16}$/);

/** Extra headers that would change what is asked for rather than how it is named. */
const MEANINGFUL = new Set([
  'authorization',
  'content-type',
  'content-length',
  'transfer-encoding',
  'host',
  'connection',
  'expect',
  'x-rentvine-signature',
  'x-rentvine-timestamp',
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
  'origin',
  'upgrade',
]);

const local = localRuntimeWithOrg();
const allRoutes: readonly RouteSpec[] = functions.flatMap((fn) => routesOf(fn));

/** Raw header pairs through node:http, so names arrive exactly as given (fetch would refuse some). */
function send(
  method: string,
  path: string,
  headers: [string, string][],
  body?: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    // Raw pairs get no automatic Host header, and HTTP/1.1 requires one.
    const pairs = [['host', new URL(local.runtime.url).host], ...headers].flat();
    const req = request(`${local.runtime.url}${path}`, { method, headers: pairs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A request the route accepts (right key, signed delivery) plus the extra names. */
function requestFor(route: RouteSpec, extra: [string, string][], query: [string, string][]) {
  const path = route.path.replace(/\{orgId\}/, local.org.orgId).replace(/\{\w+\}/g, 'x');
  const search = new URLSearchParams(query).toString();
  const headers: [string, string][] = [...extra];
  let body: string | undefined;
  if (route.path === '/webhooks/rentvine/{orgId}') {
    body = JSON.stringify(workOrderEvent({ workOrderID: String(Math.random()).slice(2) }));
    const signed = signWebhook(local.org.webhookSecret, body, Math.floor(Date.now() / 1000));
    headers.push(['content-type', 'application/json'], ...Object.entries(signed));
  } else if (route.method !== 'GET' && route.method !== 'DELETE') {
    body = '{}';
    headers.push(['content-type', 'application/json']);
  }
  if (route.auth === 'apiKey') headers.push(['authorization', `Bearer ${local.org.apiKey}`]);
  return { path: search ? `${path}?${search}` : path, headers, body };
}

describe('reserved names in headers and query strings', () => {
  it.each(allRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s answers below 500 whatever the names',
    async (_name, route) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(headerName, value), { minLength: 1, maxLength: 4 }),
          fc.array(fc.tuple(queryName, value), { maxLength: 4 }),
          async (headers, query) => {
            const extra = headers.filter(([name]) => !MEANINGFUL.has(name.toLowerCase()));
            const req = requestFor(route, extra, query);
            const reply = await send(route.method, req.path, req.headers, req.body);
            expect(reply.status, reply.body).toBeLessThan(500);
          },
        ),
        { numRuns: 25 },
      );
    },
  );

  it('accepts a signed delivery carrying every reserved name as a header and a query parameter', async () => {
    const route = allRoutes.find((r) => r.path === '/webhooks/rentvine/{orgId}') as RouteSpec;
    const names = RESERVED.map((name): [string, string] => [name, 'x']);
    const req = requestFor(route, names, names);
    const reply = await send(route.method, req.path, req.headers, req.body);
    expect(reply.status, reply.body).toBe(202);
  });
});
