/**
 * How every function is bundled: CDK's NodejsFunction passes these to esbuild, and the bundle
 * benchmarks and the hot-path test build with the same, so what they measure is what deploys.
 */
export const FUNCTION_BUNDLING = {
  format: 'esm',
  target: 'node24',
  minify: true,
  mainFields: ['module', 'main'],
  // aws-xray-sdk-core (under Powertools Tracer) is CommonJS and calls require() inside the ESM bundle.
  // Imported under its own name: a bundled ES module importing `createRequire` itself (as
  // email-reply-parser does) keeps that import at the bundle's top level beside this one.
  banner:
    "import { createRequire as bundleCreateRequire } from 'module';const require = bundleCreateRequire(import.meta.url);",
  // Labelled JSONL bundled as text (the nightly triage evaluation's tune set).
  loader: { '.jsonl': 'text' },
} as const;

/** The same, as esbuild's own build options (for the benchmarks and tests that bundle). */
export function functionBuildOptions(): {
  bundle: true;
  platform: 'node';
  format: 'esm';
  target: string;
  minify: boolean;
  mainFields: string[];
  banner: { js: string };
  loader: Record<string, 'text'>;
  logLevel: 'silent';
} {
  return {
    bundle: true,
    platform: 'node',
    format: FUNCTION_BUNDLING.format,
    target: FUNCTION_BUNDLING.target,
    minify: FUNCTION_BUNDLING.minify,
    mainFields: [...FUNCTION_BUNDLING.mainFields],
    banner: { js: FUNCTION_BUNDLING.banner },
    loader: { ...FUNCTION_BUNDLING.loader },
    logLevel: 'silent',
  };
}
