import { randomBytes } from 'node:crypto';
import { type Deployment, functionEnvironment } from '#lib/function-environment.ts';
import { type FunctionSpec, functions, type SecretName, secrets } from '#lib/topology.ts';
import { type SettingName, settings } from '#platform/config.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './aws-clients.ts';
import type { Endpoints, LocalResources } from './provision.ts';

/**
 * What Lambda itself gives every function, here pointing the AWS SDK at the emulators: region,
 * credentials, endpoints. Not part of any function's own environment (that is the topology's).
 */
export function localPlatformEnv(endpoints: Endpoints): Record<string, string> {
  return {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamoEndpoint,
    AWS_ENDPOINT_URL_SQS: endpoints.sqsEndpoint,
    // fauxqs serves SNS on the same endpoint as SQS.
    AWS_ENDPOINT_URL_SNS: endpoints.sqsEndpoint,
  };
}

/**
 * A secret the deployment generates (`creation: {generated: true}`) that nobody gave: one random
 * value per process, as a deployment generates one per stage (npm start keeps its own in the data
 * directory and passes it in `values`).
 */
const generatedHere = new Map<SecretName, string>();
function generatedValue(name: SecretName): string | undefined {
  const creation = (secrets[name] as { creation?: { generated?: true } }).creation;
  if (!creation?.generated) return undefined;
  let value = generatedHere.get(name);
  if (!value) {
    value = randomBytes(32).toString('base64url');
    generatedHere.set(name, value);
  }
  return value;
}

/**
 * The local deployment as functions' environments refer to it (lib/function-environment.ts):
 * the emulators' tables, queues and topics; secrets by value (`values`, else the operator's
 * environment under the secret's value variable, e.g. ANTHROPIC_API_KEY, else for a generated
 * secret one random value per process), per-org families in the table; settings from the
 * operator's environment, the stage always `local`.
 */
export function localDeployment(
  resources: LocalResources,
  values: Partial<Record<SecretName, string>>,
  operatorEnv: Readonly<Record<string, string | undefined>>,
): Deployment {
  const secretNames = Object.keys(secrets) as SecretName[];
  const settingNames = Object.keys(settings) as SettingName[];
  const valueVariable = (name: SecretName): string | undefined =>
    (secrets[name].variables as { value?: string }).value;
  return {
    tables: resources.tables,
    queues: Object.fromEntries(Object.entries(resources.queues).map(([name, queue]) => [name, queue.url])),
    topics: Object.fromEntries(Object.entries(resources.topics).map(([name, topic]) => [name, topic.arn])),
    secrets: Object.fromEntries(
      secretNames.map((name) => {
        const variable = valueVariable(name);
        return [
          name,
          {
            store: 'local',
            value: values[name] ?? (variable ? (operatorEnv[variable] ?? generatedValue(name)) : undefined),
          },
        ];
      }),
    ),
    settings: {
      ...Object.fromEntries(settingNames.flatMap((name) => definedEntry(name, operatorEnv[name]))),
      STAGE: 'local',
    },
  };
}

function definedEntry(name: string, value: string | undefined): [string, string][] {
  return value === undefined ? [] : [[name, value]];
}

/**
 * Every function's environment at once, for code that runs several handlers in one process (the
 * integration tests, the CLI's `--local`); `npm start` gives each function only its own.
 */
export function allFunctionsEnv(
  endpoints: Endpoints,
  deployment: Deployment,
  specs: readonly FunctionSpec[] = functions,
): Record<string, string> {
  const merged = Object.assign({}, ...specs.map((spec) => functionEnvironment(spec, deployment)));
  // One process is no one function: Powertools names it after the platform, as before.
  const { POWERTOOLS_SERVICE_NAME: _service, ...env } = merged;
  return { ...localPlatformEnv(endpoints), ...env };
}
