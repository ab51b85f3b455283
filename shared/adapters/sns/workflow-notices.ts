import { type MessageAttributeValue, PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { WorkflowNotice, WorkflowNotices } from '#domain/workflow/ports.ts';
import { tracedAwsClient } from '#platform/aws-client-tracing.ts';

let shared: SNSClient | undefined;

/**
 * One client per instance, traced like the others (#platform/aws-client-tracing.ts). The explicit
 * endpoint is for the local emulator (fauxqs serves SNS on its SQS port); it is undefined in AWS.
 */
export function snsClient(): SNSClient {
  shared ??= tracedAwsClient(new SNSClient({ endpoint: process.env.AWS_ENDPOINT_URL_SNS }));
  return shared;
}

/** The attributes a subscription's filter policy can select on (e.g. `to` = a role, `urgency` = emergency). */
export const NOTICE_ATTRIBUTES = ['orgId', 'kind', 'to', 'urgency'] as const;

/**
 * Workflow notices on the topic (lib/topology.ts `workflowNotices`): the notice as JSON (ids and
 * links, never a message's text), with its org, kind, recipient and urgency as message
 * attributes, so a person's email or SMS subscription takes only what is theirs.
 */
export class SnsWorkflowNotices implements WorkflowNotices {
  constructor(
    private readonly topicArn: string,
    private readonly client: () => SNSClient = snsClient,
  ) {}

  async publish(notice: WorkflowNotice): Promise<void> {
    await this.client().send(
      new PublishCommand({
        TopicArn: this.topicArn,
        Message: JSON.stringify(notice),
        MessageAttributes: attributesOf(notice),
      }),
    );
  }
}

function attributesOf(notice: WorkflowNotice): Record<string, MessageAttributeValue> {
  // SNS refuses an empty attribute value: an empty one is left out rather than failing the notice.
  return Object.fromEntries(
    NOTICE_ATTRIBUTES.flatMap((name) =>
      notice[name] ? [[name, { DataType: 'String', StringValue: notice[name] }]] : [],
    ),
  );
}
