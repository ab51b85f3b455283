import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WriteIntent } from '#domain/rentvine/ports.ts';
import { type RentvineSimulator, startRentvineSimulator } from '#lib/local/rentvine-simulator/server.ts';
import { simulatorAccount } from '#test/support/rentvine-client.ts';

/**
 * Rentvine notifies the vendor unless a write says `sendVendorNotification: false`. A caller that
 * omits `dispatchApproved` at run time (untyped JSON, a workflow step built by hand) must still
 * send false: only an explicit approval notifies.
 */

let sim: RentvineSimulator;
beforeAll(async () => {
  sim = await startRentvineSimulator({ seed: 7 });
});
afterAll(async () => {
  await sim?.close();
});

/** An intent as an untyped caller builds it: no dispatchApproved at all. */
const withoutApproval = () => ({ idempotencyKey: `wf_test#step-${randomUUID()}` }) as unknown as WriteIntent;
const lastPost = () => sim.requests.filter((r) => r.method === 'POST').at(-1);

describe('a write whose caller omits dispatchApproved', () => {
  it('creates the work order without notifying the vendor', async () => {
    const unit = sim.portfolio.units[1];
    if (!unit) throw new Error('no unit');
    const account = await simulatorAccount(sim);
    const write = await account.create(
      { propertyId: unit.propertyID, unitId: unit.unitID, description: 'Door sticks', priorityId: 1 },
      withoutApproval(),
    );
    expect(lastPost()?.body).toMatchObject({ sendVendorNotification: false });
    expect(sim.portfolio.vendorNotification(write.workOrder.workOrderId)).toBe(false);
  });

  it('updates the work order without notifying the vendor', async () => {
    const unit = sim.portfolio.units[1];
    if (!unit) throw new Error('no unit');
    const account = await simulatorAccount(sim);
    const { workOrder } = await account.create(
      { propertyId: unit.propertyID, description: 'Window cracked', priorityId: 1 },
      { idempotencyKey: `wf_test#step-${randomUUID()}`, dispatchApproved: false },
    );
    await account.update(workOrder.workOrderId, { priorityId: 3 }, withoutApproval());
    expect(lastPost()?.body).toMatchObject({ sendVendorNotification: false });
    expect(sim.portfolio.vendorNotification(workOrder.workOrderId)).toBe(false);
  });
});
