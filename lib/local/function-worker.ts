import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Context } from 'aws-lambda';
import { build } from 'esbuild';
import { functionBuildOptions } from '#lib/function-bundling.ts';
import type { FunctionSpec } from '#lib/topology.ts';
import { keepFailureCauses } from '#platform/batch-failure-causes.ts';

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

/** An error as it crosses from the worker: what structured cloning keeps of it. */
export interface ErrorDescription {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
}

export type InvocationResult = (
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly id: number; readonly ok: false; readonly error: ErrorDescription }
) & {
  /** Why each failed record of a batch failed, by message id (#platform/batch-failure-causes.ts). */
  readonly causes: readonly (readonly [string, ErrorDescription])[];
};

/** A function running in its own worker thread, called as its handler would be. */
export interface FunctionWorker {
  invoke(event: unknown, context: Context): Promise<unknown>;
  /** Ends the worker; invocations still running fail. */
  close(): Promise<void>;
}

const REPOSITORY_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HOST = fileURLToPath(new URL('./function-host.ts', import.meta.url));

/**
 * Bundles each function with its host as CDK bundles it for Lambda (lib/function-bundling.ts),
 * unminified and with a source map for readable stack traces: one plain module per function that
 * a worker loads fast, where loading the TypeScript sources file by file would take each worker
 * seconds. One esbuild run for all, so the modules they share are parsed once. Returns each
 * function's bundle by name.
 */
export async function bundleFunctions(
  specs: readonly FunctionSpec[],
  outdir: string,
): Promise<Record<string, string>> {
  const entries = await Promise.all(
    specs.map(async (spec) => {
      const entry = join(outdir, `${spec.name}.ts`);
      await writeFile(
        entry,
        [
          `import { handler } from ${JSON.stringify(join(REPOSITORY_ROOT, spec.entry))};`,
          `import { serve } from ${JSON.stringify(HOST)};`,
          'serve(handler);',
        ].join('\n'),
      );
      return entry;
    }),
  );
  await build({
    ...functionBuildOptions(),
    minify: false,
    sourcemap: 'inline',
    entryPoints: entries,
    outdir,
    outExtension: { '.js': '.mjs' },
  });
  return Object.fromEntries(specs.map((spec) => [spec.name, join(outdir, `${spec.name}.mjs`)]));
}

/**
 * Starts a function as a Lambda instance of its own, from its bundle (bundleFunctions): a worker
 * thread whose process.env is exactly `env` and whose module graph (configuration, Powertools
 * singletons, SDK clients) is its own. Resolves once the handler module has loaded (its cold
 * start), rejects with its error if the module fails to load, as a misconfigured Lambda
 * function fails its first invocation.
 */
export function startFunctionWorker(
  spec: FunctionSpec,
  bundle: string,
  env: Record<string, string>,
): Promise<FunctionWorker> {
  const worker = new Worker(bundle, { name: spec.name, env, execArgv: ['--enable-source-maps'] });
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
    const outcome = message.ok ? message.result : asError(message.error);
    const causes = message.causes.map(([messageId, cause]) => [messageId, asError(cause)] as const);
    if (causes.length > 0) keepFailureCauses(outcome, new Map(causes));
    if (outcome instanceof Error) waiting.reject(outcome);
    else waiting.resolve(outcome);
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

function asError(description: ErrorDescription): Error {
  return Object.assign(new Error(description.message), description);
}
