import { createConfig, lintFromString } from '@redocly/openapi-core';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { DynamoAgentDirectory } from '#adapters/dynamodb/agent-directory.ts';
import { DynamoApiKeyStore } from '#adapters/dynamodb/api-key-store.ts';
import { DynamoAuditTrail } from '#adapters/dynamodb/audit-trail.ts';
import { DynamoConversationStore } from '#adapters/dynamodb/conversation-store.ts';
import { DynamoEmailStore } from '#adapters/dynamodb/email-store.ts';
import { DynamoEventInbox } from '#adapters/dynamodb/event-inbox.ts';
import { DynamoIntegrationStore } from '#adapters/dynamodb/integration-store.ts';
import { DynamoOrgActivityReader } from '#adapters/dynamodb/org-activity-reader.ts';
import { DynamoOrgSettingsStore } from '#adapters/dynamodb/org-settings-store.ts';
import { DynamoOrgStore } from '#adapters/dynamodb/org-store.ts';
import { DynamoPageStore } from '#adapters/dynamodb/page-store.ts';
import { DynamoQueueStore } from '#adapters/dynamodb/queue-store.ts';
import { DynamoResponseLinkLedger } from '#adapters/dynamodb/response-link-ledger.ts';
import { DynamoSnapshotCatalogue } from '#adapters/dynamodb/snapshot-catalogue.ts';
import { DynamoSnapshotStore } from '#adapters/dynamodb/snapshot-store.ts';
import { DynamoWorkflowStore } from '#adapters/dynamodb/workflow-store.ts';
import { fixedApiKeyPepper } from '#adapters/secrets/api-key-pepper.ts';
import { tableIntegrationSecrets } from '#adapters/secrets/integration-secrets.ts';
import { fixedResponseLinkSecrets } from '#adapters/secrets/response-link-secrets.ts';
import { SnsWorkflowNotices } from '#adapters/sns/workflow-notices.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import { OrgWorkflowSettings } from '#adapters/workflow-settings.ts';
import { rulesComplianceReviewer } from '#domain/compliance/rules-reviewer.ts';
import { API_DESCRIPTION, apiOperations } from '#functions/api/operations.ts';
import { apiRoutes } from '#lib/topology.ts';
import { systemClock } from '#platform/clock.ts';
import { buildOpenApiDocument } from '#platform/http/openapi.ts';
import { RENTVINE_RECORD_ID, TENANT_NOTE } from '#vocabulary/orgs.ts';

// Real operations (their adapters never connect: building the document only reads contracts).
const operations = apiOperations({
  emails: new DynamoEmailStore('documentation-only'),
  queue: new SqsWorkQueue({ classify: 'http://127.0.0.1:1/documentation-only' }),
  clock: systemClock,
  inbox: new DynamoEventInbox('documentation-only'),
  readinessChecks: {},
  apiKeys: {
    apiKeys: new DynamoApiKeyStore('documentation-only'),
    pepper: fixedApiKeyPepper('documentation-only-pepper-not-a-real-one'),
    clock: systemClock,
    env: 'test',
    defaultRateLimitPerMinute: 600,
  },
  stats: { activity: new DynamoOrgActivityReader('documentation-only'), clock: systemClock },
  org: {
    orgs: new DynamoOrgStore('documentation-only'),
    settings: new DynamoOrgSettingsStore('documentation-only'),
    agents: new DynamoAgentDirectory('documentation-only'),
    clock: systemClock,
  },
  integrations: {
    integrations: new DynamoIntegrationStore('documentation-only'),
    secrets: tableIntegrationSecrets('documentation-only'),
    clock: systemClock,
  },
  catalogue: new DynamoSnapshotCatalogue('documentation-only'),
  compliance: rulesComplianceReviewer,
  workflows: {
    workflows: new DynamoWorkflowStore('documentation-only'),
    snapshots: new DynamoSnapshotStore('documentation-only'),
    catalogue: new DynamoSnapshotCatalogue('documentation-only'),
    settings: new OrgWorkflowSettings(new DynamoOrgSettingsStore('documentation-only')),
    queue: new SqsWorkQueue({ workflow: 'http://127.0.0.1:1/documentation-only' }),
    clock: systemClock,
  },
  agents: {
    queue: new DynamoQueueStore('documentation-only'),
    agents: new DynamoAgentDirectory('documentation-only'),
    orgSettings: new DynamoOrgSettingsStore('documentation-only'),
    workflows: new DynamoWorkflowStore('documentation-only'),
    conversations: new DynamoConversationStore('documentation-only'),
    notices: new SnsWorkflowNotices('documentation-only'),
    clock: systemClock,
  },
  audit: { trail: new DynamoAuditTrail('documentation-only'), clock: systemClock },
  responseLinks: {
    ledger: new DynamoResponseLinkLedger('documentation-only'),
    linkSecrets: fixedResponseLinkSecrets('documentation-only-secret-not-a-real-one'),
  },
  desk: {
    queue: new DynamoQueueStore('documentation-only'),
    agents: new DynamoAgentDirectory('documentation-only'),
    orgSettings: new DynamoOrgSettingsStore('documentation-only'),
    workflows: new DynamoWorkflowStore('documentation-only'),
    conversations: new DynamoConversationStore('documentation-only'),
    notices: new SnsWorkflowNotices('documentation-only'),
    audit: new DynamoAuditTrail('documentation-only'),
    clock: systemClock,
  },
  conversations: {
    conversations: new DynamoConversationStore('documentation-only'),
    queue: new DynamoQueueStore('documentation-only'),
    agents: new DynamoAgentDirectory('documentation-only'),
    orgSettings: new DynamoOrgSettingsStore('documentation-only'),
    workflows: new DynamoWorkflowStore('documentation-only'),
    notices: new SnsWorkflowNotices('documentation-only'),
    audit: new DynamoAuditTrail('documentation-only'),
    clock: systemClock,
  },
  pages: {
    pages: new DynamoPageStore('documentation-only'),
    audit: new DynamoAuditTrail('documentation-only'),
    clock: systemClock,
  },
});
const document = buildOpenApiDocument(apiRoutes, operations, API_DESCRIPTION);

