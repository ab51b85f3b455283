import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { type QueueName, queues, type TableName, type TopicName, tables, topics } from '#lib/topology.ts';
import { localApiKeyPepper } from './api-key-pepper.ts';
import { isRunning } from './data-dir.ts';
import { type Endpoints, type LocalResources, runtimeEnv } from './provision.ts';

/**
 * Where a running `npm start` says where its emulators listen (random ports) and what it named its
 * tables, queues and topics, so `aictive … --local` can reach it. Lives in the data directory (git-ignored)
 * and is removed on a clean stop.
 */
export const LOCAL_ENDPOINTS_FILE = 'local-endpoints.json';

export interface LocalStackAddress {
  readonly endpoints: Endpoints;
  readonly resources: LocalResources;
}

// Keys from the topology: a file from a runtime with other tables or queues is refused, not half-used.
const QueueResources = z.object({ url: z.string(), arn: z.string(), dlqUrl: z.string(), dlqArn: z.string() });
const LocalStackAddress = z.object({
  /** The npm start that wrote it: a file whose process is gone (killed mid-way) is stale. */
  pid: z.number().int().positive().optional(),
  endpoints: z.object({ dynamoEndpoint: z.url(), sqsEndpoint: z.url() }),
  resources: z.object({
    tables: z.record(z.enum(Object.keys(tables) as [TableName, ...TableName[]]), z.string()),
    queues: z.record(z.enum(queues.map((q) => q.name) as [QueueName, ...QueueName[]]), QueueResources),
    topics: z.record(
      z.enum(Object.keys(topics) as [TopicName, ...TopicName[]]),
      z.object({ arn: z.string(), queueUrl: z.string(), queueArn: z.string() }),
    ),
  }),
});

/** Writes the file and returns how to remove it. */
export async function writeLocalEndpoints(
  dataDir: string,
  address: LocalStackAddress,
): Promise<() => Promise<void>> {
  const path = join(dataDir, LOCAL_ENDPOINTS_FILE);
  const { dynamoEndpoint, sqsEndpoint } = address.endpoints;
  await writeFile(
    path,
    `${JSON.stringify({ pid: process.pid, endpoints: { dynamoEndpoint, sqsEndpoint }, resources: address.resources }, null, 2)}\n`,
    { mode: 0o600 },
  );
  return () => rm(path, { force: true });
}

/**
 * Points this process's AWS SDK clients and resource variables (TABLE_NAME, EVENTS_QUEUE_URL…) at
 * the running local stack of `dataDir` (AICTIVE_DATA_DIR or `.data`, as `npm start` uses), exactly
 * as its handlers see them. Call before any client is created.
 */
export async function useLocalStack(
  dataDir = process.env.AICTIVE_DATA_DIR || '.data',
): Promise<LocalStackAddress> {
  const address = await readLocalEndpoints(dataDir);
  Object.assign(
    process.env,
    runtimeEnv(address.endpoints, address.resources, await localApiKeyPepper(dataDir)),
  );
  return address;
}

export async function readLocalEndpoints(dataDir: string): Promise<LocalStackAddress> {
  const path = join(dataDir, LOCAL_ENDPOINTS_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new Error(`no running local stack: ${path} is missing (start one with npm start)`);
  }
  const parsed = LocalStackAddress.safeParse(parseJson(text));
  if (!parsed.success) throw new Error(`${path} is not a local stack address (restart npm start)`);
  const { pid } = parsed.data;
  if (pid !== undefined && !isRunning(pid))
    throw new Error(
      `no running local stack: ${path} is left over from npm start pid ${pid}, which has stopped`,
    );
  return parsed.data;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
