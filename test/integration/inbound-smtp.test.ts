import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoEmailStore } from '#adapters/dynamodb/email-store.ts';
import { DynamoOrgStore } from '#adapters/dynamodb/org-store.ts';
import { DirectoryRawMailStore } from '#adapters/mail/directory-raw-mail-store.ts';
import type { EmailRecord } from '#domain/emails/email.ts';
import { type SmtpListener, startSmtpListener } from '#lib/local/smtp-listener.ts';
import { stableId } from '#platform/security/ids.ts';
import { type ApiHandler, apiEvent, lambdaContext, loadHandler } from '#test/support/lambda-events.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

/**
 * Real mail through the real SMTP listener (127.0.0.1, a free port) with a real SMTP client,
 * into the stores and queue the functions use (the emulators).
 */
const orgId = 'org-inbound';
const inbox = `${orgId}@inbound.localhost`;
const MAX_MESSAGE_BYTES = 256 * 1024;
const MAX_ATTACHMENT_BYTES = 16 * 1024;

let stack: TestStack;
let listener: SmtpListener;
let emails: DynamoEmailStore;
let mail: Transporter;

beforeAll(async () => {
  stack = await startTestStack();
  await new DynamoOrgStore(stack.resources.tables.main).create({
    orgId,
    name: 'Inbound Homes',
    createdAt: '2026-11-28T10:00:00.000Z',
  });
  listener = await startSmtpListener({
    port: 0,
    tableName: stack.resources.tables.main,
    classifyQueueUrl: stack.resources.queues.classify.url,
    maxMessageBytes: MAX_MESSAGE_BYTES,
    attachmentLimits: { maxBytes: MAX_ATTACHMENT_BYTES, maxCount: 5 },
  });
  emails = new DynamoEmailStore(stack.resources.tables.main);
  mail = nodemailer.createTransport({
    host: listener.host,
    port: listener.port,
    secure: false,
    ignoreTLS: true,
  });
});
afterAll(async () => {
  mail?.close();
  await listener?.stop();
  await stack?.stop();
});

const nextMessageId = () => `<inbound-${randomUUID()}@resident.example>`;

/** Sends and returns the stored email of the org. */
async function deliver(message: Mail.Options & { messageId: string }): Promise<EmailRecord> {
  await mail.sendMail({ from: 'ana.ruiz@resident.example', to: inbox, ...message });
  const email = await emails.get(orgId, stableId('em', orgId, message.messageId));
  if (!email) throw new Error(`not stored: ${message.messageId}`);
  return email;
}

const rawOf = (email: EmailRecord, ref = email.inbound?.rawRef ?? '') =>
  new DirectoryRawMailStore(listener.mailDir).read(orgId, ref);

async function classifyRequestsFor(emailId: string): Promise<unknown[]> {
  const messages = await stack.drain('classify');
  return messages.map((m) => JSON.parse(m.Body ?? '{}')).filter((body) => body.emailId === emailId);
}

