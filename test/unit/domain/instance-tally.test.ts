import { describe, expect, it } from 'vitest';
import { InstanceTally } from '#domain/access/instance-tally.ts';

const WINDOW = 1_795_000_000;

describe("an instance's tally of its keys' windows", () => {
  it('lets no more than the limit be counted at once; the rest are refused without the store', () => {
    const tally = new InstanceTally();
    const tickets = Array.from({ length: 8 }, () => tally.begin('key', WINDOW, 5));
    expect(tickets.filter(Boolean)).toHaveLength(5);
  });

  it('frees a place when a request being counted ends undecided, not when it is admitted', () => {
    const tally = new InstanceTally();
    const [first, second] = [tally.begin('key', WINDOW, 2), tally.begin('key', WINDOW, 2)];
    expect(tally.begin('key', WINDOW, 2)).toBeUndefined();
    first?.settle('undecided');
    const third = tally.begin('key', WINDOW, 2);
    expect(third).toBeDefined();
    expect(second?.settle('admitted')).toBe(1);
    expect(third?.settle('admitted')).toBe(2);
    expect(tally.begin('key', WINDOW, 2)).toBeUndefined();
  });

  it('refuses a window the store said is used up for the rest of it, at that limit or below', () => {
    const tally = new InstanceTally();
    tally.begin('key', WINDOW, 10)?.settle('used-up');
    expect(tally.begin('key', WINDOW, 10)).toBeUndefined();
    expect(tally.begin('key', WINDOW, 3)).toBeUndefined();
    // A higher limit (the default raised on a redeploy) asks the store again.
    expect(tally.begin('key', WINDOW, 11)).toBeDefined();
  });

  it('starts every window afresh, keeps keys apart, and counts a settled ticket once', () => {
    const tally = new InstanceTally();
    const ticket = tally.begin('key', WINDOW, 1);
    expect(ticket?.settle('admitted')).toBe(1);
    expect(ticket?.settle('admitted')).toBe(1);
    expect(tally.begin('key', WINDOW, 1)).toBeUndefined();
    expect(tally.begin('other', WINDOW, 1)).toBeDefined();
    expect(tally.begin('key', WINDOW + 60, 1)).toBeDefined();
  });

  it('leaves a late request of a window already over to the store', () => {
    const tally = new InstanceTally();
    tally.begin('key', WINDOW + 60, 1)?.settle('admitted');
    const late = tally.begin('key', WINDOW, 1);
    expect(late).toBeDefined();
    late?.settle('admitted');
    expect(tally.begin('key', WINDOW + 60, 1)).toBeUndefined();
  });
});
