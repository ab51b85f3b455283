import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context } from 'aws-lambda';
import type { FunctionSpec } from '#lib/topology.ts';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from './aws-clients.ts';
import { bundleFunctions, type FunctionWorker, startFunctionWorker } from './function-worker.ts';

/** What every functions/<name>/handler.ts exports: an async (event, context) handler. */
export type LambdaHandler = (event: never, context: Context) => unknown;

export interface LoadedFunction {
  readonly spec: FunctionSpec;
  readonly handler: LambdaHandler;
}

export class LambdaTimeoutError extends Error {
  constructor(functionName: string, timeoutSeconds: number) {
    super(`${functionName}: Task timed out after ${timeoutSeconds} seconds`);
    this.name = 'LambdaTimeoutError';
  }
}

export interface LoadedFunctions {
  readonly functions: readonly LoadedFunction[];
  /** Ends every function's worker. */
  close(): Promise<void>;
}

/**
 * Imports each function's entry into this process, where they share its environment (the host's,
 * holding every function's variables): for tests that fake this process's clock for the
 * handlers. `npm start` isolates them (loadFunctions).
 */
export async function importFunctions(specs: readonly FunctionSpec[]): Promise<LoadedFunctions> {
  const functions = await Promise.all(
    specs.map(async (spec) => {
      const module: { handler?: unknown } = await import(
        new URL(`../../${spec.entry}`, import.meta.url).href
      );
      if (typeof module.handler !== 'function')
        throw new Error(`${spec.entry} does not export a handler function`);
      return { spec, handler: module.handler as LambdaHandler };
    }),
  );
  return { functions, close: async () => undefined };
}

/**
 * Bundles each function and starts it in its own worker thread with exactly the environment given
 * for it (function-worker.ts), in parallel; if one fails to load, the others are ended and its
 * error is thrown. The bundles live in a temporary directory until close().
 */
export async function loadFunctions(
  specs: readonly FunctionSpec[],
  environmentOf: (spec: FunctionSpec) => Record<string, string>,
): Promise<LoadedFunctions> {
  const dir = await mkdtemp(join(tmpdir(), 'aictive-functions-'));
  const bundles = await bundleFunctions(specs, dir).catch(async (error: unknown) => {
    await rm(dir, { recursive: true, force: true });
    throw error;
  });
  const started = await Promise.allSettled(
    specs.map((spec) => startFunctionWorker(spec, bundles[spec.name] ?? '', environmentOf(spec))),
  );
  const workers = started.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  const close = async () => {
    await Promise.all(workers.map((worker) => worker.close()));
    await rm(dir, { recursive: true, force: true });
  };
  const failure = started.find((outcome) => outcome.status === 'rejected');
  if (failure) {
    await close();
    throw failure.reason;
  }
  return {
    functions: specs.map((spec, i) => {
      const worker = workers[i] as FunctionWorker;
      return { spec, handler: (event: never, context: Context) => worker.invoke(event, context) };
    }),
    close,
  };
}

/**
 * Calls handlers the way the Lambda service does: a fresh Context per invocation, the topology's
 * timeout enforced (the caller sees the failure; the handler's promise cannot be killed and is
 * left to settle), and every invocation tracked so a shutdown can wait for them.
 */
export class LambdaInvoker {
  readonly #inFlight = new Set<Promise<unknown>>();

  invoke(fn: LoadedFunction, event: unknown): Promise<unknown> {
    const invocation = run(fn, event);
    this.#inFlight.add(invocation);
    const forget = () => this.#inFlight.delete(invocation);
    invocation.then(forget, forget);
    return invocation;
  }

  /** Resolves once every invocation started so far has finished or timed out. */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.#inFlight]);
  }
}

function run(fn: LoadedFunction, event: unknown): Promise<unknown> {
  const { spec } = fn;
  const deadline = Date.now() + spec.timeoutSeconds * 1000;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new LambdaTimeoutError(spec.name, spec.timeoutSeconds)),
      deadline - Date.now(),
    );
    const settle = (outcome: () => void) => {
      clearTimeout(timer);
      outcome();
    };
    const succeed = (result: unknown) => settle(() => resolve(result));
    const fail = (error: unknown) =>
      settle(() => reject(error instanceof Error ? error : new Error(String(error))));
    // The legacy context.done/fail/succeed completions still work in the Node runtime; honour them too.
    const context: Context = {
      callbackWaitsForEmptyEventLoop: true,
      functionName: spec.name,
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:function:${spec.name}`,
      memoryLimitInMB: String(spec.memoryMb),
      awsRequestId: randomUUID(),
      logGroupName: `/aws/lambda/${spec.name}`,
      logStreamName: `${new Date().toISOString().slice(0, 10).replaceAll('-', '/')}/[$LATEST]${randomBytes(16).toString('hex')}`,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      done: (error?: Error, result?: unknown) => (error ? fail(error) : succeed(result)),
      fail,
      succeed,
    };
    try {
      Promise.resolve(fn.handler(event as never, context)).then(succeed, fail);
    } catch (error) {
      fail(error);
    }
  });
}