type OperationObject = {
  operationId: string;
  parameters?: { in: string; name: string; required?: boolean }[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, { schema: unknown }>; headers?: object }>;
  security: Record<string, string[]>[];
  'x-required-scope'?: string;
};
const operationOf = (path: string, method: string) =>
  (document.paths?.[path] as Record<string, OperationObject> | undefined)?.[method.toLowerCase()];
const problemRef = { $ref: '#/components/schemas/Problem' };

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document as unknown as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  it("passes Redocly's recommended rules with no error and no warning", async () => {
    // The rules as published, offline (openapi-core sends no telemetry; `recommended` is built in).
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source: JSON.stringify(document),
      absoluteRef: 'openapi.json',
      config,
    });
    const findings = problems.map(
      (p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`,
    );
    expect(findings).toEqual([]);
  });

  it('names its server relative to itself, so each deployment describes itself', () => {
    expect(document.servers).toEqual([expect.objectContaining({ url: '..' })]);
    // Served at <base>/v1/openapi.json: the paths (/v1/…) then hang off the base it came from.
    expect(new URL('..', 'https://api.example.test/prod/v1/openapi.json').href).toBe(
      'https://api.example.test/prod/',
    );
    expect(document.info.license?.name).toBeTruthy();
  });

  it('has every api route of the topology, under its operation name, and nothing else', () => {
    const documented = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
      Object.entries(item as Record<string, OperationObject>).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        operation: op.operationId,
      })),
    );
    expect(documented).toHaveLength(apiRoutes.length);
    for (const route of apiRoutes) {
      expect(documented).toContainEqual({
        method: route.method,
        path: route.path,
        operation: route.operation,
      });
    }
  });

  it.each(apiRoutes.map((route) => [route.method, route.path, route] as const))(
    '%s %s documents its auth, parameters and every problem the router answers',
    (method, path, route) => {
      const op = operationOf(path, method);
      if (!op) throw new Error('missing operation');
      const statuses = Object.keys(op.responses);
      for (const status of ['404', '405', '500']) expect(statuses).toContain(status);
      if (route.auth === 'apiKey') {
        expect(op.security).toEqual([{ apiKey: [route.scope] }]);
        expect(op['x-required-scope']).toBe(route.scope);
        for (const status of ['401', '403', '429']) expect(statuses).toContain(status);
        expect(op.responses['429']?.headers).toHaveProperty('Retry-After');
      } else {
        expect(op.security).toEqual([]);
        expect(statuses).not.toContain('401');
      }
      for (const name of path.match(/\{(\w+)\}/g)?.map((p) => p.slice(1, -1)) ?? []) {
        expect(op.parameters).toContainEqual(expect.objectContaining({ in: 'path', name, required: true }));
      }
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) >= 400)
          expect(response.content?.['application/problem+json']?.schema).toEqual(problemRef);
        else if (status === '204') expect(response.content).toBeUndefined();
        else expect(response.content?.['application/json']?.schema).toBeDefined();
      }
    },
  );

  it('describes bodies and queries from the schemas the router validates', () => {
    const submit = operationOf('/v1/emails', 'POST');
    expect(submit?.requestBody?.content).toHaveProperty('application/json');
    expect(Object.keys(submit?.responses ?? {})).toEqual(
      expect.arrayContaining(['400', '413', '415', '422']),
    );
    const list = operationOf('/v1/events', 'GET');
    expect(
      list?.parameters
        ?.filter((p) => p.in === 'query')
        .map((p) => p.name)
        .sort(),
    ).toEqual(['cursor', 'limit', 'since', 'status', 'type']);
    expect(Object.keys(list?.responses ?? {})).toContain('422');
    expect(Object.keys(operationOf('/health/ready', 'GET')?.responses ?? {})).toContain('503');
    expect(document.components?.securitySchemes?.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it("documents the org's emergency settings with the bounds the router enforces", () => {
    const schemas = document.components?.schemas as Record<string, { properties: Record<string, object> }>;
    const text = { type: 'string', maxLength: 200, pattern: TENANT_NOTE.source };
    // A plain note (one text, as older orgs wrote it) or one per reply language, English required.
    const note = {
      anyOf: [
        text,
        {
          type: 'object',
          properties: { en: text, es: text },
          required: ['en'],
          additionalProperties: false,
        },
      ],
    };
    expect(schemas.OrgSettings?.properties).toMatchObject({
      emergencyResponseMinutes: { type: 'integer', minimum: 5, maximum: 240 },
      waterShutOffLocation: note,
      waterShutOffLocationByProperty: {
        type: 'object',
        propertyNames: { pattern: RENTVINE_RECORD_ID.source },
        additionalProperties: note,
      },
    });
    // The patch takes the same values, or null to remove one.
    const patch = schemas.OrgSettingsPatch?.properties ?? {};
    for (const name of ['emergencyResponseMinutes', 'waterShutOffLocation', 'waterShutOffLocationByProperty'])
      expect(JSON.stringify(patch[name])).toContain('{"type":"null"}');
    expect(JSON.stringify(patch.waterShutOffLocationByProperty)).toContain(
      TENANT_NOTE.source.replaceAll('\\', '\\\\'),
    );
  });
});
