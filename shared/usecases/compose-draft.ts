import { blocks } from '#domain/compliance/findings.ts';
import { aiDisclosureFor } from '#domain/compliance/state-facts.ts';
import { composeReplyDraft, draftLanguageFor } from '#domain/drafts/compose.ts';
import type { ReplyDraft } from '#domain/drafts/draft.ts';
import { unsupportedFactFindings } from '#domain/drafts/grounding-check.ts';
import type { ComplianceReviewer, GroundingSource, ReplyDrafter } from '#domain/drafts/ports.ts';
import { decidedBySafetyNet, SAFETY_NET_FINDING } from '#domain/drafts/safety-net-emergency.ts';
import type { EmailRecord } from '#domain/emails/email.ts';
import { emergencyContactFor } from '#domain/orgs/org-settings.ts';
import type { OrgSettingsStore } from '#domain/orgs/ports.ts';
import type { Triage } from '#domain/triage/triage.ts';

export interface ComposeDraftDeps {
  readonly drafter: ReplyDrafter;
  readonly compliance: ComplianceReviewer;
  readonly grounding: GroundingSource;
  readonly orgSettings: Pick<OrgSettingsStore, 'get'>;
}

/**
 * A reply for a person to approve: the facts the org's synced records hold about the sender, a
 * body written from them only, composed with the fixed safety instructions (an emergency's, with
 * the org's shut-off location and response window: org text no model is given) and the AI
 * disclosure the org's state requires, then reviewed: the compliance rules on the whole
 * text, Claude's second review (when configured) on the drafter's body only, since the fixed parts
 * are no model's to judge, and the grounding check (an amount or date no record holds). A
 * blocking finding blocks the draft until a person edits it. An emergency the safety net decided
 * alone gets the general safety instructions and a warning saying so.
 */
export async function composeDraft(
  deps: ComposeDraftDeps,
  email: EmailRecord,
  preparedText: string,
  triage: Triage,
  at: string,
): Promise<ReplyDraft> {
  const [facts, settings] = await Promise.all([
    deps.grounding.factsFor({
      orgId: email.orgId,
      from: email.from,
      ...(email.propertyId ? { propertyId: email.propertyId } : {}),
      ...(email.leaseId ? { leaseId: email.leaseId } : {}),
    }),
    deps.orgSettings.get(email.orgId),
  ]);
  const language = draftLanguageFor(triage);
  const { region } = settings;
  const message = { subject: email.subject, text: preparedText };
  const body = await deps.drafter.draft({
    message: { from: email.from, ...message },
    triage,
    language,
    facts,
    ...(region ? { region } : {}),
  });
  const disclosure = aiDisclosureFor(region, language);
  const byNet = decidedBySafetyNet(triage);
  const draft = composeReplyDraft({
    triage,
    message,
    body,
    facts,
    language,
    safetyNetDecided: byNet,
    ...(disclosure ? { disclosure } : {}),
    safety: emergencyContactFor(settings, email.propertyId),
    now: new Date(at),
  });
  const findings = [
    ...(byNet ? [SAFETY_NET_FINDING] : []),
    ...(await deps.compliance.review(draft.text, {
      language,
      category: triage.category,
      message,
      draftBody: body.text,
      ...(region ? { region } : {}),
    })),
    ...unsupportedFactFindings(draft.text, facts),
  ];
  return { ...draft, findings, status: blocks(findings) ? 'blocked' : 'pending_approval' };
}
