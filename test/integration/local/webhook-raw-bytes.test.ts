import { describe, expect, it } from 'vitest';
import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { signWebhook } from '#platform/security/webhook-signature.ts';
import { localRuntimeWithOrg } from '#test/support/local-runtime-org.ts';

/**
 * A signature covers bytes, not text: an authentic delivery whose body is not UTF-8 must reach
 * the function byte for byte (the gateway hands it over base64) and be kept, not refused.
 */
const local = localRuntimeWithOrg();

/** JSON-looking, but Latin-1 encoded: 0xE9 (é) alone is not valid UTF-8. */
function latin1Body(id: string): Buffer {
  return Buffer.from(
    `{"event":{"eventType":"workOrder.created","objectID":"${id}"},"data":{"description":"caf\u00e9"}}`,
    'latin1',
  );
}

async function deliver(body: Buffer, contentType: string) {
  return fetch(`${local.runtime.url}/webhooks/rentvine/${local.org.orgId}`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      ...signWebhook(local.org.webhookSecret, body, Math.floor(Date.now() / 1000)),
    },
    body,
  });
}

describe('authentic bodies that are not UTF-8', () => {
  it.each([['application/json'], ['application/json; charset=iso-8859-1'], ['text/plain']])(
    'are accepted (202), stored byte for byte and settled unrecognized, sent as %s',
    async (contentType) => {
      const body = latin1Body(`${contentType.length}-${Date.now()}`);
      const response = await deliver(body, contentType);
      expect(response.status).toBe(202);
      const { eventId } = (await response.json()) as { eventId: string };

      const stored = await new DynamoEventInbox(local.runtime.resources.tables.main).get(
        local.org.orgId,
        eventId,
      );
      expect(stored).toMatchObject({
        status: 'unrecognized',
        reason: 'invalid_utf8',
        rawBodyEncoding: 'base64',
      });
      expect(Buffer.from(stored?.rawBody ?? '', 'base64').equals(body)).toBe(true);

      // The sender's retry of the same bytes is the same event.
      const again = await deliver(body, contentType);
      expect(await again.json()).toEqual({ status: 'duplicate', eventId });
    },
  );

  it('still refuses those bytes signed with another secret', async () => {
    const body = latin1Body('forged');
    const response = await fetch(`${local.runtime.url}/webhooks/rentvine/${local.org.orgId}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...signWebhook('not-the-secret', body, Math.floor(Date.now() / 1000)),
      },
      body,
    });
    expect(response.status).toBe(401);
  });
});
