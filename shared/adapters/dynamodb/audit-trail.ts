import { randomBytes } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { type AuditEntry, type AuditRecord, auditRecordOf } from '#domain/audit/audit-record.ts';
import type { AuditFilter, AuditPage, AuditTrail } from '#domain/audit/ports.ts';
import { auditExpiry } from '#domain/audit/retention.ts';
import { auditWriteFailure } from '#platform/audit-write-failure.ts';
import { documentClient, isConditionFailure } from './document-client.ts';
import { keys, withoutKeys } from './keys.ts';
import { readListingPage } from './listing-page.ts';

/**
 * The org's audit trail: one item per line in the org's partition, sorted by time
 * (`AUDIT#<at>#<random>`), written once with a put that refuses an existing key — never updated.
 * `expiresAt` (epoch seconds, 90 days on) lets the table's TTL remove it; reads filter on it too,
 * since TTL deletes lazily. A put that fails (throttled, unreachable) throws `AuditWriteFailed`.
 */
export class DynamoAuditTrail implements AuditTrail {
  constructor(private readonly tableName: string) {}

  async record(entry: AuditEntry, at: Date, lineKey?: string): Promise<AuditRecord> {
    const record = auditRecordOf(entry, at, lineKey ?? randomBytes(6).toString('hex'));
    try {
      await documentClient().send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.auditLine(record.orgId, record.auditId),
            ...record,
            expiresAt: Math.ceil(auditExpiry(record.at).getTime() / 1000),
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      // A keyed line already there was written by an earlier attempt: once is the point.
      if (lineKey !== undefined && isConditionFailure(error)) return record;
      throw auditWriteFailure(entry, error);
    }
    return record;
  }

  async list(
    orgId: string,
    filter: AuditFilter,
    page: { limit: number; cursor?: string },
    now: Date,
  ): Promise<AuditPage> {
    const pk = keys.org(orgId);
    const from = `${keys.auditPrefix}${filter.since ?? ''}`;
    // `~` sorts after every character of an ISO instant: the upper end of the org's lines.
    const to = `${keys.auditPrefix}~`;
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {
      ':pk': pk,
      ':from': from,
      ':to': to,
      ':now': Math.floor(now.getTime() / 1000),
    };
    const filters = ['expiresAt > :now'];
    if (filter.actor !== undefined) {
      // As `actedAs`: a key or its person, a link or the person it was sent to.
      const members = ['agentId', 'keyId', 'linkId', 'recipient'];
      names['#actor'] = 'actor';
      for (const member of members) names[`#${member}`] = member;
      values[':actor'] = filter.actor;
      filters.push(`(${members.map((member) => `#actor.#${member} = :actor`).join(' OR ')})`);
    }
    if (filter.action !== undefined) {
      names['#action'] = 'action';
      values[':action'] = filter.action;
      filters.push('#action = :action');
    }
    const { items, cursor } = await readListingPage(
      {
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        FilterExpression: filters.join(' AND '),
        ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
        ConsistentRead: true,
      },
      {
        limit: page.limit,
        ...(page.cursor !== undefined ? { cursor: page.cursor } : {}),
        // Only a key this listing could have issued: the org's, an audit line, within `since`.
        accepts: ({ PK, SK, ...extra }) =>
          Object.keys(extra).length === 0 && PK === pk && typeof SK === 'string' && SK >= from && SK <= to,
        map: (item) => withoutKeys<AuditRecord>(item),
      },
    );
    return cursor !== undefined ? { records: items, cursor } : { records: items };
  }
}
