import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { addAictiveStacks } from '#lib/aws/aictive-app.ts';
import { functionBuildOptions } from '#lib/function-bundling.ts';
import { functionSpec } from '#lib/topology.ts';
import { HELD_OUT_FILES, TUNING_FILES } from '#test/support/labelled-sets.ts';

// The nightly triage evaluation costs money, so a deployment has it only when its context asks.
const cdkContext = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')).context;
const outdirs: string[] = [];
afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

function synth(context: Record<string, unknown> = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'aictive-cdk-nightly-'));
  outdirs.push(outdir);
  const app = new App({ outdir, context: { ...cdkContext, ...context, 'aws:cdk:bundling-stacks': [] } });
  const stacks = addAictiveStacks(app);
  return { app, stacks, service: Template.fromStack(stacks.service) };
}

/** A template's resources, as the assertions library types them. */
type Resources = ReturnType<Template['findResources']>;

function evaluationFunction(resources: Resources) {
  return Object.entries(resources).filter(
    ([, r]) =>
      r.Type === 'AWS::Lambda::Function' &&
      r.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'triage-evaluation',
  );
}

const mentionsEvaluation = (resources: Resources) =>
  Object.entries(resources).filter(
    ([id, r]) => id.startsWith('TriageEvaluation') || JSON.stringify(r).includes('TriageEvaluation'),
  );

const figureAlarms = (resources: Resources) =>
  Object.values(resources).filter(
    (r) =>
      r.Type === 'AWS::CloudWatch::Alarm' &&
      JSON.stringify(r.Properties.Metrics ?? []).includes('TriageEvaluation'),
  );

describe('the nightly triage evaluation in AWS', () => {
  it('is absent by default: no function, schedule, alarm or grant', () => {
    const resources = synth().service.toJSON().Resources as Resources;
    expect(evaluationFunction(resources)).toHaveLength(0);
    expect(mentionsEvaluation(resources)).toEqual([]);
    // `-c nightlyTriageEvaluation=false` is the same as leaving it out.
    const off = synth({ nightlyTriageEvaluation: 'false' }).service.toJSON().Resources as Resources;
    expect(evaluationFunction(off)).toHaveLength(0);
  });

  // As `-c nightlyTriageEvaluation=true` gives it: a string.
  const { stacks, service } = synth({ nightlyTriageEvaluation: 'true' });
  const resources = service.toJSON().Resources as Resources;
  const [[functionId, fn] = ['', undefined]] = evaluationFunction(resources);

  it('is present with the flag: one function, once a day, one run at a time, never retried', () => {
    expect(fn?.Properties).toMatchObject({
      Runtime: 'nodejs24.x',
      Timeout: functionSpec('triage-evaluation').timeoutSeconds,
      ReservedConcurrentExecutions: 1,
    });
    const rules = Object.values(resources).filter(
      (r) => r.Type === 'AWS::Events::Rule' && JSON.stringify(r.Properties.Targets).includes(functionId),
    );
    expect(rules.map((r) => r.Properties.ScheduleExpression)).toEqual(['rate(1 day)']);
    service.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: functionId },
      MaximumRetryAttempts: 0,
    });
  });

  it('caps the messages per run and carries the floors as its settings (the defaults)', () => {
    expect(fn?.Properties.Environment.Variables).toMatchObject({
      TRIAGE_EVALUATION_MAX_MESSAGES: '150',
      TRIAGE_FLOOR_CATEGORY_ACCURACY: '0.85',
      TRIAGE_FLOOR_EMERGENCY_RECALL: '1',
      TRIAGE_CEILING_FALSE_EMERGENCIES: '0.05',
      TRIAGE_FLOOR_INJECTIONS_TO_HUMAN: '1',
    });
  });

  it('alarms on each figure against its floor, to the alarm topic, both ways', () => {
    const alarms = figureAlarms(resources).map((r) => r.Properties);
    const hitsOf = (a: (typeof alarms)[number]): string =>
      a.Metrics.find((m: { Id: string }) => m.Id.endsWith('Hits')).MetricStat.Metric.MetricName;
    // The figure each alarm watches (by its hits count): the floor, and which side of it fires.
    const below = 'LessThanThreshold';
    expect(Object.fromEntries(alarms.map((a) => [hitsOf(a), [a.Threshold, a.ComparisonOperator]]))).toEqual({
      TriageEvaluationCategoryCorrect: [0.85, below],
      TriageEvaluationEmergenciesFound: [1, below],
      TriageEvaluationFalseEmergencies: [0.05, 'GreaterThanThreshold'],
      TriageEvaluationInjectionsToHuman: [1, below],
    });
    const dashboards = Object.values(resources).filter((r) => r.Type === 'AWS::CloudWatch::Dashboard');
    expect(JSON.stringify(dashboards)).toContain('Nightly triage quality');
    for (const alarm of alarms) {
      expect(alarm.Metrics[0].Expression).toMatch(/^FILL\((\w+)Hits, 0\) \/ \1Of$/);
      expect(alarm.Metrics[1].MetricStat).toMatchObject({ Period: 86400, Stat: 'Sum' });
      expect(alarm.Metrics[1].MetricStat.Metric.Dimensions).toEqual([
        { Name: 'service', Value: 'triage-evaluation' },
      ]);
      expect(alarm.TreatMissingData).toBe('notBreaching');
      expect(JSON.stringify(alarm.AlarmActions)).toContain('AlarmTopic');
      expect(JSON.stringify(alarm.OKActions)).toContain('AlarmTopic');
    }
  });

  it('takes the floors and the cap from the context: one floor per deployment', () => {
    const tuned = synth({
      nightlyTriageEvaluation: true,
      triageFloorCategoryAccuracy: '0.9',
      triageCeilingFalseEmergencies: 0.02,
      triageEvaluationMaxMessages: '40',
    }).service.toJSON().Resources as Resources;
    const [[, tunedFn] = ['', undefined]] = evaluationFunction(tuned);
    expect(tunedFn?.Properties.Environment.Variables).toMatchObject({
      TRIAGE_EVALUATION_MAX_MESSAGES: '40',
      TRIAGE_FLOOR_CATEGORY_ACCURACY: '0.9',
      TRIAGE_CEILING_FALSE_EMERGENCIES: '0.02',
    });
    const thresholds = figureAlarms(tuned)
      .map((r) => r.Properties.Threshold)
      .sort();
    expect(thresholds).toEqual([0.02, 0.9, 1, 1]);
    expect(() => synth({ nightlyTriageEvaluation: true, triageFloorEmergencyRecall: '1.5' })).toThrow(
      /invalid CDK context/,
    );
  });

  it('is granted the Anthropic secret and nothing else (no table, no queue)', () => {
    const roleId = fn?.Properties.Role['Fn::GetAtt'][0];
    const statements = Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles).includes(roleId))
      .flatMap(
        (r) => r.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[],
      );
    const anthropicSecret = stacks.stateful.resolve(stacks.stateful.secrets.anthropicApiKey?.secretArn);
    const actions = statements.flatMap((s) => [s.Action].flat()).sort();
    expect(actions).toEqual([
      'kms:Decrypt',
      'secretsmanager:DescribeSecret',
      'secretsmanager:GetSecretValue',
      'xray:PutTelemetryRecords',
      'xray:PutTraceSegments',
    ]);
    for (const statement of statements) {
      const actionsOf = [statement.Action].flat();
      if (actionsOf.some((a) => a.startsWith('secretsmanager:')))
        expect(JSON.stringify(statement.Resource)).toContain('AnthropicApiKey');
      // kms:Decrypt only through Secrets Manager (the secret's key).
      if (actionsOf.includes('kms:Decrypt')) expect(JSON.stringify(statement)).toContain('kms:ViaService');
    }
    expect(anthropicSecret).toBeDefined();
    const variables = Object.keys(fn?.Properties.Environment.Variables ?? {});
    expect(variables.filter((v) => /TABLE|QUEUE|RENTVINE|WEBHOOK|PEPPER/.test(v))).toEqual([]);
  });
});

