import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { Agent } from '#domain/agents/agent.ts';
import type { AgentDirectory } from '#domain/agents/ports.ts';
import { documentClient } from './document-client.ts';
import { keys, withoutKeys } from './keys.ts';
import { putIfAbsent, putOnVersion } from './versioned-put.ts';

/** An org has tens of people: a listing needing this many 1 MB pages means something is wrong. */
const MAX_LIST_PAGES = 20;

/**
 * The org's agents, one item each in its partition (`AGENT#<agentId>`). Every write is a
 * conditional put: a create on the id being free, a save on the version read.
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
}

/** The stored item: the agent as its schema says it is (nothing else is ever written), at its key. */
function agentItem(agent: Agent): Record<string, unknown> {
  const record = Agent.parse(agent);
  return { ...keys.agent(record.orgId, record.agentId), ...record };
}
