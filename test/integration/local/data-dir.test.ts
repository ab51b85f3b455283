import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirInUseError } from '#lib/local/data-dir.ts';
import { startEmulators } from '#lib/local/emulators.ts';
import { readLocalEndpoints } from '#lib/local/endpoints-file.ts';
import { queues, tables, topics } from '#lib/topology.ts';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'aictive-datadir-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The id of a process that has exited (so nothing runs under it now). */
function goneProcessId(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

describe('the local data directory', () => {
  it('is created readable by its owner only', async () => {
    const dataDir = join(root, 'fresh', 'data');
    const emulators = await startEmulators({ dataDir });
    await emulators.stop();
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
  });

  it('is refused to a second stack while one runs, naming the holder, and free again after a stop', async () => {
    const dataDir = join(root, 'shared');
    const first = await startEmulators({ dataDir });
    try {
      const second = startEmulators({ dataDir });
      await expect(second).rejects.toBeInstanceOf(DataDirInUseError);
      await expect(second).rejects.toThrow(`in use by another npm start (pid ${process.pid})`);
    } finally {
      await first.stop();
    }
    const again = await startEmulators({ dataDir });
    await again.stop();
  });

  it('is taken over from a holder that is gone (killed without stopping)', async () => {
    const dataDir = join(root, 'stale');
    const emulators = await startEmulators({ dataDir });
    await emulators.stop();
    await writeFile(join(dataDir, 'npm-start.pid'), `${goneProcessId()}\n`);
    const restarted = await startEmulators({ dataDir });
    expect((await readFile(join(dataDir, 'npm-start.pid'), 'utf8')).trim()).toBe(String(process.pid));
    await restarted.stop();
  });

  it('does not pass off an endpoints file left by a process that is gone as a running stack', async () => {
    const dataDir = join(root, 'endpoints');
    const emulators = await startEmulators({ dataDir });
    await emulators.stop();
    const pid = goneProcessId();
    const address = {
      pid,
      endpoints: { dynamoEndpoint: 'http://127.0.0.1:1', sqsEndpoint: 'http://127.0.0.1:2' },
      resources: {
        tables: Object.fromEntries(Object.keys(tables).map((name) => [name, name])),
        queues: Object.fromEntries(
          queues.map(({ name }) => [name, { url: name, arn: name, dlqUrl: name, dlqArn: name }]),
        ),
        topics: Object.fromEntries(
          Object.keys(topics).map((name) => [name, { arn: name, queueUrl: name, queueArn: name }]),
        ),
      },
    };
    await writeFile(join(dataDir, 'local-endpoints.json'), JSON.stringify(address));
    await expect(readLocalEndpoints(dataDir)).rejects.toThrow(`npm start pid ${pid}, which has stopped`);
  });
});
