import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configSchemaOf } from '#lib/function-config.ts';
import { type Deployment, functionEnvironment } from '#lib/function-environment.ts';
import { bundleFunctions, startFunctionWorker } from '#lib/local/function-worker.ts';
import {
  type FunctionSpec,
  functions,
  queues,
  type SecretName,
  secrets,
  tables,
  topics,
} from '#lib/topology.ts';
import { readConfig } from '#platform/config.ts';

const specs: readonly FunctionSpec[] = functions;
const bundles = mkdtempSync(join(tmpdir(), 'aictive-cold-start-'));
afterAll(() => rmSync(bundles, { recursive: true, force: true }));
const secretNames = Object.keys(secrets) as SecretName[];
const byName = <V>(names: readonly string[], value: (name: string) => V) =>
  Object.fromEntries(names.map((name) => [name, value(name)]));

/** Resource names shaped as CloudFormation resolves them; nothing is contacted at import. */
const aws: Deployment = {
  tables: byName(Object.keys(tables), (name) => `aictive-test-${name}`),
  queues: byName(
    queues.map((queue) => queue.name),
    (name) => `https://sqs.us-east-1.amazonaws.com/000000000000/aictive-test-${name}`,
  ),
  topics: byName(Object.keys(topics), (name) => `arn:aws:sns:us-east-1:000000000000:AictiveTest-${name}`),
  secrets: byName(secretNames, (name) => ({
    store: 'secretsmanager' as const,
    id: `arn:aws:secretsmanager:us-east-1:000000000000:secret:aictive/test/${name}`,
  })),
  settings: { STAGE: 'test' },
};

/** As `npm start` gives them: values in the environment, per-org secrets in the table. */
const local: Deployment = {
  ...aws,
  queues: byName(
    queues.map((queue) => queue.name),
    (name) => `http://127.0.0.1:4566/000000000000/aictive-local-${name}`,
  ),
  topics: byName(Object.keys(topics), (name) => `arn:aws:sns:us-east-1:000000000000:aictive-local-${name}`),
  secrets: byName(secretNames, (name) => ({
    store: 'local' as const,
    ...(name === 'apiKeyPepper' ? { value: 'a-local-pepper-of-at-least-32-characters' } : {}),
    ...(name === 'responseLinkSigning' ? { value: 'a-local-link-secret-of-at-least-32-characters' } : {}),
  })),
  settings: { STAGE: 'local' },
};

// The local deployment's cold starts are `npm start` itself (test/e2e); here, AWS's.
describe('every handler, deployed as in AWS', () => {
  it.each(specs.map((spec) => [spec.name, spec] as const))(
    '%s cold-starts with exactly its derived environment and nothing else',
    async (_name, spec) => {
      // Its own worker (its Lambda bundle): a fresh module graph whose process.env is exactly this.
      const bundle = (await bundleFunctions([spec], bundles))[spec.name] ?? '';
      const worker = await startFunctionWorker(spec, bundle, functionEnvironment(spec, aws));
      await worker.close();
    },
    60_000,
  );
});

describe.each([
  ['AWS', aws],
  ['local', local],
])('every handler, deployed as in %s', (_where, deployment) => {
  it.each(specs.map((spec) => [spec.name, spec] as const))(
    '%s reads every variable it is given (none is given in vain)',
    (_name, spec) => {
      const { POWERTOOLS_SERVICE_NAME, POWERTOOLS_METRICS_NAMESPACE, ...bound } = functionEnvironment(
        spec,
        deployment,
      );
      expect(POWERTOOLS_SERVICE_NAME).toBe(spec.name);
      expect(POWERTOOLS_METRICS_NAMESPACE).toBe('Aictive');
      const read = readConfig(configSchemaOf(spec), bound) as Record<string, unknown>;
      expect(Object.keys(read)).toEqual(expect.arrayContaining(Object.keys(bound)));
    },
  );
});

describe('a handler missing one of its bindings', () => {
  it('fails its cold start, naming the variable', async () => {
    const spec = specs.find((fn) => fn.name === 'classifier') as FunctionSpec;
    const { WORKFLOW_QUEUE_URL: _dropped, ...env } = functionEnvironment(spec, aws);
    const bundle = (await bundleFunctions([spec], bundles))[spec.name] ?? '';
    await expect(startFunctionWorker(spec, bundle, env)).rejects.toThrow(/WORKFLOW_QUEUE_URL: missing/);
  }, 60_000);
});
