import { describe, expect, it } from 'vitest';
import { runStagesIndependently, StagesFailedError } from '#platform/independent-stages.ts';

describe('runStagesIndependently', () => {
  it('runs every stage in order and answers what each gave', async () => {
    const order: string[] = [];
    const results = await runStagesIndependently({
      pages: async () => {
        order.push('pages');
        return { sent: 2 };
      },
      outbox: async () => {
        order.push('outbox');
        return { resent: 0 };
      },
    });
    expect(order).toEqual(['pages', 'outbox']);
    expect(results).toEqual({ pages: { sent: 2 }, outbox: { resent: 0 } });
  });

  it('runs the stages after a failed one, then fails the run naming every failure', async () => {
    const ran: string[] = [];
    const run = runStagesIndependently({
      queue: async () => {
        throw new Error('the topic is unavailable');
      },
      conversations: async () => {
        throw new Error('throttled');
      },
      outbox: async () => {
        ran.push('outbox');
        return { resent: 1 };
      },
    });
    await expect(run).rejects.toBeInstanceOf(StagesFailedError);
    await expect(run).rejects.toMatchObject({ failed: ['queue', 'conversations'] });
    expect(ran).toEqual(['outbox']);
  });
});
