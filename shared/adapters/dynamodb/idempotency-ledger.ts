import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context } from 'aws-lambda';
import type { IdempotencyLedger } from '#domain/messaging/ports.ts';
import { SideEffectInProgressError, type SideEffectKey } from '#domain/messaging/side-effects.ts';

export interface LedgerOptions {
  /** How long a completed effect is remembered: longer than any retry of the work can come. */
  readonly rememberSeconds: number;
}

/**
 * The ledger on Powertools idempotency and its DynamoDB table: a well-kept implementation of the
 * record lifecycle (in progress → completed with the result, deleted on failure, in-progress
 * locks that expire with the invocation once `registerLambdaContext` is called).
 */
export class PowertoolsIdempotencyLedger implements IdempotencyLedger {
  readonly #persistence: DynamoDBPersistenceLayer;
  readonly #config: IdempotencyConfig;

  constructor(tableName: string, options: LedgerOptions) {
    this.#persistence = new DynamoDBPersistenceLayer({ tableName });
    this.#config = new IdempotencyConfig({
      eventKeyJmesPath: '[orgId, key]',
      expiresAfterSeconds: options.rememberSeconds,
    });
  }

  /** Lets an in-progress lock end with the invocation that holds it, not only at expiry. */
  registerLambdaContext(context: Context): void {
    this.#config.registerLambdaContext(context);
  }

  async once<T>(effect: SideEffectKey, run: () => Promise<T>): Promise<T> {
    const runOnce = makeIdempotent((_effect: SideEffectKey) => run(), {
      persistenceStore: this.#persistence,
      config: this.#config,
      // Records of every caller share one prefix: the key alone says which effect it is.
      keyPrefix: 'side-effect',
    });
    try {
      return (await runOnce({ orgId: effect.orgId, key: effect.key })) as T;
    } catch (error) {
      if (error instanceof IdempotencyAlreadyInProgressError) throw new SideEffectInProgressError(effect);
      throw error;
    }
  }
}
