import { describe, expect, it } from 'vitest';
import { escalatedHolder, preferredSkillsOf, skillOf } from '#domain/conversations/desk-routing.ts';
import { threadEmail } from '#domain/conversations/email-thread.ts';
import {
  autoResolveAt,
  conversationDueAt,
  isExpired,
  messagesExpireAt,
  messagesTtlOwed,
} from '#domain/conversations/retention.ts';
import {
  addPersonMessage,
  appendInbound,
  autoResolve,
  type ConversationChange,
  escalateConversation,
  recordAiWork,
  resolveConversation,
} from '#domain/conversations/transitions.ts';
import { conversationOf, OPENED_AT, triagedEmail } from '#test/support/conversation-fixtures.ts';
import { draftOf } from '#test/support/triage-fixtures.ts';

const HOUR = 3_600_000;
const later = (ms: number) => new Date(Date.parse(OPENED_AT) + ms);

function changed(change: ConversationChange | undefined) {
  if (change?.kind !== 'changed') throw new Error(`expected a change, got ${JSON.stringify(change)}`);
  return change;
}

describe('a conversation thread', () => {
  it('records the inbound message, the AI draft awaiting approval and each finding', () => {
    const opened = appendInbound(conversationOf(), { emailId: 'em_1', text: 'A leak.', at: OPENED_AT });
    const ai = recordAiWork(opened.conversation, {
      emailId: 'em_1',
      draft: draftOf('blocked'),
      at: OPENED_AT,
    });
    expect(opened.messages).toEqual([
      expect.objectContaining({
        kind: 'inbound',
        author: { kind: 'contact', id: 'tenant@example.com' },
        internal: false,
      }),
    ]);
    expect(ai.messages.map((m) => [m.kind, m.delivery, m.internal])).toEqual([
      ['ai_draft', 'awaiting_approval', false],
      ['ai_finding', undefined, true],
    ]);
    expect(ai.messages[1]?.text).toContain('fair_housing.familial_status');
    expect(ai.conversation.version).toBe(2);
  });

  it("a person's reply waits for the channel and takes the conversation over from the AI", () => {
    const reply = changed(
      addPersonMessage(conversationOf(), {
        person: 'ag_ann',
        messageId: 'm1',
        text: 'On our way.',
        internal: false,
        at: OPENED_AT,
      }),
    );
    expect(reply.messages[0]).toMatchObject({
      kind: 'reply',
      delivery: 'awaiting_channel',
      internal: false,
      author: { kind: 'agent', id: 'ag_ann' },
    });
    expect(reply.conversation.assignee).toBe('ag_ann');
    expect(reply.takenOverFrom).toBe('ai');
  });

  it('a reply by another person takes it over from its assignee; the assignee replying takes nothing', () => {
    const held = conversationOf('org-a', { assignee: 'ag_ann' });
    const words = { messageId: 'm1', text: 'Hello', internal: false, at: OPENED_AT };
    expect(changed(addPersonMessage(held, { ...words, person: 'ag_bob' })).takenOverFrom).toBe('ag_ann');
    expect(changed(addPersonMessage(held, { ...words, person: 'ag_ann' })).takenOverFrom).toBeUndefined();
  });

  it('an internal note is never outbound and takes nothing over', () => {
    const note = changed(
      addPersonMessage(conversationOf(), {
        person: 'ag_bob',
        messageId: 'n1',
        text: 'Called the plumber.',
        internal: true,
        at: OPENED_AT,
      }),
    );
    expect(note.messages[0]).toMatchObject({ kind: 'note', internal: true });
    expect(note.messages[0]?.delivery).toBeUndefined();
    expect(note.conversation.assignee).toBeUndefined();
    expect(note.takenOverFrom).toBeUndefined();
  });

  it('escalates with a system line saying who and why; a resolved conversation refuses people', () => {
    const escalated = changed(
      escalateConversation(conversationOf(), {
        by: { kind: 'agent', id: 'ag_ann' },
        reason: 'Owner dispute',
        at: OPENED_AT,
      }),
    );
    expect(escalated.conversation.status).toBe('escalated');
    expect(escalated.messages[0]).toMatchObject({
      kind: 'system',
      text: 'Escalated by agent ag_ann: Owner dispute',
    });
    const resolved = changed(
      resolveConversation(escalated.conversation, {
        by: { kind: 'agent', id: 'ag_ann' },
        why: 'done',
        at: OPENED_AT,
      }),
    ).conversation;
    expect(resolved).toMatchObject({ status: 'resolved', resolvedAt: OPENED_AT });
    const words = { person: 'ag_ann', messageId: 'm2', text: 'More', internal: false, at: OPENED_AT };
    expect(addPersonMessage(resolved, words)).toEqual({ kind: 'refused', reason: 'resolved' });
    expect(escalateConversation(resolved, { by: { kind: 'agent' }, reason: 'x', at: OPENED_AT }).kind).toBe(
      'refused',
    );
    expect(resolveConversation(resolved, { by: { kind: 'agent' }, why: 'x', at: OPENED_AT }).kind).toBe(
      'refused',
    );
  });

  it('a new inbound message reopens a resolved conversation', () => {
    const resolved = conversationOf('org-a', { status: 'resolved', resolvedAt: OPENED_AT });
    const reopened = appendInbound(resolved, {
      emailId: 'em_2',
      text: 'Still leaking',
      at: later(HOUR).toISOString(),
    });
    expect(reopened.conversation.status).toBe('open');
    expect(reopened.conversation.resolvedAt).toBeUndefined();
    expect(reopened.conversation.emailIds).toEqual(['em_2']);
  });

  it('reopening owes the lifting of the TTL its messages may carry, recorded or not (resolved before the record existed)', () => {
    const expiry = later(7 * 24 * HOUR).toISOString();
    const at = later(HOUR).toISOString();
    const legacy = conversationOf('org-a', { status: 'resolved', resolvedAt: OPENED_AT });
    const settled = { ...legacy, messagesTtl: expiry };
    for (const resolved of [legacy, settled]) {
      const { conversation } = appendInbound(resolved, { emailId: 'em_2', text: 'Still leaking', at });
      expect(conversation).toMatchObject({ status: 'open', messagesTtl: expiry });
      expect(messagesTtlOwed(conversation)).toBe(true);
      expect(conversationDueAt(conversation)).toBe(later(HOUR + 5 * 60_000).toISOString());
    }
    // Never resolved: nothing carried, nothing owed.
    const open = appendInbound(conversationOf(), { emailId: 'em_2', text: 'More', at }).conversation;
    expect(open.messagesTtl).toBeUndefined();
    expect(messagesTtlOwed(open)).toBe(false);
  });
});

