import {
  ResponseLinkAnswered,
  ResponseLinkAnswerRequest,
  ResponseLinkPath,
  ResponseLinkView,
} from '#contracts/workflows.ts';
import { type Operation, operation } from '#platform/http/operation.ts';
import { problem } from '#platform/http/problem.ts';
import { jsonResponse } from '#platform/http/response.ts';
import {
  answerResponseLink,
  type LinkRefused,
  type ResponseLinkDeps,
  showResponseLink,
} from '#usecases/answer-response-link.ts';
import { requestOrigin } from './audit-context.ts';
import { unlessBusy } from './workflow-busy.ts';
import { REFUSAL_PROBLEMS } from './workflows.ts';

/** What a 404 says: the same for a token that was never ours and one naming nothing stored. */
const UNKNOWN_LINK = 'this link is not valid: use the link exactly as you received it';

/**
 * The signed links vendors and owners answer through, without a login (auth `none`: the token is
 * the credential). A token that is not genuine is 404 whatever was wrong with it; a genuine one
 * past its deadline is 410; a link answers once, and the answer it applied is audited with where
 * the request came from.
 */
export function responseLinkOperations(
  deps: ResponseLinkDeps,
): Record<'showResponseLink' | 'answerResponseLink', Operation> {
  return {
    showResponseLink: operation(
      {
        summary: 'What a response link answers: a job offered to a vendor, or an approval asked of an owner',
        description: 'No personal data: the step, the deadline, and the decisions the answer may carry.',
        params: ResponseLinkPath,
        responses: {
          200: { description: 'What the link answers', body: ResponseLinkView },
          404: { description: 'Not a valid link' },
          410: { description: 'The link has expired' },
        },
      },
      async (request) => {
        const shown = await showResponseLink(deps, request.params.token);
        if (shown.outcome !== 'shown') return refusedLink(shown);
        const { outcome: _outcome, ...view } = shown;
        const body: ResponseLinkView = { ...view, decisions: [...view.decisions] };
        return jsonResponse(200, body);
      },
    ),
    answerResponseLink: operation(
      {
        summary: 'Answer through a response link: accept or decline an offer, approve or reject as the owner',
        description:
          'A vendor’s link takes `accept` (with an optional `proposedTime`) or `decline` (with an optional `reason`); an owner’s link takes `approve` or `reject` (with an optional `comment`). A link is used once.',
        params: ResponseLinkPath,
        body: ResponseLinkAnswerRequest,
        responses: {
          200: { description: 'Recorded', body: ResponseLinkAnswered },
          404: { description: 'Not a valid link' },
          409: {
            description: '`already-used`: the link was answered before; or the step is no longer waiting',
          },
          410: { description: '`link-expired` or `offer-expired`: too late to answer' },
          422: { description: 'The answer does not fit the link (a vendor’s link takes accept or decline)' },
        },
      },
      async (request) => {
        const answered = await unlessBusy(
          answerResponseLink(
            deps,
            request.params.token,
            withoutAbsent(request.body),
            requestOrigin(request.event),
          ),
        );
        switch (answered.outcome) {
          case 'not_found':
          case 'expired':
            return refusedLink(answered);
          case 'invalid_answer':
            return problem(422, 'validation', {
              detail: 'the answer does not fit this link',
              extensions: { errors: answered.errors },
            });
          case 'already_used':
            return problem(409, 'already-used', {
              detail: 'this link was answered before: a link is used once',
            });
          case 'refused': {
            const { status, slug } = REFUSAL_PROBLEMS[answered.refusal];
            // The engine's message names ids only (offer, step); nothing of the workflow's facts.
            return problem(status, slug, { detail: answered.message });
          }
          case 'recorded': {
            const body: ResponseLinkAnswered = {
              purpose: answered.purpose,
              decision: answered.decision,
              recorded: true,
            };
            return jsonResponse(200, body);
          }
        }
      },
    ),
  };
}

function refusedLink(refused: LinkRefused) {
  return refused.outcome === 'expired'
    ? problem(410, 'link-expired', { detail: 'this link has expired: ask the sender for a new one' })
    : problem(404, 'not-found', { detail: UNKNOWN_LINK });
}

/** The members the sender gave, so the purpose's strict schema sees exactly those. */
function withoutAbsent(body: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}
