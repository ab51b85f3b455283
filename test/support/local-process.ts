import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LocalProcess {
  readonly url: string;
  readonly pid: number;
  readonly output: () => string;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const REPO_ROOT = new URL('../../', import.meta.url);

/** Runs `npm start`'s entry point as its own process on a random port, as a user would. */
export async function startLocalProcess(
  env: Record<string, string>,
  dataDir?: string,
): Promise<LocalProcess & { dataDir: string }> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'aictive-e2e-')));
  const child = spawn(process.execPath, ['--import', 'tsx', 'bin/local.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: '0',
      // Parallel runs never share the inbound mail port.
      SMTP_PORT: '0',
      AICTIVE_DATA_DIR: dir,
      POWERTOOLS_LOG_LEVEL: 'ERROR',
      // The simulator's own edits off: a test that wants them says so.
      AICTIVE_SIMULATOR_ACTIVITY_SECONDS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectOutput(child);
  const url = await waitForUrl(child, output);
  return {
    url,
    pid: child.pid as number,
    dataDir: dir,
    output,
    stop: (signal = 'SIGTERM') => stopChild(child, signal),
  };
}

/** Everything a child process writes, stdout and stderr interleaved as it arrives. */
export function collectOutput(child: ChildProcess): () => string {
  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return () => output;
}

function waitForUrl(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`local runtime did not start in time:\n${output()}`));
    }, 30_000);
    const check = () => {
      const match = /API\s+(http:\/\/127\.0\.0\.1:\d+)\/v1/.exec(output());
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout?.off('data', check);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`local runtime exited with ${code}:\n${output()}`));
    });
  });
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    child.kill(signal);
  });
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Polls until `check` returns a value, for at most `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}
