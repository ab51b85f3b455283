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
const classifierEnv = {
  TABLE_NAME: 'main',
  WORKFLOW_QUEUE_URL: 'http://127.0.0.1:1/queue/workflow',
  WORKFLOW_NOTICES_TOPIC_ARN: 'arn:aws:sns:us-east-1:000000000000:workflow-notices',
};

describe('ANTHROPIC_REVIEW_TIMEOUT_MS', () => {
  it('defaults to 20 s and takes a whole number of ms within its bounds', () => {
    expect(readFunctionConfig('classifier', classifierEnv).ANTHROPIC_REVIEW_TIMEOUT_MS).toBe(20_000);
    expect(
      readFunctionConfig('classifier', { ...classifierEnv, ANTHROPIC_REVIEW_TIMEOUT_MS: '12000' })
        .ANTHROPIC_REVIEW_TIMEOUT_MS,
    ).toBe(12_000);
  });

  it.each([
    ['not a number', 'soon'],
    ['under 5 s', '4999'],
    ['over 20 s', '20001'],
    ['a fraction', '12000.5'],
  ])('fails the classifier at start when %s', (_case, value) => {
    expect(() =>
      readFunctionConfig('classifier', { ...classifierEnv, ANTHROPIC_REVIEW_TIMEOUT_MS: value }),
    ).toThrow(ConfigError);
  });

  it('fits the classifier’s run at its longest, with margins: a triage and a draft call first, then the review', () => {
    const runMs = functionSpec('classifier').timeoutSeconds * 1_000;
    // The first message of an instance reads the Anthropic key from Secrets Manager (and builds
    // the SDK clients) inside the run; the five records of a batch run side by side (the gateway
    // has no concurrency bound, so no record waits for another's calls), so this is paid once.
    const secretAndColdStartMs = 5_000;
    // Each record's reads (settings, grounding) and writes (email, triage, draft, queue send) and
    // the breaker journal's transition writes.
    const storesAndJournalMs = 4_000;
    expect(
      2 * GATEWAY_TIMEOUT_MS + REVIEW_TIMEOUT_MS.max + secretAndColdStartMs + storesAndJournalMs,
    ).toBeLessThan(runMs);
    expect(REVIEW_TIMEOUT_MS.default).toBeGreaterThan(GATEWAY_TIMEOUT_MS);
  });
});
