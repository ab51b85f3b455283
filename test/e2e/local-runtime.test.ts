import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook } from '#platform/security/webhook-signature.ts';
import { eventually, type LocalProcess, removeDir, startLocalProcess } from '#test/support/local-process.ts';
import { workOrderEvent } from '#test/support/rentvine-payloads.ts';

const API_KEY = 'e2e-dev-api-key-not-a-real-secret';
const WEBHOOK_SECRET = 'e2e-dev-webhook-secret-not-real';

let local: LocalProcess & { dataDir: string };

beforeAll(async () => {
  local = await startLocalProcess({
    AICTIVE_DEV_API_KEY: API_KEY,
    AICTIVE_DEV_WEBHOOK_SECRET: WEBHOOK_SECRET,
  });
});
afterAll(async () => {
  await local?.stop();
  if (local) await removeDir(local.dataDir);
});

const auth = { Authorization: `Bearer ${API_KEY}` };

async function getJson(path: string, headers: Record<string, string> = auth) {
  const response = await fetch(`${local.url}${path}`, { headers });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: (await response.json()) as Record<string, unknown>,
  };
}

async function sendWebhook(body: string, secret = WEBHOOK_SECRET) {
  const response = await fetch(`${local.url}/webhooks/rentvine/demo`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...signWebhook(secret, body, Math.floor(Date.now() / 1000)),
    },
    body,
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: (await response.json()) as Record<string, unknown>,
  };
}

describe('npm start (local runtime over HTTP)', () => {
  it('prints the URLs and the demo org credentials it was given', () => {
    expect(local.output()).toContain(`Admin API key  ${API_KEY}`);
    expect(local.output()).toContain(`Webhook secret ${WEBHOOK_SECRET}`);
  });

  it('answers liveness and readiness', async () => {
    expect(await getJson('/health', {})).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await getJson('/health/ready', {})).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('takes a signed webhook through the inbox, the queue and the processor into the table', async () => {
    const body = JSON.stringify(
      workOrderEvent({ workOrderID: '9001', description: 'Basement is flooding, water everywhere' }),
    );
    const accepted = await sendWebhook(body);
    expect(accepted).toMatchObject({ status: 202, body: { status: 'accepted' } });
    const eventId = String(accepted.body.eventId);

    const processed = await eventually(async () => {
      const event = await getJson(`/v1/events/${eventId}`);
      return event.body.status === 'processed' && event.body.workflowId ? event : undefined;
    });
    expect(processed.body).toMatchObject({
      eventId,
      eventType: 'maintenance::workOrder.created',
      objectId: '9001',
    });
    expect(String(processed.body.workflowId)).toMatch(/^wf_/);
  });

  it('refuses a bad signature with 401 problem+json', async () => {
    const body = JSON.stringify(workOrderEvent());
    const refused = await sendWebhook(body, 'not-the-secret');
    expect(refused).toMatchObject({
      status: 401,
      type: 'application/problem+json',
      body: { type: 'urn:aictive:problem:unauthorized' },
    });
  });

  // That a duplicate is never queued again is proven where the queue can be seen
  // (test/integration/webhook-ingest.test.ts); over HTTP, the event must simply stay as it was.
  it('answers a duplicate delivery 200 duplicate and leaves the processed event as it was', async () => {
    const body = JSON.stringify(workOrderEvent({ workOrderID: '9002' }));
    const first = await sendWebhook(body);
    const eventId = String(first.body.eventId);
    const settled = await eventually(async () => {
      const event = await getJson(`/v1/events/${eventId}`);
      return event.body.status === 'processed' ? event : undefined;
    });
    const again = await sendWebhook(body);
    expect(again).toMatchObject({ status: 200, body: { status: 'duplicate', eventId } });
    await new Promise((r) => setTimeout(r, 1500));
    const after = (await getJson(`/v1/events/${eventId}`)).body;
    expect(after).toMatchObject({ status: 'processed', attempt: 0, processedAt: settled.body.processedAt });
  });

  it('triages a submitted email, drafts its reply for approval and creates its workflow', async () => {
    const response = await fetch(`${local.url}/v1/emails`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        messageId: '<renewal-local@example.com>',
        from: 'tenant@example.com',
        subject: 'Lease renewal',
        text: 'Hi, I would like to renew my lease for another year.',
      }),
    });
    expect(response.status).toBe(202);
    const { emailId } = (await response.json()) as { emailId: string };
    const done = await eventually(async () => {
      const email = await getJson(`/v1/emails/${emailId}`);
      return email.body.workflowId ? email : undefined;
    });
    expect(done.body).toMatchObject({
      status: 'awaiting_approval',
      triage: { category: 'lease_renewal', engine: 'rules' },
      draft: { status: 'pending_approval' },
    });
  });

  it('answers a missing or wrong key with 401 problem+json, an unknown route with 404', async () => {
    expect(await getJson('/v1/emails/em_x', {})).toMatchObject({
      status: 401,
      type: 'application/problem+json',
    });
    expect(await getJson('/v1/emails/em_x', { Authorization: 'Bearer wrong-key' })).toMatchObject({
      status: 401,
    });
    expect(await getJson('/nope', {})).toMatchObject({ status: 404, type: 'application/problem+json' });
  });

  it('stops cleanly on SIGTERM and keeps its data for the next start', async () => {
    const body = JSON.stringify(workOrderEvent({ workOrderID: '9003' }));
    const { eventId } = (await sendWebhook(body)).body as { eventId: string };
    expect(await local.stop('SIGTERM')).toBe(0);
    local = await startLocalProcess(
      { AICTIVE_DEV_API_KEY: API_KEY, AICTIVE_DEV_WEBHOOK_SECRET: WEBHOOK_SECRET },
      local.dataDir,
    );
    expect((await getJson(`/v1/events/${eventId}`)).status).toBe(200);
  });
});

describe('npm start configuration', () => {
  it('fails fast with one line per invalid variable and a non-zero exit', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'bin/local.ts'], {
      cwd: new URL('../../', import.meta.url),
      env: { ...process.env, PORT: 'not-a-port', AICTIVE_LOCAL_VISIBILITY_SECONDS: '0' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    const problems = result.stderr.split('\n').filter((line) => line.startsWith('config error: '));
    expect(problems).toEqual([
      expect.stringMatching(/^config error: PORT: /),
      expect.stringMatching(/^config error: AICTIVE_LOCAL_VISIBILITY_SECONDS: /),
    ]);
  });
});
