import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { logger } from '#platform/observability.ts';
import type { CircuitRecorder, CircuitStatus } from '#platform/resilience/circuit.ts';
import { documentClient, isConditionFailure } from './document-client.ts';
import { keys } from './keys.ts';

/** The last transition any instance saw of a circuit. */
export interface CircuitRecord {
  readonly circuit: string;
  readonly state: CircuitStatus;
  readonly changedAt: string;
}

/**
 * Circuit breakers live in one function instance's memory; their transitions are written to the
 * main table so other functions (the readiness check) can see them. With several instances the
 * latest transition wins; an older one arriving late never overwrites a newer one. One item per
 * circuit: a keyed breaker (one per org) is its own circuit, `name:orgId`.
 */
export class CircuitJournal implements CircuitRecorder {
  constructor(private readonly tableName: string) {}

  /** Never throws: a failed write must not fail the call that caused the transition. */
  async record(circuit: string, state: CircuitStatus, at: Date): Promise<void> {
    const changedAt = at.toISOString();
    try {
      await documentClient().send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.circuit(circuit), circuit, state, changedAt },
          ConditionExpression: 'attribute_not_exists(PK) OR changedAt <= :at',
          ExpressionAttributeValues: { ':at': changedAt },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) return;
      logger.warn('could not record a circuit transition', { circuit, state, error });
    }
  }

  /** Undefined when no transition was ever recorded (the circuit never left `closed`). */
  async read(circuit: string): Promise<CircuitRecord | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: this.tableName, Key: keys.circuit(circuit), ConsistentRead: true }),
    );
    return Item
      ? { circuit, state: Item.state as CircuitStatus, changedAt: String(Item.changedAt) }
      : undefined;
  }
}
