import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { Agent } from '#domain/agents/agent.ts';
import type { AgentDirectory } from '#domain/agents/ports.ts';
import { documentClient } from './document-client.ts';
import { readDue } from './due-index.ts';
import { keys, withoutKeys } from './keys.ts';
import { putIfAbsent, putOnVersion } from './versioned-put.ts';

/** An org has tens of people: a listing needing this many 1 MB pages means something is wrong. */
const MAX_LIST_PAGES = 20;

/**
 * The org's agents, one item each in its partition (`AGENT#<agentId>`). Every write is a
 * conditional put: a create on the id being free, a save on the version read (a whole put, so a
 * removed shift takes its due-index entry with it).
 */
export class DynamoAgentDirectory implements AgentDirectory {
  constructor(private readonly tableName: string) {}

  async create(agent: Agent): Promise<'created' | 'exists'> {
    return putIfAbsent(this.tableName, agentItem(agent));
  }

  async get(orgId: string, agentId: string): Promise<Agent | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: this.tableName, Key: keys.agent(orgId, agentId), ConsistentRead: true }),
    );
    return Item ? Agent.parse(withoutKeys(Item)) : undefined;
  }

  async save(next: Agent, expectedVersion: number): Promise<'saved' | 'conflict'> {
    return putOnVersion(this.tableName, agentItem(next), expectedVersion);
  }

  async list(orgId: string): Promise<readonly Agent[]> {
    const agents: Agent[] = [];
    let startKey: Record<string, unknown> | undefined;
    for (let page = 0; page < MAX_LIST_PAGES; page += 1) {
      const { Items = [], LastEvaluatedKey } = await documentClient().send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :agents)',
          ExpressionAttributeValues: { ':pk': keys.org(orgId), ':agents': keys.agentPrefix },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      agents.push(...Items.map((item) => Agent.parse(withoutKeys(item))));
      if (!LastEvaluatedKey) return agents;
      startKey = LastEvaluatedKey;
    }
    throw new Error(`org ${orgId} has more agents than ${MAX_LIST_PAGES} pages hold`);
  }

  async shiftStartsDue(
    at: Date,
    page: { limit: number; cursor?: string },
  ): Promise<{ due: readonly { orgId: string; id: string; dueAt: string }[]; cursor?: string }> {
    const { due, cursor } = await readDue(this.tableName, 'shift', at, page);
    return cursor ? { due, cursor } : { due };
  }
}

/**
 * The stored item: the agent as its schema says it is, at its key, and in the due index (family
 * `shift`) at its next shift start while it has one — in the same put, so the two never disagree.
 */
function agentItem(agent: Agent): Record<string, unknown> {
  const record = Agent.parse(agent);
  return {
    ...keys.agent(record.orgId, record.agentId),
    ...(record.nextShiftStartAt
      ? keys.due(record.orgId, record.agentId, record.nextShiftStartAt, 'shift')
      : {}),
    ...record,
  };
}
