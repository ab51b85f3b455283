import type { RejectionReason } from './security/verification.ts';

/**
 * The one list of the metrics the functions emit (EMF, through Powertools) and the alarms and
 * dashboard read: emitters and lib/aws import these names, so a renamed metric cannot leave an
 * alarm watching nothing. Every metric is a count, in this namespace, with the dimension
 * `service` = the function's name in lib/topology.ts (POWERTOOLS_SERVICE_NAME).
 *
 * No Powertools import here: the CDK app reads this file too.
 */
export const METRIC_NAMESPACE = 'Aictive';

/** What each count means, by name. */
export const METRICS = {
  // webhook-ingest
  WebhookReceived: 'a delivery reached a webhook route (before any check)',
  WebhookVerified: 'a delivery passed every check (then accepted, duplicate or unavailable)',
  WebhookEnqueued: 'a verified, recognized delivery was stored and queued for the event processor',
  WebhookUnrecognized: 'a verified delivery could not be parsed; kept as `unrecognized`',
  WebhookDuplicate: 'a verified delivery of an event already received',
  WebhookEnqueueFailed:
    'a verified delivery was stored but not queued (answered 503; the sweeper re-sends it)',
  WebhookRejected: 'a delivery refused for any reason; `WebhookRejected_<reason>` says which',
  QuarantinedDeliveries:
    'a well-formed Rentvine body-scheme delivery of a known org whose signature did not match, kept (7 days) for `aictive rentvine identify-signature`',
  // event-processor
  EventProcessed: 'a Rentvine event applied to its snapshot (and its triggers queued)',
  EventUnrecognized: 'a Rentvine event of an unknown type or a drifted schema; kept as `unrecognized`',
  EventEcho: "a Rentvine event caused by the platform's own write, skipped",
  EventAlreadySettled: 'an event already processed or settled by an earlier delivery',
  IntegrationMessageAccepted:
    "an integration's delivery entered the inbox as a message (queued for triage; once per delivery)",
  IntegrationMessageInvalid: 'an integration delivery that is not a message payload; kept as `unrecognized`',
  // the Rentvine client (every function that calls Rentvine)
  RentvineRowInvalid: 'a Rentvine row that did not match its schema, skipped (its content is not logged)',
  RentvineWriteIneffective:
    'a Rentvine work-order write answered 2xx but the re-read shows none of the fields sent changed',
  // rentvine-sync
  SyncMissedByWebhook:
    'a change the Rentvine sync found that no processed webhook reported (written, fed to the triggers)',
  SyncResourceFailed:
    "an org's resource the Rentvine sync could not complete (Rentvine refused or failed, or the run ran out of time)",
  SyncOrgFailed: 'an org the Rentvine sync could not start (its account could not be opened)',
  DelinquencyStarted:
    'a delinquency workflow the Rentvine sync started: an active lease read past due with no open collection (a new episode)',
  // authorizer
  ApiKeyRejected: 'an API key refused (unknown, malformed, revoked, expired or rotated out)',
  // api
  RateLimiterUnavailable:
    'the rate limiter could not count a request (DynamoDB failed or took over 1 s); let through',
  AuditWriteFailed:
    'a change was made but its audit line could not be written (counted by the trail, whoever wrote it): a request answers 503 (ApiServerErrors alarms), the line logged',
  // every queue consumer
  RecordsProcessed: 'queue messages handled successfully in a batch',
  RecordsFailed: 'queue messages whose processing threw (retried; dead-lettered after maxReceiveCount)',
  // triage (dimensions engine and model, beside service)
  TriageCompleted: 'a message triaged; the engine dimension says whether Claude or the rules answered',
  TriageInputTokens: 'input tokens a Claude triage was billed at the full price',
  TriageOutputTokens: 'output tokens a Claude triage produced',
  TriageCacheReadTokens:
    "input tokens a Claude triage read from Anthropic's prompt cache (a tenth of the price)",
  // triage-evaluation (nightly, opt-in): each figure is a pair of counts, so CloudWatch divides
  // them (lib/aws/triage-evaluation-alarms.ts) and a run with no such message publishes no figure
  TriageEvaluationMessages:
    'labelled messages the nightly evaluation scored (answered by Claude or, for an emergency, by the rules first)',
  TriageEvaluationCategoryCorrect: 'scored messages whose category matched the label',
  TriageEvaluationEmergencies: 'scored messages labelled emergencies',
  TriageEvaluationEmergenciesFound: 'labelled emergencies triaged as emergencies',
  TriageEvaluationNonEmergencies: 'scored messages labelled anything but an emergency',
  TriageEvaluationFalseEmergencies: 'messages labelled not an emergency that were triaged as one',
  TriageEvaluationInjections: 'scored messages labelled as instructions to the assistant (prompt injection)',
  TriageEvaluationInjectionsToHuman: 'labelled injections triaged needsHuman',
  TriageEvaluationLeftOut:
    'messages left out of the figures because Claude failed on them and the rules answered instead',
  TriageEvaluationSkipped:
    'a nightly evaluation that published no figures: no Anthropic key, the Claude circuit opened, or out of time (the log says which)',
  // sweeper
  OutboxResent:
    'stored work still unprocessed after its grace (never queued, or dead-lettered), queued again',
  OutboxResendFailed: 'a re-send the sweeper tried and could not make (tried again next sweep)',
  OutboxGaveUp: 'stored work the sweeper stopped re-sending after its resend limit; marked `failed`',
  SweepStageFailed:
    'a stage of the sweeper (pages, workflows, the queue, conversations, the outbox) failed; the stages after it still ran',
  // workflows (the workflow function runs starts and effects; the sweeper ticks due steps)
  WorkflowStarted:
    'a workflow created (from a triaged message, a Rentvine event, the API or another workflow)',
  WorkflowTransition:
    'an input applied to a workflow that moved it (a decision, a task done, a signal, a tick, an effect reported)',
  WorkflowEscalated:
    'a waiting step handed to the next holder up its escalation chain (overdue, or on a breach)',
  WorkflowSlaBreached:
    "a waiting step found past its service-level deadline, once per step (an emergency's is a person not yet reached)",
  WorkflowEffectFailed:
    'an effect of a workflow that could not be done (a Rentvine write refused, no connection, no property): reported to the workflow, which routes it to a person',
  WorkflowSwept: 'due workflows a sweep looked at (advanced or not)',
  WorkflowNoticePublished:
    'a notice published to the workflow notices topic (a step waiting on a role, an escalation, a vendor offer, an owner asked)',
  VendorOfferSent: 'a job offered to a vendor, with its signed answer link',
  WorkflowClosedByTroubleshooting:
    'a maintenance routine closed because the resident resolved it with the troubleshooting steps (no vendor sent)',
  // The desk's queue (the sweeper's queue sweep).
  QueueEscalated:
    'a queue item past its deadline (nobody took it, or its assignee did not answer) moved up its department chain',
  QueueAssigned:
    'a queue item given to an agent automatically: by the queue sweep, or at once when an agent became able to take it',
  QueueOfferFailed:
    "queued work could not be offered after an agent's change or an item's save (the change stands; the next trigger offers it again)",
  QueueSweepOrgFailed:
    "an org's part of the queue sweep failed (its settings or the offer): logged, the other orgs swept, its shift starts kept for the next minute",
  QueueSweepItemFailed:
    'a due queue item could not be escalated (a notice not published, the item contended): logged, it stays due, the rest of its org is swept',
  StepItemCloseFailed:
    "a left workflow step's queue item could not be closed after the transition (it stands; the next reader of the queue closes it)",
  AgentShiftStarted:
    "an agent's shift started: the sweep offered the org's queued work and moved the agent to its next start",
  ShiftRescheduleFailed:
    "the org's time zone changed but its agents' shift starts could not all be moved (the settings stand; the next agent change or shift start re-computes)",
  // Conversations (issue 12, conv)
  ConversationAutoResolved: 'a conversation resolved by the sweep after 24 h without activity',
  MessagesTtlDeferred:
    "a conversation's status changed but its messages' TTL could not be set or lifted at once (the change stands; the conversation sweep settles it a few minutes on)",
  // On-call pages (issue 12, pages)
  PageSent:
    'a person paged on the pages topic (the first round of an emergency page, a re-page, an escalation)',
  PageEscalated:
    'a page moved up its ladder (next in the rotation, then the property managers) after 15 minutes unanswered',
  PageUnacknowledged:
    'a round of a page still unanswered at the top of its ladder (or with nobody to page at all): paged again every 5 minutes, never dropped',
  PageSendFailed:
    "a page's due round that could not be published (the topic unavailable): still due, tried again next minute",
  // Powertools' own, on each instance's first invocation, with the extra dimension function_name
  ColdStart: "a function instance's first invocation",
} as const;

export type MetricName = keyof typeof METRICS;

/** The per-reason count beside WebhookRejected; the reasons are a closed set, so names stay bounded. */
export type WebhookRejectedByReason = `WebhookRejected_${RejectionReason}`;

export function webhookRejectedFor(reason: RejectionReason): WebhookRejectedByReason {
  return `WebhookRejected_${reason}`;
}
