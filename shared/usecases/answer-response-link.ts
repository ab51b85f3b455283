import type { AuditEntry } from '#domain/audit/audit-record.ts';
import type { AuditTrail } from '#domain/audit/ports.ts';
import {
  RESPONSE_LINK_ANSWERS,
  type ResponseLinkLedger,
  type ResponseLinkPurpose,
  type SignedResponseLinkClaims,
} from '#domain/workflow/response-link.ts';
import type { Refusal } from '#domain/workflow/transition.ts';
import { definitionOf } from '#domain/workflow/transition.ts';
import type { Actor, HistoryEntry, Workflow, WorkflowInput } from '#domain/workflow/workflow.ts';
import { sha256Hex } from '#platform/security/ids.ts';
import { readResponseLink } from '#platform/security/response-links.ts';
import { type AdvanceWorkflowDeps, advanceWorkflow } from './advance-workflow.ts';

/** The secrets links are verified with: the current one first, then any earlier one still honoured. */
export interface ResponseLinkSecrets {
  secrets(): Promise<readonly string[]>;
}

export interface ResponseLinkDeps extends AdvanceWorkflowDeps {
  readonly ledger: ResponseLinkLedger;
  readonly linkSecrets: ResponseLinkSecrets;
  /** Where each decision a link applied is recorded (an owner's approval is a sensitive operation). */
  readonly audit: AuditTrail;
}

/** The decisions each purpose's answer may carry. */
export const LINK_DECISIONS: Readonly<Record<ResponseLinkPurpose, readonly string[]>> = {
  vendor_offer: ['accept', 'decline'],
  owner_approval: ['approve', 'reject'],
};

/**
 * A token that is not a genuine link of ours (`not_found`: malformed, a bad signature, or naming
 * a workflow that is not stored), or a genuine one past its deadline (`expired`).
 */
export type LinkRefused = { readonly outcome: 'not_found' } | { readonly outcome: 'expired' };

export type ShownLink =
  | LinkRefused
  | {
      readonly outcome: 'shown';
      readonly purpose: ResponseLinkPurpose;
      /** The title of the step the link answers. */
      readonly title: string;
      readonly expiresAt: string;
      /** Whether the step still waits for this answer (the offer is still this vendor's). */
      readonly open: boolean;
      readonly decisions: readonly string[];
    };

export type AnsweredLink =
  | LinkRefused
  /** The answer does not fit the link's purpose (a vendor's link carrying an approval…). */
  | { readonly outcome: 'invalid_answer'; readonly errors: readonly { path: string; message: string }[] }
  /** The link was answered before: a link is used once. */
  | { readonly outcome: 'already_used' }
  /** The workflow refused the answer (the offer lapsed, the step is no longer waiting…). */
  | { readonly outcome: 'refused'; readonly refusal: Refusal; readonly message: string }
  | { readonly outcome: 'recorded'; readonly purpose: ResponseLinkPurpose; readonly decision: string };

/** What a link answers, for the page a vendor or owner opens: no personal data, nothing recorded. */
export async function showResponseLink(deps: ResponseLinkDeps, token: string): Promise<ShownLink> {
  const read = await readToken(deps, token);
  if (read.outcome !== 'found') return read;
  const { claims, workflow } = read;
  return {
    outcome: 'shown',
    purpose: claims.purpose,
    title: stepTitle(workflow, claims.stepId),
    expiresAt: claims.expiresAt,
    open: isOpen(workflow, claims),
    decisions: LINK_DECISIONS[claims.purpose],
  };
}

/**
 * Applies a link's answer to its workflow, once. The input's id is derived from the token
 * (`link:<sha256>`), so whatever happens around it (two answers racing, a retry after a crash) the
 * workflow applies one answer; then the use is recorded in the ledger, whose one conditional
 * write picks the single caller told `recorded`: every other use of the token is `already_used`.
 * A refused answer records nothing (a link whose offer lapsed is refused, not spent).
 * The answer the workflow applied is audited before the ledger spends the link, by the use that
 * applied it and again by any later one (a line keyed by the link and the instant applied, so it
 * is written once: a replay or a racing use adds nothing, and a line the first use could not write
 * is written by the next): the link as actor (by the hash of its token), `from` where the request
 * came from.
 */
