import type { WebhookTokenLedger } from '#domain/inbox/ports.ts';
import { activeSecrets, mergedEntries, type SigningSecret } from '#domain/orgs/org.ts';
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

/** The in-memory twin of TableWebhookSecrets: an owner's signing secrets, each with its expiry. */
export class InMemoryWebhookSecrets implements WebhookSecrets, WebhookSecretsWriter {
  readonly #entries = new Map<string, readonly SigningSecret[]>();

  async setSecrets(ownerId: string, secrets: readonly (string | SigningSecret)[]): Promise<void> {
    this.#entries.set(ownerId, mergedEntries(secrets, await this.entriesFor(ownerId)));
  }

  async entriesFor(ownerId: string): Promise<readonly SigningSecret[]> {
    return activeSecrets(this.#entries.get(ownerId) ?? [], new Date()).map((entry) => ({ ...entry }));
  }

  async secretsFor(ownerId: string): Promise<readonly string[]> {
    return (await this.entriesFor(ownerId)).map((entry) => entry.secret);
  }
}
