import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Context } from 'aws-lambda';
import type { FunctionSpec } from '#lib/topology.ts';

/** What a worker is started with (function-host.ts reads it as workerData). */
export interface HostedFunction {
  readonly entryUrl: string;
}

/** The Context fields that cross to the worker; it rebuilds the methods around `deadline`. */
export type InvocationContext = Omit<Context, 'getRemainingTimeInMillis' | 'done' | 'fail' | 'succeed'> & {
  readonly deadline: number;
};

export interface Invocation {
  readonly id: number;
  readonly event: unknown;
  readonly context: InvocationContext;
}

/** The host's first message: the handler module has loaded. */
export interface HostReady {
  readonly ready: true;
}

export type InvocationResult =
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: { name: string; message: string; stack?: string };
    };

/** A function running in its own worker thread, called as its handler would be. */
export interface FunctionWorker {
  invoke(event: unknown, context: Context): Promise<unknown>;
  /** Ends the worker; invocations still running fail. */
  close(): Promise<void>;
}

/** tsx's loader, so the worker imports the TypeScript sources as `npm start` and the tests do. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const HOST = new URL('./function-host.ts', import.meta.url);
const REPOSITORY_ROOT = new URL('../../', import.meta.url);

/**
 * Starts a function as a Lambda instance of its own: a worker thread whose process.env is exactly
 * `env` and whose module graph (configuration, Powertools singletons, SDK clients) is its own.
 * Resolves once the handler module has loaded (its cold start), rejects with its error if the
 * module fails to load, as a misconfigured Lambda function fails its first invocation.
 */
export function startFunctionWorker(
  spec: FunctionSpec,
  env: Record<string, string>,
): Promise<FunctionWorker> {
  const worker = new Worker(HOST, {
    name: spec.name,
    env,
    execArgv: ['--import', TSX_LOADER],
    workerData: { entryUrl: new URL(spec.entry, REPOSITORY_ROOT).href } satisfies HostedFunction,
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let ended: Error | undefined;

  const failAll = (error: Error) => {
    ended ??= error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on('message', (message: HostReady | InvocationResult) => {
    if ('ready' in message) return;
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (message.ok) waiting.resolve(message.result);
    else waiting.reject(Object.assign(new Error(message.error.message), message.error));
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => failAll(new Error(`${spec.name}: its worker exited (code ${code})`)));

  const handle: FunctionWorker = {
    invoke(event, context) {
      if (ended) return Promise.reject(ended);
      const id = nextId++;
      const { getRemainingTimeInMillis, done: _done, fail: _fail, succeed: _succeed, ...fields } = context;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({
          id,
          event,
          context: { ...fields, deadline: Date.now() + getRemainingTimeInMillis() },
        } satisfies Invocation);
      });
    },
    async close() {
      await worker.terminate();
    },
  };

  return new Promise((resolve, reject) => {
    // The host says `ready` once it has imported the handler, the first thing it can fail on.
    const loading = (error: Error) => reject(error);
    worker.once('error', loading);
    worker.once('exit', (code) =>
      reject(new Error(`${spec.name}: its worker exited (code ${code}) while loading`)),
    );
    worker.once('message', (message: HostReady | InvocationResult) => {
      worker.off('error', loading);
      if ('ready' in message) resolve(handle);
    });
  });
}
