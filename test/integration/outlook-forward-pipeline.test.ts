import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoEmailStore } from '#adapters/dynamodb/email-store.ts';
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
 * A colleague forwards a tenant's report the Outlook way (a header block, no "Forwarded message"
 * line): through the real api and classifier handlers, the forwarded report is what triage reads,
 * while the same block under a reply's subject stays a quoted chain.
 */
let stack: TestStack;
let api: ApiHandler;
let classifier: SqsHandler;
let emails: DynamoEmailStore;
const principal = { orgId: 'org-forwards', keyId: 'key-forwards', scopes: ['emails:write', 'emails:read'] };

beforeAll(async () => {
  stack = await startTestStack();
  api = await loadHandler<ApiHandler>('api');
  classifier = await loadHandler<SqsHandler>('classifier');
  emails = new DynamoEmailStore(stack.resources.tables.main);
});
afterAll(async () => stack?.stop());

async function triaged(message: object): Promise<EmailRecord> {
  const response = await api(
    apiEvent({
      method: 'POST',
      resource: '/v1/emails',
      path: '/v1/emails',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(message),
      principal,
    }),
    lambdaContext('api'),
  );
  expect(response.statusCode).toBe(202);
  const { emailId } = JSON.parse(response.body) as { emailId: string };
  const queued = await stack.drain('classify');
  expect(await classifier(sqsEventFromMessages(queued), lambdaContext('classifier'))).toEqual({
    batchItemFailures: [],
  });
  const email = await emails.get(principal.orgId, emailId);
  if (!email) throw new Error('the email is not stored');
  return email;
}

const REPORT = 'There is a strong gas smell in the hallway outside 7A and it is getting worse.';
const block = [
  'From: Marcus Webb <marcus.w@example.com>',
  'Sent: Wednesday, November 25, 2026 6:40 AM',
  'To: Leasing <leasing@example.com>',
  'Subject: smell in the hallway',
].join('\n');
const REPORTE = 'Hay un olor fuerte a gas en el pasillo del 7A y cada vez es peor.';
const bloque = [
  'De: Marcos Vega <marcos.v@example.com>',
  'Enviado: miércoles, 25 de noviembre de 2026 6:40',
  'Para: Arrendamiento <arrendamiento@example.com>',
  'Asunto: olor en el pasillo',
].join('\n');

describe('an Outlook forward through the classifier', () => {
  it('FW: the forwarded report is kept and triaged as the emergency it is', async () => {
    const email = await triaged({
      messageId: '<fw-gas-1@example.com>',
      from: 'Leasing <leasing@example.com>',
      subject: 'FW: smell in the hallway',
      text: `Please see below, can maintenance check?\n\n${block}\n\n${REPORT}\n\nMarcus`,
    });
    expect(email.text).toContain(block);
    expect(email.preparedText).toContain(REPORT);
    expect(email.triage).toMatchObject({ urgency: 'emergency' });
    expect(email.triage?.maintenance?.safetyFlags).toContain('gas');
  });

  it('RV: the same in Spanish', async () => {
    const email = await triaged({
      messageId: '<rv-gas-1@example.com>',
      from: 'Arrendamiento <arrendamiento@example.com>',
      subject: 'RV: olor en el pasillo',
      text: `Ver abajo.\n\n${bloque}\n\n${REPORTE}\n\nMarcos`,
    });
    expect(email.preparedText).toContain(REPORTE);
    expect(email.triage).toMatchObject({ urgency: 'emergency', language: 'es' });
  });

  it('RE: the block is a reply’s quoted chain: cut, and no emergency', async () => {
    const note = 'Thanks Marcus, the gas company came yesterday and found nothing, all clear now.';
    const email = await triaged({
      messageId: '<re-gas-1@example.com>',
      from: 'Leasing <leasing@example.com>',
      subject: 'RE: smell in the hallway',
      text: `${note}\n\n${block}\n\n${REPORT}`,
    });
    expect(email.preparedText).toBe(note);
    expect(email.triage?.urgency).not.toBe('emergency');
  });
});
