/**
 * The inside of one function's worker thread (lib/local/function-worker.ts), bundled with the
 * function's handler: the function's own module graph, loaded under its own process.env, as a
 * Lambda instance. Once the handler module has loaded (its cold start) it says so, then runs
 * each invocation the main thread sends it.
 */
import { parentPort } from 'node:worker_threads';
import type { Context } from 'aws-lambda';
import { failureCausesOf } from '#platform/batch-failure-causes.ts';
import type { ErrorDescription, HostReady, Invocation, InvocationResult } from './function-worker.ts';

type Handler = (event: unknown, context: Context) => unknown;

export function serve(handler: unknown): void {
  const port = parentPort;
  if (!port) throw new Error('a function host runs only as a worker thread');
  if (typeof handler !== 'function') throw new Error('the function does not export a handler function');
  port.on('message', (invocation: Invocation) => {
    void invoke(handler as Handler, invocation).then((result) =>
      port.postMessage(result satisfies InvocationResult),
    );
  });
  port.postMessage({ ready: true } satisfies HostReady);
}

function invoke(handler: Handler, { id, event, context }: Invocation): Promise<InvocationResult> {
  return new Promise<unknown>((resolve, reject) => {
    const fail = (error: unknown) => reject(error);
    // The legacy context.done/fail/succeed completions still work in the Node runtime; honour them too.
    const lambdaContext: Context = {
      ...context,
      getRemainingTimeInMillis: () => Math.max(0, context.deadline - Date.now()),
      done: (error?: Error, result?: unknown) => (error ? reject(error) : resolve(result)),
      fail,
      succeed: resolve,
    };
    try {
      Promise.resolve(handler(event, lambdaContext)).then(resolve, fail);
    } catch (error) {
      fail(error);
    }
  })
    .then(
      (result): InvocationResult => ({
        id,
        ok: true,
        result: cloneable(result),
        // Why each failed record failed, which the batch response cannot carry: the main thread
        // names it when it reports a dead letter (this host shares the handler's module graph).
        causes: causesOf(result),
      }),
    )
    .catch(
      (error: unknown): InvocationResult => ({
        id,
        ok: false,
        error: describe(error),
        causes: causesOf(error),
      }),
    );
}

function causesOf(outcome: unknown): InvocationResult['causes'] {
  return [...failureCausesOf(outcome)].map(([messageId, cause]) => [messageId, describe(cause)]);
}

/** What crosses back to the main thread must survive structured cloning, as Lambda's JSON would. */
function cloneable(result: unknown): unknown {
  return result === undefined ? undefined : JSON.parse(JSON.stringify(result));
}

function describe(error: unknown): ErrorDescription {
  return error instanceof Error
    ? { name: error.name, message: error.message, stack: error.stack }
    : { name: 'Error', message: String(error) };
}
