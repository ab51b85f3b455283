import { DynamoApiKeyStore } from '#adapters/dynamodb/api-key-store.ts';
import { SCOPES, Scope } from '#domain/access/principal.ts';
import { ORG_ID } from '#domain/orgs/org-settings.ts';
import { systemClock } from '#platform/clock.ts';
import { createApiKey } from '#usecases/create-api-key.ts';
import { UsageError } from './io.ts';

/**
 * `aictive api-key create --org ORG --scopes a,b [--name N] [--env live] [--table T]`: writes a
 * key straight to the table (AWS credentials from the environment, or AWS_ENDPOINT_URL_DYNAMODB
 * for an emulator) and prints it once. For bootstrapping a deployment's first admin key.
 */
export async function createApiKeyCommand(options: {
  org?: string;
  scopes?: string;
  name?: string;
  env?: string;
  table?: string;
}): Promise<number> {
  if (!options.org || !ORG_ID.test(options.org))
    throw new UsageError('--org is required: lower-case letters, digits and -');
  const table = options.table ?? process.env.TABLE_NAME;
  if (!table) throw new UsageError('--table (or TABLE_NAME) is required: the main table of the deployment');
  const requested = (options.scopes ?? '')
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
  const env = options.env ?? 'live';
  if (!/^[a-z0-9]{1,12}$/.test(env))
    throw new UsageError('--env must be 1 to 12 lower-case letters or digits');

  const created = await createApiKey(
    { apiKeys: new DynamoApiKeyStore(table), clock: systemClock },
    { orgId: options.org, name: options.name ?? 'created with aictive', scopes, env },
  );
  process.stdout.write(
    `${JSON.stringify({ orgId: options.org, keyId: created.keyId, scopes, apiKey: created.key })}\n`,
  );
  process.stderr.write('store the key now: it is shown only once\n');
  return 0;
}
