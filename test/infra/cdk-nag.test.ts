import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, describe, expect, it } from 'vitest';
import { addAictiveStacks } from '#lib/aws/aictive-app.ts';

const cdkContext = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')).context;
const outdirs: string[] = [];

function build(context: Record<string, unknown> = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'aictive-cdk-nag-'));
  outdirs.push(outdir);
  const app = new App({ outdir, context: { ...cdkContext, ...context, 'aws:cdk:bundling-stacks': [] } });
  return { app, stacks: addAictiveStacks(app) };
}

afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

describe('cdk-nag AwsSolutions checks', () => {
  it.each([
    ['defaults', {}],
    [
      'CORS and an alarm email',
      { allowedOrigins: 'https://app.example.com', alarmEmail: 'oncall@example.com' },
    ],
  ])('leave no unacknowledged finding in the synthesized app (%s)', (_, context) => {
    const { app } = build(context);
    // Synthesis resolves cross-stack references exactly as `cdk synth` does, and runs the checks.
    expect(() => app.synth()).not.toThrow();
    const report = new AwsSolutionsChecks(app).validateScope(app);
    const findings = report.violations.map(
      (v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
    );
    expect(findings).toEqual([]);
  });

  it('run on every synthesis: a construct that breaks a rule fails it', () => {
    const { app, stacks } = build();
    new Queue(stacks.service, 'UnencryptedQueue', { encryption: QueueEncryption.UNENCRYPTED });
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS2[\s\S]*Aictive-dev-Service\/UnencryptedQueue/);
  });

  it('acknowledge each exception with a written reason', () => {
    const { app } = build({ allowedOrigins: 'https://app.example.com' });
    const acknowledgements = app.node
      .findAll()
      .flatMap((construct) => construct.node.metadata)
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>));
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const [id, reason] of acknowledgements) {
      expect(id).toMatch(/AwsSolutions-[A-Z]+\d+/);
      expect(reason.length, id).toBeGreaterThan(40);
    }
  });
});
