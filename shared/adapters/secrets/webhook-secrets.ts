import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { WebhookSecrets, WebhookSecretsWriter } from '#domain/orgs/ports.ts';
import { documentClient } from '../dynamodb/document-client.ts';
import { keys } from '../dynamodb/keys.ts';

const CACHE_SECONDS = 300;
const CACHE_ENTRIES = 10_000;

/**
 * A secret value is either one signing key, or JSON `{"secrets": ["new", "old"]}` while rotating.
 */
export function parseSecretValue(value: string | undefined): string[] {
  if (!value) return [];
  const trimmed = value.trim();
  if (trimmed.startsWith('{')) {
    try {
      const parsed = JSON.parse(trimmed) as { secrets?: unknown };
      if (Array.isArray(parsed.secrets))
        return parsed.secrets.filter((s): s is string => typeof s === 'string' && s.length > 0);
    } catch {
      return [];
    }
    return [];
  }
  return [trimmed];
}

/** In AWS: one Secrets Manager secret per org, `<prefix><orgId>`, cached for five minutes. */
export class SecretsManagerWebhookSecrets implements WebhookSecrets {
  /** Orgs without a secret, until when: unauthenticated callers must not drive a lookup each. */
  private readonly missing = new Map<string, number>();

  constructor(private readonly prefix: string) {}

  async secretsFor(orgId: string): Promise<readonly string[]> {
    if ((this.missing.get(orgId) ?? 0) > Date.now()) return [];
    try {
      const value = await getSecret(`${this.prefix}${orgId}`, { maxAge: CACHE_SECONDS });
      return parseSecretValue(typeof value === 'string' ? value : undefined);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      if (this.missing.size >= CACHE_ENTRIES) this.missing.clear();
      // As long as a found secret is cached: a known and an unknown org cost the same lookups.
      this.missing.set(orgId, Date.now() + CACHE_SECONDS * 1000);
      return [];
    }
  }
}

function isNotFound(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e.name === 'ResourceNotFoundException') return true;
  }
  return false;
}

/**
 * Locally: the secrets live in the table (there is no Secrets Manager on a laptop), by default
 * the org's; `keyOf` places another owner's, such as an integration's.
 */
export class TableWebhookSecrets implements WebhookSecrets, WebhookSecretsWriter {
  private readonly cached = new Map<string, { secrets: readonly string[]; until: number }>();

  constructor(
    private readonly tableName: string,
    private readonly keyOf: (ownerId: string) => { PK: string; SK: string } = keys.webhookSecrets,
  ) {}

  async setSecrets(orgId: string, secrets: readonly string[]): Promise<void> {
    this.cached.delete(orgId);
    await documentClient().send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...this.keyOf(orgId), secrets: [...secrets] },
      }),
    );
  }

  async secretsFor(orgId: string): Promise<readonly string[]> {
    const cached = this.cached.get(orgId);
    if (cached && cached.until > Date.now()) return cached.secrets;
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: this.tableName, Key: this.keyOf(orgId) }),
    );
    const secrets = Array.isArray(Item?.secrets) ? (Item.secrets as string[]) : [];
    // Absence is cached like presence, so an unknown org costs the same reads as a known one;
    // setSecrets clears the entry, so an org seeded through this instance works at once.
    if (this.cached.size >= CACHE_ENTRIES) this.cached.clear();
    this.cached.set(orgId, { secrets, until: Date.now() + TABLE_CACHE_MS });
    return secrets;
  }
}

/**
 * Like the Secrets Manager cache in AWS, but short: a rotation done locally takes effect within
 * seconds, while a burst of deliveries reads the secrets once.
 */
const TABLE_CACHE_MS = 5_000;