describe('the stage with the nightly evaluation', () => {
  it('synthesizes with no unacknowledged cdk-nag finding', () => {
    const { app } = synth({ nightlyTriageEvaluation: true });
    expect(() => app.synth()).not.toThrow();
    const report = new AwsSolutionsChecks(app).validateScope(app);
    expect(report.violations.map((v) => v.ruleName)).toEqual([]);
  });
});

describe('the labelled set bundled with the function', () => {
  const fixture = (file: string) =>
    readFileSync(new URL(`../fixtures/triage/${file}`, import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { id: string }).id);

  it('carries every tune message and no held-out one', async () => {
    const bundled = await build({
      ...functionBuildOptions(),
      entryPoints: [new URL('../../functions/triage-evaluation/handler.ts', import.meta.url).pathname],
      write: false,
      outfile: 'handler.mjs',
    });
    const text = bundled.outputFiles.map((file) => file.text).join('');
    // A message is bundled when its line is: look for its id field, since a bare id such as
    // "t-123" also occurs in minified library arithmetic.
    const present = (id: string) => new RegExp(`"id":\\s*"${id}"`).test(text);
    // Every labelled file of the folder is listed as tuning or held out, and bundled accordingly.
    const files = readdirSync(new URL('../fixtures/triage/', import.meta.url)).filter((f) =>
      f.endsWith('.jsonl'),
    );
    const tuningFiles = Object.values(TUNING_FILES).flat();
    expect([...tuningFiles, ...HELD_OUT_FILES].sort()).toEqual([...files].sort());
    const tune = tuningFiles.flatMap(fixture);
    const holdout = HELD_OUT_FILES.flatMap(fixture);
    expect(tune.length).toBeGreaterThan(500);
    expect(holdout.length).toBeGreaterThan(100);
    expect(tune.filter((id) => !present(id))).toEqual([]);
    expect(holdout.filter(present)).toEqual([]);
  });
});
