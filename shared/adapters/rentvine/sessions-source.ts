import type { z } from 'zod';
import type { RentvineConnectionConfig } from '#lib/function-config.ts';
import { DynamoOrgSettingsStore } from '../dynamodb/org-settings-store.ts';
import { rentvineConnectionsFrom } from '../secrets/rentvine-credentials-source.ts';
import type { CallRunner } from './http.ts';
import { RentvineSessions } from './sessions.ts';

/**
 * The orgs' Rentvine sessions as a function reaches them: connections where its config says
 * (Secrets Manager, or the local table and RENTVINE_*), accounts named by org settings in the
 * table, every exchange through `runner` (the resilient calls for readers and writers, a single
 * bounded attempt for readiness). The one composition accounts, readers and readiness share.
 */
export function rentvineSessionsFrom(
  config: z.infer<typeof RentvineConnectionConfig>,
  tableName: string,
  runner: CallRunner,
): RentvineSessions {
  return new RentvineSessions(
    rentvineConnectionsFrom(config, tableName),
    new DynamoOrgSettingsStore(tableName),
    runner,
  );
}
