import { describe, expect, it } from 'vitest';
import { bundleSize, FLOORS } from '../../bench/bundles.ts';

/**
 * The authorizer is cold on the first API call of every new instance, and a bundle's size
 * dominates a cold start: it stays within 1.3x of a handler holding only the clients it uses
 * (bench/floors/authorizer.ts). Sizes are deterministic, built as CDK builds them.
 */
const AIM = 1.3;

describe('the authorizer bundle', () => {
  it(`is within ${AIM}x of its floor, without the X-Ray SDK`, async () => {
    const [authorizer, floor] = await Promise.all([
      bundleSize('functions/authorizer/handler.ts'),
      bundleSize(FLOORS.authorizer ?? ''),
    ]);
    expect(floor.bytes).toBeGreaterThan(0);
    expect(authorizer.bytes / floor.bytes).toBeLessThanOrEqual(AIM);
    expect([...authorizer.byPackage.keys()]).not.toContain('aws-xray-sdk-core');
    expect([...authorizer.byPackage.keys()]).toContain('@aws-sdk/client-secrets-manager');
  }, 60_000);
});
