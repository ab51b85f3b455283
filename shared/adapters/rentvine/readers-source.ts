import type { z } from 'zod';
import type { RentvineReaders } from '#domain/rentvine/ports.ts';
import type { RentvineConnectionConfig } from '#lib/function-config.ts';
import { DEFAULT_CALL_POLICY, type RentvineCallPolicy, rentvineCalls } from './accounts.ts';
import { RentvineAccountReader } from './reader.ts';
import { rentvineSessionsFrom } from './sessions-source.ts';

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
  const sessions = rentvineSessionsFrom(config, tableName, rentvineCalls(policy));
  return {
    connectedOrgs: () => sessions.connectedOrgs(),
    async forOrg(orgId) {
      const session = await sessions.session(orgId);
      return session ? new RentvineAccountReader(session) : undefined;
    },
  };
}
