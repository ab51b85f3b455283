import { GetQueueUrlCommand } from '@aws-sdk/client-sqs';
import { rentvineReadersFrom } from '#adapters/rentvine/readers-source.ts';
import { sqsClient } from '#adapters/sqs/work-queue.ts';
import { ORG_ID } from '#domain/orgs/org-settings.ts';
import type { RentvineReader } from '#domain/rentvine/ports.ts';
import { queueNames, secretName } from '#lib/aws/names.ts';
import { RentvineConnectionConfig } from '#lib/function-config.ts';
import { localApiKeyPepper } from '#lib/local/api-key-pepper.ts';
import { startEmulators } from '#lib/local/emulators.ts';
import { readLocalEndpoints } from '#lib/local/endpoints-file.ts';
import { type Endpoints, type LocalResources, provision, runtimeEnv } from '#lib/local/provision.ts';
import { rentvineSyncDependencies, type SyncQueueUrls } from '#lib/rentvine-sync-dependencies.ts';
import { readConfig, SECRET_SOURCES } from '#platform/config.ts';
import { type ResourceSync, type SyncCounts, syncRentvine } from '#usecases/sync-rentvine.ts';
import { InputError, UsageError } from './io.ts';
import { stageTableName } from './stage-outputs.ts';

/** Where one run reads and writes: the table, the queues it sends to, and where connections are kept. */
interface RentvineTarget {
  readonly tableName: string;
  readonly queues: SyncQueueUrls;
  readonly connections: ReturnType<typeof readConfig<typeof RentvineConnectionConfig>>;
  close(): Promise<void>;
}

export interface RentvineSyncOptions {
  readonly org?: string;
  readonly stage?: string;
  readonly table?: string;
}

/**
 * `aictive rentvine sync --org ORG [--stage S [--table T]]`: one sync of one org, as the
 * scheduled function runs it. Without --stage it uses the local store of AICTIVE_DATA_DIR
 * (default .data): the running `npm start`'s, or, when none runs, the same files opened by this
 * command. With --stage, the stage's table (its stateful stack's MainTableName output, unless
 * --table names another), its events and workflow queues and its Rentvine connections in Secrets
 * Manager, with the AWS credentials of the environment. One JSON line per resource on stdout;
 * progress on a terminal; exit 1 with one line per failed resource on stderr.
 */
export async function rentvineSyncCommand(options: RentvineSyncOptions): Promise<number> {
  if (!options.org || !ORG_ID.test(options.org))
    throw new UsageError('--org is required: lower-case letters, digits and -');
  if (options.table && !options.stage) throw new UsageError('--table goes with --stage');
  const orgId = options.org;
  const target = options.stage ? await stageTarget(options.stage, options.table) : await localTarget();
  try {
    const reader = await rentvineReadersFrom(target.connections, target.tableName).forOrg(orgId);
    if (!reader) throw new InputError(`org ${orgId} has no Rentvine connection`);
    const results = await syncOnce(target, orgId, reader);
    return report(results);
  } finally {
    await target.close();
  }
}

function syncOnce(target: RentvineTarget, orgId: string, reader: RentvineReader): Promise<ResourceSync[]> {
  const deps = rentvineSyncDependencies(target.tableName, target.queues);
  const progress = process.stderr.isTTY
    ? (resource: string, counts: Readonly<SyncCounts>) =>
        process.stderr.write(`\r\x1b[K${resource}: ${counts.fetched} read`)
    : undefined;
  return syncRentvine(deps, orgId, reader, progress ? { onPage: progress } : {});
}

/**
 * The published line per resource. `updated` counts every rewrite (a newer version, or the same
 * version carrying other fields); `unchanged` every record not written (identical, or older than
 * a snapshot a webhook stored meanwhile). The leases line adds what their balances did to the
 * delinquency workflows: started, fed a changed balance, closed as paid.
 */
export function resourceLine(result: ResourceSync): string {
  return JSON.stringify({
    resource: result.resource,
    fetched: result.fetched,
    created: result.created,
    updated: result.updated + result.refreshed,
    unchanged: result.unchanged + result.stale,
    missedByWebhook: result.missedByWebhook,
    ...(result.resource === 'leases'
      ? {
          delinquenciesStarted: result.delinquenciesStarted,
          delinquenciesFed: result.delinquenciesFed,
          delinquenciesPaid: result.delinquenciesPaid,
        }
      : {}),
  });
}

function report(results: readonly ResourceSync[]): number {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  for (const result of results) process.stdout.write(`${resourceLine(result)}\n`);
  const failed = results.filter((result) => !result.ok);
  for (const result of failed)
    if (!result.ok) process.stderr.write(`aictive: ${result.resource}: ${result.error}\n`);
  return failed.length > 0 ? 1 : 0;
}

/** The running `npm start`'s stack, or the same data directory opened here when none runs. */
async function localTarget(): Promise<RentvineTarget> {
  const dataDir = process.env.AICTIVE_DATA_DIR || '.data';
  const running = await readLocalEndpoints(dataDir).catch(() => undefined);
  if (running) return localStore(dataDir, running.endpoints, running.resources, async () => undefined);
  // Claims the directory: an npm start that holds it without having written its address is named.
  const emulators = await startEmulators({ dataDir });
  try {
    return await localStore(dataDir, emulators, await provision(emulators), () => emulators.stop());
  } catch (error) {
    await emulators.stop();
    throw error;
  }
}

/** Points this process's SDK clients and settings at a local stack, as its functions see it. */
async function localStore(
  dataDir: string,
  endpoints: Endpoints,
  resources: LocalResources,
  close: () => Promise<void>,
): Promise<RentvineTarget> {
  Object.assign(process.env, runtimeEnv(endpoints, resources, await localApiKeyPepper(dataDir)));
  return {
    tableName: resources.tables.main,
    queues: { events: resources.queues.events.url, workflow: resources.queues.workflow.url },
    // The local table, and RENTVINE_* for org `demo`, as npm start's functions read them.
    connections: readConfig(RentvineConnectionConfig),
    close,
  };
}

async function stageTarget(stage: string, table: string | undefined): Promise<RentvineTarget> {
  const tableName = table ?? (await stageTableName(stage));
  const [events, workflow] = await Promise.all([
    stageQueueUrl(stage, 'events'),
    stageQueueUrl(stage, 'workflow'),
  ]);
  const connections = readConfig(RentvineConnectionConfig, {
    RENTVINE_CREDENTIALS_SOURCE: SECRET_SOURCES.aws,
    RENTVINE_SECRET_PREFIX: secretName(stage, 'rentvineApi'),
  });
  return { tableName, queues: { events, workflow }, connections, close: async () => undefined };
}

/** A deployed stage's queue, found by the name the stage gives it. */
async function stageQueueUrl(stage: string, queue: keyof SyncQueueUrls): Promise<string> {
  const { QueueUrl } = await sqsClient().send(
    new GetQueueUrlCommand({ QueueName: queueNames(stage, queue).queue }),
  );
  if (!QueueUrl) throw new InputError(`stage ${stage} has no ${queue} queue`);
  return QueueUrl;
}
