import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import {
  CreateSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { activeSecrets, mergedEntries, type SigningSecret } from '#domain/orgs/org.ts';
import type { WebhookSecrets, WebhookSecretsWriter } from '#domain/orgs/ports.ts';
import { documentClient } from '../dynamodb/document-client.ts';
import { keys } from '../dynamodb/keys.ts';

const CACHE_SECONDS = 300;
const CACHE_ENTRIES = 10_000;

/**
 * The stored list: each entry a secret, or `{secret, expiresAt?, origin?}` (written so since
 * rotations have a grace). Anything else in the list is skipped, never guessed at.
 */
export function parseSecretEntries(list: unknown): SigningSecret[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry): SigningSecret[] => {
    if (typeof entry === 'string') return entry.length > 0 ? [{ secret: entry }] : [];
    if (!entry || typeof entry !== 'object') return [];
    const { secret, expiresAt, origin } = entry as Record<string, unknown>;
    if (typeof secret !== 'string' || secret.length === 0) return [];
    if (expiresAt !== undefined && (typeof expiresAt !== 'string' || Number.isNaN(Date.parse(expiresAt))))
      return [];
    return [
      {
        secret,
        ...(typeof expiresAt === 'string' ? { expiresAt } : {}),
        ...(origin === 'platform' ? { origin } : {}),
      },
    ];
  });
}

/**
 * A Secrets Manager value is either one signing key, or JSON `{"secrets": [...]}` (entries as
 * parseSecretEntries reads them) while an owner has several.
 */
export function parseSecretValue(value: string | undefined): SigningSecret[] {
  if (!value) return [];
  const trimmed = value.trim();
  if (!trimmed.startsWith('{')) return [{ secret: trimmed }];
  try {
    return parseSecretEntries((JSON.parse(trimmed) as { secrets?: unknown }).secrets);
  } catch {
    return [];
  }
}

const activeNow = (entries: readonly SigningSecret[]) =>
  activeSecrets(entries, new Date()).map((entry) => entry.secret);

/**
 * In AWS: one Secrets Manager secret per owner, `<prefix><ownerId>`; reads are cached for five
 * minutes (an expiry is applied on every read, so a grace ends on time), writes go to the API.
 */
export class SecretsManagerWebhookSecrets implements WebhookSecrets, WebhookSecretsWriter {
  /** Owners without a secret, until when: unauthenticated callers must not drive a lookup each. */
  private readonly missing = new Map<string, number>();
  private client: SecretsManagerClient | undefined;

  /** `kmsKeyId`: the key a secret created here is encrypted with (the deployment's data key). */
  constructor(
    private readonly prefix: string,
    private readonly kmsKeyId?: string,
  ) {}

  async secretsFor(ownerId: string): Promise<readonly string[]> {
    if ((this.missing.get(ownerId) ?? 0) > Date.now()) return [];
    try {
      const value = await getSecret(`${this.prefix}${ownerId}`, { maxAge: CACHE_SECONDS });
      return activeNow(parseSecretValue(typeof value === 'string' ? value : undefined));
    } catch (error) {
      if (!isNotFound(error)) throw error;
      if (this.missing.size >= CACHE_ENTRIES) this.missing.clear();
      // As long as a found secret is cached: a known and an unknown owner cost the same lookups.
      this.missing.set(ownerId, Date.now() + CACHE_SECONDS * 1000);
      return [];
    }
  }

  async entriesFor(ownerId: string): Promise<readonly SigningSecret[]> {
    try {
      const { SecretString } = await this.secretsManager().send(
        new GetSecretValueCommand({ SecretId: `${this.prefix}${ownerId}` }),
      );
      return activeSecrets(parseSecretValue(SecretString), new Date());
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
  }

  async setSecrets(ownerId: string, secrets: readonly (string | SigningSecret)[]): Promise<void> {
    const SecretId = `${this.prefix}${ownerId}`;
    const SecretString = JSON.stringify({ secrets: mergedEntries(secrets, await this.entriesFor(ownerId)) });
    this.missing.delete(ownerId);
    try {
      await this.secretsManager().send(new PutSecretValueCommand({ SecretId, SecretString }));
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await this.secretsManager().send(
        new CreateSecretCommand({
          Name: SecretId,
          SecretString,
          ...(this.kmsKeyId ? { KmsKeyId: this.kmsKeyId } : {}),
        }),
      );
    }
  }

  private secretsManager(): SecretsManagerClient {
    this.client ??= new SecretsManagerClient({});
    return this.client;
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
  private readonly cached = new Map<string, { entries: readonly SigningSecret[]; until: number }>();

  constructor(
    private readonly tableName: string,
    private readonly keyOf: (ownerId: string) => { PK: string; SK: string } = keys.webhookSecrets,
  ) {}

  async setSecrets(ownerId: string, secrets: readonly (string | SigningSecret)[]): Promise<void> {
    const entries = mergedEntries(secrets, await this.entriesFor(ownerId));
    this.cached.delete(ownerId);
    await documentClient().send(
      new PutCommand({ TableName: this.tableName, Item: { ...this.keyOf(ownerId), secrets: entries } }),
    );
  }

  async entriesFor(ownerId: string): Promise<readonly SigningSecret[]> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: this.tableName, Key: this.keyOf(ownerId), ConsistentRead: true }),
    );
    return activeSecrets(parseSecretEntries(Item?.secrets), new Date());
  }

  async secretsFor(ownerId: string): Promise<readonly string[]> {
    const cached = this.cached.get(ownerId);
    if (cached && cached.until > Date.now()) return activeNow(cached.entries);
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: this.tableName, Key: this.keyOf(ownerId) }),
    );
    const entries = parseSecretEntries(Item?.secrets);
    // Absence is cached like presence, so an unknown owner costs the same reads as a known one;
    // setSecrets clears the entry, so an org seeded through this instance works at once.
    if (this.cached.size >= CACHE_ENTRIES) this.cached.clear();
    this.cached.set(ownerId, { entries, until: Date.now() + TABLE_CACHE_MS });
    return activeNow(entries);
  }
}

/**
 * Like the Secrets Manager cache in AWS, but short: a rotation done locally takes effect within
 * seconds, while a burst of deliveries reads the secrets once.
 */
const TABLE_CACHE_MS = 5_000;
