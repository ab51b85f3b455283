import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { functions } from '#lib/topology.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The modules a function's bundle is made of (the module graph, as the CDK's esbuild resolves it). */
async function bundledModules(functionName: string): Promise<string[]> {
  const spec = functions.find((f) => f.name === functionName);
  if (!spec) throw new Error(`no function ${functionName} in the topology`);
  const { metafile } = await build({
    entryPoints: [`${ROOT}${spec.entry}`],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    mainFields: ['module', 'main'],
    logLevel: 'silent',
  });
  return Object.keys(metafile.inputs);
}

/** The packages among a bundle's modules. */
function packagesIn(modules: readonly string[]): Set<string> {
  return new Set(
    modules.flatMap((path) => {
      const match = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+(?:\/v4\/(?:classic|mini))?)/);
      return match?.[1] ? [match[1]] : [];
    }),
  );
}

/** The rules classifier's cue tables: only the classifier and the CLI need them. */
const cueTables = (modules: readonly string[]) =>
  modules.filter((path) => /shared\/domain\/classification\/[^/]+-cues\.ts$/.test(path));

// bench/ingest.ts measures what these keep out: the full zod and the X-Ray SDK were most of the
// webhook-ingest bundle and of its cold start.
describe('the webhook hot path stays lean', () => {
  it('leaves the X-Ray SDK and the full zod out of webhook-ingest', async () => {
    const packages = packagesIn(await bundledModules('webhook-ingest'));
    expect(packages).toContain('@aws-sdk/client-dynamodb');
    expect(packages).toContain('zod/v4/mini');
    expect(packages).not.toContain('aws-xray-sdk-core');
    expect(packages).not.toContain('@aws-lambda-powertools/tracer');
    expect(packages).not.toContain('zod/v4/classic');
  }, 60_000);

  it('keeps the X-Ray SDK in the functions off the hot path', async () => {
    const packages = packagesIn(await bundledModules('event-processor'));
    expect(packages).toContain('@aws-lambda-powertools/tracer');
    expect(packages).toContain('aws-xray-sdk-core');
  }, 60_000);
});

// bench/bundles.ts prints the sizes: the model client was a third of the api bundle (1498 KB).
describe('the api function carries no model client', () => {
  it('leaves the Anthropic SDK, cockatiel and the cue tables out of api: readiness reads Claude with a fetch', async () => {
    const modules = await bundledModules('api');
    const packages = packagesIn(modules);
    expect(packages).toContain('@aws-sdk/lib-dynamodb');
    expect(packages).not.toContain('@anthropic-ai/sdk');
    expect(packages).not.toContain('cockatiel');
    expect(cueTables(modules)).toEqual([]);
  }, 60_000);

  it('keeps them where Claude is called: the classifier', async () => {
    const modules = await bundledModules('classifier');
    const packages = packagesIn(modules);
    expect(packages).toContain('@anthropic-ai/sdk');
    expect(packages).toContain('cockatiel');
    expect(cueTables(modules).length).toBeGreaterThan(0);
  }, 60_000);
});
