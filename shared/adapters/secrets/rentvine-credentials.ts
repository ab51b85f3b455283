import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import {
  type RentvineConnectionSource,
  requireSecureBaseUrl,
  StoredRentvineConnection,
} from '#adapters/rentvine/connection.ts';
import { ORG_ID } from '#domain/orgs/org-settings.ts';
import { tracedAwsClient } from '#platform/aws-client-tracing.ts';
import { logger } from '#platform/observability.ts';
import { documentClient } from '../dynamodb/document-client.ts';
import { keys } from '../dynamodb/keys.ts';

/**
 * Where each org's Rentvine connection (`{account | baseUrl, accessKey, secret}`) is kept: one
 * Secrets Manager secret per org in AWS, `aictive/<stage>/rentvine/<orgId>`; locally a row of
 * the table, and org `demo`'s from RENTVINE_BASE_URL / RENTVINE_ACCESS_KEY / RENTVINE_SECRET.
 */

const CACHE_MS = 300_000;
const LIST_CACHE_MS = 60_000;

/** A stored value that is not a valid connection is no connection (said once, without the value). */
function parseStored(orgId: string, value: unknown): StoredRentvineConnection | undefined {
  let json: unknown = value;
  if (typeof value === 'string') {
    try {
      json = JSON.parse(value);
    } catch {
      json = undefined;
    }
  }
  const parsed = StoredRentvineConnection.safeParse(json);
  if (parsed.success) return parsed.data;
  logger.warn('Rentvine connection of an org is malformed; treated as none', {
    orgId,
    fields: parsed.error.issues.map((issue) => issue.path.join('.')),
  });
  return undefined;
}

function isNotFound(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e.name === 'ResourceNotFoundException') return true;
  }
  return false;
}

let secretsManager: SecretsManagerClient | undefined;
/** AWS_ENDPOINT_URL_SECRETS_MANAGER redirects it to a stand-in. */
function secretsManagerClient(): SecretsManagerClient {
  secretsManager ??= tracedAwsClient(new SecretsManagerClient({}));
  return secretsManager;
}

/** In AWS: `<prefix><orgId>` per org (cached five minutes); the family's names say which orgs have one. */
export class SecretsManagerRentvineConnections implements RentvineConnectionSource {
  private listed: { orgs: readonly string[]; until: number } | undefined;

  constructor(private readonly prefix: string) {}

  async connectionFor(orgId: string): Promise<StoredRentvineConnection | undefined> {
    try {
      const value = await getSecret(`${this.prefix}${orgId}`, { maxAge: CACHE_MS / 1000 });
      return parseStored(orgId, typeof value === 'string' ? value : undefined);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async orgs(): Promise<readonly string[]> {
    if (this.listed && this.listed.until > Date.now()) return this.listed.orgs;
    const orgs: string[] = [];
    let NextToken: string | undefined;
    // Bounded: a hundred pages of a hundred names is far more orgs than one stage serves.
    for (let page = 0; page < 100; page += 1) {
      const answer = await secretsManagerClient().send(
        new ListSecretsCommand({
          Filters: [{ Key: 'name', Values: [this.prefix] }],
          MaxResults: 100,
          NextToken,
        }),
      );
      for (const secret of answer.SecretList ?? []) {
        const orgId = secret.Name?.startsWith(this.prefix) ? secret.Name.slice(this.prefix.length) : '';
        if (ORG_ID.test(orgId) && !secret.DeletedDate) orgs.push(orgId);
      }
      NextToken = answer.NextToken;
      if (!NextToken) break;
    }
    this.listed = { orgs: orgs.sort(), until: Date.now() + LIST_CACHE_MS };
    return this.listed.orgs;
  }
}

const connectionKey = (orgId: string) => ({ PK: keys.org(orgId), SK: 'RENTVINE_CONNECTION' });

/** Locally: a row per org beside its settings (there is no Secrets Manager on a laptop). */
export class TableRentvineConnections implements RentvineConnectionSource {
  constructor(private readonly tableName: string) {}

  async connectionFor(orgId: string): Promise<StoredRentvineConnection | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: this.tableName, Key: connectionKey(orgId) }),
    );
    return Item ? parseStored(orgId, Item.connection) : undefined;
  }

  /** A scan: local tables are small, and this store exists only there. */
  async orgs(): Promise<readonly string[]> {
    const orgs: string[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    for (let page = 0; page < 1_000; page += 1) {
      const answer = await documentClient().send(
        new ScanCommand({
          TableName: this.tableName,
          FilterExpression: 'SK = :sk',
          ExpressionAttributeValues: { ':sk': 'RENTVINE_CONNECTION' },
          ProjectionExpression: 'PK',
          ExclusiveStartKey,
        }),
      );
      for (const item of answer.Items ?? []) orgs.push(String(item.PK).slice(keys.org('').length));
      ExclusiveStartKey = answer.LastEvaluatedKey;
      if (!ExclusiveStartKey) break;
    }
    return orgs.sort();
  }
}

/**
 * Stores an org's Rentvine connection in the local table: how `npm start` points an org at the
 * simulator (`saveLocalRentvineConnection(table, 'demo', {baseUrl, accessKey, secret})`).
 */
export async function saveLocalRentvineConnection(
  tableName: string,
  orgId: string,
  connection: StoredRentvineConnection,
): Promise<void> {
  const stored = StoredRentvineConnection.parse(connection);
  if (stored.baseUrl) requireSecureBaseUrl(stored.baseUrl);
  await documentClient().send(
    new PutCommand({ TableName: tableName, Item: { ...connectionKey(orgId), connection: stored } }),
  );
}

/** The org whose connection RENTVINE_BASE_URL, RENTVINE_ACCESS_KEY and RENTVINE_SECRET give locally. */
export const ENV_CONNECTION_ORG = 'demo';

/** Org `demo`'s connection from the environment, ahead of whatever the table holds. */
export class EnvOverRentvineConnections implements RentvineConnectionSource {
  constructor(
    private readonly fromEnv: StoredRentvineConnection,
    private readonly rest: RentvineConnectionSource,
  ) {}

  connectionFor(orgId: string): Promise<StoredRentvineConnection | undefined> {
    return orgId === ENV_CONNECTION_ORG ? Promise.resolve(this.fromEnv) : this.rest.connectionFor(orgId);
  }

  async orgs(): Promise<readonly string[]> {
    return [...new Set([ENV_CONNECTION_ORG, ...(await this.rest.orgs())])].sort();
  }
}
