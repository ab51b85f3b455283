import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '#domain/inbox/stored-event.ts';
import { stableId } from '#platform/security/ids.ts';
import { inMemoryPlatform } from '#test/support/in-memory/platform.ts';
import { processIntegrationMessage } from '#usecases/process-integration-message.ts';

const orgId = 'org-forms';
const receivedAt = '2026-11-21T09:59:00.000Z';

function delivery(eventId: string, body: unknown): StoredEvent {
  return {
    orgId,
    eventId,
    eventKey: `swh:acme-forms:msg_${eventId}`,
    source: 'integration',
    integrationId: 'acme-forms',
    scheme: 'standard-webhooks',
    receivedAt,
    rawBody: typeof body === 'string' ? body : JSON.stringify(body),
    headers: {},
    status: 'received',
  };
}

async function stored(platform: ReturnType<typeof inMemoryPlatform>, event: StoredEvent) {
  await platform.inbox.store(event);
  platform.queue.take('events');
  return (await platform.inbox.get(orgId, event.eventId)) as StoredEvent;
}

describe('an integration delivery entering the inbox pipeline', () => {
  it.each([
    ['web_form.submitted', 'web_form', 'Website contact form'],
    ['answering_service.message', 'answering_service', 'Answering service message'],
    ['message.received', 'integration', 'Integration message'],
  ] as const)('%s becomes a message on channel %s, queued for triage', async (type, channel, subject) => {
    const platform = inMemoryPlatform();
    const event = await stored(
      platform,
      delivery('evt_form1', {
        type,
        timestamp: '2026-11-21T09:58:59Z',
        data: {
          from: 'dana@example.com',
          name: 'Dana Ruiz',
          text: 'Is unit 4B still available?',
          propertyId: '12',
        },
      }),
    );
    const emailId = stableId('em', orgId, event.eventKey);
    expect(await processIntegrationMessage(platform, event)).toEqual({
      kind: 'message',
      emailId,
      channel,
      duplicate: false,
    });
    expect(await platform.emails.get(orgId, emailId)).toEqual({
      orgId,
      emailId,
      channel,
      integrationId: 'acme-forms',
      messageId: event.eventKey,
      from: 'Dana Ruiz <dana@example.com>',
      subject,
      text: 'Is unit 4B still available?',
      propertyId: '12',
      status: 'received',
      receivedAt,
    });
    expect(platform.queue.take('classify')).toEqual([{ orgId, emailId }]);
    expect(await platform.inbox.get(orgId, event.eventId)).toMatchObject({
      status: 'processed',
      eventType: type,
      objectId: emailId,
    });
  });

  it('is idempotent on the delivery: a replay (as a run after a crash before the settle) makes no second message', async () => {
    const platform = inMemoryPlatform();
    const body = {
      type: 'message.received',
      data: { from: '+1 555 0100', text: 'Call me back about the lease.' },
    };
    const event = await stored(platform, delivery('evt_twice', body));
    // The first run stored the message and settled; the replay finds the message stored.
    const emailId = stableId('em', orgId, event.eventKey);
    await processIntegrationMessage(platform, event);
    await platform.inbox.reopen(orgId, event.eventId, receivedAt);
    const replayed = (await platform.inbox.get(orgId, event.eventId)) as StoredEvent;
    expect(await processIntegrationMessage(platform, replayed)).toMatchObject({
      kind: 'message',
      emailId,
      duplicate: true,
    });
    expect(platform.queue.take('classify')).toHaveLength(1);
    // And a concurrent run that loses the settle says so.
    expect(await processIntegrationMessage(platform, replayed)).toEqual({ kind: 'already_settled' });
  });

  it.each([
    ['not JSON', 'name=Dana&message=hi', 'invalid_integration_message: not JSON'],
    [
      'an unknown type',
      { type: 'form.submitted', data: { message: 'hi' } },
      'invalid_integration_message: type invalid_value',
    ],
    [
      'no text',
      { type: 'web_form.submitted', data: { from: 'dana@example.com' } },
      'invalid_integration_message: data.text invalid_type',
    ],
  ])('keeps %s as unrecognized, with a reason that never quotes the payload', async (_name, body, reason) => {
    const platform = inMemoryPlatform();
    const event = await stored(platform, delivery('evt_bad', body));
    expect(await processIntegrationMessage(platform, event)).toEqual({ kind: 'invalid', reason });
    expect(await platform.inbox.get(orgId, event.eventId)).toMatchObject({ status: 'unrecognized', reason });
    expect(platform.queue.take('classify')).toEqual([]);
  });
});
