import type { oas31 } from 'zod-openapi';
import { OpenApiDocument } from '#contracts/openapi.ts';
import { type Operation, operation } from '#platform/http/operation.ts';
import { jsonResponse } from '#platform/http/response.ts';

/**
 * `GET /v1/openapi.json`. The document describes every operation, this one included, so it is
 * built on first request (when all operations exist) and kept for the instance's lifetime.
 */
export function openApiOperation(build: () => oas31.OpenAPIObject): Operation {
  let document: oas31.OpenAPIObject | undefined;
  return operation(
    {
      summary: 'This API, as an OpenAPI 3.1 document',
      responses: { 200: { description: 'The OpenAPI document', body: OpenApiDocument } },
    },
    async () => {
      document ??= build();
      // Public and the same for everyone until the next deployment: cacheable for a while.
      return jsonResponse(200, document, { 'cache-control': 'public, max-age=300' });
    },
  );
}
