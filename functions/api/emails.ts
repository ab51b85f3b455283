import { EmailPath, EmailView, SubmitEmailAccepted, SubmitEmailRequest } from '#contracts/emails.ts';
import { type Operation, operation, orgOf } from '#platform/http/operation.ts';
import { problem } from '#platform/http/problem.ts';
import { jsonResponse } from '#platform/http/response.ts';
import { type SubmitEmailDeps, submitEmail } from '#usecases/submit-email.ts';
import { emailView } from './email-view.ts';

export function emailOperations(deps: SubmitEmailDeps): Record<'submitEmail' | 'getEmail', Operation> {
  return {
    submitEmail: operation(
      {
        summary: 'Submit an inbound email for classification',
        description: 'A repeated `messageId` returns the email first submitted with it, queued once.',
        body: SubmitEmailRequest,
        responses: {
          // Stored is accepted, as for webhooks: if the send to the queue failed, the sweeper sends it.
          202: {
            description:
              'Stored, and queued for classification (by the outbox sweeper if the first send failed)',
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
        summary: 'Read an email, its status and, once done, its classification and workflow',
        params: EmailPath,
        responses: { 200: { description: 'The email', body: EmailView } },
      },
      async (request) => {
        const email = await deps.emails.get(orgOf(request), request.params.emailId);
        // Another org's email is answered exactly like one that does not exist.
        return email ? jsonResponse(200, emailView(email)) : problem(404, 'not-found');
      },
    ),
  };
}
