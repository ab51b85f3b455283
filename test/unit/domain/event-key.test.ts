import { describe, expect, it } from 'vitest';
import { canonicalEventText } from '#domain/rentvine/event-key.ts';

describe('canonicalEventText', () => {
  it('ignores auth and key order, so redeliveries share a dedupe key', () => {
    const a = canonicalEventText({
      event: { b: 1, a: 2 },
      data: { x: [1, { z: 1, y: 2 }] },
      auth: { token: 'one' },
    });
    const b = canonicalEventText({
      auth: { token: 'two' },
      data: { x: [1, { y: 2, z: 1 }] },
      event: { a: 2, b: 1 },
    });
    expect(a).toBe(b);
    expect(canonicalEventText({ event: { a: 3 } })).not.toBe(canonicalEventText({ event: { a: 2 } }));
  });
});
