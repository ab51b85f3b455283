import { functionEnvironment } from '#lib/function-environment.ts';
import { deployedFunctions, type FunctionSpec, functions as topologyFunctions } from '#lib/topology.ts';
import { CorsConfig, readConfig, settings } from '#platform/config.ts';
import { startApiGateway } from './api-gateway.ts';
import { localApiKeyPepper, localResponseLinkSecret } from './api-key-pepper.ts';
import { localSqsClient } from './aws-clients.ts';
import { type Emulators, startEmulators } from './emulators.ts';
import { writeLocalEndpoints } from './endpoints-file.ts';
import { importFunctions, LambdaInvoker, loadFunctions } from './lambda.ts';
import { allFunctionsEnv, localDeployment, localPlatformEnv } from './local-deployment.ts';
import { type LocalResources, localTopicName, provision } from './provision.ts';
import { startQueuePoller } from './queue-poller.ts';
import { startScheduler } from './scheduler.ts';
import { startSmtpListener } from './smtp-listener.ts';
import { resendWorkStrandedByLastStop } from './stranded-work.ts';
import { startTopicPoller } from './topic-poller.ts';

export interface LocalRuntime {
  readonly url: string;
  readonly port: number;
  readonly resources: LocalResources;
  readonly emulators: Emulators;
  /** The environment each function runs with, by function name (its worker's whole process.env). */
  readonly environments: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The inbound mail listener, when `smtpPort` was given. */
  readonly smtp?: { readonly host: string; readonly port: number };
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
  /**
   * The operator's variables on top of this process's environment: settings (#platform/config.ts)
   * reach the functions that read them, anything else (logging knobs) every function.
   */
  readonly extraEnv?: Record<string, string>;
  readonly pollWaitSeconds?: number;
  readonly schedules?: boolean;
  /** Prefix of table and queue names. */
  readonly prefix?: string;
  /** Work queue visibility timeout; the topology's by default (see ProvisionOptions). */
  readonly visibilityTimeoutSeconds?: number;
  /**
   * Each function in its own worker with its own environment (the default, as `npm start` runs);
   * false imports them into this process, for tests that fake its clock for the handlers.
   */
  readonly isolated?: boolean;
  /**
   * Runs the inbound mail listener (lib/local/smtp-listener.ts) on 127.0.0.1 at this port (0 picks
   * a free one); none when absent. `npm start` passes SMTP_PORT (2525 by default).
   */
  readonly smtpPort?: number;
}

/** Powertools knobs of the operator's shell that every function honours; its identity is each function's own. */
const OPERATOR_KNOBS = /^POWERTOOLS_(?!SERVICE_NAME$|METRICS_NAMESPACE$)/;

/**
 * The whole platform on this machine: emulators, resources, then the functions behind an API
 * Gateway, queue pollers and schedules. Each function runs in its own worker thread with
 * exactly the environment the topology derives for it (as in AWS) plus the emulators' endpoints:
 * a function that reads what it is not bound to fails here as it would there. This process,
 * the host, keeps the operator's tools: seeding, `--local` helpers and tests read every
 * function's resources from its environment, set before the functions start and restored by stop().
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

    const operatorEnv: Record<string, string | undefined> = {
      // Answer links in notices point at this API when its port is known before it starts.
      ...(opts.port ? { PUBLIC_API_URL: `http://${opts.host ?? '127.0.0.1'}:${opts.port}` } : {}),
      ...process.env,
      ...opts.extraEnv,
    };
    const deployment = localDeployment(
      resources,
      {
        apiKeyPepper: await localApiKeyPepper(opts.dataDir),
        responseLinkSigning: await localResponseLinkSecret(opts.dataDir),
      },
      operatorEnv,
    );
    const everyFunction = {
      ...Object.fromEntries(
        Object.entries(operatorEnv).filter(
          (entry): entry is [string, string] =>
            entry[1] !== undefined && (OPERATOR_KNOBS.test(entry[0]) || isExtraNonSetting(entry[0], opts)),
        ),
      ),
      ...localPlatformEnv(emulators),
    };
    // An opt-in function (the nightly triage evaluation) runs only when its variable is `true`.
    const specs: readonly FunctionSpec[] =
      opts.functions ?? deployedFunctions((optIn) => operatorEnv[optIn.env] === 'true', topologyFunctions);
    const restoreEnv = applyEnv({ ...allFunctionsEnv(emulators, deployment), ...opts.extraEnv });
    teardown.push(async () => restoreEnv());
    // A persistent run may have stopped with work in its (in-memory) queues: send it again.
    if (opts.dataDir) await resendWorkStrandedByLastStop(resources);
    const environments = Object.fromEntries(
      specs.map((spec) => [spec.name, { ...everyFunction, ...functionEnvironment(spec, deployment) }]),
    );

    const loaded =
      (opts.isolated ?? true)
        ? await loadFunctions(specs, (spec) => environments[spec.name] ?? {})
        : await importFunctions(specs);
    teardown.push(() => loaded.close());
    const invoker = new LambdaInvoker();
    teardown.push(() => invoker.drain());

    const api = await startApiGateway({
      functions: loaded.functions,
      invoker,
      port: opts.port,
      host: opts.host,
      allowedOrigins: readConfig(CorsConfig, deployment.settings).CORS_ALLOWED_ORIGINS,
    });
    teardown.push(() => api.stop());

    const sqs = localSqsClient(emulators.sqsEndpoint);
    teardown.push(async () => sqs.destroy());
    const pollers = loaded.functions.flatMap((fn) => {
      const queue = fn.spec.consumes && resources.queues[fn.spec.consumes.queue];
      return queue
        ? [startQueuePoller({ sqs, fn, queue, invoker, waitTimeSeconds: opts.pollWaitSeconds })]
        : [];
    });
    teardown.push(() => Promise.all(pollers.map((poller) => poller.stop())));

    // What people would be told (workflow notices), one line each; `false` leaves them in the
    // topic's queue for whoever reads it (README).
    if (operatorEnv.AICTIVE_LOCAL_TOPIC_LOG !== 'false') {
      const topicPollers = Object.entries(resources.topics).map(([name, topic]) =>
        startTopicPoller({
          sqs,
          name: localTopicName(name as keyof LocalResources['topics']),
          topic,
          waitTimeSeconds: opts.pollWaitSeconds,
        }),
      );
      teardown.push(() => Promise.all(topicPollers.map((poller) => poller.stop())));
    }

    if (opts.schedules ?? true) {
      const scheduler = startScheduler({ functions: loaded.functions, invoker });
      teardown.push(() => scheduler.stop());
    }

    const smtp =
      opts.smtpPort === undefined
        ? undefined
        : await startSmtpListener({
            port: opts.smtpPort,
            tableName: resources.tables.main,
            classifyQueueUrl: resources.queues.classify.url,
            dataDir: opts.dataDir,
          });
    if (smtp) teardown.push(() => smtp.stop());

    let stopping: Promise<void> | undefined;
    return {
      url: api.url,
      port: api.port,
      resources,
      emulators,
      environments,
      ...(smtp ? { smtp: { host: smtp.host, port: smtp.port } } : {}),
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

/** An extra variable that is no setting goes to every function (settings go where they are read). */
function isExtraNonSetting(name: string, opts: LocalRuntimeOptions): boolean {
  return opts.extraEnv?.[name] !== undefined && !(name in settings);
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

async function runReversed(steps: readonly (() => Promise<unknown>)[]): Promise<void> {
  for (const step of [...steps].reverse()) await step();
}
