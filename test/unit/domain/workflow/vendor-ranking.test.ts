import { describe, expect, it } from 'vitest';
import { rankedVendors, type VendorRanking } from '#domain/workflow/vendor-ranking.ts';

const ranking: VendorRanking = {
  byTrade: { plumbing: ['p1', 'p2', 'p3'], other: ['handy1', 'p2'] },
  byProperty: { prop_a: { plumbing: ['p3', 'local1'] } },
};

describe('rankedVendors', () => {
  it("the property's list first, then the org's list for the trade, then its `other` list, without repeats", () => {
    expect(rankedVendors(ranking, 'plumbing', 'prop_a')).toEqual(['p3', 'local1', 'p1', 'p2', 'handy1']);
  });

  it("without a property list, the org's list then `other`", () => {
    expect(rankedVendors(ranking, 'plumbing', 'prop_b')).toEqual(['p1', 'p2', 'p3', 'handy1']);
    expect(rankedVendors(ranking, 'plumbing', undefined)).toEqual(['p1', 'p2', 'p3', 'handy1']);
  });

  it('the `other` trade is listed once', () => {
    expect(rankedVendors(ranking, 'other', undefined)).toEqual(['handy1', 'p2']);
  });

  it('a trade without any list falls back to `other`', () => {
    expect(rankedVendors(ranking, 'hvac', 'prop_a')).toEqual(['handy1', 'p2']);
  });

  it('keeps only vendors known to the synced records when given', () => {
    expect(rankedVendors(ranking, 'plumbing', 'prop_a', new Set(['p1', 'local1']))).toEqual(['local1', 'p1']);
  });

  it('an empty ranking ranks nobody', () => {
    expect(rankedVendors({}, 'plumbing', 'prop_a')).toEqual([]);
  });

  it('a trade or property named like an Object property is not a list', () => {
    expect(rankedVendors({}, 'constructor', '__proto__')).toEqual([]);
    expect(rankedVendors(ranking, 'toString', 'constructor')).toEqual(['handy1', 'p2']);
  });
});
