import type { Clock } from '#domain/clock.ts';
import { IntegrationMessage, integrationSubmission } from '#domain/emails/integration-message.ts';
import type { EventInbox } from '#domain/inbox/ports.ts';
import type { StoredEvent } from '#domain/inbox/stored-event.ts';
import type { Channel } from '#domain/triage/triage.ts';
import { type SubmitEmailDeps, submitEmail } from './submit-email.ts';

export interface ProcessIntegrationDeps extends SubmitEmailDeps {
  readonly inbox: EventInbox;
  readonly clock: Clock;
}

export type IntegrationOutcome =
  | { kind: 'message'; emailId: string; channel: Channel; duplicate: boolean }
  | { kind: 'invalid'; reason: string }
  | { kind: 'already_settled' };

/**
 * An integration's stored delivery enters the inbox as a message (its channel from the payload's
 * `type`), then the event settles `processed`, naming the message. The message id is the
 * delivery's key, so a redelivery or a replay finds the message already stored and triage runs
 * once; a crash between the two writes re-runs harmlessly. A payload that is not a message is
 * settled `unrecognized` with the reason, and kept.
 */
export async function processIntegrationMessage(
  deps: ProcessIntegrationDeps,
  stored: StoredEvent,
): Promise<IntegrationOutcome> {
  const at = deps.clock.now().toISOString();
  const parsed = parseMessage(stored);
  if (!parsed.ok) {
    const settled = await deps.inbox.settle(stored.orgId, stored.eventId, {
      status: 'unrecognized',
      reason: parsed.reason,
      at,
    });
    return settled ? { kind: 'invalid', reason: parsed.reason } : { kind: 'already_settled' };
  }
  const { channel, request } = integrationSubmission(parsed.message, stored.eventKey, stored.receivedAt);
  const { email, duplicate } = await submitEmail(deps, stored.orgId, request, {
    channel,
    ...(stored.integrationId ? { integrationId: stored.integrationId } : {}),
  });
  const settled = await deps.inbox.settle(stored.orgId, stored.eventId, {
    status: 'processed',
    eventType: parsed.message.type,
    objectId: email.emailId,
    at,
  });
  return settled
    ? { kind: 'message', emailId: email.emailId, channel, duplicate }
    : { kind: 'already_settled' };
}

function parseMessage(
  stored: StoredEvent,
): { ok: true; message: IntegrationMessage } | { ok: false; reason: string } {
  if (stored.rawBodyEncoding === 'base64')
    return { ok: false, reason: 'invalid_integration_message: not UTF-8' };
  let body: unknown;
  try {
    body = JSON.parse(stored.rawBody);
  } catch {
    return { ok: false, reason: 'invalid_integration_message: not JSON' };
  }
  const result = IntegrationMessage.safeParse(body);
  if (result.success) return { ok: true, message: result.data };
  const issue = result.error.issues[0];
  // The path and the kind of problem only: never the payload's values (personal data).
  return {
    ok: false,
    reason: `invalid_integration_message: ${issue?.path.join('.') || 'payload'} ${issue?.code ?? 'invalid'}`,
  };
}
