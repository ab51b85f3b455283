import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));
const CONTRACTS = path.join(SHARED, 'contracts');
const DOMAIN = path.join(SHARED, 'domain');

const isZod = (specifier: string) => specifier === 'zod' || specifier.startsWith('zod/');

/** Where an import leads: a folder of shared/ for `#alias/…` and relative imports, else the package name. */
function target(file: string, specifier: string): string {
  const alias = /^#(contracts|domain|platform|adapters|usecases)\//.exec(specifier);
  if (alias) return path.join(SHARED, alias[1] as string, specifier.slice(alias[0].length));
  if (specifier.startsWith('.')) return path.resolve(path.dirname(file), specifier);
  return specifier;
}

const inside = (folder: string, resolved: string) => resolved.startsWith(`${folder}${path.sep}`);

/** Every import of a source: value, type, re-export and dynamic. */
function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((imported) => imported.fileName);
}

/**
 * The imports of `file` that break its folder's rule. shared/contracts and shared/domain import
 * only zod and themselves: the browser console imports contracts, so anything reached from
 * there (the domain, platform, adapters, Node built-ins, the AWS SDK) would land in its bundle
 * and tie the public API to internals. Use cases and adapters work on domain records and never
 * on contracts, which stay at the edge (functions/, shared/platform/http).
 */
function brokenImports(file: string, source: string): string[] {
  const self = [CONTRACTS, DOMAIN].find((folder) => inside(folder, file));
  return importsOf(source).filter((specifier) => {
    const resolved = target(file, specifier);
    if (self) return !isZod(specifier) && !inside(self, resolved);
    return inside(CONTRACTS, resolved);
  });
}

const sourcesUnder = (folder: string) =>
  readdirSync(path.join(SHARED, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.join(SHARED, folder, name));

describe('layer imports', () => {
  const files = ['contracts', 'domain', 'usecases', 'adapters'].flatMap(sourcesUnder);

  it('has every layer to check', () => {
    const relative = files.map((file) => path.relative(SHARED, file));
    for (const expected of ['contracts/emails.ts', 'contracts/stats.ts', 'domain/emails/email.ts'])
      expect(relative).toContain(expected);
  });

  it.each(files.map((file) => [path.relative(SHARED, file), file]))('shared/%s', (_name, file) => {
    expect(brokenImports(file, readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('catches every way out of contracts: value, type, re-export, dynamic and relative', () => {
    const source = [
      "import { z } from 'zod';",
      "import { EMAIL_ID } from './emails.ts';",
      "import { SCOPES } from '#contracts/api-keys.ts';",
      "import { CATEGORIES } from '#domain/classification/taxonomy.ts';",
      "import type { EmailRecord } from '../domain/emails/email.ts';",
      "export { problem } from '#platform/http/problem.ts';",
      "const later = () => import('#adapters/dynamodb/keys.ts');",
      "import { randomUUID } from 'node:crypto';",
    ].join('\n');
    expect(brokenImports(path.join(CONTRACTS, 'example.ts'), source)).toEqual([
      '#domain/classification/taxonomy.ts',
      '../domain/emails/email.ts',
      '#platform/http/problem.ts',
      '#adapters/dynamodb/keys.ts',
      'node:crypto',
    ]);
  });

  it('catches contracts reached from the domain, a use case or an adapter', () => {
    const source = "import { EmailView } from '#contracts/emails.ts';\nimport { z } from 'zod';";
    expect(brokenImports(path.join(DOMAIN, 'emails', 'example.ts'), source)).toEqual([
      '#contracts/emails.ts',
    ]);
    expect(brokenImports(path.join(SHARED, 'usecases', 'example.ts'), source)).toEqual([
      '#contracts/emails.ts',
    ]);
    expect(
      brokenImports(
        path.join(SHARED, 'adapters', 'dynamodb', 'example.ts'),
        "import '../../contracts/emails.ts';",
      ),
    ).toEqual(['../../contracts/emails.ts']);
  });
});
