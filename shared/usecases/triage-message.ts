import type { Clock } from '#domain/clock.ts';
import { needsReplyDraft } from '#domain/drafts/templates.ts';
import {
  type ClassifyMessage,
  type EmailRecord,
  storedTriage,
  type TriageResult,
} from '#domain/emails/email.ts';
import type { EmailStore, MessageTextPreparer } from '#domain/emails/ports.ts';
import { outboxEntry } from '#domain/messaging/outbox.ts';
import type { WorkQueue } from '#domain/messaging/ports.ts';
import type { Triage, TriageEngine } from '#domain/triage/triage.ts';
import { workflowTypeForCategory } from '#domain/workflow/start.ts';
import { type ComposeDraftDeps, composeDraft } from './compose-draft.ts';

export interface TriageMessageDeps extends ComposeDraftDeps {
  readonly emails: EmailStore;
  readonly text: MessageTextPreparer;
  readonly engine: TriageEngine;
  readonly queue: WorkQueue;
  readonly clock: Clock;
}

export class EmailNotFoundError extends Error {
  constructor(message: ClassifyMessage) {
    super(`email ${message.emailId} of org ${message.orgId} is not stored`);
    this.name = 'EmailNotFoundError';
  }
}

export interface TriageOutcome {
  readonly triaged: 'now' | 'before';
  readonly drafted: boolean;
  readonly workflowRequested: boolean;
}

/**
 * Triages a stored message unless a triage is stored: prepare its text, triage it, draft a reply
 * when one is needed, then save it all in one write (the first run to save wins; every run acts
 * on what is stored, never on its own verdict) with the workflow's outbox entry, and ask for the
 * workflow. An emergency is saved and its workflow asked for before any draft is written, so no
 * model call stands between an emergency and its workflow; its draft follows in a second write.
 * Redelivered, it re-requests the workflow (idempotent) and drafts what is still missing.
 */
export async function triageMessage(
  deps: TriageMessageDeps,
  message: ClassifyMessage,
): Promise<TriageOutcome> {
  const email = await deps.emails.get(message.orgId, message.emailId);
  if (!email) throw new EmailNotFoundError(message);

  const start = outboxEntry('workflow', { source: 'email', orgId: message.orgId, emailId: message.emailId });
  let stored = storedTriage(email);
  const triagedNow = !stored;
  if (!stored) {
    const preparedText = deps.text.prepare(email);
    const triage = await deps.engine.triage({
      from: email.from,
      subject: email.subject,
      text: preparedText,
      channel: email.channel,
    });
    const draft =
      triage.urgency === 'emergency' || !needsReplyDraft(triage)
        ? undefined
        : await composeDraft(deps, email, preparedText, triage, now(deps));
    stored = await deps.emails.saveTriage(
      message.orgId,
      message.emailId,
      { triage, preparedText, ...(draft ? { draft } : {}) },
      now(deps),
      startsWorkflow(triage) ? start : undefined,
    );
  }
  const workflowRequested = startsWorkflow(stored.triage) && !email.workflowId;
  if (workflowRequested) await deps.queue.send(start);
  const drafted = await draftIfMissing(deps, email, stored);
  return { triaged: triagedNow ? 'now' : 'before', drafted, workflowRequested };
}

/** The draft an emergency (or a run that crashed before drafting) still owes; first saved wins. */
async function draftIfMissing(
  deps: TriageMessageDeps,
  email: EmailRecord,
  stored: TriageResult,
): Promise<boolean> {
  if (stored.draft || !needsReplyDraft(stored.triage)) return false;
  const draft = await composeDraft(deps, email, stored.preparedText, stored.triage, now(deps));
  await deps.emails.saveDraft(email.orgId, email.emailId, draft);
  return true;
}

function startsWorkflow(triage: Triage): boolean {
  return workflowTypeForCategory(triage.category) !== undefined;
}

function now(deps: { clock: Clock }): string {
  return deps.clock.now().toISOString();
}
