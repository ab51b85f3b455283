import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const CONTRACTS = fileURLToPath(new URL('../../../shared/contracts/', import.meta.url));

/**
 * What a contracts file may import: zod, and other contracts. The browser console imports
 * shared/contracts; anything else reached from here (the domain, platform, adapters, Node
 * built-ins, the AWS SDK) would land in its bundle and tie the public API to internals.
 */
function forbiddenImports(file: string, source: string): string[] {
  const { importedFiles } = ts.preProcessFile(source, true, true);
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((specifier) => {
      if (specifier === 'zod' || specifier.startsWith('zod/')) return false;
      if (specifier.startsWith('#contracts/')) return false;
      if (specifier.startsWith('.')) {
        const target = path.resolve(path.dirname(file), specifier);
        return !target.startsWith(CONTRACTS);
      }
      return true;
    });
}

const contractFiles = readdirSync(CONTRACTS, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.ts'))
  .map((name) => path.join(CONTRACTS, name));

describe('shared/contracts imports only zod and itself', () => {
  it('has contracts to check', () => {
    expect(contractFiles.map((file) => path.basename(file))).toEqual(
      expect.arrayContaining([
        'emails.ts',
        'events.ts',
        'api-keys.ts',
        'stats.ts',
        'health.ts',
        'problem.ts',
      ]),
    );
  });

  it.each(contractFiles.map((file) => [path.relative(CONTRACTS, file), file]))('%s', (_name, file) => {
    expect(forbiddenImports(file, readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('catches every way of reaching outside: value, type, re-export, dynamic and relative', () => {
    const file = path.join(CONTRACTS, 'example.ts');
    const source = [
      "import { z } from 'zod';",
      "import { EMAIL_ID } from './emails.ts';",
      "import { CATEGORIES } from '#domain/classification/taxonomy.ts';",
      "import type { EmailRecord } from '../domain/emails/email.ts';",
      "export { problem } from '#platform/http/problem.ts';",
      "const later = () => import('#adapters/dynamodb/keys.ts');",
      "import { randomUUID } from 'node:crypto';",
    ].join('\n');
    expect(forbiddenImports(file, source)).toEqual([
      '#domain/classification/taxonomy.ts',
      '../domain/emails/email.ts',
      '#platform/http/problem.ts',
      '#adapters/dynamodb/keys.ts',
      'node:crypto',
    ]);
  });
});
