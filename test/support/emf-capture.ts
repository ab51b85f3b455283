import type { Context } from 'aws-lambda';
import { vi } from 'vitest';
import type { FunctionName } from '#lib/topology.ts';
import { METRIC_NAMESPACE } from '#platform/metric-catalogue.ts';
import { lambdaContext } from './lambda-events.ts';
import { printedDuring } from './printed-output.ts';

/**
 * Metrics as CloudWatch would read them from a function: the function loaded afresh as one Lambda
 * instance, each invocation's printed EMF documents captured and read by namespace, metric name
 * and the `service` dimension.
 */

export type Handler = (event: unknown, context: Context) => Promise<unknown>;

export interface Emf {
  readonly _aws: {
    readonly CloudWatchMetrics: readonly {
      readonly Namespace: string;
      readonly Dimensions: readonly (readonly string[])[];
      readonly Metrics: readonly { readonly Name: string; readonly Unit: string }[];
    }[];
  };
  readonly [key: string]: unknown;
}

/** The function as one Lambda instance would load it: fresh module singletons, metrics on, plain EMF. */
export async function loadFunction(
  service: FunctionName,
  env: Record<string, string> = {},
): Promise<Handler> {
  vi.resetModules();
  vi.unstubAllEnvs();
  for (const [name, value] of Object.entries({
    POWERTOOLS_SERVICE_NAME: service,
    POWERTOOLS_METRICS_NAMESPACE: METRIC_NAMESPACE,
    POWERTOOLS_METRICS_DISABLED: 'false',
    POWERTOOLS_DEV: 'false',
    // Lambda sets it; Powertools counts a cold start only then.
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    ...env,
  }))
    vi.stubEnv(name, value);
  const module = (await import(new URL(`../../functions/${service}/handler.ts`, import.meta.url).href)) as {
    handler: Handler;
  };
  return module.handler;
}

/** Runs one invocation (within `timeoutMs`, the context's default otherwise) and returns what it printed: the EMF documents, and everything else. */
export async function invoke(handler: Handler, event: unknown, service: string, timeoutMs?: number) {
  const printed = await printedDuring(() =>
    handler(event, lambdaContext(service, timeoutMs)).catch((error: unknown) => error),
  );
  const lines = printed.join('').split('\n').filter(Boolean);
  const emf = lines.filter((line) => line.startsWith('{"_aws"')).map((line) => JSON.parse(line) as Emf);
  return { emf, other: lines.filter((line) => !line.startsWith('{"_aws"')) };
}

/**
 * The value CloudWatch would record for this metric under this namespace and service, if any
 * (counted more than once in an invocation, Powertools writes the values as a list: their sum).
 */
export function emitted(documents: readonly Emf[], metric: string, service: string): number | undefined {
  for (const document of documents) {
    for (const directive of document._aws.CloudWatchMetrics) {
      const named = directive.Metrics.some((m) => m.Name === metric && m.Unit === 'Count');
      const byService = directive.Dimensions.some((set) => set.includes('service'));
      if (named && byService && directive.Namespace === METRIC_NAMESPACE && document.service === service)
        return [document[metric]].flat().reduce<number>((sum, value) => sum + Number(value), 0);
    }
  }
  return undefined;
}
