import { count, logger } from './observability.ts';

/** Some stages of a run failed; the others ran. Thrown after all of them, so the run is seen to fail. */
export class StagesFailedError extends Error {
  constructor(readonly failed: readonly string[]) {
    super(`stages failed: ${failed.join(', ')}`);
    this.name = 'StagesFailedError';
  }
}

type Stages = Record<string, () => Promise<unknown>>;
export type StageResults<S extends Stages> = { [K in keyof S]: Awaited<ReturnType<S[K]>> };

/**
 * Runs each stage in order, each whatever became of the ones before (one store or topic outage
 * must not hold up the rest: the sweeper's outbox re-send above all). A failed stage is logged
 * and counted (`SweepStageFailed`); once every stage ran, any failure fails the run.
 */
export async function runStagesIndependently<S extends Stages>(stages: S): Promise<StageResults<S>> {
  const results: Partial<Record<keyof S, unknown>> = {};
  const failed: string[] = [];
  for (const [name, stage] of Object.entries(stages)) {
    try {
      results[name as keyof S] = await stage();
    } catch (error) {
      failed.push(name);
      count('SweepStageFailed');
      logger.error('a stage of the run failed; the others run', { stage: name, error });
    }
  }
  if (failed.length > 0) throw new StagesFailedError(failed);
  return results as StageResults<S>;
}