describe('retention at moved clocks', () => {
  it('auto-resolves 24 h after the last activity, not a moment before, and activity moves it', () => {
    const conversation = conversationOf();
    expect(autoResolveAt(conversation)).toBe(later(24 * HOUR).toISOString());
    expect(autoResolve(conversation, later(24 * HOUR - 1))).toBeUndefined();
    const resolved = changed(autoResolve(conversation, later(24 * HOUR)));
    expect(resolved.conversation).toMatchObject({
      status: 'resolved',
      resolvedAt: later(24 * HOUR).toISOString(),
    });
    expect(resolved.messages[0]).toMatchObject({
      kind: 'system',
      author: { kind: 'system', id: 'auto_resolve' },
    });
    expect(resolved.messages[0]?.text).toContain('no activity for 24 hours');

    const active = changed(
      addPersonMessage(conversation, {
        person: 'ag_ann',
        messageId: 'n',
        text: 'note',
        internal: true,
        at: later(20 * HOUR).toISOString(),
      }),
    ).conversation;
    expect(autoResolve(active, later(24 * HOUR))).toBeUndefined();
    expect(autoResolveAt(active)).toBe(later(44 * HOUR).toISOString());
  });

  it("a resolved conversation's messages expire 7 days after it resolved; an open one's never", () => {
    expect(messagesExpireAt(conversationOf())).toBeUndefined();
    const resolved = conversationOf('org-a', { status: 'resolved', resolvedAt: OPENED_AT });
    expect(autoResolveAt(resolved)).toBeUndefined();
    const expiry = messagesExpireAt(resolved);
    expect(expiry).toBe(later(7 * 24 * HOUR).toISOString());
    expect(isExpired(expiry, later(7 * 24 * HOUR - 1))).toBe(false);
    expect(isExpired(expiry, later(7 * 24 * HOUR))).toBe(true);
  });

  it('its messages owe their TTL from the status change until it is recorded; owing, it is due 5 minutes on', () => {
    const open = conversationOf();
    expect(messagesTtlOwed(open)).toBe(false);
    expect(conversationDueAt(open)).toBe(autoResolveAt(open));
    const resolved = conversationOf('org-a', { status: 'resolved', resolvedAt: OPENED_AT });
    expect(messagesTtlOwed(resolved)).toBe(true);
    expect(conversationDueAt(resolved)).toBe(later(5 * 60_000).toISOString());
    const settled = { ...resolved, messagesTtl: messagesExpireAt(resolved) as string };
    expect(messagesTtlOwed(settled)).toBe(false);
    expect(conversationDueAt(settled)).toBeUndefined();
    // Reopened (resolvedAt dropped), the recorded TTL is owed the lifting until it is recorded gone.
    const { resolvedAt: _r, ...reopened } = {
      ...settled,
      status: 'open' as const,
      lastActivityAt: later(HOUR).toISOString(),
    };
    expect(messagesTtlOwed(reopened)).toBe(true);
    expect(conversationDueAt(reopened)).toBe(later(HOUR + 5 * 60_000).toISOString());
    // Resolved again before the lifting was recorded: a new TTL, still owed.
    expect(messagesTtlOwed({ ...reopened, status: 'resolved', resolvedAt: later(HOUR).toISOString() })).toBe(
      true,
    );
  });
});

