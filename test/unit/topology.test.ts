import { describe, expect, it } from 'vitest';
import { functions, messageLifetimeSeconds, queues, visibilityTimeoutSeconds } from '#lib/topology.ts';

describe('topology', () => {
  it('lets the sweeper re-send only what has outlived every redelivery of its own queue', () => {
    for (const queue of queues) {
      expect(messageLifetimeSeconds(queue.name)).toBe(
        queue.maxReceiveCount * visibilityTimeoutSeconds(queue.name),
      );
    }
    // An emergency waits on the workflow queue's lifetime, not on the slowest queue's.
    expect(messageLifetimeSeconds('workflow')).toBeLessThan(messageLifetimeSeconds('classify'));
  });

  it('names every function, route and queue consumer once', () => {
    const names = functions.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    const routes = functions.flatMap((f) =>
      'routes' in f ? f.routes.map((r) => `${r.method} ${r.path}`) : [],
    );
    expect(new Set(routes).size).toBe(routes.length);
    const consumed = functions.flatMap((f) => ('consumes' in f ? [f.consumes.queue] : []));
    expect(consumed.sort()).toEqual(queues.map((q) => q.name).sort());
  });
});
