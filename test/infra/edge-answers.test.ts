import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAictiveStacks } from '#lib/aws/aictive-app.ts';
import { GATEWAY_PROBLEM_DETAILS } from '#platform/http/problem-details.ts';

const cdkContext = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')).context;
let outdir: string;
let template: Template;

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'aictive-edge-'));
  const app = new App({ outdir, context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] } });
  template = Template.fromStack(addAictiveStacks(app).service);
}, 120_000);
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('the API in AWS, at its edge', () => {
  it.each([
    ['UNAUTHORIZED', 401],
    ['MISSING_AUTHENTICATION_TOKEN', 404],
    ['RESOURCE_NOT_FOUND', 404],
    ['REQUEST_TOO_LARGE', 413],
  ])('answers %s with a detail saying what to do, as the local gateway does', (type, status) => {
    const responses = template.findResources('AWS::ApiGateway::GatewayResponse', {
      Properties: { ResponseType: type },
    });
    const [response] = Object.values(responses);
    const body = JSON.parse(response?.Properties.ResponseTemplates['application/json']);
    expect(body).toMatchObject({ status, detail: GATEWAY_PROBLEM_DETAILS[status] });
  });

  it('serves GET / and GET /v1 (the entry points) without an authorizer', () => {
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'GET',
      AuthorizationType: 'NONE',
      ResourceId: { 'Fn::GetAtt': [Match.anyValue(), 'RootResourceId'] },
    });
    const v1 = Object.keys(
      template.findResources('AWS::ApiGateway::Resource', { Properties: { PathPart: 'v1' } }),
    );
    expect(v1).toHaveLength(1);
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'GET',
      AuthorizationType: 'NONE',
      ResourceId: { Ref: v1[0] },
    });
  });

  it('hands JSON and text bodies to the functions byte for byte (base64), so signatures over bytes hold', () => {
    template.hasResourceProperties('AWS::ApiGateway::RestApi', {
      BinaryMediaTypes: Match.arrayWith(['application/json', 'text/*']),
    });
  });
});
