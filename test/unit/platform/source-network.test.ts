import { describe, expect, it } from 'vitest';
import { sourceAllowed } from '#platform/security/source-network.ts';

describe('source network allowlist', () => {
  const cidrs = ['203.0.113.0/24', '198.51.100.7', '2001:db8:abcd::/48'];

  it.each([
    ['203.0.113.1', true],
    ['203.0.113.255', true],
    ['203.0.114.1', false],
    ['198.51.100.7', true],
    ['198.51.100.8', false],
    ['2001:db8:abcd:12::1', true],
    ['2001:db8:abce::1', false],
    ['::ffff:203.0.113.9', true],
    ['::1', false],
  ])('%s → %s', (ip, allowed) => {
    expect(sourceAllowed(ip, cidrs)).toBe(allowed);
  });

  it('refuses a missing or unparseable source address', () => {
    expect(sourceAllowed(undefined, cidrs)).toBe(false);
    expect(sourceAllowed('', cidrs)).toBe(false);
    expect(sourceAllowed('203.0.113.1, 10.0.0.1', cidrs)).toBe(false);
    expect(sourceAllowed('not-an-ip', cidrs)).toBe(false);
  });

  it('lets an entry that does not parse allow nothing, while the others still apply', () => {
    const broken = ['10.0.0.0/33', '10.0.0.0/8/1', 'example.com/8', '10.0.0.0/abc', '192.0.2.0/24'];
    expect(sourceAllowed('10.1.1.1', broken)).toBe(false);
    expect(sourceAllowed('192.0.2.10', broken)).toBe(true);
  });

  it('treats /0 as every address of its family', () => {
    expect(sourceAllowed('8.8.8.8', ['0.0.0.0/0'])).toBe(true);
    expect(sourceAllowed('2001:db8::1', ['0.0.0.0/0'])).toBe(false);
    expect(sourceAllowed('2001:db8::1', ['::/0'])).toBe(true);
  });
});
