import { describe, expect, it } from 'vitest';
import { GATEWAY_TIMEOUT_MS } from '#adapters/anthropic/claude-gateway.ts';
import { readFunctionConfig } from '#lib/function-config.ts';
import { functionSpec } from '#lib/topology.ts';
import { ConfigError, REVIEW_TIMEOUT_MS } from '#platform/config.ts';

/**
 * The second compliance review's own budget (ANTHROPIC_REVIEW_TIMEOUT_MS): read by the classifier
 * at start, with a default, bounded so that it fits the classifier's run beside a triage and a
 * draft call (docs/CLAUDE-CALLS.md has the measurements behind the numbers).
 */
const classifierEnv = { TABLE_NAME: 'main', WORKFLOW_QUEUE_URL: 'http://127.0.0.1:1/queue/workflow' };

describe('ANTHROPIC_REVIEW_TIMEOUT_MS', () => {
  it('defaults to 25 s and takes a whole number of ms within its bounds', () => {
    expect(readFunctionConfig('classifier', classifierEnv).ANTHROPIC_REVIEW_TIMEOUT_MS).toBe(25_000);
    expect(
      readFunctionConfig('classifier', { ...classifierEnv, ANTHROPIC_REVIEW_TIMEOUT_MS: '12000' })
        .ANTHROPIC_REVIEW_TIMEOUT_MS,
    ).toBe(12_000);
  });

  it.each([
    ['not a number', 'soon'],
    ['under 5 s', '4999'],
    ['over 25 s', '25001'],
    ['a fraction', '12000.5'],
  ])('fails the classifier at start when %s', (_case, value) => {
    expect(() =>
      readFunctionConfig('classifier', { ...classifierEnv, ANTHROPIC_REVIEW_TIMEOUT_MS: value }),
    ).toThrow(ConfigError);
  });

  it('fits the classifier’s run at its longest: a triage and a draft call first, then the review, with room to store', () => {
    const runMs = functionSpec('classifier').timeoutSeconds * 1_000;
    const storesMs = 5_000;
    expect(2 * GATEWAY_TIMEOUT_MS + REVIEW_TIMEOUT_MS.max + storesMs).toBeLessThanOrEqual(runMs);
    expect(REVIEW_TIMEOUT_MS.default).toBeGreaterThan(GATEWAY_TIMEOUT_MS);
  });
});
