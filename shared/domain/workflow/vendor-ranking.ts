/**
 * The org's vendors to offer a job to, best first: a per-property list for the trade over the
 * org's own list for it. Ids are Rentvine contact ids.
 */
export interface VendorRanking {
  readonly byTrade?: Readonly<Record<string, readonly string[]>>;
  readonly byProperty?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
}

/**
 * The vendors for a trade at a property, best first, without repeats: the property's list, then
 * the org's, then its `other` list; only vendors known to the synced records when `known` is given.
 */
export function rankedVendors(
  ranking: VendorRanking,
  trade: string,
  propertyId: string | undefined,
  known?: ReadonlySet<string>,
): string[] {
  const own = <T>(record: Readonly<Record<string, T>> | undefined, key: string | undefined): T | undefined =>
    record && key !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
  const lists = [
    own(own(ranking.byProperty, propertyId), trade),
    own(ranking.byTrade, trade),
    trade === 'other' ? undefined : own(ranking.byTrade, 'other'),
  ];
  const seen = new Set<string>();
  for (const list of lists)
    for (const vendor of list ?? []) if (!known || known.has(vendor)) seen.add(vendor);
  return [...seen];
}