export async function answerResponseLink(
  deps: ResponseLinkDeps,
  token: string,
  answer: unknown,
  from?: AuditEntry['from'],
): Promise<AnsweredLink> {
  const read = await readToken(deps, token);
  if (read.outcome !== 'found') return read;
  const { claims } = read;
  const parsed = RESPONSE_LINK_ANSWERS[claims.purpose].safeParse(answer);
  if (!parsed.success)
    return {
      outcome: 'invalid_answer',
      errors: parsed.error.issues.map((issue) => ({
        path: issue.path.join('.') || ('keys' in issue ? issue.keys.join(',') : 'body'),
        message: issue.message,
      })),
    };
  const { input, actor } = inputOf(claims, parsed.data);
  const linkId = sha256Hex(token);
  const result = await advanceWorkflow(deps, {
    orgId: claims.orgId,
    workflowId: claims.workflowId,
    inputId: `link:${linkId}`,
    input,
    actor,
  });
  if (result.outcome === 'not_found') return { outcome: 'not_found' };
  if (result.outcome === 'refused')
    return { outcome: 'refused', refusal: result.refusal, message: result.message };
  // The line of the answer the workflow applied is written once, whoever writes it: its id is the
  // instant the workflow applied it and the link. A use applied whose line was never written
  // (AuditWriteFailed, a crash before the ledger) is written by the next use, a duplicate.
  const applied = result.outcome === 'ignored' ? [] : appliedHistory(result.workflow, input, actor);
  if (result.outcome === 'applied' || (result.outcome === 'duplicate' && applied[0])) {
    const line = linkAuditLine(claims, linkId, appliedAnswer(applied[0], parsed.data));
    const before = result.outcome === 'applied' ? result.before.state : applied[0]?.from;
    const after = result.outcome === 'applied' ? result.workflow.state : applied.at(-1)?.to;
    await deps.audit.record(
      {
        ...line,
        ...(before ? { before: { state: before } } : {}),
        after: { ...line.after, state: after },
        ...(from ? { from } : {}),
      },
      applied[0] ? new Date(applied[0].at) : deps.clock.now(),
      linkId.slice(0, AUDIT_LINE_KEY_CHARS),
    );
  }
  // applied, duplicate (a racing or earlier use applied it) or ignored: the ledger decides who was
  // first. A use applied and never recorded (a crash between the two) is recorded by the next use,
  // which is told `recorded` with its own decision, though the first one's stands.
  const use = await deps.ledger.use(claims.orgId, token, new Date(claims.expiresAt));
  if (use === 'used') return { outcome: 'already_used' };
  return { outcome: 'recorded', purpose: claims.purpose, decision: parsed.data.decision };
}

/** Of the link's id (hex), the part that tells its audit line from another of the same instant. */
const AUDIT_LINE_KEY_CHARS = 12;

/** The workflow's history lines of the answer the link carried: its input and its actor. */
function appliedHistory(workflow: Workflow, input: WorkflowInput, actor: Actor): readonly HistoryEntry[] {
  return workflow.history.filter(
    (entry) =>
      entry.actor.kind === actor.kind &&
      entry.input?.kind === input.kind &&
      (input.kind === 'decide'
        ? entry.input.stepId === input.stepId
        : input.kind === 'vendor_reply' && entry.input.offerId === input.offerId),
  );
}

/** The answer the workflow applied (a later use of the link may carry another, which changed nothing). */
function appliedAnswer(
  applied: HistoryEntry | undefined,
  answer: { decision: string; proposedTime?: string; comment?: string; reason?: string },
): { decision: string; proposedTime?: string; comment?: string; reason?: string } {
  const decision = applied?.input?.decision;
  if (typeof decision !== 'string' || decision === answer.decision) return answer;
  const comment = applied?.input?.comment;
  return { decision, ...(typeof comment === 'string' ? { comment } : {}) };
}

