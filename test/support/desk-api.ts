import { DynamoApiKeyStore } from '#adapters/dynamodb/api-key-store.ts';
import { systemClock } from '#platform/clock.ts';
import { createApiKey } from '#usecases/create-api-key.ts';
import type { RoleName, Scope } from '#vocabulary/access.ts';
import type { LocalRuntimeWithOrg } from './local-runtime-org.ts';
import { environmentPepper } from './orgs.ts';

/** The user agent the desk tests call with: audit lines must name it. */
export const DESK_USER_AGENT = 'desk-tests/1.0';

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers, read by member in assertions
  readonly body: any;
}

/**
 * Keys and calls against the local runtime (its gateway, authorizer and api function): a key of
 * any org, scopes and person, issued as an operator would; a call with it, as a browser would.
 */
export function deskApi(local: LocalRuntimeWithOrg) {
  return {
    async key(orgId: string, scopes: readonly Scope[], agentId?: string, role?: RoleName): Promise<string> {
      const issued = await createApiKey(
        {
          apiKeys: new DynamoApiKeyStore(local.runtime.resources.tables.main),
          pepper: environmentPepper(),
          clock: systemClock,
        },
        {
          orgId,
          name: 'desk test',
          scopes,
          env: 'test',
          by: 'operator',
          ...(agentId ? { agentId } : {}),
          ...(role ? { role } : {}),
        },
      );
      return issued.key;
    },
    async call(key: string, method: string, path: string, body?: unknown): Promise<Answer> {
      const response = await fetch(`${local.runtime.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${key}`,
          'user-agent': DESK_USER_AGENT,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        body: text ? JSON.parse(text) : undefined,
      };
    },
  };
}
