import { describe, expect, it } from 'vitest';
import { rentvineDelivery } from '#test/support/deliveries.ts';
import { InMemoryDeliveryQuarantine } from '#test/support/in-memory/delivery-quarantine.ts';
import { InMemoryOrgSettingsStore } from '#test/support/in-memory/org-stores.ts';
import { ManualClock } from '#test/support/in-memory/platform.ts';
import { InMemoryWebhookSecrets } from '#test/support/in-memory/webhook-stores.ts';
import { leaseEvent } from '#test/support/rentvine-payloads.ts';
import { identifyBodySignature } from '#usecases/identify-body-signature.ts';

const NOW = new Date('2026-11-27T12:00:00Z');

async function world(keys: string[]) {
  const deps = {
    quarantine: new InMemoryDeliveryQuarantine(),
    secrets: new InMemoryWebhookSecrets(),
    orgSettings: new InMemoryOrgSettingsStore(),
    clock: new ManualClock(NOW),
  };
  await deps.secrets.setSecrets('acme', keys);
  const keep = (body: string) => deps.quarantine.keep({ orgId: 'acme', receivedAt: NOW.toISOString(), body });
  return { deps, keep };
}

describe('identifying the body signature of an org’s quarantined deliveries', () => {
  it('finds the reading whichever of the org’s keys signed each delivery (one key per Rentvine webhook)', async () => {
    const { deps, keep } = await world([
      'header-secret-test',
      'webhook-one-key-test',
      'webhook-two-key-test',
    ]);
    await keep(
      rentvineDelivery(leaseEvent(), 'webhook-one-key-test', { algorithm: 'token+timestamp:base64' }),
    );
    await keep(
      rentvineDelivery(leaseEvent(), 'webhook-two-key-test', { algorithm: 'token+timestamp:base64' }),
    );
    await keep('{"not":"a signed delivery"}');
    const result = await identifyBodySignature(deps, { orgId: 'acme', select: true });
    expect(result).toMatchObject({
      ok: true,
      deliveries: 3,
      identified: 'token+timestamp:base64',
      selected: true,
    });
    expect(result.candidates.find((c) => c.algorithm === 'token+timestamp:base64')?.matched).toBe(2);
    expect((await deps.orgSettings.get('acme')).bodySignatureAlgorithm).toBe('token+timestamp:base64');
    // Selecting again changes nothing.
    expect(await identifyBodySignature(deps, { orgId: 'acme', select: true })).toMatchObject({
      selected: false,
    });
  });

  it('chooses nothing when deliveries match different readings', async () => {
    const { deps, keep } = await world(['a-key-test']);
    await keep(rentvineDelivery(leaseEvent(), 'a-key-test', { algorithm: 'data:hex' }));
    await keep(rentvineDelivery(leaseEvent(), 'a-key-test', { algorithm: 'data:base64' }));
    expect(await identifyBodySignature(deps, { orgId: 'acme', select: true })).toMatchObject({
      ok: false,
      problem: 'deliveries match several candidates (data:hex, data:base64): none chosen',
    });
    expect((await deps.orgSettings.get('acme')).bodySignatureAlgorithm).toBeUndefined();
  });

  it('says when the org has no keys', async () => {
    const { deps, keep } = await world([]);
    await keep(rentvineDelivery(leaseEvent(), 'a-key-test'));
    expect(await identifyBodySignature(deps, { orgId: 'acme', select: false })).toMatchObject({
      ok: false,
      problem: 'org acme has no signing keys',
    });
  });
});
