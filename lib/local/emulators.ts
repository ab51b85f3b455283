import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { buildApp } from 'fauxqs';
import { claimDataDir, PRIVATE_DIR_MODE } from './data-dir.ts';

export interface Emulators {
  readonly dynamoEndpoint: string;
  readonly sqsEndpoint: string;
  stop(): Promise<void>;
}

export interface EmulatorOptions {
  /** Where dynalite keeps its LevelDB files; in-memory when absent. SQS state is always in-memory. */
  readonly dataDir?: string;
  readonly dynamoPort?: number;
  readonly sqsPort?: number;
}

/** dynalite ships no types; this is the slice of its factory we use. */
type DynaliteFactory = (options: { path?: string; createTableMs?: number }) => Server;
const dynalite = createRequire(import.meta.url)('dynalite') as DynaliteFactory;

const LOOPBACK = '127.0.0.1';
/** dynalite keeps new tables CREATING for 500 ms by default; a short wait keeps start-up fast. */
const CREATE_TABLE_MS = 50;

/**
 * dynalite and fauxqs on loopback. With a data directory, it is created private and claimed for
 * this process first (a second `npm start` on it is refused with the holder's pid, DataDirInUseError).
 */
export async function startEmulators(opts: EmulatorOptions = {}): Promise<Emulators> {
  const release = opts.dataDir ? await claimDataDir(opts.dataDir) : async () => undefined;
  const dynamoPath = opts.dataDir ? join(opts.dataDir, 'dynamodb') : undefined;
  let dynamo: Server | undefined;
  try {
    if (dynamoPath) await mkdir(dynamoPath, { recursive: true, mode: PRIVATE_DIR_MODE });
    dynamo = dynalite({ path: dynamoPath, createTableMs: CREATE_TABLE_MS });
    const dynamoPort = await listen(dynamo, opts.dynamoPort ?? 0);
    // buildApp + our own listen, not startFauxqs: startFauxqs binds 0.0.0.0 and we stay on loopback.
    const sqs = buildApp({ logger: false });
    await sqs.listen({ port: opts.sqsPort ?? 0, host: LOOPBACK });
    const sqsEndpoint = `http://${LOOPBACK}:${(sqs.server.address() as AddressInfo).port}`;
    const started = dynamo;
    return {
      dynamoEndpoint: `http://${LOOPBACK}:${dynamoPort}`,
      sqsEndpoint,
      async stop() {
        await sqs.close();
        await closeDynalite(started);
        await release();
      },
    };
  } catch (error) {
    if (dynamo?.listening) await closeDynalite(dynamo);
    await release();
    throw error;
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** dynalite's close also flushes and closes LevelDB, so the data directory is consistent afterwards. */
function closeDynalite(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Clients that are done keep idle keep-alive sockets; they must not hold the process open.
    server.closeAllConnections();
  });
}
