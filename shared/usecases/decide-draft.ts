import type { Principal } from '#domain/access/principal.ts';
import type { Clock } from '#domain/clock.ts';
import { draftLanguageFor } from '#domain/drafts/compose.ts';
import type { ComplianceFinding, DraftDecision, ReplyDraft } from '#domain/drafts/draft.ts';
import type { ComplianceReviewer } from '#domain/drafts/ports.ts';
import { type EmailRecord, UNDECIDED_DRAFT } from '#domain/emails/email.ts';
import type { EmailStore } from '#domain/emails/ports.ts';
import type { OrgSettingsStore } from '#domain/orgs/ports.ts';

export interface DecideDraftDeps {
  readonly emails: EmailStore;
  readonly compliance: ComplianceReviewer;
  readonly orgSettings: Pick<OrgSettingsStore, 'get'>;
  readonly clock: Clock;
}

export type DraftChoice =
  | { readonly action: 'approve'; readonly text?: string }
  | { readonly action: 'reject'; readonly reason: string };

export type DecideOutcome =
  | { readonly kind: 'decided'; readonly email: EmailRecord; readonly draft: ReplyDraft }
  /** No such email in the caller's org. */
  | { readonly kind: 'not_found' }
  /** No draft, or one already decided: nothing awaits a decision. */
  | { readonly kind: 'not_awaiting'; readonly status?: ReplyDraft['status'] }
  /** A blocked draft approved without an edit, or an edit that still breaks a rule. */
  | { readonly kind: 'still_blocked'; readonly findings: ComplianceFinding[] };

/**
 * A person's decision on a draft, recorded with who (key, agent), when and the final text. A
 * `blocked` draft is approved only with an edited text that passes the compliance review again;
 * an edit of a pending draft is reviewed too, so no approved text skips the rules. The store
 * applies the decision only if the draft is still undecided (two approvers racing: one wins).
 * Nothing is sent here.
 */
export async function decideDraft(
  deps: DecideDraftDeps,
  principal: Pick<Principal, 'orgId' | 'keyId' | 'agentId'>,
  emailId: string,
  choice: DraftChoice,
): Promise<DecideOutcome> {
  const email = await deps.emails.get(principal.orgId, emailId);
  if (!email) return { kind: 'not_found' };
  const { draft, triage } = email;
  if (!draft || !triage || !UNDECIDED_DRAFT.includes(draft.status))
    return draft ? { kind: 'not_awaiting', status: draft.status } : { kind: 'not_awaiting' };

  const by = { keyId: principal.keyId, ...(principal.agentId ? { agentId: principal.agentId } : {}) };
  const at = deps.clock.now().toISOString();
  let decision: DraftDecision;
  if (choice.action === 'reject') {
    decision = { action: 'rejected', by, at, reason: choice.reason };
  } else {
    if (choice.text === undefined && draft.status === 'blocked')
      return { kind: 'still_blocked', findings: draft.findings.filter(blocking) };
    if (choice.text !== undefined) {
      const { region } = await deps.orgSettings.get(principal.orgId);
      const findings = await deps.compliance.review(choice.text, {
        language: draftLanguageFor(triage),
        category: triage.category,
        ...(region ? { region } : {}),
      });
      if (findings.some(blocking)) return { kind: 'still_blocked', findings: findings.filter(blocking) };
    }
    decision = { action: 'approved', by, at, finalText: choice.text ?? draft.text };
  }
  const stored = await deps.emails.decideDraft(principal.orgId, emailId, {
    decision,
    from: [draft.status],
  });
  if (!stored) return { kind: 'not_found' };
  // Lost a race with another decision (or the draft moved on): what is stored is not ours.
  if (
    stored.decision?.at !== at ||
    stored.decision.by.keyId !== by.keyId ||
    stored.status !== decision.action
  )
    return { kind: 'not_awaiting', status: stored.status };
  return { kind: 'decided', email: { ...email, status: decision.action, draft: stored }, draft: stored };
}

function blocking(finding: ComplianceFinding): boolean {
  return finding.severity === 'blocking';
}
