import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type LocalProcess, removeDir, startLocalProcess } from '#test/support/local-process.ts';

const API_KEY = 'e2e-logs-api-key-not-a-real-secret';

let local: LocalProcess & { dataDir: string };

beforeAll(async () => {
  // As a user starts it: the functions log at INFO, with npm start's own defaults.
  local = await startLocalProcess({
    AICTIVE_DEV_API_KEY: API_KEY,
    POWERTOOLS_LOG_LEVEL: 'INFO',
    AICTIVE_LOCAL_LOG_LEVEL: 'info',
    POWERTOOLS_DEV: '',
  });
});
afterAll(async () => {
  await local?.stop();
  if (local) await removeDir(local.dataDir);
});

describe('npm start logs a person can read', () => {
  it('prints a line per request and per message, and each function log as one JSON line named by its function', async () => {
    const response = await fetch(`${local.url}/v1/emails`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        messageId: '<gas-logs@example.com>',
        from: 'tenant@example.com',
        subject: 'Gas smell in the kitchen',
        text: 'I can smell gas in the kitchen of unit 2.',
      }),
    });
    expect(response.status).toBe(202);
    const workflowLog = await eventually(async () =>
      local
        .output()
        .split('\n')
        .find((line) => line.startsWith('{') && line.includes('"workflow start"')),
    );
    expect(JSON.parse(workflowLog)).toMatchObject({
      level: 'INFO',
      service: 'workflow',
      function_name: 'workflow',
    });
    // The classifier's line is printed when its batch settles, which can be after the workflow it
    // started has logged: waited for, not read at once.
    await eventually(async () =>
      local
        .output()
        .split('\n')
        .find((line) => / {2}classifier ok {2}queue=classify /.test(line)),
    );
    const lines = local.output().split('\n');
    expect(lines.some((line) => / {2}POST \/v1\/emails {2}status=202 /.test(line))).toBe(true);
    // Nothing of a function's log spills over several lines: every line that opens a JSON object closes it.
    for (const line of lines.filter((candidate) => candidate.startsWith('{')))
      expect(() => JSON.parse(line)).not.toThrow();
    expect(lines).not.toContain('{');
  });
});
