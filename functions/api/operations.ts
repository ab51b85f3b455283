import type { oas31 } from 'zod-openapi';
import type { ComplianceReviewer } from '#domain/drafts/ports.ts';
import type { EventInbox } from '#domain/inbox/ports.ts';
import type { SnapshotCatalogue } from '#domain/rentvine/ports.ts';
import type { ApiOperation } from '#lib/topology.ts';
import { apiRoutes } from '#lib/topology.ts';
import type { ReadinessChecks } from '#platform/health.ts';
import { buildOpenApiDocument } from '#platform/http/openapi.ts';
import type { Operation } from '#platform/http/operation.ts';
import type { ResponseLinkDeps } from '#usecases/answer-response-link.ts';
import type { ComputeStatsDeps } from '#usecases/compute-stats.ts';
import type { AgentDeps } from '#usecases/manage-agents.ts';
import type { IntegrationDeps } from '#usecases/register-integration.ts';
import type { SubmitEmailDeps } from '#usecases/submit-email.ts';
import { agentOperations } from './agents.ts';
import { type ApiKeyRouteDeps, apiKeyRoutes } from './api-keys.ts';
import { auditOperations } from './audit.ts';
import type { AuditDeps } from './audit-context.ts';
import { type ConversationRouteDeps, conversationOperations } from './conversations.ts';
import { draftDecisionOperations } from './draft-decisions.ts';
import { emailOperations } from './emails.ts';
import { eventOperations } from './events.ts';
import { healthOperations } from './health.ts';
import { integrationOperations } from './integrations.ts';
import { linksOperation } from './links.ts';
import { openApiOperation } from './openapi.ts';
import { type OrgRouteDeps, orgOperations } from './org.ts';
import { type PageRouteDeps, pageOperations } from './pages.ts';
import { type QueueRouteDeps, queueOperations } from './queue.ts';
import { rentvineRecordOperations } from './rentvine-records.ts';
import { responseLinkOperations } from './response-links.ts';
import { statsRoutes } from './stats.ts';
import { type WorkflowRouteDeps, workflowOperations } from './workflows.ts';

export interface ApiDeps extends SubmitEmailDeps {
  readonly inbox: EventInbox;
  readonly readinessChecks: ReadinessChecks;
  readonly apiKeys: ApiKeyRouteDeps;
  readonly stats: ComputeStatsDeps;
  readonly org: OrgRouteDeps;
  readonly integrations: IntegrationDeps;
  readonly catalogue: SnapshotCatalogue;
  /** Reviews an approver's edited reply again before it is recorded as approved. */
  readonly compliance: ComplianceReviewer;
  /** The workflow store, the org's approval policy and the workflow queue, for the workflow routes. */
  readonly workflows: WorkflowRouteDeps;
  /** The response-link ledger and signing secrets, for `/v1/respond/{token}`. */
  readonly responseLinks: Pick<ResponseLinkDeps, 'ledger' | 'linkSecrets'>;
  /** The desk: the org's agents, and the audit trail every sensitive operation writes to. */
  readonly agents: AgentDeps;
  readonly audit: AuditDeps;
  /** The desk's queue: its store, the agents, the org's settings, notices and the audit trail. */
  readonly desk: QueueRouteDeps;
  /** Conversations, their queue items, the org's policy and the audit trail, for the conversation routes. */
  readonly conversations: ConversationRouteDeps;
  /** The on-call pages and the audit trail their acknowledgments are recorded in. */
  readonly pages: PageRouteDeps;
}

/** What the document says of itself: the API, its terms and where it is served. */
export const API_DESCRIPTION = {
  info: {
    title: 'Aictive Platform API',
    version: '1',
    description:
      'The AI back office for property managers on Rentvine: emails, webhook events, workflows and their approvals, Rentvine records, stats, the org, its integrations and API keys.',
    license: { name: 'Proprietary', identifier: 'LicenseRef-Aictive-Proprietary' },
  },
  servers: [
    {
      // Relative to this document (`<base>/v1/openapi.json`), so it names the base it was fetched
      // from: the API Gateway stage URL in AWS, http://127.0.0.1:3000 under npm start.
      url: '..',
      description: 'The deployment serving this document',
    },
  ],
} satisfies Pick<oas31.OpenAPIObject, 'info' | 'servers'>;

/** Every operation the api function serves, by the topology's operation names. */
export function apiOperations(deps: ApiDeps): Record<ApiOperation, Operation> {
  const operations: Record<ApiOperation, Operation> = {
    ...healthOperations(deps.readinessChecks),
    ...emailOperations(deps),
    ...draftDecisionOperations(
      {
        emails: deps.emails,
        compliance: deps.compliance,
        orgSettings: deps.org.settings,
        clock: deps.clock,
      },
      deps.audit,
    ),
    ...eventOperations(deps),
    ...apiKeyRoutes(deps.apiKeys, deps.audit),
    ...statsRoutes(deps.stats),
    ...orgOperations(deps.org, deps.audit),
    ...integrationOperations(deps.integrations, deps.audit),
    ...rentvineRecordOperations(deps),
    ...workflowOperations(deps.workflows, deps.audit),
    ...agentOperations(deps.agents, deps.audit),
    ...auditOperations(deps.audit),
    ...responseLinkOperations({ ...deps.workflows, ...deps.responseLinks, audit: deps.audit.trail }),
    ...queueOperations(deps.desk),
    ...conversationOperations(deps.conversations),
    ...pageOperations(deps.pages),
    links: linksOperation(),
    apiLinks: linksOperation(),
    openApi: openApiOperation(() => buildOpenApiDocument(apiRoutes, operations, API_DESCRIPTION)),
  };
  return operations;
}
