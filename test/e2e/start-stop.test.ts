import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCAL_ENDPOINTS_FILE } from '#lib/local/endpoints-file.ts';
import { removeDir, startLocalProcess } from '#test/support/local-process.ts';

const REPO_ROOT = new URL('../../', import.meta.url);
const START = ['--import', 'tsx', 'bin/local.ts'];

/** `npm start`'s entry point, run to its end; stderr's lines. */
function runToEnd(env: Record<string, string>) {
  const result = spawnSync(process.execPath, START, {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', SMTP_PORT: '0', POWERTOOLS_LOG_LEVEL: 'ERROR', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, lines: result.stderr.split('\n').filter((line) => line.length > 0) };
}

describe('npm start on a data directory', () => {
  it('refuses a second start on a directory in use with one line naming the holder, exit 1', async () => {
    const first = await startLocalProcess({});
    try {
      const second = runToEnd({ AICTIVE_DATA_DIR: first.dataDir });
      expect(second.status).toBe(1);
      expect(second.lines).toEqual([
        `npm start failed: ${first.dataDir} is in use by another npm start (pid ${first.pid}): stop that one, or set AICTIVE_DATA_DIR to another directory`,
      ]);
      // The first one is untouched.
      expect((await fetch(`${first.url}/health`)).status).toBe(200);
    } finally {
      await first.stop();
      await removeDir(first.dataDir);
    }
  });

  it('leaves no endpoints file (nor its claim) behind after a Ctrl-C during start-up', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'aictive-e2e-sigint-'));
    const endpoints = join(dataDir, LOCAL_ENDPOINTS_FILE);
    const child = spawn(process.execPath, START, {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PORT: '0',
        SMTP_PORT: '0',
        AICTIVE_DATA_DIR: dataDir,
        POWERTOOLS_LOG_LEVEL: 'ERROR',
      },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      // The endpoints file is written mid-way through start-up (before the functions load).
      for (let waited = 0; !existsSync(endpoints) && waited < 30_000; waited += 10)
        await new Promise((r) => setTimeout(r, 10));
      expect(existsSync(endpoints)).toBe(true);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(existsSync(endpoints)).toBe(false);
      expect(existsSync(join(dataDir, 'npm-start.pid'))).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await removeDir(dataDir);
    }
  });

  it('refuses a dev API key shorter than 16 characters with one line, exit 1', () => {
    const result = runToEnd({ AICTIVE_DEV_API_KEY: 'x' });
    expect(result.status).toBe(1);
    expect(result.lines).toEqual([
      'config error: AICTIVE_DEV_API_KEY: must be at least 16 characters (it is an admin key)',
    ]);
  });
});
