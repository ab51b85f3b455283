import type { APIGatewayProxyEvent } from 'aws-lambda';

/** Header lookup is case-insensitive (HTTP), whatever casing API Gateway or a proxy delivered. */
export function header(
  event: { headers?: Record<string, string | undefined> | null },
  name: string,
): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted && value !== undefined) return value;
  }
  return undefined;
}

/** The body exactly as the sender's bytes (API Gateway base64-encodes binary media types). */
export function rawBody(event: Pick<APIGatewayProxyEvent, 'body' | 'isBase64Encoded'>): Buffer {
  if (event.body === null || event.body === undefined) return Buffer.alloc(0);
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
}

export function requestId(event: Pick<APIGatewayProxyEvent, 'requestContext'>): string | undefined {
  return event.requestContext?.requestId;
}
