import { describe, expect, it } from 'vitest';
import { outboxEntry, WORK_QUEUES } from '#domain/messaging/outbox.ts';
import { QUEUE_MESSAGES } from '#domain/messaging/queue-messages.ts';
import { implementations } from './implementations.ts';

describe.each(implementations())('WorkQueue contract: $name', (implementation) => {
  it('delivers each message to its own queue, as sent, in the shape its consumer reads', async () => {
    const world = await implementation.world();
    const orgId = world.orgId;
    await world.queue.enqueueEvent({ orgId, eventId: 'evt_q1', attempt: 2 });
    await world.queue.enqueueClassification({ orgId, emailId: 'em_q1' });
    await world.queue.enqueueWorkflow({ source: 'email', orgId, emailId: 'em_q1' });
    await world.queue.send(outboxEntry('workflow', { source: 'event', orgId, eventId: 'evt_q1' }));
    const received = {
      events: await world.received('events'),
      classify: await world.received('classify'),
      workflow: await world.received('workflow'),
    };
    expect(received.events).toEqual([{ orgId, eventId: 'evt_q1', attempt: 2 }]);
    expect(received.classify).toEqual([{ orgId, emailId: 'em_q1' }]);
    expect(received.workflow).toEqual(
      expect.arrayContaining([
        { source: 'email', orgId, emailId: 'em_q1' },
        { source: 'event', orgId, eventId: 'evt_q1' },
      ]),
    );
    for (const queue of WORK_QUEUES) {
      for (const message of received[queue]) expect(QUEUE_MESSAGES[queue].parse(message)).toEqual(message);
    }
  });
});

describe.each(implementations())('DeadLetterQueue contract: $name', (implementation) => {
  it('counts what waits in a DLQ and moves it back to its queue', async () => {
    const world = await implementation.world();
    const { dlq, deadLetter } = world.deadLetters('classify');
    const messages = [1, 2, 3].map((n) => ({ orgId: world.orgId, emailId: `em_dead${n}` }));
    for (const message of messages) await deadLetter(message);
    expect(await dlq.waiting()).toBe(3);
    expect(await dlq.moveBack()).toEqual({ method: 'one-by-one', moved: 3, failed: 0 });
    expect(await dlq.waiting()).toBe(0);
    expect(await world.received('classify')).toEqual(expect.arrayContaining(messages));
  });
});
