import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_RESOURCES } from '#domain/rentvine/ports.ts';
import { eventually, type LocalProcess, removeDir, startLocalProcess } from '#test/support/local-process.ts';

interface SyncLog {
  message?: string;
  orgs?: { orgId: string; resources?: { resource: string; ok: boolean; created: number }[] }[];
}

/** The rentvine-sync function's summary lines in npm start's output (one JSON line per log). */
function syncLogs(output: string): SyncLog[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{') && line.includes('"Rentvine sync"'))
    .map((line) => JSON.parse(line) as SyncLog);
}

describe('npm start runs the Rentvine sync once at start', () => {
  let local: LocalProcess & { dataDir: string };
  beforeAll(async () => {
    // The functions log at INFO, one JSON line each, as a user starts it.
    local = await startLocalProcess({ POWERTOOLS_LOG_LEVEL: 'INFO', POWERTOOLS_DEV: '' });
  });
  afterAll(async () => {
    await local?.stop();
    if (local) await removeDir(local.dataDir);
  });

  it("brings org demo's snapshots from the simulator without waiting for the schedule", async () => {
    const [first] = await eventually(async () => {
      const logs = syncLogs(local.output());
      return logs.length > 0 ? logs : undefined;
    });
    const demo = first?.orgs?.find((org) => org.orgId === 'demo');
    expect(demo?.resources?.map((r) => r.resource)).toEqual([...SYNC_RESOURCES]);
    expect(demo?.resources?.every((r) => r.ok)).toBe(true);
    expect(demo?.resources?.find((r) => r.resource === 'units')?.created).toBe(300);
  });
});
