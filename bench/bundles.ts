/**
 * `npm run bench:bundles`: the size of every function's bundle, built as CDK builds it
 * (lib/function-bundling.ts), and the packages that weigh most in each. Bundle size dominates
 * a Lambda cold start, so this is the figure to watch when a dependency moves.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { functionBuildOptions } from '#lib/function-bundling.ts';
import { functions } from '#lib/topology.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Handlers holding only the clients a function uses (bench/floors/): what its bundle is judged by. */
export const FLOORS: Readonly<Record<string, string>> = { authorizer: 'bench/floors/authorizer.ts' };
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/** Output bytes of a bundle, and the bytes each package contributes to it. */
export async function bundleSize(entry: string): Promise<{ bytes: number; byPackage: Map<string, number> }> {
  const { metafile, outputFiles } = await build({
    ...functionBuildOptions(),
    entryPoints: [`${ROOT}${entry}`],
    write: false,
    metafile: true,
    outfile: 'out.mjs',
  });
  const output = Object.values(metafile?.outputs ?? {})[0];
  const byPackage = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const name = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? '(our code)';
    byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
  }
  return { bytes: outputFiles?.find((f) => f.path.endsWith('.mjs'))?.contents.byteLength ?? 0, byPackage };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log('function          bundle   heaviest packages');
  for (const spec of functions) {
    const { bytes, byPackage } = await bundleSize(spec.entry);
    const heaviest = [...byPackage]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([name, size]) => `${name} ${kb(size)}`)
      .join(', ');
    console.log(`${spec.name.padEnd(17)} ${kb(bytes).padStart(7)}   ${heaviest}`);
    const floor = FLOORS[spec.name];
    if (floor) {
      const floorBytes = (await bundleSize(floor)).bytes;
      console.log(
        `${'  its floor'.padEnd(17)} ${kb(floorBytes).padStart(7)}   ${(bytes / floorBytes).toFixed(2)}x`,
      );
    }
  }
}
