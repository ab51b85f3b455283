import { rentvineReadersFrom } from '#adapters/rentvine/readers-source.ts';
import type { RentvineReader } from '#domain/rentvine/ports.ts';
import { RentvineConnectionConfig } from '#lib/function-config.ts';
import type { RentvineSimulator } from '#lib/local/rentvine-simulator/server.ts';
import { readConfig, SECRET_SOURCES } from '#platform/config.ts';

/**
 * The real client reading a simulator as org `demo`'s account (RENTVINE_* as npm start gives
 * them), through the same composition the functions use. Needs the table for org settings.
 */
export async function simulatorReader(
  simulator: RentvineSimulator,
  tableName: string,
): Promise<RentvineReader> {
  const config = readConfig(RentvineConnectionConfig, {
    RENTVINE_CREDENTIALS_SOURCE: SECRET_SOURCES.localTable,
    RENTVINE_BASE_URL: simulator.baseUrl,
    RENTVINE_ACCESS_KEY: simulator.credentials.accessKey,
    RENTVINE_SECRET: simulator.credentials.secret,
  });
  const reader = await rentvineReadersFrom(config, tableName).forOrg('demo');
  if (!reader) throw new Error('the simulator connection was not read as org demo');
  return reader;
}
