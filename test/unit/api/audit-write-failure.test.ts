import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OrgWorkflowSettings } from '#adapters/workflow-settings.ts';
import { queueItemId } from '#domain/desk/open-item.ts';
import { auditOperations } from '#functions/api/audit.ts';
import { conversationOperations } from '#functions/api/conversations.ts';
import { pageOperations } from '#functions/api/pages.ts';
import { queueOperations } from '#functions/api/queue.ts';
import { responseLinkOperations } from '#functions/api/response-links.ts';
import { apiRoutes } from '#lib/topology.ts';
import type { Operation } from '#platform/http/operation.ts';
import { createRouter, type RouteBinding } from '#platform/http/router.ts';
import { logger, metrics } from '#platform/observability.ts';
import { sha256Hex } from '#platform/security/ids.ts';
import { issueResponseLink } from '#platform/security/response-links.ts';
import { agentOf } from '#test/support/agent-fixtures.ts';
import { type ApiAnswer, apiCaller } from '#test/support/api-caller.ts';
import { OPENED_AT, triagedEmail } from '#test/support/conversation-fixtures.ts';
import { InMemoryAuditTrail } from '#test/support/in-memory/audit-trail.ts';
import { InMemoryConversationStore } from '#test/support/in-memory/conversation-store.ts';
import { InMemoryEmailStore } from '#test/support/in-memory/email-store.ts';
import { ManualClock } from '#test/support/in-memory/platform.ts';
import { InMemoryQueueStore } from '#test/support/in-memory/queue-store.ts';
import { InMemoryResponseLinkLedger } from '#test/support/in-memory/response-link-ledger.ts';
import { InMemoryRows } from '#test/support/in-memory/rows.ts';
import { InMemoryWorkQueue } from '#test/support/in-memory/work-queue.ts';
import { InMemoryWorkflowNotices } from '#test/support/in-memory/workflow-notices.ts';
import { inMemoryPaging } from '#test/support/paging.ts';
import { open } from '#test/support/workflows.ts';
import { waitingOnOwner } from '#test/unit/api/workflow-fixtures.ts';
import { pageWaitingEmergency } from '#usecases/open-page.ts';
import { recordEmailConversation } from '#usecases/record-email-conversation.ts';

/**
 * Every audited path that writes through the trail itself (the desk's use cases, the owner's
 * response link) through the router, on the twins, with an audit trail that cannot write: the change is made, and the request answers what every audited operation answers —
 * 503 `unavailable` saying not to repeat it, `AuditWriteFailed` counted once — never a 500.
 */
// The org the workflow fixtures open in (test/support/workflows.ts).
const ORG = 'acme-homes';
const EMAIL = 'em_0123456789abcdefghijklmn';
const CONVERSATION = `cv_${EMAIL}`;
const ITEM = queueItemId({ kind: 'conversation', conversationId: CONVERSATION });
const OWNER_WORKFLOW = 'wf_22222222222222222222222222222222';
const LINK_SECRET = 'audit-test-link-secret-0123456789abcdef';
/** The owner's link for the repair waiting on them: no key, the token is the credential. */
const ownerLink = issueResponseLink(
  {
    purpose: 'owner_approval',
    orgId: ORG,
    workflowId: OWNER_WORKFLOW,
    stepId: 'approve_dispatch.1',
    expiresAt: '2026-11-27T10:00:00.000Z',
  },
  LINK_SECRET,
);
const ann = { orgId: ORG, keyId: 'k_ann', scopes: ['admin'], agentId: 'ann', role: 'property_manager' };

let audit: InMemoryAuditTrail;
let call: ReturnType<typeof apiCaller>;
let counted: ReturnType<typeof vi.spyOn>;
let pageId: string;
let conversations: InMemoryConversationStore;

