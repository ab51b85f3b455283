import { Duration } from 'aws-cdk-lib';
import { ComparisonOperator, MathExpression, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { SettingName } from '#platform/config.ts';
import type { MetricName } from '#platform/metric-catalogue.ts';
import type { AictiveFunction } from './aictive-function.ts';
import { platformMetric } from './platform-metric.ts';

/** The evaluation runs once a day: a figure is the day's pair of counts, divided. */
const DAY = Duration.days(1);

/** Each figure: the counts it divides, the setting holding its floor, and which side is bad. */
export const TRIAGE_FIGURE_ALARMS: readonly {
  readonly id: string;
  readonly hits: MetricName;
  readonly of: MetricName;
  readonly floor: SettingName;
  readonly fires: 'below' | 'above';
  readonly what: string;
}[] = [
  {
    id: 'TriageCategoryAccuracy',
    hits: 'TriageEvaluationCategoryCorrect',
    of: 'TriageEvaluationMessages',
    floor: 'TRIAGE_FLOOR_CATEGORY_ACCURACY',
    fires: 'below',
    what: 'category accuracy',
  },
  {
    id: 'TriageEmergencyRecall',
    hits: 'TriageEvaluationEmergenciesFound',
    of: 'TriageEvaluationEmergencies',
    floor: 'TRIAGE_FLOOR_EMERGENCY_RECALL',
    fires: 'below',
    what: 'emergency recall',
  },
  {
    id: 'TriageFalseEmergencies',
    hits: 'TriageEvaluationFalseEmergencies',
    of: 'TriageEvaluationNonEmergencies',
    floor: 'TRIAGE_CEILING_FALSE_EMERGENCIES',
    fires: 'above',
    what: 'false-emergency rate',
  },
  {
    id: 'TriageInjectionsToHuman',
    hits: 'TriageEvaluationInjectionsToHuman',
    of: 'TriageEvaluationInjections',
    floor: 'TRIAGE_FLOOR_INJECTIONS_TO_HUMAN',
    fires: 'below',
    what: 'share of prompt injections sent to a person (needsHuman)',
  },
];

/** A figure as CloudWatch computes it from the day's counts (no figure when nothing was labelled so). */
export function triageFigure(figure: (typeof TRIAGE_FIGURE_ALARMS)[number], service: string): MathExpression {
  // Ids unique per figure: the dashboard graphs the four in one widget.
  const key = figure.id.charAt(0).toLowerCase() + figure.id.slice(1);
  return new MathExpression({
    label: figure.what,
    expression: `FILL(${key}Hits, 0) / ${key}Of`,
    period: DAY,
    usingMetrics: {
      [`${key}Hits`]: platformMetric(figure.hits, service, DAY),
      [`${key}Of`]: platformMetric(figure.of, service, DAY),
    },
  });
}

export interface TriageEvaluationAlarmsProps {
  readonly topic: ITopic;
  readonly evaluation: AictiveFunction;
  /** The function's environment: the floors it reports against are the alarms' thresholds. */
  readonly environment: Readonly<Record<string, string>>;
}

/**
 * Quality drift, heard: one alarm per figure of the nightly triage evaluation, on the figure
 * CloudWatch computes from the run's counts, against the platform's floor (one per deployment).
 * No run, a skipped run, or a run with no such labelled message publishes no figure: not a breach.
 */
export class TriageEvaluationAlarms extends Construct {
  constructor(scope: Construct, id: string, { topic, evaluation, environment }: TriageEvaluationAlarmsProps) {
    super(scope, id);
    const action = new SnsAction(topic);
    const service = evaluation.spec.name;
    for (const figure of TRIAGE_FIGURE_ALARMS) {
      const floor = Number(environment[figure.floor]);
      if (!Number.isFinite(floor)) throw new Error(`${service} has no ${figure.floor}`);
      const alarm = triageFigure(figure, service).createAlarm(this, figure.id, {
        alarmDescription: `The nightly triage evaluation's ${figure.what} is ${figure.fires} the platform's ${figure.fires === 'below' ? 'floor' : 'ceiling'} of ${floor} (${figure.floor}): Claude's triage drifted (a model change, a prompt change, a new kind of message). The run's log line "nightly triage evaluation below the floor" has every figure; \`aictive eval --engine claude\` on the tune files reproduces it.`,
        threshold: floor,
        comparisonOperator:
          figure.fires === 'below'
            ? ComparisonOperator.LESS_THAN_THRESHOLD
            : ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
    }
  }
}
