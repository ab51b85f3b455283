import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { METRICS, webhookRejectedFor } from '#platform/metric-catalogue.ts';
import { REJECTION_REASONS } from '#platform/security/verification.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

describe('the metric catalogue', () => {
  it('names every metric as CloudWatch accepts it (1–255 printable ASCII, no spaces)', () => {
    const names = [...Object.keys(METRICS), ...REJECTION_REASONS.map(webhookRejectedFor)];
    for (const name of names) expect(name).toMatch(/^[\x21-\x7e]{1,255}$/);
  });

  it('is the only way code emits a metric: nothing calls Powertools addMetric but `count`', () => {
    const callers = ['functions', 'shared', 'lib']
      .flatMap(sourcesUnder)
      .filter((file) => /\.addMetric\(|singleMetric\(/.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(callers).toEqual(['shared/platform/observability.ts']);
  });
});
