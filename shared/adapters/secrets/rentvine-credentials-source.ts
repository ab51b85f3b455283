import type { z } from 'zod';
import type { RentvineConnectionSource } from '#adapters/rentvine/connection.ts';
import type { RentvineConnectionConfig } from '#lib/function-config.ts';
import {
  EnvOverRentvineConnections,
  SecretsManagerRentvineConnections,
  TableRentvineConnections,
} from './rentvine-credentials.ts';

/**
 * Secrets Manager in AWS (RENTVINE_CREDENTIALS_SOURCE=secretsmanager); locally the table, with
 * org `demo`'s connection from RENTVINE_BASE_URL, RENTVINE_ACCESS_KEY and RENTVINE_SECRET when
 * all three are set (local only: in AWS a connection is never an environment variable).
 */
export function rentvineConnectionsFrom(
  config: z.infer<typeof RentvineConnectionConfig>,
  tableName: string,
): RentvineConnectionSource {
  if (config.RENTVINE_CREDENTIALS_SOURCE === 'secretsmanager')
    return new SecretsManagerRentvineConnections(config.RENTVINE_SECRET_PREFIX);
  const table = new TableRentvineConnections(tableName);
  const { RENTVINE_BASE_URL: baseUrl, RENTVINE_ACCESS_KEY: accessKey, RENTVINE_SECRET: secret } = config;
  return baseUrl && accessKey && secret
    ? new EnvOverRentvineConnections({ baseUrl, accessKey, secret }, table)
    : table;
}
