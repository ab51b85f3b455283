import { type ApiEventInput, type ApiHandler, apiEvent, lambdaContext } from './lambda-events.ts';

export type CallerPrincipal = NonNullable<ApiEventInput['principal']>;

export interface CallOptions {
  /** Path parameters: `{name}` in the resource is replaced by each (URL-encoded). */
  readonly params?: Record<string, string>;
  readonly query?: Record<string, string>;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export interface ApiAnswer<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Record<string, unknown>;
  readonly body: T;
}

/**
 * Calls the api function's handler as API Gateway would: the resource with its path parameters
 * filled in, a JSON body, the principal as the authorizer's context (none: an anonymous call).
 * `defaults.headers` go on every call (a client's User-Agent), under each call's own.
 */
export function apiCaller(api: () => ApiHandler, defaults: { headers?: Record<string, string> } = {}) {
  return async function call<T = Record<string, unknown>>(
    principal: CallerPrincipal | undefined,
    method: string,
    resource: string,
    options: CallOptions = {},
  ): Promise<ApiAnswer<T>> {
    const path = Object.entries(options.params ?? {}).reduce(
      (p, [name, value]) => p.replace(`{${name}}`, encodeURIComponent(value)),
      resource,
    );
    const event = apiEvent({
      method,
      resource,
      path,
      ...(options.params ? { pathParameters: options.params } : {}),
      headers: {
        ...defaults.headers,
        ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...options.headers,
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      ...(principal ? { principal } : {}),
    });
    const response = await api()(
      { ...event, queryStringParameters: options.query ?? null },
      lambdaContext('api'),
    );
    return {
      status: response.statusCode,
      headers: response.headers ?? {},
      body: (response.body ? JSON.parse(response.body) : {}) as T,
    };
  };
}
