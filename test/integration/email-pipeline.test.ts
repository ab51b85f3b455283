import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoEmailStore } from '#adapters/dynamodb/email-store.ts';
import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { DynamoIntegrationStore } from '#adapters/dynamodb/integration-store.ts';
import { DynamoWorkflowStore } from '#adapters/dynamodb/workflow-store.ts';
import { tableIntegrationSecrets } from '#adapters/secrets/integration-secrets.ts';
import type { EmailRecord } from '#domain/emails/email.ts';
import {
  type ApiHandler,
  apiEvent,
  lambdaContext,
  loadHandler,
  type SqsHandler,
  sqsEventFromMessages,
} from '#test/support/lambda-events.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

/**
 * The whole inbox pipeline through the real handlers over the local emulators: the api function
 * stores, the classifier prepares, triages, drafts and reviews, the workflow function starts the
 * workflow, and a person decides on the draft through the api. Integration messages come in
 * through webhook-ingest and the event processor.
 */
let stack: TestStack;
let api: ApiHandler;
let ingest: ApiHandler;
let classifier: SqsHandler;
let eventProcessor: SqsHandler;
let workflow: SqsHandler;
let emails: DynamoEmailStore;
const principal = {
  orgId: 'org-mail',
  keyId: 'key-mail',
  scopes: ['emails:write', 'emails:read', 'approvals:write'],
  agentId: 'maria@example.com',
};
const SECRET = `whsec_${Buffer.from('pipeline-forms-test-key-not-real').toString('base64')}`;
const FORMS = `forms-${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  stack = await startTestStack();
  const table = stack.resources.tables.main;
  await new DynamoIntegrationStore(table).put({
    integrationId: FORMS,
    orgId: principal.orgId,
    name: 'website form',
  });
  await tableIntegrationSecrets(table).setSecrets(FORMS, [SECRET]);
  api = await loadHandler<ApiHandler>('api');
  ingest = await loadHandler<ApiHandler>('webhook-ingest');
  classifier = await loadHandler<SqsHandler>('classifier');
  eventProcessor = await loadHandler<SqsHandler>('event-processor');
  workflow = await loadHandler<SqsHandler>('workflow');
  emails = new DynamoEmailStore(table);
});
afterAll(async () => stack?.stop());

async function call(method: string, resource: string, emailId?: string, body?: unknown) {
  const response = await api(
    apiEvent({
      method,
      resource,
      path: emailId ? resource.replace('{emailId}', emailId) : resource,
      ...(emailId ? { pathParameters: { emailId } } : {}),
      ...(body === undefined
        ? {}
        : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
      principal,
    }),
    lambdaContext('api'),
  );
  return { status: response.statusCode, body: JSON.parse(response.body) as Record<string, unknown> };
}

const submit = (body: object) => call('POST', '/v1/emails', undefined, body);

/** The classifier takes what the classify queue holds, as its event source mapping would. */
async function triageQueued(): Promise<void> {
  const messages = await stack.drain('classify');
  expect(await classifier(sqsEventFromMessages(messages), lambdaContext('classifier'))).toEqual({
    batchItemFailures: [],
  });
}

async function stored(emailId: string): Promise<EmailRecord> {
  const email = await emails.get(principal.orgId, emailId);
  if (!email) throw new Error(`email ${emailId} is not stored`);
  return email;
}

const QUOTED_HTML = [
  '<div dir="ltr"><p>Hello,</p><p>The kitchen faucet has been dripping for two days.',
  ' Could someone come and look at it?</p><p>Thanks,<br>Dana</p>',
  '<div class="gmail_quote"><div>On Mon, Nov 16, 2026 at 9:14 AM Oak Street Rentals &lt;office@example.com&gt; wrote:</div>',
  '<blockquote>Reminder: if you smell gas, leave the building and call 911. The fire alarm test is on Friday.</blockquote>',
  '</div></div>',
].join('');

describe('email → prepare → triage → draft → review → approval', () => {
  it('keeps the original, triages the message without its quoted chain, drafts a reply and records its approval', async () => {
    const submitted = await submit({
      messageId: '<faucet-1@example.com>',
      from: 'Dana Ruiz <dana@example.com>',
      to: 'office@example.com',
      subject: 'Re: Building notice',
      html: QUOTED_HTML,
    });
    expect(submitted).toMatchObject({ status: 202, body: { status: 'received', duplicate: false } });
    const emailId = String(submitted.body.emailId);
    await triageQueued();

    const email = await stored(emailId);
    expect(email.html).toBe(QUOTED_HTML);
    expect(email.preparedText).toContain('The kitchen faucet has been dripping for two days.');
    // The quoted chain's gas and fire are not this message's: no emergency.
    expect(email.preparedText).not.toMatch(/gas|fire|wrote:/i);
    expect(email.triage).toMatchObject({ category: 'maintenance_request', engine: 'rules' });
    expect(email.triage?.urgency).not.toBe('emergency');
    expect(email).toMatchObject({
      status: 'awaiting_approval',
      draft: { status: 'pending_approval', language: 'en' },
    });
    expect(email.draft?.text.length).toBeGreaterThan(20);

    const edited = 'Hi Dana, thank you. We will contact you to schedule a visit for the faucet.';
    const approved = await call('POST', '/v1/emails/{emailId}/draft/approve', emailId, { text: edited });
    expect(approved).toMatchObject({ status: 200, body: { status: 'approved' } });
    const read = await call('GET', '/v1/emails/{emailId}', emailId);
    expect(read.body).toMatchObject({
      status: 'approved',
      html: QUOTED_HTML,
      draft: {
        status: 'approved',
        text: email.draft?.text,
        decision: {
          action: 'approved',
          by: { keyId: 'key-mail', agentId: 'maria@example.com' },
          finalText: edited,
        },
      },
    });
    // Decided once.
    expect(
      (await call('POST', '/v1/emails/{emailId}/draft/reject', emailId, { reason: 'late' })).status,
    ).toBe(409);
  });

  it('records a rejection with its reason', async () => {
    const { body } = await submit({
      messageId: '<renewal-1@example.com>',
      from: 'tenant@example.com',
      subject: 'Lease renewal',
      text: 'Hi, I would like to renew my lease for another year.',
    });
    await triageQueued();
    const emailId = String(body.emailId);
    expect((await stored(emailId)).status).toBe('awaiting_approval');
    const rejected = await call('POST', '/v1/emails/{emailId}/draft/reject', emailId, {
      reason: 'Owner decides first.',
    });
    expect(rejected).toMatchObject({
      status: 200,
      body: {
        status: 'rejected',
        draft: { decision: { action: 'rejected', reason: 'Owner decides first.' } },
      },
    });
  });

  it('saves an emergency, starts its workflow once, and drafts it with the safety instructions first', async () => {
    await stack.drain('workflow');
    const submitted = await submit({
      messageId: '<ceiling-1@example.com>',
      from: 'Tenant <tenant@example.com>',
      subject: 'Water pouring from the ceiling',
      text: 'A pipe burst upstairs and water is pouring through my ceiling light. Please send someone now!',
    });
    const emailId = String(submitted.body.emailId);
    await triageQueued();
    const email = await stored(emailId);
    expect(email.triage).toMatchObject({
      category: 'maintenance_emergency',
      urgency: 'emergency',
      needsHuman: true,
    });
    expect(email.draft?.status).toMatch(/^(pending_approval|blocked)$/);
    expect(email.draft?.safetyPreamble).toBeTruthy();
    expect(email.draft?.text.startsWith(String(email.draft?.safetyPreamble))).toBe(true);

    const starts = await stack.drain('workflow');
    expect(starts).toHaveLength(1);
    for (let delivery = 0; delivery < 2; delivery += 1)
      expect(await workflow(sqsEventFromMessages(starts), lambdaContext('workflow'))).toEqual({
        batchItemFailures: [],
      });
    const linked = await stored(emailId);
    expect(linked.workflowId).toMatch(/^wf_/);
    expect(
      await new DynamoWorkflowStore(stack.resources.tables.main).get(
        principal.orgId,
        String(linked.workflowId),
      ),
    ).toMatchObject({
      type: 'maintenance_emergency',
      state: 'approve_dispatch',
      source: { kind: 'email', emailId },
    });
  });

  it('does not triage twice when the message is redelivered, but re-requests the workflow', async () => {
    const { body } = await submit({
      messageId: '<owner-1@example.com>',
      from: 'owner@example.com',
      subject: 'Owner statement',
      text: 'When will my owner distribution arrive?',
    });
    const messages = await stack.drain('classify');
    await classifier(sqsEventFromMessages(messages), lambdaContext('classifier'));
    const first = await stored(String(body.emailId));
    await classifier(sqsEventFromMessages(messages), lambdaContext('classifier'));
    const second = await stored(String(body.emailId));
    expect(second.triagedAt).toBe(first.triagedAt);
    expect(second.draft).toEqual(first.draft);
    // Two starts for this email (the first triage's and the redelivery's re-request); other tests'
    // workflows may have left their run messages on the queue.
    const starts = (await stack.drain('workflow'))
      .map((m) => JSON.parse(m.Body ?? '{}') as { emailId?: string })
      .filter((m) => m.emailId === body.emailId);
    expect(starts).toHaveLength(2);
  });

  it('treats a resubmitted Message-ID as the same email', async () => {
    const email = {
      messageId: '<abc@example.com>',
      from: 'a@example.com',
      subject: 'Lease',
      text: 'I would like to renew my lease.',
    };
    const first = await submit(email);
    const second = await submit(email);
    expect(second.body).toEqual({ ...first.body, duplicate: true });
    expect(await stack.drain('classify')).toHaveLength(1);
  });

  it('drafts nothing and starts no workflow for spam', async () => {
    const { body } = await submit({
      messageId: '<cruise@example.net>',
      from: 'promo@example.net',
      subject: 'You have WON a free cruise',
      text: 'Congratulations! Click here to claim your prize, limited time offer, unsubscribe anytime.',
    });
    await triageQueued();
    const email = await stored(String(body.emailId));
    expect(email).toMatchObject({ status: 'triaged', triage: { category: 'spam' } });
    expect(email.draft).toBeUndefined();
    expect(await stack.drain('workflow')).toHaveLength(0);
  });
});

describe('integration message → the same pipeline', () => {
  it('turns a website form delivery into a triaged message on channel web_form, once', async () => {
    const body = JSON.stringify({
      type: 'web_form.submitted',
      timestamp: new Date().toISOString(),
      data: {
        from: 'lee@example.com',
        name: 'Lee Park',
        text: 'Hello, is the two-bedroom on Elm Street still available? I would like to schedule a showing.',
      },
    });
    const id = `msg_${randomBytes(8).toString('hex')}`;
    const now = new Date();
    const delivered = await ingest(
      apiEvent({
        method: 'POST',
        resource: '/webhooks/{integrationId}',
        path: `/webhooks/${FORMS}`,
        pathParameters: { integrationId: FORMS },
        headers: {
          'content-type': 'application/json',
          'webhook-id': id,
          'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
          'webhook-signature': new Webhook(SECRET).sign(id, now, body),
        },
        body,
      }),
      lambdaContext('webhook-ingest'),
    );
    expect(delivered.statusCode).toBe(202);
    const { eventId } = JSON.parse(delivered.body) as { eventId: string };

    const events = await stack.drain('events');
    // Delivered twice by the queue: still one message.
    for (let delivery = 0; delivery < 2; delivery += 1)
      expect(await eventProcessor(sqsEventFromMessages(events), lambdaContext('event-processor'))).toEqual({
        batchItemFailures: [],
      });
    const event = await new DynamoEventInbox(stack.resources.tables.main).get(principal.orgId, eventId);
    expect(event).toMatchObject({ status: 'processed', eventType: 'web_form.submitted' });
    const emailId = String(event?.objectId);
    await triageQueued();

    const email = await stored(emailId);
    expect(email).toMatchObject({
      channel: 'web_form',
      integrationId: FORMS,
      messageId: `swh:${FORMS}:${id}`,
      from: 'Lee Park <lee@example.com>',
      subject: 'Website contact form',
      status: 'awaiting_approval',
      triage: { category: 'leasing_inquiry' },
      draft: { status: 'pending_approval' },
    });
    const listed = await api(
      {
        ...apiEvent({ method: 'GET', resource: '/v1/emails', principal }),
        queryStringParameters: { category: 'leasing_inquiry' },
      },
      lambdaContext('api'),
    );
    expect(JSON.parse(listed.body).emails).toEqual(
      expect.arrayContaining([expect.objectContaining({ emailId, channel: 'web_form' })]),
    );
  });
});