describe('inbound mail through the SMTP listener', () => {
  it('stores a plain message with its raw bytes, unverified, and asks for its triage as a POST does', async () => {
    const messageId = nextMessageId();
    const email = await deliver({
      messageId,
      subject: 'Heater broken',
      text: 'No heat in unit 4B since Monday.',
    });
    expect(email).toMatchObject({
      orgId,
      channel: 'email',
      status: 'received',
      from: 'ana.ruiz@resident.example',
      to: inbox,
      subject: 'Heater broken',
      messageId,
      inbound: {
        authenticity: { spf: 'none', dkim: 'none', dmarc: 'none' },
        needsHuman: false,
        attachments: [],
        refusedAttachments: [],
      },
    });
    expect(email.text?.trim()).toBe('No heat in unit 4B since Monday.');
    expect(Buffer.from((await rawOf(email)) ?? []).toString()).toContain(`Message-ID: ${messageId}`);
    expect(await classifyRequestsFor(email.emailId)).toEqual([{ orgId, emailId: email.emailId }]);
  });

  it('derives the text of an HTML-only message', async () => {
    const email = await deliver({
      messageId: nextMessageId(),
      subject: 'Leak',
      html: '<html><body><p>The <b>kitchen sink</b> is leaking.</p></body></html>',
    });
    expect(email.html).toContain('<b>kitchen sink</b>');
    expect(email.text).toContain('The kitchen sink is leaking.');
    expect(email.text).not.toContain('<');
  });

  it('keeps attachments and inline images within the limits, linked from the message, and refuses the rest', async () => {
    const photo = Buffer.alloc(2_000, 7);
    const lease = Buffer.from('%PDF-1.4 lease addendum');
    const email = await deliver({
      messageId: nextMessageId(),
      subject: 'Photos of the damage',
      text: 'See the photo and the addendum.',
      html: '<p>See <img src="cid:leak@photo"></p>',
      attachments: [
        { filename: 'leak.png', content: photo, contentType: 'image/png', cid: 'leak@photo' },
        { filename: 'addendum.pdf', content: lease, contentType: 'application/pdf' },
        { filename: 'invoice.exe', content: Buffer.from('MZ'), contentType: 'application/x-msdownload' },
        {
          filename: 'huge.jpg',
          content: Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 1),
          contentType: 'image/jpeg',
        },
      ],
    });
    const { attachments = [], refusedAttachments = [] } = email.inbound ?? {};
    expect(attachments).toEqual([
      expect.objectContaining({
        filename: 'leak.png',
        contentType: 'image/png',
        size: photo.length,
        inline: true,
      }),
      expect.objectContaining({ filename: 'addendum.pdf', contentType: 'application/pdf', inline: false }),
    ]);
    expect(Buffer.from((await rawOf(email, attachments[0]?.ref)) ?? [])).toEqual(photo);
    expect(Buffer.from((await rawOf(email, attachments[1]?.ref)) ?? [])).toEqual(lease);
    expect(refusedAttachments).toEqual([
      {
        filename: 'invoice.exe',
        contentType: 'application/x-msdownload',
        size: 2,
        reason: 'type_not_allowed',
      },
      {
        filename: 'huge.jpg',
        contentType: 'image/jpeg',
        size: MAX_ATTACHMENT_BYTES + 1,
        reason: 'too_large',
      },
    ]);
  });

  it('decodes ISO-8859-1 and Windows-1252 parts and headers into UTF-8', async () => {
    const messageId = nextMessageId();
    const raw = [
      'From: =?ISO-8859-1?Q?Jos=E9_Pe=F1a?= <jose@resident.example>',
      `To: ${inbox}`,
      'Subject: =?windows-1252?Q?Calefacci=F3n_=96_100_=80?=',
      `Message-ID: ${messageId}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=ISO-8859-1',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Se rompi=F3 la calefacci=F3n del ba=F1o.',
      '',
    ].join('\r\n');
    await mail.sendMail({ envelope: { from: 'jose@resident.example', to: [inbox] }, raw });
    const email = await emails.get(orgId, stableId('em', orgId, messageId));
    expect(email?.subject).toBe('Calefacción – 100 €');
    expect(email?.text?.trim()).toBe('Se rompió la calefacción del baño.');
  });

  it('keeps the outer sender of a forward and records the original one', async () => {
    const email = await deliver({
      messageId: nextMessageId(),
      from: 'office@manager.example',
      subject: 'Fwd: No hot water',
      text: [
        'FYI',
        '',
        '---------- Forwarded message ---------',
        'From: Bea Lopez <bea.lopez@resident.example>',
        'Date: Mon, 23 Nov 2026 at 09:12',
        'Subject: No hot water',
        '',
        'There is no hot water in 12A.',
      ].join('\n'),
    });
    expect(email.from).toBe('office@manager.example');
    expect(email.inbound?.forwardedFrom).toBe('bea.lopez@resident.example');
  });

  it('is one message when delivered twice', async () => {
    const messageId = nextMessageId();
    const first = await deliver({ messageId, subject: 'Twice', text: 'Sent twice by a retrying server.' });
    const second = await deliver({ messageId, subject: 'Twice', text: 'Sent twice by a retrying server.' });
    expect(second.emailId).toBe(first.emailId);
    expect(await classifyRequestsFor(first.emailId)).toHaveLength(1);
  });

  it('is one message when also POSTed to /v1/emails', async () => {
    const messageId = nextMessageId();
    const email = await deliver({ messageId, subject: 'Both ways', text: 'Forwarded and posted.' });
    const api = await loadHandler<ApiHandler>('api');
    const response = await api(
      apiEvent({
        method: 'POST',
        resource: '/v1/emails',
        path: '/v1/emails',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          messageId,
          from: 'ana.ruiz@resident.example',
          subject: 'Both ways',
          text: 'x',
        }),
        principal: { orgId, keyId: 'key-inbound', scopes: ['emails:write'] },
      }),
      lambdaContext('api'),
    );
    expect(JSON.parse(response.body)).toMatchObject({ emailId: email.emailId, duplicate: true });
    expect(await classifyRequestsFor(email.emailId)).toHaveLength(1);
  });

  it('refuses an address of no org, or of another domain, at RCPT with 550', async () => {
    for (const to of ['nobody@inbound.localhost', `${orgId}@example.com`]) {
      await expect(
        mail.sendMail({ from: 'ana.ruiz@resident.example', to, subject: 'x', text: 'x' }),
      ).rejects.toMatchObject({ responseCode: 550, rejected: [to] });
    }
  });

  it('refuses a message over the size limit with a clear SMTP error, and stores nothing', async () => {
    const messageId = nextMessageId();
    await expect(
      mail.sendMail({
        from: 'ana.ruiz@resident.example',
        to: inbox,
        messageId,
        subject: 'Too big',
        text: 'x'.repeat(MAX_MESSAGE_BYTES + 1),
      }),
    ).rejects.toMatchObject({ responseCode: 552, response: expect.stringMatching(/maximum .*size/) });
    expect(await emails.get(orgId, stableId('em', orgId, messageId))).toBeUndefined();
  });
});
