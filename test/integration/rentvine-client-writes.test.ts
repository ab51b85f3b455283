import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PowertoolsIdempotencyLedger } from '#adapters/dynamodb/idempotency-ledger.ts';
import type { IdempotencyLedger } from '#domain/messaging/ports.ts';
import { SideEffectInProgressError } from '#domain/messaging/side-effects.ts';
import { RentvineError, type WorkOrderFields } from '#domain/rentvine/ports.ts';
import { type RentvineSimulator, startRentvineSimulator } from '#lib/local/rentvine-simulator/server.ts';
import { metrics } from '#platform/observability.ts';
import { lambdaContext } from '#test/support/lambda-events.ts';
import { simulatorAccount } from '#test/support/rentvine-client.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

/**
 * Work-order writes against the simulator, keyed through the real ledger (Powertools on dynalite):
 * one work order per key however often the request comes, bare bodies, no blind re-sends, and
 * writes that change nothing reported. Fault-free by design (unlike the read suites, which run
 * again with faults on): writes are not retried blindly, so only the faults tested here are injected.
 */

let sim: RentvineSimulator;
let stack: TestStack;
let ledger: IdempotencyLedger;

/** The ledger as a function instance holds it; another instance gets its own object, same table. */
function instanceLedger(): IdempotencyLedger {
  const instance = new PowertoolsIdempotencyLedger(stack.resources.tables.idempotency, {
    rememberSeconds: 3600,
  });
  instance.registerLambdaContext(lambdaContext('workflow'));
  return instance;
}

beforeAll(async () => {
  [sim, stack] = await Promise.all([startRentvineSimulator({ seed: 5 }), startTestStack()]);
  ledger = instanceLedger();
});
afterAll(async () => {
  await sim?.close();
  await stack?.stop();
});
afterEach(() => {
  sim.faults.clear();
  sim.requests.length = 0;
});

/** A fresh caller key per write (workflow id + step, as the workflows will key them). */
const intent = (dispatchApproved = false) => ({
  idempotencyKey: `wf_test#step-${randomUUID()}`,
  dispatchApproved,
});
const posts = () => sim.requests.filter((r) => r.method === 'POST');

function fields(overrides: Partial<WorkOrderFields> = {}): WorkOrderFields {
  const unit = sim.portfolio.units[2];
  if (!unit) throw new Error('no unit');
  return {
    propertyId: unit.propertyID,
    unitId: unit.unitID,
    description: 'Kitchen tap drips\nunder the sink too',
    priorityId: 2,
    ...overrides,
  };
}

