import { systemClock } from '#platform/clock.ts';
import { identifyBodySignature } from '#usecases/identify-body-signature.ts';
import { InputError } from './io.ts';
import { rentvineStores, type WhereOptions } from './rentvine-stores.ts';

/**
 * `aictive rentvine identify-signature --org ORG [--select] [--stage S | --local]`: tries every
 * candidate reading of Rentvine's body signature against the org's quarantined deliveries with each
 * of its signing keys, prints one JSON line per candidate (`{"algorithm","matched"}`) and one naming
 * the match; `--select` saves it as the org's `bodySignatureAlgorithm`. Exit 1, one line on stderr,
 * when nothing (or more than one candidate) matches.
 */
export async function identifySignatureCommand(options: WhereOptions & { select: boolean }): Promise<number> {
  const stores = await rentvineStores(options);
  const result = await identifyBodySignature(
    { ...stores, clock: systemClock },
    { orgId: stores.orgId, select: options.select },
  );
  for (const candidate of result.candidates) process.stdout.write(`${JSON.stringify(candidate)}\n`);
  if (!result.ok) throw new InputError(result.problem);
  const { identified, deliveries, selected } = result;
  process.stdout.write(`${JSON.stringify({ orgId: stores.orgId, deliveries, identified, selected })}\n`);
  if (!options.select)
    process.stderr.write(`rerun with --select to verify org ${stores.orgId}'s deliveries as ${identified}\n`);
  return 0;
}
