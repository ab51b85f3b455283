/**
 * What one instance knows of its keys' current windows, so that a burst reaching one instance
 * (`npm start`, or many requests on a warm Lambda) is not all sent to the store at once:
 * - at most `limit` requests of a key are admitted or being counted at a time, so a burst sends
 *   the store no more than the limit, and the rest are refused here at once (none of them could
 *   have been admitted unless one being counted turns out undecided);
 * - once the store says a window is used up, the instance refuses it for the rest of the window;
 * - when the store cannot count, the instance admits at most the limit itself: failing open is
 *   bounded per instance, never unlimited.
 * Memory is bounded: past MAX_KEYS keys the tally starts afresh (it only ever saves work and
 * bounds failing open; the store's count is what holds the limit).
 */
const MAX_KEYS = 10_000;

interface KeyWindow {
  readonly startSeconds: number;
  admitted: number;
  counting: number;
  /** The limit the store refused at; a window is used up for any limit up to it. */
  usedUpAtLimit: number;
}

/** How a request that was being counted ended. */
export type TallyOutcome = 'admitted' | 'used-up' | 'undecided';

export interface TallyTicket {
  /** The requests this instance admitted in the window, once this one settled. */
  settle(outcome: TallyOutcome): number;
}

export class InstanceTally {
  private readonly windows = new Map<string, KeyWindow>();

  /** Starts counting a request of the key; undefined: refuse it without asking the store. */
  begin(keyId: string, windowStartSeconds: number, limit: number): TallyTicket | undefined {
    const window = this.windowOf(keyId, windowStartSeconds);
    if (limit <= window.usedUpAtLimit || window.admitted + window.counting >= limit) return undefined;
    window.counting += 1;
    let settled = false;
    return {
      settle: (outcome) => {
        if (!settled) {
          settled = true;
          window.counting -= 1;
          if (outcome === 'admitted') window.admitted += 1;
          if (outcome === 'used-up') window.usedUpAtLimit = Math.max(window.usedUpAtLimit, limit);
        }
        return window.admitted;
      },
    };
  }

  private windowOf(keyId: string, startSeconds: number): KeyWindow {
    const known = this.windows.get(keyId);
    if (known?.startSeconds === startSeconds) return known;
    const fresh: KeyWindow = { startSeconds, admitted: 0, counting: 0, usedUpAtLimit: 0 };
    // A late request of a window already over is counted by the store alone.
    if (known && known.startSeconds > startSeconds) return fresh;
    if (!known && this.windows.size >= MAX_KEYS) this.windows.clear();
    // A request still being counted in an older window settles on its own (now detached) entry.
    this.windows.set(keyId, fresh);
    return fresh;
  }
}
