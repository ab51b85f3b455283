import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectOutput } from '#test/support/local-process.ts';

const RUN = fileURLToPath(new URL('../../support/stranded-work-run.ts', import.meta.url));
/** Far above a run's few seconds; the run's own waits are bounded below this. */
const RUN_DEADLINE_MS = 50_000;

/** One local runtime run in its own process; resolves with the RESULT line it printed. */
function run(...args: string[]): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--no-warnings', RUN, ...args], {
      env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'SILENT' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = collectOutput(child);
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_DEADLINE_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      const line = output()
        .split('\n')
        .find((l) => l.startsWith('RESULT '));
      if (code !== 0 || !line) reject(new Error(`run ${args[0]} ended with ${code}:\n${output()}`));
      else resolve(JSON.parse(line.slice('RESULT '.length)) as Record<string, unknown>);
    });
  });
}

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'aictive-stranded-'));
});
afterAll(async () => rm(dataDir, { recursive: true, force: true }));

describe('a local runtime stopped right after an emergency email was classified', () => {
  it('starts the email’s workflow on the next start: nothing accepted is stranded in a lost queue', async () => {
    const submitted = await run('submit', dataDir);
    expect(submitted.classified).toMatchObject({ category: 'maintenance_emergency' });

    const resumed = await run('resume', dataDir, String(submitted.emailId));
    expect(resumed.workflow).toMatchObject({
      type: 'maintenance_emergency',
      state: 'approve_dispatch',
      source: { kind: 'email', emailId: submitted.emailId },
    });
  }, 120_000);
});
