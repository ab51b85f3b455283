import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CODE_FOLDERS = ['bin', 'bench', 'functions', 'lib', 'shared', 'test', '.ci'];

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : filesUnder(path);
    return /\.(ts|js|sh)$|^run$/.test(name) ? [path] : [];
  });
}

const sources = CODE_FOLDERS.flatMap((folder) => filesUnder(join(ROOT, folder))).map((path) => ({
  path: relative(ROOT, path),
  text: readFileSync(path, 'utf8'),
}));

describe('the repository stands alone', () => {
  it('cites only documents it holds: every document the code names is in docs/ or at the root', () => {
    const missing = sources.flatMap(({ path, text }) =>
      [...text.matchAll(/(?:docs\/)?\b([A-Z][A-Z0-9-]*\.md)\b/g)].flatMap(([cited, name]) => {
        const held = [join(ROOT, 'docs', name ?? ''), join(ROOT, name ?? '')].some((candidate) => {
          try {
            return statSync(candidate).isFile();
          } catch {
            return false;
          }
        });
        return held ? [] : [`${path}: ${cited}`];
      }),
    );
    expect(missing).toEqual([]);
  });

  it('reaches no file outside the repository', () => {
    const outside = sources.flatMap(({ path, text }) =>
      /['"`](?:\.\.\/)+shared\//.test(text) && !path.startsWith('test/unit/layers')
        ? [`${path} reaches a folder beside the repository`]
        : [],
    );
    expect(outside).toEqual([]);
  });
});
