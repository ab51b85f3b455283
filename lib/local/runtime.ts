import { type FunctionSpec, functions as topologyFunctions } from '#lib/topology.ts';
import { startApiGateway } from './api-gateway.ts';
import { localApiKeyPepper } from './api-key-pepper.ts';
import { localSqsClient } from './aws-clients.ts';
import { type Emulators, startEmulators } from './emulators.ts';
import { writeLocalEndpoints } from './endpoints-file.ts';
import { LambdaInvoker, loadFunctions } from './lambda.ts';
import { type LocalResources, provision, runtimeEnv } from './provision.ts';
import { startQueuePoller } from './queue-poller.ts';
import { startScheduler } from './scheduler.ts';
import { resendWorkStrandedByLastStop } from './stranded-work.ts';

export interface LocalRuntime {
  readonly url: string;
  readonly port: number;
  readonly resources: LocalResources;
  readonly emulators: Emulators;
  stop(): Promise<void>;
}

export interface LocalRuntimeOptions {
  /** API port; 0 (the default) picks a free one. */
  readonly port?: number;
  readonly host?: string;
  /** Where DynamoDB data persists between runs; in-memory when absent. */
  readonly dataDir?: string;
  /** The functions to serve; the topology's by default. */
  readonly functions?: readonly FunctionSpec[];
  /** Env for the handlers on top of (and overriding) the resource env. */
  readonly extraEnv?: Record<string, string>;
  readonly pollWaitSeconds?: number;
  readonly schedules?: boolean;
  /** Prefix of table and queue names. */
  readonly prefix?: string;
  /** Work queue visibility timeout; the topology's by default (see ProvisionOptions). */
  readonly visibilityTimeoutSeconds?: number;
}

/**
 * The whole platform in this process: emulators, resources, then the functions behind an API
 * Gateway, queue pollers and schedules. Handlers share process.env (they all read the same
 * names), which is set before any handler module loads and restored by stop().
 */
export async function startLocalRuntime(opts: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
  const emulators = await startEmulators({ dataDir: opts.dataDir });
  // Shutdown steps, pushed as each part starts and run in reverse, also when start-up fails halfway.
  const teardown: (() => Promise<unknown>)[] = [() => emulators.stop()];
  const stop = () => runReversed(teardown);
  try {
    const resources = await provision(emulators, {
      prefix: opts.prefix,
      visibilityTimeoutSeconds: opts.visibilityTimeoutSeconds,
    });
    // A persistent run says where it listens, for `aictive … --local` (removed again on stop).
    if (opts.dataDir)
      teardown.push(await writeLocalEndpoints(opts.dataDir, { endpoints: emulators, resources }));
    // Every function's fixed settings too: handlers share one process environment locally.
    const specs: readonly FunctionSpec[] = opts.functions ?? topologyFunctions;
    const settings = Object.assign({}, ...specs.map((fn) => fn.settings ?? {}));
    const restoreEnv = applyEnv({
      ...runtimeEnv(emulators, resources, await localApiKeyPepper(opts.dataDir)),
      ...settings,
      ...opts.extraEnv,
    });
    teardown.push(async () => restoreEnv());
    // A persistent run may have stopped with work in its (in-memory) queues: send it again.
    if (opts.dataDir) await resendWorkStrandedByLastStop(resources);

    const loaded = await loadFunctions(opts.functions ?? topologyFunctions);
    const invoker = new LambdaInvoker();
    teardown.push(() => invoker.drain());

    const api = await startApiGateway({ functions: loaded, invoker, port: opts.port, host: opts.host });
    teardown.push(() => api.stop());

    const sqs = localSqsClient(emulators.sqsEndpoint);
    teardown.push(async () => sqs.destroy());
    const pollers = loaded.flatMap((fn) =>
      fn.spec.consumes
        ? [
            startQueuePoller({
              sqs,
              fn,
              queue: resources.queues[fn.spec.consumes.queue],
              invoker,
              waitTimeSeconds: opts.pollWaitSeconds,
            }),
          ]
        : [],
    );
    teardown.push(() => Promise.all(pollers.map((poller) => poller.stop())));

    if (opts.schedules ?? true) {
      const scheduler = startScheduler({ functions: loaded, invoker });
      teardown.push(() => scheduler.stop());
    }

    let stopping: Promise<void> | undefined;
    return {
      url: api.url,
      port: api.port,
      resources,
      emulators,
      stop: () => {
        stopping ??= stop();
        return stopping;
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function runReversed(steps: readonly (() => Promise<unknown>)[]): Promise<void> {
  for (const step of [...steps].reverse()) await step();
}

/** Sets the variables and returns how to put back what was there before. */
function applyEnv(env: Record<string, string>): () => void {
  const previous = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
