import { describe, expect, it } from 'vitest';
import { SideEffectInProgressError } from '#domain/messaging/side-effects.ts';
import { implementations } from './implementations.ts';

describe.each(implementations())('IdempotencyLedger contract: $name', (implementation) => {
  it('runs an effect once per key; a repeat gets the first result without running', async () => {
    const world = await implementation.world();
    const effect = { orgId: world.orgId, key: 'wf_1#create-work-order' };
    let runs = 0;
    const write = async () => {
      runs += 1;
      return { workOrderId: `wo-${runs}` };
    };
    expect(await world.ledger.once(effect, write)).toEqual({ workOrderId: 'wo-1' });
    expect(await world.ledger.once(effect, write)).toEqual({ workOrderId: 'wo-1' });
    expect(runs).toBe(1);
    // Another key, or the same key of another org, is another effect.
    expect(await world.ledger.once({ ...effect, key: 'wf_1#notify' }, write)).toEqual({
      workOrderId: 'wo-2',
    });
    expect(await world.ledger.once({ ...effect, orgId: `${world.orgId}-b` }, write)).toEqual({
      workOrderId: 'wo-3',
    });
  });

  it('forgets a run that failed, so the retry runs it', async () => {
    const world = await implementation.world();
    const effect = { orgId: world.orgId, key: 'wf_2#send-mail' };
    await expect(
      world.ledger.once(effect, async () => {
        throw new Error('Rentvine answered 503');
      }),
    ).rejects.toThrow('Rentvine answered 503');
    expect(await world.ledger.once(effect, async () => 'sent')).toBe('sent');
  });

  it('refuses a repeat while the first run is still going', async () => {
    const world = await implementation.world();
    const effect = { orgId: world.orgId, key: 'wf_3#approve' };
    let finish: (value: string) => void = () => undefined;
    const first = world.ledger.once(effect, () => new Promise<string>((resolve) => (finish = resolve)));
    // Let the first run claim the key.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(world.ledger.once(effect, async () => 'second')).rejects.toBeInstanceOf(
      SideEffectInProgressError,
    );
    finish('first');
    expect(await first).toBe('first');
    expect(await world.ledger.once(effect, async () => 'third')).toBe('first');
  });
});
