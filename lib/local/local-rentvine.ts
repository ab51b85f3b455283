import { DynamoOrgSettingsStore } from '#adapters/dynamodb/org-settings-store.ts';
import { saveLocalRentvineConnection } from '#adapters/secrets/rentvine-credentials.ts';
import { type RentvineSimulator, startRentvineSimulator } from './rentvine-simulator/server.ts';

/** Org `demo`'s Rentvine connection, as the functions read it (docs/RENTVINE.md). */
export const RENTVINE_CONNECTION_VARIABLES = [
  'RENTVINE_BASE_URL',
  'RENTVINE_ACCESS_KEY',
  'RENTVINE_SECRET',
] as const;

export interface LocalRentvineOptions {
  /** The operator's environment: RENTVINE_* set means a real account, none set the simulator. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly seed?: number;
  /** Seconds between the simulator's own work-order edits; 0 for none. */
  readonly activitySeconds: number;
  /** Rentvine's delivery latency (about a second). */
  readonly webhookLatencyMs?: number;
}

export interface LocalRentvine {
  /** Variables for the functions: the simulator's connection, none for a real account (already set). */
  readonly env: Record<string, string>;
  /** One line for the start banner (never the secret). */
  readonly description: string;
  readonly simulator?: RentvineSimulator;
  /**
   * Points the simulator's webhooks at the running platform, signed with the org's webhook
   * secret, records the simulator's API user as the org's own (its writes are echoes), and keeps
   * the connection in the local table, where `aictive rentvine sync` in another terminal finds it.
   */
  connect(target: { apiUrl: string; orgId: string; webhookSecret: string; tableName: string }): Promise<void>;
  stop(): Promise<void>;
}

export class PartialRentvineConnectionError extends Error {
  constructor(missing: readonly string[]) {
    super(
      `set all of ${RENTVINE_CONNECTION_VARIABLES.join(', ')} to use a Rentvine account, or none to use the simulator (missing: ${missing.join(', ')})`,
    );
  }
}

/**
 * Org `demo`'s Rentvine for `npm start`: the account named by RENTVINE_BASE_URL/ACCESS_KEY/SECRET,
 * or, when none is set, the simulator on loopback with a seeded portfolio.
 */
export async function startLocalRentvine(options: LocalRentvineOptions): Promise<LocalRentvine> {
  const given = RENTVINE_CONNECTION_VARIABLES.filter((name) => options.env[name]?.trim());
  if (given.length === RENTVINE_CONNECTION_VARIABLES.length)
    return {
      env: {},
      description: `${options.env.RENTVINE_BASE_URL}  (RENTVINE_BASE_URL, from the environment)`,
      connect: async () => {},
      stop: async () => {},
    };
  if (given.length > 0)
    throw new PartialRentvineConnectionError(
      RENTVINE_CONNECTION_VARIABLES.filter((name) => !given.includes(name)),
    );

  const simulator = await startRentvineSimulator({
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    webhookLatencyMs: options.webhookLatencyMs ?? 1000,
  });
  let activity: NodeJS.Timeout | undefined;
  const activityNote =
    options.activitySeconds > 0
      ? `edits or opens a work order every ${options.activitySeconds} s`
      : 'no activity (AICTIVE_SIMULATOR_ACTIVITY_SECONDS)';
  return {
    env: {
      RENTVINE_BASE_URL: simulator.baseUrl,
      RENTVINE_ACCESS_KEY: simulator.credentials.accessKey,
      RENTVINE_SECRET: simulator.credentials.secret,
    },
    description: `${simulator.baseUrl}  (simulator: ${simulator.portfolio.properties.length} properties, ${simulator.portfolio.units.length} units; ${activityNote})`,
    simulator,
    async connect(target) {
      const settings = new DynamoOrgSettingsStore(target.tableName);
      const current = await settings.get(target.orgId);
      // Only when unset: a user id chosen by the operator (a real account's) is never overwritten.
      if (!current.rentvineUserId) await settings.put({ ...current, rentvineUserId: simulator.apiUserId });
      await saveLocalRentvineConnection(target.tableName, target.orgId, {
        baseUrl: simulator.baseUrl,
        ...simulator.credentials,
      });
      simulator.webhooks.addTarget({
        url: `${target.apiUrl}/webhooks/rentvine/${target.orgId}`,
        signingKey: target.webhookSecret,
      });
      if (options.activitySeconds > 0) {
        // Mostly edits of existing work orders; every fourth tick a tenant reports a new problem.
        let tick = 0;
        activity = setInterval(() => {
          if (++tick % 4 === 0) simulator.portfolio.reportProblem();
          else simulator.portfolio.changeWorkOrders(1);
        }, options.activitySeconds * 1000);
      }
    },
    async stop() {
      clearInterval(activity);
      await simulator.close();
    },
  };
}
