import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoEmailStore } from '#adapters/dynamodb/email-store.ts';
import type { ReplyDraft } from '#domain/drafts/draft.ts';
import type { TriageResult } from '#domain/emails/email.ts';
import { stableId } from '#platform/security/ids.ts';
import { type ApiHandler, apiEvent, lambdaContext, loadHandler } from '#test/support/lambda-events.ts';
import { seededEmail } from '#test/support/seeded-emails.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';
import { draftOf, triaged } from '#test/support/triage-fixtures.ts';

/**
 * The email routes through the api function: intake validation, the listing's filters and
 * cursors, one email with its triage and draft, and the approval routes with every refusal.
 * Rows are seeded through the store as a triage run saves them (the pipeline has its own test).
 */
let stack: TestStack;
let api: ApiHandler;
let emails: DynamoEmailStore;
const orgId = 'org-emails-api';
const approver = { orgId, keyId: 'key-approver', scopes: ['approvals:write'], agentId: 'maria@example.com' };
const reader = { orgId, keyId: 'key-reader', scopes: ['emails:read', 'emails:write'] };
const stranger = {
  orgId: 'org-emails-other',
  keyId: 'key-other',
  scopes: ['emails:read', 'approvals:write'],
};
type Principal = typeof reader;

/** The members of the answers these tests read; the rest are compared with toMatchObject. */
interface Answer {
  readonly [member: string]: unknown;
  readonly emailId: string;
  readonly emails: readonly { readonly subject: string }[];
  readonly nextCursor?: string;
  readonly errors: unknown;
  readonly draft: { readonly decision: { readonly at: string } };
}

beforeAll(async () => {
  stack = await startTestStack();
  api = await loadHandler<ApiHandler>('api');
  emails = new DynamoEmailStore(stack.resources.tables.main);
});
afterAll(async () => stack?.stop());

async function call(
  principal: Principal,
  method: string,
  resource: string,
  options: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown } = {},
) {
  const path = Object.entries(options.params ?? {}).reduce((p, [k, v]) => p.replace(`{${k}}`, v), resource);
  const event = apiEvent({
    method,
    resource,
    path,
    ...(options.params ? { pathParameters: options.params } : {}),
    ...(options.body === undefined
      ? {}
      : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(options.body) }),
    principal,
  });
  const response = await api(
    { ...event, queryStringParameters: options.query ?? null },
    lambdaContext('api'),
  );
  return { status: response.statusCode, body: JSON.parse(response.body) as Answer };
}

/** An email of the org as a triage run leaves it. */
const seeded = (key: string, result: TriageResult | null, receivedAt = '2026-11-20T10:00:00.000Z') =>
  seededEmail(emails, orgId, key, result, receivedAt);

const approve = (principal: Principal, emailId: string, body?: unknown) =>
  call(principal, 'POST', '/v1/emails/{emailId}/draft/approve', {
    params: { emailId },
    ...(body === undefined ? {} : { body }),
  });
const reject = (principal: Principal, emailId: string, body: unknown) =>
  call(principal, 'POST', '/v1/emails/{emailId}/draft/reject', { params: { emailId }, body });

describe('POST /v1/emails', () => {
  it('accepts an HTML-only message, keeps it as received, and is idempotent on messageId', async () => {
    const body = {
      messageId: '<html-only@example.com>',
      from: 'Ana <ana@example.com>',
      to: 'office@example.com',
      subject: 'Leak',
      html: '<p>The sink <b>leaks</b>.</p>',
      receivedAt: '2026-11-20T05:00:00-05:00',
      propertyId: '12',
      leaseId: '4411',
    };
    const first = await call(reader, 'POST', '/v1/emails', { body });
    expect(first).toMatchObject({ status: 202, body: { status: 'received', duplicate: false } });
    const again = await call(reader, 'POST', '/v1/emails', { body: { ...body, subject: 'changed' } });
    expect(again.body).toEqual({ ...first.body, duplicate: true });
    const read = await call(reader, 'GET', '/v1/emails/{emailId}', {
      params: { emailId: first.body.emailId },
    });
    expect(read.body).toMatchObject({
      channel: 'email',
      html: body.html,
      to: 'office@example.com',
      subject: 'Leak',
      receivedAt: '2026-11-20T10:00:00.000Z',
      propertyId: '12',
      leaseId: '4411',
    });
    expect(read.body.text).toBeUndefined();
    expect(read.body.preparedText).toBeUndefined();
  });

  it.each([
    ['no messageId', { from: 'a@example.com', subject: 's', text: 't' }, 'messageId'],
    ['neither text nor html', { messageId: 'm', from: 'a@example.com', subject: 's' }, 'text'],
    [
      'blank parts only',
      { messageId: 'm', from: 'a@example.com', subject: 's', text: ' ', html: '\n' },
      'text',
    ],
    [
      'a part over 200,000 characters',
      { messageId: 'm', from: 'a@example.com', subject: 's', html: 'x'.repeat(200_001) },
      'html',
    ],
    [
      'a receivedAt without its zone',
      { messageId: 'm', from: 'a@example.com', subject: 's', text: 't', receivedAt: '2026-11-20T10:00:00' },
      'receivedAt',
    ],
    ['an unknown member', { messageId: 'm', from: 'a@example.com', subject: 's', text: 't', cc: 'x' }, ''],
  ])('refuses %s with a validation problem naming the field', async (_name, body, field) => {
    const response = await call(reader, 'POST', '/v1/emails', { body });
    expect(response.status).toBe(422);
    expect(response.body.type).toBe('urn:aictive:problem:validation');
    if (field)
      expect(response.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: field })]),
      );
  });
});

