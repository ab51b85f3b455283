import { describe, expect, it } from 'vitest';
import { queueItemExpiresAt, queueItemKept } from '#domain/desk/retention.ts';
import { finishItem } from '#domain/desk/transitions.ts';
import { queuedItem } from '#test/support/queue-items.ts';

const DAY = 86_400_000;

describe('queue item retention', () => {
  it('a done item expires 90 days after it was done; an open one never', () => {
    const open = queuedItem('org-a', 'c1', '2026-06-01T10:00:00.000Z');
    expect(queueItemExpiresAt(open)).toBeUndefined();
    expect(queueItemKept(open, new Date('2099-01-01T00:00:00.000Z'))).toBe(true);
    const doneAt = new Date('2026-06-02T10:00:00.000Z');
    const finished = finishItem(open, 'system', doneAt);
    if (finished.outcome !== 'changed') throw new Error('not finished');
    expect(queueItemExpiresAt(finished.item)).toBe(new Date(doneAt.getTime() + 90 * DAY).toISOString());
    expect(queueItemKept(finished.item, new Date(doneAt.getTime() + 90 * DAY - 1))).toBe(true);
    expect(queueItemKept(finished.item, new Date(doneAt.getTime() + 90 * DAY))).toBe(false);
  });
});
