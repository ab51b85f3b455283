/**
 * Org enumeration by timing, measured.
 *   npm run bench:webhook-timing
 * The same forged delivery (a well-formed signature made with the wrong secret), posted over HTTP
 * to the local gateway for an org that exists and for one that does not, in both schemes: our
 * header scheme, and Rentvine's body scheme (where the known org's delivery is quarantined and the
 * unknown org's goes to the decoy ring). Both answer 401 with the same body; this prints each
 * one's median and p90 and the ratio of the medians, which should be indistinguishable from 1. Rounds alternate between the two so drifting
 * machine load hits both alike. Asserts nothing (npm test has the deterministic "same work" test).
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { startLocalRuntime } from '#lib/local/runtime.ts';
import { signWebhook } from '#platform/security/webhook-signature.ts';
import { rentvineDelivery } from '#test/support/deliveries.ts';
import { createTestOrg } from '#test/support/orgs.ts';
import { workOrderEvent } from '#test/support/rentvine-payloads.ts';

const DELIVERIES = 1_000;
const ROUND = 50;
const WARM_UP = 100;

process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
process.env.POWERTOOLS_METRICS_DISABLED = 'true';

const runtime = await startLocalRuntime({ schedules: false });
try {
  const known = (await createTestOrg(runtime.resources.tables.main)).orgId;
  const unknown = `org-${randomBytes(4).toString('hex')}`;
  const body = JSON.stringify(workOrderEvent({ workOrderID: '4711' }));

  type Scheme = 'header' | 'body';
  async function forged(orgId: string, scheme: Scheme): Promise<number> {
    const request =
      scheme === 'header'
        ? { headers: signWebhook('not-the-secret', body, Math.floor(Date.now() / 1000)), body }
        : { headers: {}, body: rentvineDelivery(JSON.parse(body) as object, 'not-the-secret') };
    const started = performance.now();
    const response = await fetch(`${runtime.url}/webhooks/rentvine/${orgId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...request.headers },
      body: request.body,
    });
    await response.arrayBuffer();
    const elapsed = performance.now() - started;
    if (response.status !== 401) throw new Error(`expected 401 for ${orgId}, got ${response.status}`);
    return elapsed;
  }

  const quantile = (values: readonly number[], q: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  };
  const ms = (x: number) => `${x.toFixed(3)} ms`;
  const line = (name: string, values: readonly number[]) =>
    `  ${name.padEnd(34)} median ${ms(quantile(values, 0.5))}   p90 ${ms(quantile(values, 0.9))}`;

  for (const scheme of ['header', 'body'] as const) {
    for (let i = 0; i < WARM_UP; i += 1) await forged(i % 2 ? known : unknown, scheme);
    const samples = { known: [] as number[], unknown: [] as number[] };
    for (let done = 0; done < DELIVERIES; done += ROUND) {
      const [first, second] =
        (done / ROUND) % 2 ? (['known', 'unknown'] as const) : (['unknown', 'known'] as const);
      for (const side of [first, second]) {
        for (let i = 0; i < ROUND; i += 1)
          samples[side].push(await forged(side === 'known' ? known : unknown, scheme));
      }
    }
    process.stdout.write(
      [
        `Forged webhook deliveries, ${scheme} scheme, over HTTP, ${DELIVERIES} each, alternating rounds of ${ROUND}:`,
        line('known org, bad signature', samples.known),
        line('unknown org', samples.unknown),
        `  unknown / known median             ${(quantile(samples.unknown, 0.5) / quantile(samples.known, 0.5)).toFixed(3)}`,
        '',
      ].join('\n'),
    );
  }
} finally {
  await runtime.stop();
}
