import { describe, expect, it } from 'vitest';
import { outboxEntry } from '#domain/messaging/outbox.ts';
import { implementations } from './implementations.ts';

describe.each(implementations())('WorkQueue contract: $name', (implementation) => {
  it('delivers each message to its own queue, as sent', async () => {
    const world = await implementation.world();
    const orgId = world.orgId;
    await world.queue.enqueueEvent({ orgId, eventId: 'evt_q1', attempt: 2 });
    await world.queue.enqueueClassification({ orgId, emailId: 'em_q1' });
    await world.queue.enqueueWorkflow({ source: 'email', orgId, emailId: 'em_q1' });
    await world.queue.send(outboxEntry('workflow', { source: 'event', orgId, eventId: 'evt_q1' }));
    expect(await world.received('events')).toEqual([{ orgId, eventId: 'evt_q1', attempt: 2 }]);
    expect(await world.received('classify')).toEqual([{ orgId, emailId: 'em_q1' }]);
    expect(await world.received('workflow')).toEqual(
      expect.arrayContaining([
        { source: 'email', orgId, emailId: 'em_q1' },
        { source: 'event', orgId, eventId: 'evt_q1' },
      ]),
    );
  });
});