describe('an email into its conversation', () => {
  it('opens the conversation with the inbound message, the draft and findings; a redelivery adds nothing', () => {
    const email = triagedEmail();
    const first = threadEmail(undefined, email, new Set(), later(HOUR));
    expect(first?.conversation).toMatchObject({
      conversationId: 'cv_em_1',
      version: 0,
      summary: email.triage.summary,
      contact: { address: 'tenant@example.com' },
      emailIds: ['em_1'],
      category: 'maintenance_request',
    });
    expect(first?.messages.map((m) => m.messageId)).toEqual(['in_em_1', 'draft_em_1', 'finding_em_1_0']);
    const stored = new Set(first?.messages.map((m) => m.messageId));
    expect(threadEmail(first?.conversation, email, stored, later(HOUR))).toBeUndefined();
  });

  it('links the workflow the email started once it is known', () => {
    const first = threadEmail(undefined, triagedEmail(), new Set(), later(HOUR));
    const stored = new Set(first?.messages.map((m) => m.messageId));
    const linked = threadEmail(
      first?.conversation,
      triagedEmail('org-a', { workflowId: 'wf_9' }),
      stored,
      later(HOUR),
    );
    expect(linked?.conversation).toMatchObject({ workflowId: 'wf_9', version: 1 });
    expect(linked?.messages).toEqual([]);
  });
});

describe('the desk a conversation goes to', () => {
  it.each([
    ['maintenance_emergency', 'maintenance'],
    ['maintenance_request', 'maintenance'],
    ['lease_renewal', 'leasing'],
    ['leasing_inquiry', 'leasing'],
    ['move_in', 'leasing'],
    ['rent_payment', 'accounting'],
    ['payment_arrangement', 'accounting'],
    ['vendor_billing', 'accounting'],
    ['complaint', 'resident_services'],
    ['general_inquiry', 'resident_services'],
  ] as const)('%s needs %s', (category, skill) => {
    expect(skillOf(category)).toBe(skill);
  });

  it('escalation climbs the chain one level from the holder, starts off-chain roles at its foot, stays at its top', () => {
    const chain = ['maintenance_tech', 'maintenance_tech_lead', 'maintenance_supervisor'] as const;
    expect(escalatedHolder(chain, 'maintenance_tech')).toBe('maintenance_tech_lead');
    expect(escalatedHolder(chain, undefined)).toBe('maintenance_tech_lead');
    expect(escalatedHolder(chain, 'leasing_agent')).toBe('maintenance_tech');
    expect(escalatedHolder(chain, 'maintenance_supervisor')).toBe('maintenance_supervisor');
  });

  it('prefers a Spanish speaker for a message in Spanish', () => {
    expect(preferredSkillsOf('es')).toEqual(['spanish']);
    expect(preferredSkillsOf('en')).toEqual([]);
  });
});
