import { type MessageAttributeValue, PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { PageNotice, PageNotices } from '#domain/on-call/ports.ts';
import { count } from '#platform/observability.ts';
import { snsClient } from './workflow-notices.ts';

/** The attributes a subscription's filter policy can select on (e.g. `agentId` = one person's phone). */
export const PAGE_ATTRIBUTES = ['orgId', 'department', 'urgency', 'agentId', 'level'] as const;

/**
 * Pages on the topic (lib/topology.ts `pages`): the notice as JSON (ids, department, urgency,
 * the person paged; never a message's text), with the attributes above, so an SMS or email
 * subscription can take one person's pages only. Each page sent is counted (`PageSent`), whichever
 * function sent it (the workflow runner's first round, the sweeper's later ones).
 */
export class SnsPageNotices implements PageNotices {
  constructor(
    private readonly topicArn: string,
    private readonly client: () => SNSClient = snsClient,
  ) {}

  async publish(notice: PageNotice): Promise<void> {
    const attributes: Record<string, MessageAttributeValue> = Object.fromEntries(
      PAGE_ATTRIBUTES.map((name) => [name, { DataType: 'String', StringValue: notice[name] }]),
    );
    await this.client().send(
      new PublishCommand({
        TopicArn: this.topicArn,
        Message: JSON.stringify(notice),
        MessageAttributes: attributes,
      }),
    );
    count('PageSent');
  }
}
