import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  MANAGER_USER_ID,
  type RentvineSimulator,
  startRentvineSimulator,
} from '#lib/local/rentvine-simulator/server.ts';
import { bodyAuthOf, verifyBodySignature } from '#platform/security/rentvine-body-signature.ts';

/** Deliveries as Rentvine sends them: body-scheme signature, namespaced types, thin `data`, incomplete `changes`. */
const SIGNING_KEY = 'simulatortestkeyaaaaaaaaaaaaaaa-bbbbbbbb-cccccccc';

let receiver: Server;
let received: { body: string }[] = [];
/** Status the receiver answers with, one per request, then 200. */
let answers: number[] = [];
let sim: RentvineSimulator;
let receiverUrl: string;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push({ body });
      res.writeHead(answers.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const { port } = receiver.address() as AddressInfo;
  receiverUrl = `http://127.0.0.1:${port}/webhooks/rentvine/demo`;
  sim = await startRentvineSimulator({
    seed: 3,
    webhooks: [{ url: receiverUrl, signingKey: SIGNING_KEY }],
    webhookRetryDelayMs: 5,
  });
});
afterAll(async () => {
  await sim?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});
beforeEach(() => {
  received = [];
  answers = [];
});

const parsed = () => received.map((r) => JSON.parse(r.body));
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('webhook deliveries', () => {
  it('are signed with the platform body scheme and verify with the signing key', async () => {
    const id = sim.portfolio.openWorkOrders()[0]?.workOrderID as string;
    sim.portfolio.touchWorkOrder(id);
    await sim.webhooks.idle();
    expect(received).toHaveLength(1);
    const auth = bodyAuthOf(JSON.parse(received[0]?.body ?? '{}'));
    if (typeof auth === 'string') throw new Error(`auth ${auth}`);
    expect(auth.timestamp).toMatch(/^\d{10}$/);
    expect(verifyBodySignature({ secrets: [SIGNING_KEY], auth, nowSeconds: nowSeconds() })).toEqual({
      ok: true,
    });
    expect(verifyBodySignature({ secrets: ['another-key'], auth, nowSeconds: nowSeconds() })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('carry a namespaced type, ids, the full record without address and an incomplete diff', async () => {
    const workOrder = sim.portfolio.openWorkOrders()[1];
    const id = workOrder?.workOrderID as string;
    const changed = sim.portfolio.updateWorkOrder(id, {
      priorityID: workOrder?.priorityID === '3' ? '1' : '3',
      isOwnerApproved: workOrder?.isOwnerApproved === '1' ? '0' : '1',
    });
    expect(changed).toHaveLength(2);
    await sim.webhooks.idle();
    const [delivery] = parsed();
    expect(delivery.event).toMatchObject({
      eventType: 'maintenance::workOrder.updated',
      objectID: id,
      userID: MANAGER_USER_ID,
      options: { sendVendorNotification: true },
    });
    expect(delivery.data).toEqual(sim.portfolio.workOrder(id));
    const reported = Array.isArray(delivery.event.changes)
      ? delivery.event.changes.map((c: { field: string }) => c.field)
      : Object.keys(delivery.event.changes);
    expect(reported.length).toBeLessThan(changed.length);

    const lease = sim.portfolio.leases.find((l) => l.primaryLeaseStatusID === '2');
    sim.portfolio.touchLease(lease?.leaseID as string);
    sim.portfolio.addLeaseCharge(lease?.leaseID as string, { amount: 50, description: 'Late fee' });
    await sim.webhooks.idle();
    const [leaseUpdate, charge] = parsed().slice(1);
    expect(leaseUpdate.event.eventType).toBe('lease.updated');
    expect(charge.event.eventType).toBe('lease::charge.created');
    expect(charge.data).toMatchObject({ leaseID: lease?.leaseID, amount: '50.00' });
    const property = sim.portfolio.properties[0];
    sim.portfolio.updateProperty(property?.propertyID as string, { name: 'Renamed' });
    await sim.webhooks.idle();
    expect(received).toHaveLength(3);
    for (const body of parsed())
      for (const field of ['address', 'city', 'postalCode']) expect(body.data).not.toHaveProperty(field);
  });

  it('attribute API writes to the API key user, so the platform recognises its echoes', async () => {
    const propertyID = sim.portfolio.properties[0]?.propertyID;
    const response = await fetch(`${sim.baseUrl}/maintenance/work-orders`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${sim.credentials.accessKey}:${sim.credentials.secret}`).toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        propertyID,
        description: 'Echo me',
        priorityID: 1,
        sendVendorNotification: false,
      }),
    });
    expect(response.status).toBe(200);
    await sim.webhooks.idle();
    expect(parsed()[0]?.event).toMatchObject({
      eventType: 'maintenance::workOrder.created',
      userID: sim.apiUserId,
      options: { sendVendorNotification: false },
    });
  });

  it('announce a reported problem as a created work order, notifying the vendor by Rentvine’s default', async () => {
    const workOrder = sim.portfolio.reportProblem();
    expect(sim.portfolio.lease(workOrder.leaseID ?? '')?.unitID).toBe(workOrder.unitID);
    await sim.webhooks.idle();
    expect(parsed()[0]?.event).toMatchObject({
      eventType: 'maintenance::workOrder.created',
      objectID: workOrder.workOrderID,
      userID: MANAGER_USER_ID,
      options: { sendVendorNotification: true },
    });
  });

  it('are not sent for a change made without a webhook', async () => {
    const ids = sim.portfolio.changeWorkOrders(3, { webhook: false });
    expect(ids).toHaveLength(3);
    await sim.webhooks.idle();
    expect(received).toEqual([]);
  });

  it('arrive twice when asked, with the same body', async () => {
    sim.webhooks.duplicateNext();
    sim.portfolio.changeWorkOrders(1);
    await sim.webhooks.idle();
    expect(received).toHaveLength(2);
    expect(received[0]?.body).toBe(received[1]?.body);
  });

  it('go only to targets configured for their event type', async () => {
    const only = await startRentvineSimulator({
      seed: 3,
      webhooks: [
        {
          url: receiverUrl,
          signingKey: SIGNING_KEY,
          eventTypes: ['lease.updated'],
        },
      ],
    });
    try {
      only.portfolio.changeWorkOrders(2);
      only.portfolio.changeLeases(1);
      await only.webhooks.idle();
      expect(parsed().map((d) => d.event.eventType)).toEqual(['lease.updated']);
    } finally {
      await only.close();
    }
  });

  it('are retried after a failure, at least once each', async () => {
    answers = [500, 503];
    sim.portfolio.changeWorkOrders(1);
    await sim.webhooks.idle();
    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.body)).size).toBe(1);
    expect(sim.webhooks.deliveries.at(-1)).toMatchObject({ attempts: [500, 503, 200], state: 'delivered' });
  });
});
