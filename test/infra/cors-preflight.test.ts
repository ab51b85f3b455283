import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { addAictiveStacks } from '#lib/aws/aictive-app.ts';
import { type FunctionSpec, functions, routesOf } from '#lib/topology.ts';
import { SECURITY_HEADERS } from '#platform/http/response.ts';

const cdkContext = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')).context;
const outdirs: string[] = [];
afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

function synth(context: Record<string, unknown>) {
  const outdir = mkdtempSync(join(tmpdir(), 'aictive-cors-'));
  outdirs.push(outdir);
  const app = new App({ outdir, context: { ...cdkContext, ...context, 'aws:cdk:bundling-stacks': [] } });
  return Template.fromStack(addAictiveStacks(app).service);
}

/** Each API Gateway resource's full path, by logical id (the root is the RestApi's root). */
function resourcePaths(template: Template): Map<string, string> {
  const resources = template.findResources('AWS::ApiGateway::Resource');
  const paths = new Map<string, string>();
  const pathOf = (id: string): string => {
    const known = paths.get(id);
    if (known !== undefined) return known;
    const resource = resources[id];
    if (!resource) return '';
    const parent = resource.Properties.ParentId;
    const path = `${typeof parent === 'object' && 'Ref' in parent ? pathOf(parent.Ref) : ''}/${resource.Properties.PathPart}`;
    paths.set(id, path);
    return path;
  };
  for (const id of Object.keys(resources)) pathOf(id);
  return paths;
}

const ORIGINS = ['https://app.example.com', 'http://localhost:5173'];
const template = synth({ allowedOrigins: ORIGINS.join(',') });
const paths = resourcePaths(template);
const methods = Object.values(template.findResources('AWS::ApiGateway::Method'));
const preflights = methods.filter((m) => m.Properties.HttpMethod === 'OPTIONS');
const preflightPath = (m: (typeof methods)[number]) => paths.get(m.Properties.ResourceId.Ref) ?? '';
const specs: readonly FunctionSpec[] = functions;

describe('CORS in AWS, with allowedOrigins', () => {
  it('answers preflight on /v1 and every resource below it, and nowhere else', () => {
    const v1Resources = [...paths.values()].filter((p) => p === '/v1' || p.startsWith('/v1/'));
    expect(preflights.map(preflightPath).sort()).toEqual(v1Resources.sort());
    for (const route of specs.flatMap(routesOf).filter((r) => r.path.startsWith('/v1/'))) {
      expect(v1Resources).toContain(route.path);
    }
  });

  it('keeps preflight away from the authorizer and echoes only a configured origin', () => {
    for (const preflight of preflights) {
      expect(preflight.Properties.AuthorizationType).toBe('NONE');
      expect(preflight.Properties.AuthorizerId).toBeUndefined();
      const [answer] = preflight.Properties.Integration.IntegrationResponses;
      expect(answer.ResponseParameters).toMatchObject({
        'method.response.header.Access-Control-Allow-Origin': `'${ORIGINS[0]}'`,
        'method.response.header.Access-Control-Allow-Headers': "'Authorization,Content-Type,Idempotency-Key'",
        'method.response.header.Vary': "'Origin'",
      });
      // The other origins are echoed by a mapping template comparing the Origin header exactly.
      expect(answer.ResponseTemplates['application/json']).toContain(`$origin == "${ORIGINS[1]}"`);
    }
  });

  it('gives the functions serving /v1 the same origins, and the webhook function none', () => {
    const environmentOf = (name: string) =>
      Object.values(template.findResources('AWS::Lambda::Function')).find((r) =>
        JSON.stringify(r.Properties.Environment).includes(`"POWERTOOLS_SERVICE_NAME":"${name}"`),
      )?.Properties.Environment.Variables as Record<string, unknown> | undefined;
    for (const spec of specs.filter((s) => routesOf(s).length > 0)) {
      const serves = routesOf(spec).some((r) => r.path.startsWith('/v1/'));
      const env = environmentOf(spec.name);
      expect(env, spec.name).toBeDefined();
      expect(env?.CORS_ALLOWED_ORIGINS).toBe(serves ? ORIGINS.join(',') : undefined);
    }
  });
});

describe('CORS in AWS, without allowedOrigins', () => {
  it('has no preflight and no origins in any function', () => {
    const plain = synth({});
    expect(plain.findResources('AWS::ApiGateway::Method', { Properties: { HttpMethod: 'OPTIONS' } })).toEqual(
      {},
    );
    expect(JSON.stringify(plain.toJSON())).not.toContain('CORS_ALLOWED_ORIGINS');
  });
});

describe("API Gateway's own answers", () => {
  it('carry the security headers the functions send', () => {
    const responses = Object.values(template.findResources('AWS::ApiGateway::GatewayResponse'));
    expect(responses.length).toBeGreaterThan(0);
    for (const response of responses) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        expect(response.Properties.ResponseParameters[`gatewayresponse.header.${name}`]).toBe(`'${value}'`);
      }
    }
  });
});
