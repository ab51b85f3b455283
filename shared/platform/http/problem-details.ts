/**
 * What to do next, for the errors a gateway answers before any operation runs (the local gateway,
 * API Gateway's gateway responses) and for the webhook function's refusals. Each is the same
 * whether or not the key, org or resource exists, so a detail tells an unauthenticated caller
 * nothing it did not know.
 */
export const GATEWAY_PROBLEM_DETAILS: Readonly<Partial<Record<number, string>>> = {
  401: 'send Authorization: Bearer <api key> with a valid key that is not revoked or expired; an admin key issues keys at POST /v1/admin/api-keys',
  404: 'no such route: GET / lists the entry points and GET /v1/openapi.json describes every route',
  405: 'this route does not take that method: the Allow header lists the ones it takes',
  413: 'the request body is over 10 MB, the most API Gateway takes (JSON bodies and webhooks: 256 KB)',
};

export const WEBHOOK_PROBLEM_DETAILS = {
  401: "the delivery could not be authenticated: sign it with the webhook secret of the org in the URL (X-RentVine-Signature over '{X-RentVine-Timestamp}.{body}', or the auth block of the body scheme), within 300 s of now",
  413: 'the delivery is over 256 KB, the most a webhook may carry',
} as const;
