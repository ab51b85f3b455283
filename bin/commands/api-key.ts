import { DynamoApiKeyStore } from '#adapters/dynamodb/api-key-store.ts';
import { apiKeyPepperFrom, SecretsManagerApiKeyPepper } from '#adapters/secrets/api-key-pepper.ts';
import type { ApiKeyPepper } from '#domain/access/ports.ts';
import { Scope } from '#domain/access/principal.ts';
import type { Role } from '#domain/access/roles.ts';
import { ORG_ID } from '#domain/orgs/org-settings.ts';
import { roleNamed } from '#domain/roles/registry.ts';
import { ApiKeyPepperConfig } from '#lib/function-config.ts';
import { systemClock } from '#platform/clock.ts';
import { readConfig } from '#platform/config.ts';
import { API_KEY_ENV } from '#platform/security/api-key.ts';
import { createApiKey } from '#usecases/create-api-key.ts';
import { AGENT_ID, ROLE_NAMES, SCOPES } from '#vocabulary/access.ts';
import { UsageError } from './io.ts';

/**
 * `aictive api-key create --org ORG --scopes a,b [--role R] [--agent ID] [--name N] [--env live]
 * [--table T] [--pepper-secret-id ID]`: writes a key straight to the table (AWS credentials from
 * the environment, or AWS_ENDPOINT_URL_DYNAMODB for an emulator) and prints it once. For
 * bootstrapping a deployment's first admin key. The key is hashed with the deployment's pepper:
 * the Secrets Manager secret `--pepper-secret-id`, else API_KEY_PEPPER_SOURCE (with
 * API_KEY_PEPPER_SECRET_ID or API_KEY_PEPPER) as the functions read it.
 */
export async function createApiKeyCommand(options: {
  org?: string;
  scopes?: string;
  role?: string;
  agent?: string;
  name?: string;
  env?: string;
  table?: string;
  pepperSecretId?: string;
}): Promise<number> {
  if (!options.org || !ORG_ID.test(options.org))
    throw new UsageError('--org is required: lower-case letters, digits and -');
  const table = options.table ?? process.env.TABLE_NAME;
  if (!table) throw new UsageError('--table (or TABLE_NAME) is required: the main table of the deployment');
  const scopes = scopesOf(options.scopes);
  const role = roleOf(options.role);
  if (options.agent !== undefined && !AGENT_ID.test(options.agent))
    throw new UsageError(
      '--agent must be 1 to 128 letters, digits or . _ : @ -, starting with a letter or digit',
    );
  const env = options.env ?? 'live';
  if (!API_KEY_ENV.test(env)) throw new UsageError('--env must be 1 to 12 lower-case letters or digits');

  const created = await createApiKey(
    { apiKeys: new DynamoApiKeyStore(table), pepper: pepperOf(options.pepperSecretId), clock: systemClock },
    {
      orgId: options.org,
      name: options.name ?? 'created with aictive',
      scopes,
      ...(role ? { role } : {}),
      ...(options.agent ? { agentId: options.agent } : {}),
      env,
      // The CLI writes to the table itself: its holder is an operator, bound by no key.
      by: 'operator',
    },
  );
  const { record } = created;
  process.stdout.write(
    `${JSON.stringify({
      orgId: record.orgId,
      keyId: record.keyId,
      scopes: record.scopes,
      ...(record.role ? { role: record.role } : {}),
      ...(record.agentId ? { agentId: record.agentId } : {}),
      apiKey: created.key,
    })}\n`,
  );
  process.stderr.write('store the key now: it is shown only once\n');
  return 0;
}

function scopesOf(list: string | undefined): Scope[] {
  const requested = (list ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (requested.length === 0)
    throw new UsageError(`--scopes is required, comma-separated from: ${SCOPES.join(', ')}`);
  const scopes = requested.map((scope) => {
    const parsed = Scope.safeParse(scope);
    if (!parsed.success) throw new UsageError(`unknown scope "${scope}" (known: ${SCOPES.join(', ')})`);
    return parsed.data;
  });
  return [...new Set(scopes)];
}

/** A registry role; an older name (scripts written before the registry) is taken as its equivalent. */
function roleOf(role: string | undefined): Role | undefined {
  if (role === undefined) return undefined;
  const known = roleNamed(role);
  if (!known) throw new UsageError(`unknown role "${role}" (known: ${ROLE_NAMES.join(', ')})`);
  return known;
}

/** A key hashed with any other pepper than the deployment's would never be accepted. */
function pepperOf(secretId: string | undefined): ApiKeyPepper {
  if (secretId) return new SecretsManagerApiKeyPepper(secretId);
  if (!process.env.API_KEY_PEPPER_SOURCE)
    throw new UsageError(
      "--pepper-secret-id (or API_KEY_PEPPER_SOURCE with API_KEY_PEPPER_SECRET_ID or API_KEY_PEPPER) is required: the deployment's API-key pepper",
    );
  return apiKeyPepperFrom(readConfig(ApiKeyPepperConfig));
}
