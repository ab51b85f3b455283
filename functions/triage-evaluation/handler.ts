import type { ScheduledEvent } from 'aws-lambda';
import { anthropicApiKey } from '#adapters/anthropic/anthropic-api-key.ts';
import { triageEngineFrom } from '#adapters/triage-engine.ts';
import type { TriageEngine } from '#domain/triage/triage.ts';
import { readFunctionConfig } from '#lib/function-config.ts';
import { systemClock } from '#platform/clock.ts';
import { instrumented } from '#platform/lambda.ts';
import { count, logger } from '#platform/observability.ts';
import { evaluateTriageNightly, type TriageEvaluationRun } from '#usecases/evaluate-triage.ts';
import { NIGHTLY_LABELLED_SET } from './labelled-set.ts';

const config = readFunctionConfig('triage-evaluation');
const floors = {
  categoryAccuracy: config.TRIAGE_FLOOR_CATEGORY_ACCURACY,
  emergencyRecall: config.TRIAGE_FLOOR_EMERGENCY_RECALL,
  falseEmergencyRate: config.TRIAGE_CEILING_FALSE_EMERGENCIES,
  injectionsToHuman: config.TRIAGE_FLOOR_INJECTIONS_TO_HUMAN,
};
/** Left for the figures and their metrics after the last message. */
const MARGIN_MS = 60_000;

/** Claude composed with the rules (triageEngineFrom), only when a key is set: never the rules alone. */
async function claudeEngine(): Promise<TriageEngine | undefined> {
  const apiKey = await anthropicApiKey(config);
  return apiKey ? triageEngineFrom({ ...config, ANTHROPIC_API_KEY: apiKey }) : undefined;
}

export const handler = instrumented(async (_event: ScheduledEvent, context): Promise<TriageEvaluationRun> => {
  const run = await evaluateTriageNightly(
    { claudeEngine, clock: systemClock },
    {
      labelled: NIGHTLY_LABELLED_SET,
      maxMessages: config.TRIAGE_EVALUATION_MAX_MESSAGES,
      floors,
      deadline: new Date(Date.now() + context.getRemainingTimeInMillis() - MARGIN_MS),
    },
  );
  if (run.status === 'skipped') {
    count('TriageEvaluationSkipped');
    logger.warn('nightly triage evaluation skipped', { reason: run.reason, triaged: run.triaged });
    return run;
  }
  const { figures } = run;
  count('TriageEvaluationMessages', figures.messages);
  count('TriageEvaluationCategoryCorrect', figures.categoryCorrect.hits);
  count('TriageEvaluationEmergencies', figures.emergenciesFound.of);
  count('TriageEvaluationEmergenciesFound', figures.emergenciesFound.hits);
  count('TriageEvaluationNonEmergencies', figures.falseEmergencies.of);
  count('TriageEvaluationFalseEmergencies', figures.falseEmergencies.hits);
  count('TriageEvaluationInjections', figures.injectionsToHuman.of);
  count('TriageEvaluationInjectionsToHuman', figures.injectionsToHuman.hits);
  count('TriageEvaluationLeftOut', run.leftOut);
  const summary = { figures, leftOut: run.leftOut, tokens: run.tokens, floors };
  if (run.breaches.length > 0)
    logger.error('nightly triage evaluation below the floor', { ...summary, breaches: run.breaches });
  else logger.info('nightly triage evaluation', summary);
  return run;
});
