import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));
const CONTRACTS = path.join(SHARED, 'contracts');
const DOMAIN = path.join(SHARED, 'domain');
const VOCABULARY = path.join(SHARED, 'vocabulary');

const isZod = (specifier: string) => specifier === 'zod' || specifier.startsWith('zod/');

/** Where an import leads: a folder of shared/ for `#alias/…` and relative imports, else the package name. */
function target(file: string, specifier: string): string {
  const alias = /^#(contracts|domain|platform|adapters|usecases|vocabulary)\//.exec(specifier);
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
 * The imports of `file` that break its folder's rule. shared/vocabulary (the published language:
 * plain lists, formats and bounds) imports nothing but itself. shared/contracts and shared/domain
 * import only zod, themselves and the vocabulary: the browser console imports contracts, so
 * anything else reached from there (the domain, platform, adapters, Node built-ins, the AWS SDK)
 * would land in its bundle and tie the public API to internals. Use cases and adapters work on
 * domain records and never on contracts, which stay at the edge (functions/, shared/platform/http).
 */
function brokenImports(file: string, source: string): string[] {
  if (inside(VOCABULARY, file))
    return importsOf(source).filter((specifier) => !inside(VOCABULARY, target(file, specifier)));
  const self = [CONTRACTS, DOMAIN].find((folder) => inside(folder, file));
  return importsOf(source).filter((specifier) => {
    const resolved = target(file, specifier);
    if (self) return !isZod(specifier) && !inside(self, resolved) && !inside(VOCABULARY, resolved);
    return inside(CONTRACTS, resolved);
  });
}

const sourcesUnder = (folder: string) =>
  readdirSync(path.join(SHARED, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.join(SHARED, folder, name));

describe('layer imports', () => {
  const files = ['vocabulary', 'contracts', 'domain', 'usecases', 'adapters'].flatMap(sourcesUnder);

  it('has every layer to check', () => {
    const relative = files.map((file) => path.relative(SHARED, file));
    for (const expected of [
      'vocabulary/access.ts',
      'contracts/emails.ts',
      'contracts/stats.ts',
      'domain/emails/email.ts',
      'usecases/submit-email.ts',
      'adapters/dynamodb/email-store.ts',
    ])
      expect(relative).toContain(expected);
  });

  it.each(files.map((file) => [path.relative(SHARED, file), file]))('shared/%s', (_name, file) => {
    expect(brokenImports(file, readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('catches every way out of contracts: value, type, re-export, dynamic and relative', () => {
    const source = [
      "import { z } from 'zod';",
      "import { ClassificationView } from './classification.ts';",
      "import { ApiKeyView } from '#contracts/api-keys.ts';",
      "import { SCOPES } from '#vocabulary/access.ts';",
      "import type { EmailStatus } from '../vocabulary/emails.ts';",
      "import { Category } from '#domain/classification/taxonomy.ts';",
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

  it('lets the domain reach the vocabulary, and nothing else outside itself but zod', () => {
    const source = [
      "import { z } from 'zod/mini';",
      "import { CATEGORIES } from '#vocabulary/classification.ts';",
      "import type { RoleName } from '../../vocabulary/access.ts';",
      "import { ROLES } from '../roles/registry.ts';",
      "import { SCOPES } from '#domain/access/principal.ts';",
      "import { systemClock } from '#platform/clock.ts';",
      "import { ulid } from 'ulid';",
    ].join('\n');
    expect(brokenImports(path.join(DOMAIN, 'access', 'example.ts'), source)).toEqual([
      '#platform/clock.ts',
      'ulid',
    ]);
  });

  it('keeps the vocabulary free of every import, zod included', () => {
    const source = [
      "import { CATEGORIES } from './classification.ts';",
      "import { SCOPES } from '#vocabulary/access.ts';",
      "import { z } from 'zod';",
      "import { Category } from '#domain/classification/taxonomy.ts';",
      "export { ClassificationView } from '#contracts/classification.ts';",
      "import type { CheckStatus } from '../platform/health.ts';",
      "const later = () => import('node:crypto');",
    ].join('\n');
    expect(brokenImports(path.join(VOCABULARY, 'example.ts'), source)).toEqual([
      'zod',
      '#domain/classification/taxonomy.ts',
      '#contracts/classification.ts',
      '../platform/health.ts',
      'node:crypto',
    ]);
  });
});
