import type { z } from 'zod';
import type { IdempotencyLedger } from '#domain/messaging/ports.ts';
import type { RentvineAccounts } from '#domain/rentvine/ports.ts';
import type { RentvineConnectionConfig } from '#lib/function-config.ts';
import { DynamoOrgSettingsStore } from '../dynamodb/org-settings-store.ts';
import { rentvineConnectionsFrom } from '../secrets/rentvine-credentials-source.ts';
import {
  ConnectedRentvineAccounts,
  DEFAULT_CALL_POLICY,
  type RentvineCallPolicy,
  rentvineCalls,
} from './accounts.ts';
import { RentvineSessions } from './sessions.ts';
import type { WorkOrderWriterOptions } from './work-orders.ts';

/**
 * The orgs' Rentvine accounts as a function reaches them: connections where its config says
 * (Secrets Manager, or the local table and RENTVINE_*), accounts named by org settings in the
 * table, writes keyed through `ledger`. One per function instance: its breakers live in it.
 */
export function rentvineAccountsFrom(
  config: z.infer<typeof RentvineConnectionConfig>,
  tableName: string,
  ledger: IdempotencyLedger,
  options: WorkOrderWriterOptions & { readonly policy?: RentvineCallPolicy } = {},
): RentvineAccounts {
  const sessions = new RentvineSessions(
    rentvineConnectionsFrom(config, tableName),
    new DynamoOrgSettingsStore(tableName),
    rentvineCalls(options.policy ?? DEFAULT_CALL_POLICY),
  );
  return new ConnectedRentvineAccounts(sessions, ledger, options);
}
