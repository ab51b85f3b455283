import type { ApiKeyStore } from '#domain/access/ports.ts';
import type { Clock } from '#domain/clock.ts';
import { logger } from '#platform/observability.ts';

/** `lastUsedAt` is kept to the minute: finer would cost a write per request. */
export const LAST_USED_RESOLUTION_MS = 60_000;
const MEMO_ENTRIES = 10_000;

/**
 * Records that a key was used, at most once a minute per key: this instance remembers its own
 * writes (no table call at all in between), and the write is conditional on the stored time
 * being a minute old, so many instances together still write about once a minute. Never fails
 * the request: a lost last-used time is logged and skipped.
 */
export function apiKeyUseRecorder(deps: {
  readonly apiKeys: ApiKeyStore;
  readonly clock: Clock;
}): (keyId: string) => Promise<void> {
  const recentlyWritten = new Map<string, number>();
  return async (keyId) => {
    const now = deps.clock.now().getTime();
    const last = recentlyWritten.get(keyId);
    if (last !== undefined && now - last < LAST_USED_RESOLUTION_MS) return;
    if (recentlyWritten.size >= MEMO_ENTRIES) recentlyWritten.clear();
    // Remembered before the write: concurrent requests of this instance do not all try.
    recentlyWritten.set(keyId, now);
    try {
      await deps.apiKeys.recordUse(
        keyId,
        new Date(now).toISOString(),
        new Date(now - LAST_USED_RESOLUTION_MS).toISOString(),
      );
    } catch (error) {
      logger.warn('could not record the API key use', { keyId, error });
    }
  };
}
