import type { z } from 'zod';
import type { RentvineReaders } from '#domain/rentvine/ports.ts';
import type { RentvineConnectionConfig } from '#lib/function-config.ts';
import { DynamoOrgSettingsStore } from './dynamodb/org-settings-store.ts';
import { DEFAULT_CALL_POLICY, type RentvineCallPolicy, rentvineCalls } from './rentvine/accounts.ts';
import { RentvineAccountReader } from './rentvine/reader.ts';
import { RentvineSessions } from './rentvine/sessions.ts';
import { rentvineConnectionsFrom } from './secrets/rentvine-credentials-source.ts';

/**
 * Read-only access to the orgs' Rentvine accounts, for functions that never write to Rentvine
 * (the sync, the event processor's enrichment): the client's sessions and resilience, without the
 * write ledger and its table. One per function instance: its breakers live in it.
 */
export function rentvineReadersFrom(
  config: z.infer<typeof RentvineConnectionConfig>,
  tableName: string,
  policy: RentvineCallPolicy = DEFAULT_CALL_POLICY,
): RentvineReaders {
  const sessions = new RentvineSessions(
    rentvineConnectionsFrom(config, tableName),
    new DynamoOrgSettingsStore(tableName),
    rentvineCalls(policy),
  );
  return {
    connectedOrgs: () => sessions.connectedOrgs(),
    async forOrg(orgId) {
      const session = await sessions.session(orgId);
      return session ? new RentvineAccountReader(session) : undefined;
    },
  };
}
