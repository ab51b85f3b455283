import type { KnownOrgs } from '#domain/emails/ports.ts';
import type { OrgStore, WebhookSecretsWriter } from '#domain/orgs/ports.ts';
import { TableWebhookSecrets } from '../secrets/webhook-secrets.ts';
import { DynamoOrgStore } from './org-store.ts';

/**
 * An org exists when it has a record (`aictive org create`) or, seeded before records existed
 * (`npm start`'s demo org), signing secrets of its own. Read afresh each time: a mail server
 * asks once per recipient, and an org created a moment ago receives mail at once.
 */
export class TableKnownOrgs implements KnownOrgs {
  constructor(
    tableName: string,
    private readonly orgs: OrgStore = new DynamoOrgStore(tableName),
    private readonly secrets: Pick<WebhookSecretsWriter, 'entriesFor'> = new TableWebhookSecrets(tableName),
  ) {}

  async has(orgId: string): Promise<boolean> {
    if (await this.orgs.get(orgId)) return true;
    return (await this.secrets.entriesFor(orgId)).length > 0;
  }
}