describe('GET /v1/emails and /v1/emails/{emailId}', () => {
  it('lists the org’s emails newest first, filtered across pages, without bodies', async () => {
    const day = (n: number) => `2026-11-${String(20 + n).padStart(2, '0')}T08:00:00.000Z`;
    await seeded('list-emergency', triaged('maintenance_emergency', 'emergency', draftOf()), day(1));
    await seeded('list-renewal', triaged('lease_renewal', 'medium', draftOf()), day(2));
    await seeded('list-spam', triaged('spam', 'low'), day(3));
    await seeded('list-waiting', null, day(4));
    await seeded(
      'list-legal',
      triaged('legal_notice', 'high', draftOf('blocked'), {
        needsHuman: true,
        needsHumanReasons: ['legal_matter'],
      }),
      day(5),
    );

    // After the emails the other tests submit (received on the 20th).
    const since = { since: '2026-11-21' };
    const all = await call(reader, 'GET', '/v1/emails', { query: since });
    expect(all.status).toBe(200);
    expect(all.body.emails.map((e) => e.subject)).toEqual([
      'list-legal',
      'list-waiting',
      'list-spam',
      'list-renewal',
      'list-emergency',
    ]);
    expect(all.body.emails[0]).toMatchObject({
      channel: 'email',
      status: 'blocked',
      category: 'legal_notice',
      urgency: 'high',
      needsHuman: true,
      draftStatus: 'blocked',
    });
    expect(Object.keys(all.body.emails[0] ?? {})).not.toContain('text');

    // One a page, following the cursor: every human-needing message, and nothing else.
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const answer = await call(reader, 'GET', '/v1/emails', {
        query: { ...since, needsHuman: 'true', limit: '1', ...(cursor ? { cursor } : {}) },
      });
      seen.push(...answer.body.emails.map((e) => e.subject));
      cursor = answer.body.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(['list-legal', 'list-emergency']);

    const byStatus = await call(reader, 'GET', '/v1/emails', {
      query: { ...since, status: 'awaiting_approval' },
    });
    expect(byStatus.body.emails.map((e) => e.subject)).toEqual(['list-renewal', 'list-emergency']);
    const byCategory = await call(reader, 'GET', '/v1/emails', {
      query: { ...since, category: 'spam', urgency: 'low' },
    });
    expect(byCategory.body.emails.map((e) => e.subject)).toEqual(['list-spam']);
    // Another org lists only its own (none).
    expect((await call(stranger, 'GET', '/v1/emails', { query: since })).body).toEqual({ emails: [] });
  });

  it.each([
    [{ category: 'plumbing' }, 'category'],
    [{ needsHuman: 'yes' }, 'needsHuman'],
    [{ limit: '1000' }, 'limit'],
    [{ since: 'yesterday' }, 'since'],
    [{ cursor: 'bm90LWEtY3Vyc29y' }, 'cursor'],
    [{ urgent: 'true' }, ''],
  ])('refuses the query %o with a validation problem', async (query, field) => {
    const response = await call(reader, 'GET', '/v1/emails', { query });
    expect(response.status).toBe(422);
    if (field)
      expect(response.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: field })]),
      );
  });

  it('refuses another org’s cursor', async () => {
    await seeded('cursor-a', null, '2026-09-01T00:00:00.000Z');
    await seeded('cursor-b', null, '2026-09-02T00:00:00.000Z');
    const page = await call(reader, 'GET', '/v1/emails', { query: { limit: '1' } });
    expect(page.body.nextCursor).toBeDefined();
    const foreign = await call(stranger, 'GET', '/v1/emails', {
      query: { limit: '1', cursor: String(page.body.nextCursor) },
    });
    expect(foreign.status).toBe(422);
  });

  it('shows one email with its triage, its draft, findings and citations', async () => {
    const draft: ReplyDraft = draftOf('blocked', {
      citations: [
        {
          topic: 'lease_end',
          statement: 'Your lease ends June 30, 2027.',
          citation: { kind: 'lease', id: '4411' },
        },
      ],
    });
    const emailId = await seeded('show-one', triaged('leasing_inquiry', 'low', draft));
    const read = await call(reader, 'GET', '/v1/emails/{emailId}', { params: { emailId } });
    expect(read.body).toMatchObject({
      emailId,
      status: 'blocked',
      preparedText: 'What triage read.',
      triage: { category: 'leasing_inquiry', routeTo: 'property_manager', engine: 'rules' },
      draft: { status: 'blocked', findings: draft.findings, citations: draft.citations },
    });
    expect((await call(stranger, 'GET', '/v1/emails/{emailId}', { params: { emailId } })).status).toBe(404);
  });
});

