import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};

describe('Node runtime', () => {
  it('runs the tests on Node 24, the functions’ runtime, whatever the system Node is', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
  });

  it('pins the registry’s node package to the major the engines field and the Lambda runtime name', () => {
    expect(pkg.devDependencies.node).toMatch(/^24\.\d+\.\d+$/);
    expect(pkg.engines.node).toBe('>=24');
  });
});
