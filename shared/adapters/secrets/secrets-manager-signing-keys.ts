import {
  CreateSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import type { WebhookSecrets, WebhookSecretsWriter } from '#domain/orgs/ports.ts';
import { parseSecretValue } from './webhook-secrets.ts';

/**
 * An org's webhook secrets in Secrets Manager (`<prefix><orgId>`, the family the functions read),
 * read fresh and written back, for operator commands: the functions' reader caches for minutes, a
 * command must see what it is about to change. Written as `{"secrets": [...]}`, the form
 * parseSecretValue reads; an org with no secret yet gets one created.
 */
export class SecretsManagerSigningKeys implements WebhookSecrets, WebhookSecretsWriter {
  constructor(
    private readonly prefix: string,
    private readonly client = new SecretsManagerClient({}),
  ) {}

  async secretsFor(orgId: string): Promise<readonly string[]> {
    try {
      const { SecretString } = await this.client.send(
        new GetSecretValueCommand({ SecretId: `${this.prefix}${orgId}` }),
      );
      return parseSecretValue(SecretString);
    } catch (error) {
      if (error instanceof Error && error.name === 'ResourceNotFoundException') return [];
      throw error;
    }
  }

  async setSecrets(orgId: string, secrets: readonly string[]): Promise<void> {
    const name = `${this.prefix}${orgId}`;
    const SecretString = JSON.stringify({ secrets });
    try {
      await this.client.send(new PutSecretValueCommand({ SecretId: name, SecretString }));
    } catch (error) {
      if (!(error instanceof Error && error.name === 'ResourceNotFoundException')) throw error;
      await this.client.send(new CreateSecretCommand({ Name: name, SecretString }));
    }
  }
}
