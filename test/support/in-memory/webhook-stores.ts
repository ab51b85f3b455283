import type { WebhookTokenLedger } from '#domain/inbox/ports.ts';
import type { WebhookSecrets, WebhookSecretsWriter } from '#domain/orgs/ports.ts';
import { rowKey } from './rows.ts';

/** The in-memory twin of DynamoWebhookTokenLedger: each token claimed once per org until released. */
export class InMemoryWebhookTokenLedger implements WebhookTokenLedger {
  readonly #claimed = new Set<string>();

  async claim(orgId: string, token: string, _expiresAt: Date): Promise<boolean> {
    const key = rowKey(orgId, token);
    if (this.#claimed.has(key)) return false;
    this.#claimed.add(key);
    return true;
  }

  async release(orgId: string, token: string): Promise<void> {
    this.#claimed.delete(rowKey(orgId, token));
  }
}

/** The in-memory twin of TableWebhookSecrets: an org's active signing secrets. */
export class InMemoryWebhookSecrets implements WebhookSecrets, WebhookSecretsWriter {
  readonly #secrets = new Map<string, readonly string[]>();

  async setSecrets(orgId: string, secrets: readonly string[]): Promise<void> {
    this.#secrets.set(orgId, [...secrets]);
  }

  async secretsFor(orgId: string): Promise<readonly string[]> {
    return [...(this.#secrets.get(orgId) ?? [])];
  }
}
