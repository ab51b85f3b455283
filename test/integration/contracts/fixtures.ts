import type { EmailRecord } from '#domain/emails/email.ts';
import type { StoredEvent } from '#domain/inbox/stored-event.ts';
import type { PendingItem } from '#domain/messaging/ports.ts';
import type { WorkflowRecord } from '#domain/workflows/workflow.ts';
import type { World } from './implementations.ts';

export function email(orgId: string, emailId: string, receivedAt: string): EmailRecord {
  return {
    orgId,
    emailId,
    channel: 'email',
    from: 'a@example.com',
    subject: 's',
    text: 't',
    messageId: `<${emailId}@example.com>`,
    status: 'received',
    receivedAt,
  };
}

export function event(
  orgId: string,
  eventId: string,
  receivedAt: string,
  status: StoredEvent['status'] = 'received',
): StoredEvent {
  return {
    orgId,
    eventId,
    eventKey: `key-${eventId}`,
    source: 'rentvine',
    scheme: 'rentvine-header',
    receivedAt,
    rawBody: '{}',
    headers: { 'content-type': 'application/json' },
    status,
  };
}

export function workflowOf(
  orgId: string,
  workflowId: string,
  source: WorkflowRecord['source'],
): WorkflowRecord {
  return {
    orgId,
    workflowId,
    type: 'maintenance',
    state: 'triage',
    urgency: 'medium',
    source,
    createdAt: '2026-11-21T10:00:00.000Z',
  };
}

/** This world's rows in the outbox, stale before `before`: listStale reads across orgs. */
export async function waiting(world: World, before: string): Promise<PendingItem[]> {
  return (await world.pending.listStale(new Date(before), 200)).filter((item) => item.orgId === world.orgId);
}
