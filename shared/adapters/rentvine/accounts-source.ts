import type { z } from 'zod';
import type { IdempotencyLedger } from '#domain/messaging/ports.ts';
import type { RentvineAccounts } from '#domain/rentvine/ports.ts';
import type { RentvineConnectionConfig } from '#lib/function-config.ts';
import {
  ConnectedRentvineAccounts,
  DEFAULT_CALL_POLICY,
  type RentvineCallPolicy,
  rentvineCalls,
} from './accounts.ts';
import { rentvineSessionsFrom } from './sessions-source.ts';
import type { WorkOrderWriterOptions } from './work-orders.ts';

/**
 * The orgs' Rentvine accounts as a function reaches them (rentvineSessionsFrom), writes keyed
 * through `ledger`. One per function instance: its breakers live in it.
 */
export function rentvineAccountsFrom(
  config: z.infer<typeof RentvineConnectionConfig>,
  tableName: string,
  ledger: IdempotencyLedger,
  options: WorkOrderWriterOptions & { readonly policy?: RentvineCallPolicy } = {},
): RentvineAccounts {
  const sessions = rentvineSessionsFrom(
    config,
    tableName,
    rentvineCalls(options.policy ?? DEFAULT_CALL_POLICY),
  );
  return new ConnectedRentvineAccounts(sessions, ledger, options);
}