type Found = {
  readonly outcome: 'found';
  readonly claims: SignedResponseLinkClaims;
  readonly workflow: Workflow;
};

/** A genuine link in time whose workflow is stored; the refusals say nothing of which check failed but expiry. */
async function readToken(deps: ResponseLinkDeps, token: string): Promise<LinkRefused | Found> {
  const reading = readResponseLink(token, await deps.linkSecrets.secrets(), deps.clock.now());
  if (!reading.ok) return { outcome: reading.reason === 'expired' ? 'expired' : 'not_found' };
  const { claims } = reading;
  const workflow = await deps.workflows.get(claims.orgId, claims.workflowId);
  if (!workflow) return { outcome: 'not_found' };
  return { outcome: 'found', claims, workflow };
}

function inputOf(
  claims: SignedResponseLinkClaims,
  answer: { decision: string; proposedTime?: string; comment?: string },
): { input: WorkflowInput; actor: Actor } {
  if (claims.purpose === 'vendor_offer')
    return {
      input: {
        kind: 'vendor_reply',
        offerId: claims.offerId,
        decision: answer.decision === 'accept' ? 'accept' : 'decline',
        ...(answer.decision === 'accept' && answer.proposedTime
          ? { proposedTime: new Date(answer.proposedTime).toISOString() }
          : {}),
      },
      actor: { kind: 'vendor', vendorId: claims.vendorId },
    };
  return {
    input: {
      kind: 'decide',
      stepId: claims.stepId,
      decision: answer.decision === 'approve' ? 'approve' : 'reject',
      ...(answer.comment ? { comment: answer.comment } : {}),
    },
    actor: { kind: 'owner' },
  };
}

/**
 * The audit line of an answer applied: the link as actor (its id, never its token; an offer's
 * vendor as recipient — an owner's link names nobody), the workflow, and what was decided.
 */
function linkAuditLine(
  claims: SignedResponseLinkClaims,
  linkId: string,
  answer: { decision: string; proposedTime?: string; comment?: string; reason?: string },
): Omit<AuditEntry, 'before' | 'from'> & { readonly after: Record<string, unknown> } {
  const note = answer.comment ?? answer.reason;
  const common = {
    orgId: claims.orgId,
    target: { kind: 'workflow', id: claims.workflowId },
    ...(note ? { note } : {}),
  };
  if (claims.purpose === 'owner_approval')
    return {
      ...common,
      action: 'approval.decided',
      actor: { kind: 'link', purpose: claims.purpose, linkId },
      after: { stepId: claims.stepId, decision: answer.decision },
    };
  return {
    ...common,
    action: 'offer.answered',
    actor: { kind: 'link', purpose: claims.purpose, linkId, recipient: claims.vendorId },
    after: {
      offerId: claims.offerId,
      decision: answer.decision,
      ...(answer.proposedTime ? { proposedTime: new Date(answer.proposedTime).toISOString() } : {}),
    },
  };
}

function isOpen(workflow: Workflow, claims: SignedResponseLinkClaims): boolean {
  const waiting = workflow.waiting;
  if (workflow.status !== 'open' || waiting?.stepId !== claims.stepId) return false;
  if (claims.purpose === 'vendor_offer')
    return waiting.offer?.offerId === claims.offerId && waiting.offer.vendorId === claims.vendorId;
  return waiting.stage === 'owner';
}

/** The step's state is the step id before its visit number. */
function stepTitle(workflow: Workflow, stepId: string): string {
  const state = stepId.slice(0, stepId.lastIndexOf('.'));
  const states = definitionOf(workflow).states;
  return (Object.hasOwn(states, state) ? states[state]?.title : undefined) ?? 'A step of a workflow';
}
