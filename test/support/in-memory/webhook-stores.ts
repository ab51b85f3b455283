import type { WebhookTokenLedger } from '#domain/inbox/ports.ts';
import type { WebhookSecrets, WebhookSecretsWriter } from '#domain/orgs/ports.ts';
import { rowKey } from './rows.ts';

/** The in-memory twin of DynamoWebhookTokenLedger: each token bound, per org, to the first event it was used for. */
export class InMemoryWebhookTokenLedger implements WebhookTokenLedger {
  readonly #eventOf = new Map<string, string>();

  async claim(orgId: string, token: string, _expiresAt: Date, eventKey: string): Promise<boolean> {
    const key = rowKey(orgId, token);
    const bound = this.#eventOf.get(key);
    if (bound !== undefined) return bound === eventKey;
    this.#eventOf.set(key, eventKey);
    return true;
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
