import { EMAIL_ID, emailView, SubmitEmailRequest } from '#domain/emails/email.ts';
import { parseJsonBody } from '#platform/http/json-body.ts';
import { problem } from '#platform/http/problem.ts';
import { jsonResponse } from '#platform/http/response.ts';
import type { RouteImplementation, RouteRequest } from '#platform/http/router.ts';
import { type SubmitEmailDeps, submitEmail } from '#usecases/submit-email.ts';

export function emailRoutes(deps: SubmitEmailDeps): Record<'submitEmail' | 'getEmail', RouteImplementation> {
  return {
    submitEmail: async ({ event, principal }: RouteRequest) => {
      const body = parseJsonBody(event, SubmitEmailRequest);
      const { email, duplicate } = await submitEmail(deps, orgOf(principal), body);
      return jsonResponse(202, { emailId: email.emailId, status: email.status, duplicate });
    },
    getEmail: async ({ event, principal, requestId }: RouteRequest) => {
      const emailId = event.pathParameters?.emailId ?? '';
      const email = EMAIL_ID.test(emailId) ? await deps.emails.get(orgOf(principal), emailId) : undefined;
      return email ? jsonResponse(200, emailView(email)) : problem(404, 'not-found', { instance: requestId });
    },
  };
}

/** The router guarantees a principal on apiKey routes; all data access is scoped to its org. */
export function orgOf(principal: RouteRequest['principal']): string {
  if (!principal) throw new Error('route declared without auth reached an org-scoped operation');
  return principal.orgId;
}
