import type { RoleName } from '#vocabulary/access.ts';
import type { Category } from '#vocabulary/classification.ts';
import type { NewQueueItem } from '../desk/open-item.ts';
import type { ReplyDraft } from '../drafts/draft.ts';
import type { Triage } from '../triage/triage.ts';
import { nextInChain } from '../workflow/approval-policy.ts';
import type { Conversation } from './conversation.ts';

/** The skill a conversation's queue item needs, from its category. */
export function skillOf(category: Category | undefined): string {
  if (category === undefined) return 'resident_services';
  if (category.startsWith('maintenance_')) return 'maintenance';
  if (category.startsWith('lease_') || category === 'leasing_inquiry' || category === 'move_in')
    return 'leasing';
  // Money in or out: rent, arrangements, a vendor's bill.
  if (category === 'rent_payment' || category === 'payment_arrangement' || category === 'vendor_billing')
    return 'accounting';
  return 'resident_services';
}

/** A message in Spanish prefers an agent who speaks it; any agent with the skill still may take it. */
export function preferredSkillsOf(language: string | undefined): readonly string[] {
  return language === 'es' ? ['spanish'] : [];
}

/** A person must look: triage says so, or a draft waits for a person's approval. */
export function needsPerson(triage: Triage, draft: ReplyDraft | undefined): boolean {
  return triage.needsHuman || draft?.status === 'pending_approval' || draft?.status === 'blocked';
}

/**
 * The conversation's queue item as it is first asked for: any agent with the skill may take it,
 * so no role holds it yet (a held item goes only to that role or above); escalation gives it one.
 */
export function conversationQueueRequest(conversation: Conversation): NewQueueItem {
  const skill = skillOf(conversation.category);
  const preferred = preferredSkillsOf(conversation.language);
  return {
    orgId: conversation.orgId,
    source: { kind: 'conversation', conversationId: conversation.conversationId },
    // The subject, never the message's text.
    title: conversation.subject.slice(0, 200) || conversation.summary.slice(0, 200),
    urgency: conversation.urgency,
    skill,
    ...(preferred.length > 0 ? { preferredSkills: preferred } : {}),
  };
}

/**
 * One level up the department's chain from `from` (the role holding the item, else the one triage
 * routed the message to; a role off the chain starts at its first); the top stays.
 */
export function escalatedHolder(
  chain: readonly RoleName[],
  from: RoleName | undefined,
): RoleName | undefined {
  const start = from ?? chain[0];
  return start === undefined ? undefined : (nextInChain(chain, start) ?? start);
}
