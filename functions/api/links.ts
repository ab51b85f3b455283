import type { APIGatewayProxyEvent } from 'aws-lambda';
import { z } from 'zod';
import { type Operation, operation } from '#platform/http/operation.ts';
import { jsonResponse } from '#platform/http/response.ts';

const Links = z
  .object({
    name: z.string(),
    links: z.object({
      api: z.string().meta({ description: 'The /v1 API; every route but these needs a key' }),
      openapi: z.string().meta({ description: 'The OpenAPI 3.1 document of the API' }),
      health: z.string(),
      ready: z.string(),
    }),
    auth: z.string(),
  })
  .meta({ id: 'Links' });

/**
 * `GET /` and `GET /v1`: where to go from here, for a person who opened the printed URL. Links are
 * absolute paths under the API's base (the stage in an execute-api URL, nothing locally).
 */
export function linksOperation(): Operation {
  return operation(
    {
      summary: 'Entry points: the API, its OpenAPI document and the health checks',
      responses: { 200: { description: 'Links to the entry points', body: Links } },
    },
    async ({ event }) => {
      const base = basePath(event);
      return jsonResponse(
        200,
        {
          name: 'Aictive Platform API',
          links: {
            api: `${base}/v1`,
            openapi: `${base}/v1/openapi.json`,
            health: `${base}/health`,
            ready: `${base}/health/ready`,
          },
          auth: 'Authorization: Bearer <api key> on every /v1 route but this one and the OpenAPI document',
        } satisfies z.input<typeof Links>,
        { 'cache-control': 'public, max-age=300' },
      );
    },
  );
}

/** The caller's path before the resource path: the stage or a custom domain's base path. */
function basePath(event: Pick<APIGatewayProxyEvent, 'path' | 'requestContext'>): string {
  const full = event.requestContext?.path ?? event.path;
  if (!full.endsWith(event.path)) return '';
  return full.slice(0, full.length - event.path.length).replace(/\/$/, '');
}
