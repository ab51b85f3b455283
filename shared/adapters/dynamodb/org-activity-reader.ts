import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type {
  EmailActivity,
  OrgActivity,
  OrgActivityReader,
  WorkflowActivity,
} from '#domain/stats/org-activity.ts';
import type { StatsPeriod } from '#domain/stats/stats-period.ts';
import { documentClient } from './document-client.ts';
import { keys } from './keys.ts';

/** Items per Query page; DynamoDB also stops a page at 1 MB. */
const PAGE_SIZE = 1_000;

/**
 * Reads an org's emails (by receivedAt) and workflows (by createdAt) through their GSI1 listings,
 * which are keyed by org: nothing of another org can be read. Only the attributes the stats use
 * are projected, never an email's text nor a workflow's facts or history.
 */
export class DynamoOrgActivityReader implements OrgActivityReader {
  constructor(private readonly tableName: string) {}

  async read(orgId: string, period: StatsPeriod, limit: number): Promise<OrgActivity> {
    const [emails, workflows] = await Promise.all([
      this.list<EmailActivity>(orgId, 'EMAILS', period, limit, {
        attributes:
          '#status, receivedAt, triagedAt, triage.category, triage.urgency, triage.engine, triage.#usage, draft.#usage',
        names: { '#status': 'status', '#usage': 'usage' },
      }),
      this.list<WorkflowActivity>(orgId, 'WORKFLOWS', period, limit, {
        attributes: '#type, #status, #state, times, createdAt',
        names: { '#type': 'type', '#status': 'status', '#state': 'state' },
      }),
    ]);
    return {
      emails: emails.items,
      workflows: workflows.items,
      truncated: emails.truncated || workflows.truncated,
    };
  }

  private async list<T>(
    orgId: string,
    kind: 'EMAILS' | 'WORKFLOWS',
    period: StatsPeriod,
    limit: number,
    projection: { attributes: string; names: Record<string, string> },
  ): Promise<{ items: T[]; truncated: boolean }> {
    const items: T[] = [];
    let startKey: Record<string, unknown> | undefined;
    // Bounded by `limit`: each page adds at least one item or ends the listing.
    do {
      const page = await documentClient().send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'GSI1',
          // Sort keys are `<ISO time>#<id>`: from `from` (inclusive) up to, not including, `to`.
          KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': keys.listing(orgId, kind, '', '').GSI1PK,
            ':from': period.from,
            ':to': period.to,
          },
          ProjectionExpression: projection.attributes,
          ExpressionAttributeNames: projection.names,
          // One more than the limit, to know whether there was more.
          Limit: Math.min(PAGE_SIZE, limit + 1 - items.length),
          ExclusiveStartKey: startKey,
        }),
      );
      items.push(...((page.Items ?? []) as T[]));
      startKey = page.LastEvaluatedKey;
    } while (startKey && items.length <= limit);
    const truncated = items.length > limit;
    return { items: truncated ? items.slice(0, limit) : items, truncated };
  }
}
