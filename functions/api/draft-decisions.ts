import { ApproveDraftRequest, DecidedDraft, EmailPath, RejectDraftRequest } from '#contracts/emails.ts';
import type { ReplyDraft } from '#domain/drafts/draft.ts';
import { type Operation, type OperationRequest, operation, principalOf } from '#platform/http/operation.ts';
import { problem } from '#platform/http/problem.ts';
import { jsonResponse } from '#platform/http/response.ts';
import { type DecideDraftDeps, type DecideOutcome, decideDraft } from '#usecases/decide-draft.ts';
import { type AuditDeps, type AuditLine, recordAudit } from './audit-context.ts';

/** The approval routes: a person's decision on a reply draft. Nothing is sent from here. */
export function draftDecisionOperations(
  deps: DecideDraftDeps,
  audit: AuditDeps,
): Record<'approveDraft' | 'rejectDraft', Operation> {
  /** A decision recorded is audited before it is answered; a refusal is not a decision. */
  const audited = async (request: OperationRequest, outcome: DecideOutcome) => {
    if (outcome.kind === 'decided')
      await recordAudit(audit, request, draftAuditLine(outcome.draft, outcome.email.emailId));
    return answer(outcome);
  };
  return {
    approveDraft: operation(
      {
        summary: "Approve an email's reply draft, optionally with an edited text",
        description:
          'Records who approved, when and the final text; the reply is not sent by this call. A `blocked` draft needs an edited `text`, which is reviewed again.',
        params: EmailPath,
        body: ApproveDraftRequest,
        responses: {
          200: { description: 'Approved', body: DecidedDraft },
          404: { description: 'No such email in your org' },
          409: { description: 'The email has no draft awaiting a decision' },
          422: {
            description: 'The draft (or the edited text) breaks a compliance rule: `findings` says which',
          },
        },
      },
      async (request) =>
        audited(
          request,
          await decideDraft(deps, principalOf(request), request.params.emailId, {
            action: 'approve',
            ...(request.body?.text ? { text: request.body.text } : {}),
          }),
        ),
    ),
    rejectDraft: operation(
      {
        summary: "Reject an email's reply draft, with the reason",
        params: EmailPath,
        body: RejectDraftRequest,
        responses: {
          200: { description: 'Rejected', body: DecidedDraft },
          404: { description: 'No such email in your org' },
          409: { description: 'The email has no draft awaiting a decision' },
        },
      },
      async (request) =>
        audited(
          request,
          await decideDraft(deps, principalOf(request), request.params.emailId, {
            action: 'reject',
            reason: request.body.reason,
          }),
        ),
    ),
  };
}

/** `draft.edited` when the approver changed the text (its before and after), else approved or rejected. */
function draftAuditLine(draft: ReplyDraft, emailId: string): AuditLine {
  const target = { kind: 'email', id: emailId };
  const decision = draft.decision;
  if (decision?.action === 'rejected')
    return {
      action: 'draft.rejected',
      target,
      after: { status: 'rejected' },
      ...(decision.reason ? { note: decision.reason } : {}),
    };
  if (decision?.finalText !== undefined && decision.finalText !== draft.text)
    return {
      action: 'draft.edited',
      target,
      before: { text: draft.text },
      after: { status: 'approved', text: decision.finalText },
    };
  return { action: 'draft.approved', target, after: { status: 'approved' } };
}

function answer(outcome: DecideOutcome) {
  switch (outcome.kind) {
    case 'decided': {
      const body: DecidedDraft = {
        emailId: outcome.email.emailId,
        status: outcome.email.status,
        draft: outcome.draft,
      };
      return jsonResponse(200, body);
    }
    case 'not_found':
      // Another org's email is answered exactly like one that does not exist.
      return problem(404, 'not-found');
    case 'not_awaiting':
      return problem(409, 'conflict', {
        detail: outcome.status
          ? `the draft is ${outcome.status}: it awaits no decision`
          : 'the email has no reply draft',
      });
    case 'still_blocked':
      return problem(422, 'compliance-blocked', {
        detail: 'the reply breaks a compliance rule; edit the text and approve again',
        extensions: { findings: outcome.findings },
      });
  }
}
