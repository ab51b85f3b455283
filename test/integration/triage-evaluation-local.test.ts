import { afterEach, describe, expect, it, vi } from 'vitest';
import { startLocalRuntime } from '#lib/local/runtime.ts';
import { functionSpec } from '#lib/topology.ts';

// `npm start` runs the nightly triage evaluation (it calls Claude: it costs money) only when
// AICTIVE_NIGHTLY_TRIAGE_EVALUATION is `true`; otherwise the function is not even loaded.
const SWITCH = functionSpec('triage-evaluation').optIn.env;

afterEach(() => {
  vi.unstubAllEnvs();
});

async function loadedFunctions(extraEnv: Record<string, string>): Promise<string[]> {
  const runtime = await startLocalRuntime({ schedules: false, isolated: false, extraEnv });
  try {
    return Object.keys(runtime.environments);
  } finally {
    await runtime.stop();
  }
}

describe('the nightly triage evaluation under npm start', () => {
  it(`is not loaded unless ${SWITCH}=true`, async () => {
    vi.stubEnv(SWITCH, undefined);
    const byDefault = await loadedFunctions({});
    expect(byDefault).toContain('sweeper');
    expect(byDefault).not.toContain('triage-evaluation');
    expect(await loadedFunctions({ [SWITCH]: 'true' })).toContain('triage-evaluation');
  }, 120_000);
});
