import { type ServerResponse, validateHeaderName, validateHeaderValue } from 'node:http';
import { z } from 'zod';
import { gatewayProblemSlug, PROBLEM_TITLES, problemType } from '#platform/http/problem.ts';
import { GATEWAY_PROBLEM_DETAILS } from '#platform/http/problem-details.ts';
import { SECURITY_HEADERS } from '#platform/http/response.ts';

/**
 * A gateway-made error, RFC 9457, with the types, details and security headers API Gateway's
 * answers carry (lib/aws/problem-responses.ts).
 */
export function writeProblem(
  res: ServerResponse,
  status: number,
  requestId: string,
  headers: Record<string, string> = {},
): void {
  const slug = gatewayProblemSlug(status);
  const detail = GATEWAY_PROBLEM_DETAILS[status];
  const body = JSON.stringify({
    type: problemType(slug),
    title: PROBLEM_TITLES[slug],
    status,
    ...(detail ? { detail } : {}),
    instance: requestId,
  });
  // Set apart, so the request's log line can read it back (log.ts).
  res.setHeader('x-request-id', requestId);
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers, 'content-type': 'application/problem+json' });
  res.end(body);
}

const headerValue = z.union([z.string(), z.number(), z.boolean()]);

/** The Lambda proxy integration's response contract; anything else is a 502 in API Gateway. */
const proxyResultSchema = z.object({
  statusCode: z.number().int().min(100).max(599),
  headers: z.record(z.string(), headerValue).nullish(),
  multiValueHeaders: z.record(z.string(), z.array(headerValue)).nullish(),
  body: z.string().nullish(),
  isBase64Encoded: z.boolean().nullish(),
});

export interface GatewayResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string[]>;
  readonly body: Buffer;
}

/**
 * Validates a handler's result and merges its headers the way API Gateway does: a name in
 * multiValueHeaders replaces the same name in headers; the content type defaults to JSON.
 * Returns an error message instead when API Gateway would answer 502.
 */
export function toGatewayResponse(result: unknown): GatewayResponse | string {
  const parsed = proxyResultSchema.safeParse(result);
  if (!parsed.success) return `malformed Lambda proxy response: ${z.prettifyError(parsed.error)}`;
  const { statusCode, headers, multiValueHeaders, body, isBase64Encoded } = parsed.data;
  const merged = new Map<string, { name: string; values: string[] }>();
  for (const [name, value] of Object.entries(headers ?? {})) {
    merged.set(name.toLowerCase(), { name, values: [String(value)] });
  }
  for (const [name, values] of Object.entries(multiValueHeaders ?? {})) {
    merged.set(name.toLowerCase(), { name, values: values.map(String) });
  }
  if (!merged.has('content-type'))
    merged.set('content-type', { name: 'content-type', values: ['application/json'] });
  try {
    for (const { name, values } of merged.values()) {
      validateHeaderName(name);
      for (const value of values) validateHeaderValue(name, value);
    }
  } catch (error) {
    return `malformed Lambda proxy response header: ${(error as Error).message}`;
  }
  return {
    statusCode,
    headers: Object.fromEntries([...merged.values()].map(({ name, values }) => [name, values])),
    body: Buffer.from(body ?? '', isBase64Encoded ? 'base64' : 'utf8'),
  };
}

export function writeGatewayResponse(
  res: ServerResponse,
  response: GatewayResponse,
  requestId: string,
): void {
  for (const [name, values] of Object.entries(response.headers)) res.setHeader(name, values);
  res.setHeader('x-request-id', requestId);
  res.writeHead(response.statusCode);
  res.end(response.body);
}
