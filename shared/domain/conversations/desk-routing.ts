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

/** The conversation's queue item as it is first asked for, held by the role triage routed it to. */
export function conversationQueueRequest(
  conversation: Conversation,
  holderRole: RoleName | undefined = conversation.routeTo,
): NewQueueItem {
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
    ...(holderRole ? { holderRole } : {}),
  };
}

/** One level up the department's chain from `holder` (its first role when the holder is not on it); the top stays. */
export function escalatedHolder(
  chain: readonly RoleName[],
  holder: RoleName | undefined,
): RoleName | undefined {
  if (holder === undefined) return chain[0];
  return nextInChain(chain, holder) ?? holder;
}