beforeEach(async () => {
  audit = new InMemoryAuditTrail();
  const clock = new ManualClock(new Date(Date.parse(OPENED_AT) + 3_600_000));
  conversations = new InMemoryConversationStore();
  const paging = inMemoryPaging();
  const queue = new InMemoryQueueStore(clock);
  const settings = new OrgWorkflowSettings(paging.orgSettings);
  const desk = {
    queue,
    agents: paging.agents,
    orgSettings: paging.orgSettings,
    workflows: paging.workflows,
    conversations,
    notices: new InMemoryWorkflowNotices(),
    clock,
  };
  const emails = new InMemoryEmailStore(new InMemoryRows());
  await emails.submit(triagedEmail(ORG, { emailId: EMAIL }));
  await recordEmailConversation({ ...desk, emails }, { orgId: ORG, emailId: EMAIL });
  for (const agentId of ['ann', 'bob'])
    await paging.agents.create(agentOf(ORG, agentId, { status: 'available', role: 'property_manager' }));
  pageId = await pagingAnn(paging, clock.now());
  await paging.workflows.create(waitingOnOwner(ORG, OWNER_WORKFLOW));

  const operations: Record<string, Operation> = {
    ...queueOperations({ ...desk, audit }),
    ...conversationOperations({ ...desk, audit }),
    ...pageOperations({ pages: paging.pages, audit, clock }),
    ...responseLinkOperations({
      workflows: paging.workflows,
      settings,
      queue: new InMemoryWorkQueue(),
      ledger: new InMemoryResponseLinkLedger(),
      linkSecrets: { secrets: async () => [LINK_SECRET] },
      audit,
      clock,
    }),
    ...auditOperations({ trail: audit, clock }),
  };
  const routes = (apiRoutes as readonly RouteBinding[]).filter((route) => route.operation in operations);
  const router = createRouter(routes, operations);
  call = apiCaller(() => (event) => router(event as never), { headers: { 'User-Agent': 'audit-test/1' } });
  audit.failWrites();
  counted = vi.spyOn(metrics, 'addMetric').mockImplementation(() => metrics);
  vi.spyOn(logger, 'error').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

/** An emergency at night pages the on-call person, ann: the page she acknowledges. */
async function pagingAnn(paging: ReturnType<typeof inMemoryPaging>, at: Date): Promise<string> {
  await paging.orgSettings.put({
    orgId: ORG,
    allowTimestamplessSignature: false,
    onCall: { maintenance: { agentIds: ['ann'], start: { date: '2026-11-16', time: '09:00' } } },
  });
  const { workflow, effects } = open(
    'maintenance_emergency',
    { propertyId: '7' },
    { urgency: 'emergency', at },
  );
  await paging.workflows.create(workflow);
  const notify = effects.find((effect) => effect.kind === 'notify');
  if (!notify) throw new Error('expected the emergency step to notify its holder');
  const opened = await pageWaitingEmergency(paging, workflow, notify, at);
  if (opened?.outcome !== 'opened') throw new Error('expected a page to ann');
  return opened.page.pageId;
}

const paths: [string, () => Promise<ApiAnswer>, string][] = [
  [
    'acknowledging a page',
    () => call(ann, 'POST', '/v1/pages/{pageId}/ack', { params: { pageId } }),
    'page.acknowledged',
  ],
  [
    'replying in a conversation',
    () =>
      call(ann, 'POST', '/v1/conversations/{conversationId}/messages', {
        params: { conversationId: CONVERSATION },
        body: { text: 'A plumber comes tomorrow at nine.' },
      }),
    'conversation.',
  ],
  [
    'escalating a conversation',
    () =>
      call(ann, 'POST', '/v1/conversations/{conversationId}/escalate', {
        params: { conversationId: CONVERSATION },
        body: { reason: 'needs the owner' },
      }),
    'conversation.escalated',
  ],
  [
    'resolving a conversation',
    () =>
      call(ann, 'POST', '/v1/conversations/{conversationId}/resolve', {
        params: { conversationId: CONVERSATION },
      }),
    'conversation.resolved',
  ],
  [
    'assigning a queue item',
    () =>
      call(ann, 'POST', '/v1/queue/{itemId}/assign', { params: { itemId: ITEM }, body: { agentId: 'bob' } }),
    'queue.assigned',
  ],
  [
    "the owner's approval through a response link",
    () =>
      call(undefined, 'POST', '/v1/respond/{token}', {
        params: { token: ownerLink },
        body: { decision: 'approve' },
      }),
    'approval.decided',
  ],
  [
    'transferring a queue item',
    () =>
      call(ann, 'POST', '/v1/queue/{itemId}/transfer', {
        params: { itemId: ITEM },
        body: { agentId: 'bob', note: 'bob knows the building' },
      }),
    'queue.transferred',
  ],
];

describe('an audit line that cannot be written', () => {
  it.each(paths)(
    '%s answers 503 unavailable, counting AuditWriteFailed once',
    async (_name, send, action) => {
      const answer = await send();
      expect(answer.body).toMatchObject({ status: 503 });
      expect(answer.status).toBe(503);
      expect(answer.body).toMatchObject({
        type: 'urn:aictive:problem:unavailable',
        detail: expect.stringMatching(
          /^the change was made \(.+\), but its audit line could not be written: do not repeat it/,
        ),
      });
      expect(String(answer.body.detail)).toContain(action);
      expect(counted.mock.calls.filter(([name]: unknown[]) => name === 'AuditWriteFailed')).toEqual([
        ['AuditWriteFailed', 'Count', 1],
      ]);
    },
  );

  it('leaves the change made: the conversation stays resolved', async () => {
    await call(ann, 'POST', '/v1/conversations/{conversationId}/resolve', {
      params: { conversationId: CONVERSATION },
    });
    expect(await conversations.get(ORG, CONVERSATION)).toMatchObject({ status: 'resolved' });
  });
});

describe("the owner's decision through a response link", () => {
  it('is audited once, the link as actor, from where the request came, and found by the link id', async () => {
    audit.failWrites(false);
    const answer = { params: { token: ownerLink }, body: { decision: 'reject', comment: 'Too dear' } };
    expect((await call(undefined, 'POST', '/v1/respond/{token}', answer)).status).toBe(200);
    expect((await call(undefined, 'POST', '/v1/respond/{token}', answer)).status).toBe(409);
    const linkId = sha256Hex(ownerLink);
    const found = await call(ann, 'GET', '/v1/audit', { query: { actor: linkId } });
    expect(found.status).toBe(200);
    expect(found.body.lines).toEqual([
      expect.objectContaining({
        action: 'approval.decided',
        actor: { kind: 'link', purpose: 'owner_approval', linkId },
        target: { kind: 'workflow', id: OWNER_WORKFLOW },
        from: { ip: '127.0.0.1', userAgent: 'audit-test/1' },
        after: expect.objectContaining({ decision: 'reject' }),
        note: 'Too dear',
      }),
    ]);
    expect(JSON.stringify(found.body)).not.toContain(ownerLink);
  });
});
