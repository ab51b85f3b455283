import {
  ConnectedRentvineAccounts,
  DEFAULT_CALL_POLICY,
  type RentvineCallPolicy,
  rentvineCalls,
} from '#adapters/rentvine/accounts.ts';
import type { RentvineConnectionSource } from '#adapters/rentvine/connection.ts';
import { RentvineSessions } from '#adapters/rentvine/sessions.ts';
import type { WorkOrderWriterOptions } from '#adapters/rentvine/work-orders.ts';
import type { IdempotencyLedger } from '#domain/messaging/ports.ts';
import { defaultOrgSettings } from '#domain/orgs/org-settings.ts';
import type { RentvineAccount } from '#domain/rentvine/ports.ts';
import type { RentvineSimulator } from '#lib/local/rentvine-simulator/server.ts';
import { InMemoryIdempotencyLedger } from './in-memory/idempotency-ledger.ts';

/** Quick to retry and to half-open, so resilience shows within a test; the shape of the default. */
export const TEST_CALL_POLICY: RentvineCallPolicy = {
  ...DEFAULT_CALL_POLICY,
  timeoutMs: 5_000,
  retries: 3,
  backoff: { initialDelayMs: 1, maxDelayMs: 10 },
  failuresToOpen: 3,
  halfOpenAfterMs: 100,
};

export interface SimulatorClientOptions {
  readonly orgId?: string;
  readonly credentials?: { readonly accessKey: string; readonly secret: string };
  readonly baseUrl?: string;
  readonly policy?: Partial<RentvineCallPolicy>;
  readonly ledger?: IdempotencyLedger;
  readonly writer?: WorkOrderWriterOptions;
}

/** One org's connection to the simulator, as the stored connection of that org would give it. */
export function simulatorSource(
  sim: RentvineSimulator,
  options: SimulatorClientOptions = {},
): RentvineConnectionSource {
  const orgId = options.orgId ?? 'demo';
  const stored = { baseUrl: options.baseUrl ?? sim.baseUrl, ...(options.credentials ?? sim.credentials) };
  return {
    connectionFor: async (org) => (org === orgId ? stored : undefined),
    orgs: async () => [orgId],
  };
}

/** The client as a function builds it (rentvineAccountsFrom), its connection pointing at the simulator. */
export function simulatorAccounts(sim: RentvineSimulator, options: SimulatorClientOptions = {}) {
  const sessions = new RentvineSessions(
    simulatorSource(sim, options),
    { get: async (orgId) => defaultOrgSettings(orgId) },
    rentvineCalls({ ...TEST_CALL_POLICY, ...options.policy }),
  );
  return new ConnectedRentvineAccounts(
    sessions,
    options.ledger ?? new InMemoryIdempotencyLedger(),
    options.writer,
  );
}

export async function simulatorAccount(
  sim: RentvineSimulator,
  options: SimulatorClientOptions = {},
): Promise<RentvineAccount> {
  const account = await simulatorAccounts(sim, options).forOrg(options.orgId ?? 'demo');
  if (!account) throw new Error('the simulator connection names no account');
  return account;
}