describe('create', () => {
  it('posts a bare body with the account’s pending status, no vendor notification, and reads the work order back', async () => {
    const account = await simulatorAccount(sim, { ledger });
    const write = await account.create(fields(), intent());

    const [post] = posts();
    expect(post?.path).toBe('/maintenance/work-orders');
    expect(post?.body).toMatchObject({
      propertyID: fields().propertyId,
      unitID: fields().unitId,
      priorityID: 2,
      workOrderStatusID: '11',
      sendVendorNotification: false,
    });
    expect(post?.body).not.toHaveProperty('workOrder');
    expect(write).toMatchObject({ changed: true, replayed: false });
    expect(write.workOrder).toMatchObject({
      propertyId: fields().propertyId,
      priorityId: 2,
      statusId: '11',
      description: 'Kitchen tap drips\nunder the sink too',
    });
    expect(sim.portfolio.vendorNotification(write.workOrder.workOrderId)).toBe(false);
  });

  it('lets Rentvine notify the vendor only when a person approved the dispatch', async () => {
    const account = await simulatorAccount(sim, { ledger });
    const write = await account.create(fields({ workOrderStatusId: '12' }), intent(true));
    expect(posts()[0]?.body).toMatchObject({ sendVendorNotification: true, workOrderStatusID: '12' });
    expect(sim.portfolio.vendorNotification(write.workOrder.workOrderId)).toBe(true);
  });

  it('creates one work order per key: a retry, a redelivery to another instance, a concurrent duplicate', async () => {
    const key = intent();
    const before = sim.portfolio.workOrders.length;
    const first = await (await simulatorAccount(sim, { ledger })).create(fields(), key);
    const again = await (await simulatorAccount(sim, { ledger })).create(fields(), key);
    const elsewhere = await (await simulatorAccount(sim, { ledger: instanceLedger() })).create(fields(), key);

    expect(sim.portfolio.workOrders.length).toBe(before + 1);
    expect(posts()).toHaveLength(1);
    expect([again.replayed, elsewhere.replayed]).toEqual([true, true]);
    expect(again.workOrder.workOrderId).toBe(first.workOrder.workOrderId);
    expect(elsewhere.workOrder.workOrderId).toBe(first.workOrder.workOrderId);

    // Two deliveries at once: one writes, the other is told to come back later.
    sim.faults.add({ method: 'POST', delayMs: 300 });
    const racing = intent();
    const outcomes = await Promise.allSettled([
      (await simulatorAccount(sim, { ledger })).create(fields(), racing),
      (await simulatorAccount(sim, { ledger: instanceLedger() })).create(fields(), racing),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({
      reason: expect.any(SideEffectInProgressError),
    });
    expect(sim.portfolio.workOrders.length).toBe(before + 2);
  });

  it('turns Rentvine’s 400 field map into a `rejected` error carrying it, and refuses priority 4 unsent', async () => {
    const account = await simulatorAccount(sim, { ledger });
    const error = await account
      .create(fields({ workOrderStatusId: '999' }), intent())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RentvineError);
    expect(error).toMatchObject({ failure: 'rejected', fields: { workOrderStatusID: [expect.any(String)] } });

    sim.requests.length = 0;
    await expect(account.create(fields({ priorityId: 4 as 1 }), intent())).rejects.toMatchObject({
      failure: 'rejected',
      fields: { priorityID: ['must be 1, 2 or 3'] },
    });
    expect(posts()).toEqual([]);
  });

  it('retries a create Rentvine refused with 429, which took nothing', async () => {
    const before = sim.portfolio.workOrders.length;
    const account = await simulatorAccount(sim, { ledger });
    sim.faults.add({ method: 'POST', status: 429, retryAfterSeconds: 0 });
    await account.create(fields(), intent());
    expect(posts().map((p) => p.status)).toEqual([429, 200]);
    expect(sim.portfolio.workOrders.length).toBe(before + 1);
  });
});

describe('a write whose outcome is unknown is never re-sent blindly', () => {
  it.each([
    ['a dropped connection', { drop: true } as const],
    ['a 502', { status: 502 } as const],
  ])(
    'after %s: one POST, no work order, and a retry with the key sends nothing either',
    async (_name, fault) => {
      const before = sim.portfolio.workOrders.length;
      const account = await simulatorAccount(sim, { ledger });
      const key = intent();
      sim.faults.add({ method: 'POST', ...fault });

      const first = await account.create(fields(), key).catch((e: unknown) => e);
      const retried = await account.create(fields(), key).catch((e: unknown) => e);

      for (const error of [first, retried])
        expect(error).toMatchObject({
          failure: 'unavailable',
          message: expect.stringContaining('not re-sent'),
        });
      expect(posts()).toHaveLength(1);
      expect(sim.portfolio.workOrders.length).toBe(before);
    },
  );

  it('finds the work order a timed-out create made, once Rentvine shows it, instead of making another', async () => {
    const before = sim.portfolio.workOrders.length;
    const account = await simulatorAccount(sim, { ledger, policy: { timeoutMs: 300 } });
    const key = intent();
    // Rentvine takes the create but answers after the client gave up.
    sim.faults.add({ method: 'POST', delayMs: 800 });

    await expect(account.create(fields(), key)).rejects.toMatchObject({ failure: 'unavailable' });
    for (let i = 0; i < 100 && sim.portfolio.workOrders.length === before; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const redelivered = await account.create(fields(), key);

    expect(sim.portfolio.workOrders.length).toBe(before + 1);
    expect(posts()).toHaveLength(1);
    expect(redelivered).toMatchObject({ changed: true, replayed: true });
    expect(redelivered.workOrder.workOrderId).toBe(sim.portfolio.workOrders.at(-1)?.workOrderID);
  });
});

describe('an update whose outcome is unknown', () => {
  it('is settled by reading the fields back: sent again never, applied is success, not applied fails', async () => {
    const account = await simulatorAccount(sim, { ledger, policy: { timeoutMs: 300 } });
    const { workOrder } = await account.create(fields(), intent());
    sim.requests.length = 0;

    // Dropped before Rentvine took it: the re-read shows the old priority.
    const lost = intent();
    sim.faults.add({ method: 'POST', drop: true });
    for (let i = 0; i < 2; i += 1)
      await expect(account.update(workOrder.workOrderId, { priorityId: 3 }, lost)).rejects.toMatchObject({
        failure: 'unavailable',
        message: expect.stringContaining('not re-sent'),
      });
    expect(posts()).toHaveLength(1);
    expect(sim.portfolio.workOrder(workOrder.workOrderId)?.priorityID).toBe('2');

    // Taken, but answered after the client gave up: a redelivery finds it applied.
    const slow = intent();
    sim.faults.add({ method: 'POST', delayMs: 800 });
    await expect(account.update(workOrder.workOrderId, { priorityId: 1 }, slow)).rejects.toMatchObject({
      failure: 'unavailable',
    });
    for (let i = 0; i < 100 && sim.portfolio.workOrder(workOrder.workOrderId)?.priorityID !== '1'; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const redelivered = await account.update(workOrder.workOrderId, { priorityId: 1 }, slow);
    expect(redelivered).toMatchObject({ changed: true, replayed: true, workOrder: { priorityId: 1 } });
    expect(posts()).toHaveLength(2);
  });
});

describe('update', () => {
  it('posts the changed fields bare to the work order’s path and reads the change back', async () => {
    const account = await simulatorAccount(sim, { ledger });
    const { workOrder } = await account.create(fields(), intent());
    sim.requests.length = 0;

    const write = await account.update(
      workOrder.workOrderId,
      { priorityId: 3, workOrderStatusId: '13' },
      intent(),
    );

    expect(posts().map((p) => [p.path, p.body])).toEqual([
      [
        `/maintenance/work-orders/${workOrder.workOrderId}`,
        { priorityID: 3, workOrderStatusID: '13', sendVendorNotification: false },
      ],
    ]);
    expect(write).toMatchObject({
      changed: true,
      replayed: false,
      workOrder: { priorityId: 3, statusId: '13' },
    });
    expect(sim.portfolio.workOrder(workOrder.workOrderId)).toMatchObject({
      priorityID: '3',
      workOrderStatusID: '13',
    });
  });

  it('reports an update that changed nothing: Rentvine ignored it, or the values were already current', async () => {
    const account = await simulatorAccount(sim, { ledger });
    const { workOrder } = await account.create(fields(), intent());
    const counted = vi.spyOn(metrics, 'addMetric');
    try {
      // Rentvine answers 200 and keeps the work order as it was (as it does with a wrapped body).
      sim.faults.add({ method: 'POST', ignoreWrite: true });
      const ignored = await account.update(workOrder.workOrderId, { priorityId: 3 }, intent());
      const current = await account.update(workOrder.workOrderId, { priorityId: 2 }, intent());

      expect(ignored).toMatchObject({ changed: false, workOrder: { priorityId: 2 } });
      expect(current).toMatchObject({ changed: false, workOrder: { priorityId: 2 } });
      expect(counted.mock.calls.filter(([name]) => name === 'RentvineWriteIneffective')).toHaveLength(2);
    } finally {
      counted.mockRestore();
    }
  });

  it('replays a keyed update without sending it again', async () => {
    const account = await simulatorAccount(sim, { ledger });
    const { workOrder } = await account.create(fields(), intent());
    const key = intent();
    await account.update(workOrder.workOrderId, { priorityId: 1 }, key);
    sim.requests.length = 0;

    const replay = await (await simulatorAccount(sim, { ledger: instanceLedger() })).update(
      workOrder.workOrderId,
      { priorityId: 1 },
      key,
    );

    expect(replay).toMatchObject({ changed: true, replayed: true, workOrder: { priorityId: 1 } });
    expect(posts()).toEqual([]);
  });

  it('calls an update of a work order Rentvine does not have `rejected`, and sends nothing', async () => {
    const account = await simulatorAccount(sim, { ledger });
    await expect(
      account.update(sim.portfolio.unusedId('workOrder'), { priorityId: 1 }, intent()),
    ).rejects.toMatchObject({ failure: 'rejected' });
    expect(posts()).toEqual([]);
  });
});

describe('demo accounts', () => {
  it('refuses writes to Rentvine’s shared demo accounts without calling them', async () => {
    const fetched = vi.spyOn(globalThis, 'fetch');
    try {
      const demo = await simulatorAccount(sim, { baseUrl: 'https://demopm7.rentvine.com/api/manager' });
      await expect(demo.create(fields(), intent())).rejects.toMatchObject({
        failure: 'rejected',
        fields: { account: [expect.any(String)] },
      });
      await expect(demo.update('1', { priorityId: 1 }, intent())).rejects.toMatchObject({
        failure: 'rejected',
      });
      expect(fetched).not.toHaveBeenCalled();
    } finally {
      fetched.mockRestore();
    }
  });
});
