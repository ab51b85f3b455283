import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { functions } from '#lib/topology.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The packages a function's bundle is made of (the module graph, as the CDK's esbuild resolves it). */
async function bundledPackages(functionName: string): Promise<Set<string>> {
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
  const inputs = Object.keys(metafile.inputs);
  return new Set(
    inputs.flatMap((path) => {
      const match = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+(?:\/v4\/(?:classic|mini))?)/);
      return match?.[1] ? [match[1]] : [];
    }),
  );
}

// bench/ingest.ts measures what these keep out: the full zod and the X-Ray SDK were most of the
// webhook-ingest bundle and of its cold start.
describe('the webhook hot path stays lean', () => {
  it('leaves the X-Ray SDK and the full zod out of webhook-ingest', async () => {
    const packages = await bundledPackages('webhook-ingest');
    expect(packages).toContain('@aws-sdk/client-dynamodb');
    expect(packages).toContain('zod/v4/mini');
    expect(packages).not.toContain('aws-xray-sdk-core');
    expect(packages).not.toContain('@aws-lambda-powertools/tracer');
    expect(packages).not.toContain('zod/v4/classic');
  }, 60_000);

  it('keeps the X-Ray SDK in the functions off the hot path', async () => {
    const packages = await bundledPackages('event-processor');
    expect(packages).toContain('@aws-lambda-powertools/tracer');
    expect(packages).toContain('aws-xray-sdk-core');
  }, 60_000);
});
