import type { ScheduledEvent } from 'aws-lambda';
import { DynamoAgentDirectory } from '#adapters/dynamodb/agent-directory.ts';
import { DynamoAuditTrail } from '#adapters/dynamodb/audit-trail.ts';
import { DynamoConversationStore } from '#adapters/dynamodb/conversation-store.ts';
import { DynamoOrgSettingsStore } from '#adapters/dynamodb/org-settings-store.ts';
import { DynamoPageStore } from '#adapters/dynamodb/page-store.ts';
import { DynamoPendingWork } from '#adapters/dynamodb/pending-work.ts';
import { DynamoQueueStore } from '#adapters/dynamodb/queue-store.ts';
import { DynamoWorkflowStore } from '#adapters/dynamodb/workflow-store.ts';
import { SnsPageNotices } from '#adapters/sns/page-notices.ts';
import { SnsWorkflowNotices } from '#adapters/sns/workflow-notices.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import { OrgWorkflowSettings } from '#adapters/workflow-settings.ts';
import { WORK_QUEUES } from '#domain/messaging/outbox.ts';
import { readFunctionConfig } from '#lib/function-config.ts';
import { messageLifetimeSeconds, queueEnvName } from '#lib/topology.ts';
import { systemClock } from '#platform/clock.ts';
import { runStagesIndependently } from '#platform/independent-stages.ts';
import { instrumented } from '#platform/lambda.ts';
import { count, logger } from '#platform/observability.ts';
import { resendPendingWork } from '#usecases/resend-pending-work.ts';
import { sweepConversations } from '#usecases/sweep-conversations.ts';
import { sweepPages } from '#usecases/sweep-pages.ts';
import { sweepQueue } from '#usecases/sweep-queue.ts';
import { sweepWorkflows } from '#usecases/sweep-workflows.ts';

const config = readFunctionConfig('sweeper');
const cap = config.PENDING_GRACE_SECONDS ?? Number.POSITIVE_INFINITY;
const policy = {
  graceMs: Object.fromEntries(
    WORK_QUEUES.map((queue) => [queue, Math.min(messageLifetimeSeconds(queue), cap) * 1000]),
  ) as Record<(typeof WORK_QUEUES)[number], number>,
  resendLimit: config.PENDING_RESEND_LIMIT,
};
// Every work queue: the outbox covers each stage, so a queue added to the topology is swept too.
const queue = new SqsWorkQueue(
  Object.fromEntries(WORK_QUEUES.map((queue) => [queue, config[queueEnvName(queue)]])),
);
const orgSettings = new DynamoOrgSettingsStore(config.TABLE_NAME);
const deps = {
  pending: new DynamoPendingWork(config.TABLE_NAME),
  workflows: new DynamoWorkflowStore(config.TABLE_NAME),
  settings: new OrgWorkflowSettings(orgSettings),
  queue,
  clock: systemClock,
};
const queueItems = new DynamoQueueStore(config.TABLE_NAME);
const desk = {
  queue: queueItems,
  agents: new DynamoAgentDirectory(config.TABLE_NAME),
  orgSettings,
  workflows: deps.workflows,
  conversations: new DynamoConversationStore(config.TABLE_NAME),
  notices: new SnsWorkflowNotices(config.WORKFLOW_NOTICES_TOPIC_ARN),
  clock: systemClock,
};
const conversationDeps = {
  conversations: desk.conversations,
  queue: queueItems,
  audit: new DynamoAuditTrail(config.TABLE_NAME),
  clock: systemClock,
};
const paging = {
  pages: new DynamoPageStore(config.TABLE_NAME),
  notices: new SnsPageNotices(config.PAGES_TOPIC_ARN),
  orgSettings,
  agents: desk.agents,
  workflows: deps.workflows,
};

/**
 * Every minute, each stage whatever became of the ones before (a failed one fails the run once all
 * ran): unanswered emergency pages first (the most urgent thing it does), then workflow
 * deadlines (an emergency's escalation cannot wait on a backlog of re-sends), the desk's queue and
 * quiet conversations, then the outbox.
 */
export const handler = instrumented(async (_event: ScheduledEvent) =>
  runStagesIndependently({
    pages: async () => {
      const pages = await sweepPages(paging, deps.clock.now());
      count('PageEscalated', pages.escalated);
      count('PageUnacknowledged', pages.unacknowledged);
      count('PageSendFailed', pages.failed.length);
      if (pages.failed.length > 0) logger.error('page rounds failed', { failed: pages.failed });
      if (pages.due > 0) logger.info('page sweep', { ...pages, failed: pages.failed.length });
      return pages;
    },
    workflows: async () => {
      // With the desk: a step the sweep moves on (an emergency gone ahead) closes its item.
      const sweep = await sweepWorkflows({ ...deps, desk }, deps.clock.now());
      count('WorkflowSwept', sweep.due);
      count('WorkflowEscalated', sweep.escalations);
      count('WorkflowSlaBreached', sweep.breaches);
      if (sweep.due > 0) logger.info('workflow sweep', { ...sweep });
      return sweep;
    },
    // After the workflow sweep: a step it moved on closes its queue item instead of escalating it.
    queue: async () => {
      const desked = await sweepQueue(desk, deps.clock.now());
      count('QueueEscalated', desked.escalated);
      count('QueueAssigned', desked.assigned);
      count('AgentShiftStarted', desked.shiftStarts);
      if (desked.due + desked.shiftStarts + desked.assigned > 0) logger.info('queue sweep', { ...desked });
      return desked;
    },
    conversations: async () => {
      const conversations = await sweepConversations(conversationDeps, deps.clock.now());
      count('ConversationAutoResolved', conversations.resolved);
      if (conversations.due > 0) logger.info('conversation sweep', { ...conversations });
      return conversations;
    },
    outbox: async () => {
      const result = await resendPendingWork(deps, policy);
      count('OutboxResent', result.resent);
      count('OutboxResendFailed', result.failed);
      count('OutboxGaveUp', result.gaveUp);
      if (result.resent + result.failed + result.gaveUp > 0) logger.info('outbox sweep', result);
      return result;
    },
  }),
);
