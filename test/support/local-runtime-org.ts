import { afterAll, beforeAll } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '#lib/local/runtime.ts';
import { createTestOrg, type TestOrg } from './orgs.ts';

export interface LocalRuntimeWithOrg {
  readonly runtime: LocalRuntime;
  readonly org: TestOrg;
}

/**
 * The whole topology in this process (no schedules) and a fresh org, for the suite that calls it:
 * started before its tests, stopped after them. Read the fields inside tests, not at import.
 */
export function localRuntimeWithOrg(): LocalRuntimeWithOrg {
  const world = {} as { runtime: LocalRuntime; org: TestOrg };
  beforeAll(async () => {
    world.runtime = await startLocalRuntime({ schedules: false });
    world.org = await createTestOrg(world.runtime.resources.tables.main);
  }, 60_000);
  afterAll(async () => {
    await world.runtime?.stop();
  });
  return world;
}
