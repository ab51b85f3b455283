import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { addAictiveStacks } from '#lib/aws/aictive-app.ts';

/**
 * The pages topic as CDK builds it: encrypted and SSL-only, published to by the workflow function
 * (an emergency's first page) and the sweeper (re-pages and escalations) and nothing else, with
 * on-call phones and mailboxes subscribed only when `-c pageSubscriptions=…` names them.
 */
const cdkContext = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')).context;
const outdirs: string[] = [];
afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

function synth(context: Record<string, unknown> = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'aictive-cdk-pages-'));
  outdirs.push(outdir);
  const app = new App({ outdir, context: { ...cdkContext, ...context, 'aws:cdk:bundling-stacks': [] } });
  const stacks = addAictiveStacks(app);
  const pages = stacks.stateful.topics.pages;
  return {
    stateful: Template.fromStack(stacks.stateful),
    service: Template.fromStack(stacks.service),
    pagesId: Stack.of(pages).getLogicalId(pages.node.defaultChild as CfnElement),
  };
}

const mentions = (value: unknown, id: string) => JSON.stringify(value).includes(id);
const { stateful, service, pagesId } = synth();

describe('the pages topic', () => {
  it('is encrypted with the AWS-managed SNS key, retained, and refuses plain HTTP', () => {
    const topic = stateful.toJSON().Resources[pagesId];
    expect(topic.Type).toBe('AWS::SNS::Topic');
    expect(topic.DeletionPolicy).toBe('Retain');
    expect(JSON.stringify(topic.Properties.KmsMasterKeyId)).toContain('alias/aws/sns');
    stateful.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: pagesId }],
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      }),
    });
  });

  it('may be published to by the workflow and sweeper functions, and by nothing else', () => {
    const functions = Object.values(service.findResources('AWS::Lambda::Function'));
    const withArn = functions
      .filter((fn) => fn.Properties.Environment.Variables.PAGES_TOPIC_ARN !== undefined)
      .map((fn) => fn.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME)
      .sort();
    expect(withArn).toEqual(['sweeper', 'workflow']);
    const roleOf = (name: string) =>
      functions.find((fn) => fn.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME === name)?.Properties
        .Role['Fn::GetAtt'][0] as string;
    const granting = Object.values(service.findResources('AWS::IAM::Policy')).filter((policy) =>
      (
        policy.Properties.PolicyDocument.Statement as { Effect: string; Action: unknown; Resource: unknown }[]
      ).some((s) => s.Effect === 'Allow' && mentions(s.Resource, pagesId)),
    );
    const roles = granting.flatMap((policy) => policy.Properties.Roles as unknown[]);
    expect(roles).toHaveLength(2);
    for (const name of ['workflow', 'sweeper']) expect(mentions(roles, roleOf(name))).toBe(true);
    for (const policy of granting)
      for (const statement of policy.Properties.PolicyDocument.Statement as {
        Action: unknown;
        Resource: unknown;
      }[])
        if (mentions(statement.Resource, pagesId)) expect(statement.Action).toBe('sns:Publish');
  });

  it('has no subscriber unless the deployment names on-call phones and mailboxes', () => {
    const ofPages = (template: Template) =>
      Object.values(template.findResources('AWS::SNS::Subscription')).filter((s) =>
        mentions(s.Properties.TopicArn, pagesId),
      );
    expect(ofPages(stateful)).toEqual([]);
    const subscribed = synth({ pageSubscriptions: 'sms:+15555550100, email:oncall@example.com' });
    const found = ofPages(subscribed.stateful).map((s) => [s.Properties.Protocol, s.Properties.Endpoint]);
    expect(found.sort()).toEqual([
      ['email', 'oncall@example.com'],
      ['sms', '+15555550100'],
    ]);
    // Only the pages topic: the workflow notices and the alarms keep theirs as they were.
    expect(subscribed.stateful.findResources('AWS::SNS::Subscription')).toSatisfy(
      (all: Record<string, unknown>) => Object.keys(all).length === 2,
    );
  });

  it('refuses a subscription that is neither an E.164 phone nor an email address', () => {
    expect(() => synth({ pageSubscriptions: 'sms:555-0100' })).toThrow(/pageSubscriptions/);
    expect(() => synth({ pageSubscriptions: 'pager:42' })).toThrow(/pageSubscriptions/);
  });
});