describe('POST /v1/emails/{emailId}/draft/approve and /reject', () => {
  it('approves as drafted, recording the key, the person and the final text; a second decision is 409', async () => {
    const emailId = await seeded('approve-plain', triaged('move_in', 'low', draftOf()));
    const approved = await approve(approver, emailId);
    expect(approved).toMatchObject({
      status: 200,
      body: {
        emailId,
        status: 'approved',
        draft: {
          status: 'approved',
          decision: {
            action: 'approved',
            by: { keyId: 'key-approver', agentId: 'maria@example.com' },
            finalText: draftOf().text,
          },
        },
      },
    });
    expect(Date.parse(approved.body.draft.decision.at)).not.toBeNaN();
    const again = await reject(approver, emailId, { reason: 'too late' });
    expect(again).toMatchObject({ status: 409, body: { type: 'urn:aictive:problem:conflict' } });
    expect((await emails.get(orgId, emailId))?.draft?.decision?.action).toBe('approved');
  });

  it('approves with an edited text, which becomes the final text', async () => {
    const emailId = await seeded('approve-edit', triaged('move_in', 'low', draftOf()));
    const edited = 'Welcome! Your keys are ready at the office from 9 to 5.';
    expect(await approve(approver, emailId, { text: edited })).toMatchObject({
      status: 200,
      body: { draft: { text: draftOf().text, decision: { finalText: edited } } },
    });
  });

  it('rejects with the reason', async () => {
    const emailId = await seeded('reject', triaged('complaint', 'medium', draftOf()));
    expect(await reject(approver, emailId, { reason: 'Wrong tone for this owner.' })).toMatchObject({
      status: 200,
      body: {
        status: 'rejected',
        draft: { status: 'rejected', decision: { reason: 'Wrong tone for this owner.' } },
      },
    });
  });

  it('holds a blocked draft: 422 with its findings unless an edit passes the rules again', async () => {
    const emailId = await seeded('approve-blocked', triaged('leasing_inquiry', 'low', draftOf('blocked')));
    const unedited = await approve(approver, emailId, {});
    expect(unedited).toMatchObject({
      status: 422,
      body: { type: 'urn:aictive:problem:compliance-blocked', findings: [{ severity: 'blocking' }] },
    });
    const stillBad = await approve(approver, emailId, { text: 'Sorry, this building is adults only.' });
    expect(stillBad).toMatchObject({
      status: 422,
      body: { findings: [expect.objectContaining({ severity: 'blocking' })] },
    });
    expect((await emails.get(orgId, emailId))?.status).toBe('blocked');
    const fixed = await approve(approver, emailId, {
      text: 'Thank you for asking. The unit is available; when would you like to see it?',
    });
    expect(fixed).toMatchObject({ status: 200, body: { status: 'approved' } });
  });

  it('answers 404 for another org’s email or a missing one, 409 when there is no draft', async () => {
    const emailId = await seeded('approve-foreign', triaged('move_in', 'low', draftOf()));
    expect((await approve(stranger, emailId)).status).toBe(404);
    expect((await reject(stranger, emailId, { reason: 'x' })).status).toBe(404);
    expect((await approve(approver, stableId('em', orgId, 'never-stored'))).status).toBe(404);
    expect((await emails.get(orgId, emailId))?.status).toBe('awaiting_approval');
    const spam = await seeded('approve-spam', triaged('spam', 'low'));
    expect(await approve(approver, spam)).toMatchObject({
      status: 409,
      body: { detail: 'the email has no reply draft' },
    });
    const untriaged = await seeded('approve-untriaged', null);
    expect((await reject(approver, untriaged, { reason: 'x' })).status).toBe(409);
  });

  it('needs approvals:write, a reason to reject, and only a text to approve', async () => {
    const emailId = await seeded('approve-scope', triaged('move_in', 'low', draftOf()));
    expect((await approve(reader, emailId)).status).toBe(403);
    expect((await reject(approver, emailId, {})).status).toBe(422);
    expect((await reject(approver, emailId, { reason: '  ' })).status).toBe(422);
    expect((await approve(approver, emailId, { text: 'ok', sendNow: true })).status).toBe(422);
    expect((await emails.get(orgId, emailId))?.status).toBe('awaiting_approval');
  });
});
