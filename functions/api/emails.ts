import {
  EmailListQuery,
  EmailPage,
  EmailPath,
  EmailView,
  SubmitEmailAccepted,
  SubmitEmailRequest,
} from '#contracts/emails.ts';
import { type Operation, operation, orgOf } from '#platform/http/operation.ts';
import { problem } from '#platform/http/problem.ts';
import { jsonResponse } from '#platform/http/response.ts';
import { type SubmitEmailDeps, submitEmail } from '#usecases/submit-email.ts';
import { emailSummary, emailView } from './email-view.ts';
import { pageOf } from './listing.ts';

export function emailOperations(
  deps: SubmitEmailDeps,
): Record<'submitEmail' | 'getEmail' | 'listEmails', Operation> {
  return {
    submitEmail: operation(
      {
        summary: 'Submit an inbound email for triage',
        description:
          'Stored as received and queued; triage (text preparation, classification, a reply draft) runs after the answer. A repeated `messageId` returns the email first submitted with it, queued once.',
        body: SubmitEmailRequest,
        responses: {
          // Stored is accepted, as for webhooks: if the send to the queue failed, the sweeper sends it.
          202: {
            description: 'Stored, and queued for triage (by the outbox sweeper if the first send failed)',
            body: SubmitEmailAccepted,
          },
        },
      },
      async (request) => {
        const { email, duplicate } = await submitEmail(deps, orgOf(request), request.body);
        return jsonResponse(202, { emailId: email.emailId, status: email.status, duplicate });
      },
    ),
    getEmail: operation(
      {
        summary: 'Read an email: as received, its prepared text, triage and reply draft with its findings',
        params: EmailPath,
        responses: { 200: { description: 'The email', body: EmailView } },
      },
      async (request) => {
        const email = await deps.emails.get(orgOf(request), request.params.emailId);
        // Another org's email is answered exactly like one that does not exist.
        return email ? jsonResponse(200, emailView(email)) : problem(404, 'not-found');
      },
    ),
    listEmails: operation(
      {
        summary: "List the org's emails, newest first",
        description:
          'Filters combine with AND. A page may hold fewer than `limit` emails (even none) and still carry `nextCursor`: each request reads a bounded amount, so follow the cursor until it is absent.',
        query: EmailListQuery,
        responses: { 200: { description: 'One page of emails', body: EmailPage } },
      },
      async (request) => {
        const { limit, cursor, ...filter } = request.query;
        const page = await pageOf(() =>
          deps.emails.list(orgOf(request), filter, { limit, ...(cursor ? { cursor } : {}) }),
        );
        const answer: EmailPage = {
          emails: page.emails.map(emailSummary),
          ...(page.cursor ? { nextCursor: page.cursor } : {}),
        };
        return jsonResponse(200, answer);
      },
    ),
  };
}
