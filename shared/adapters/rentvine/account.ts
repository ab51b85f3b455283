import type { IdempotencyLedger } from '#domain/messaging/ports.ts';
import type {
  RentvineAccount,
  WorkOrderFields,
  WorkOrderWrite,
  WriteIntent,
} from '#domain/rentvine/ports.ts';
import type { RentvineHttp } from './http.ts';
import { RentvineAccountReader } from './reader.ts';
import { PROBE_PATH } from './sessions.ts';
import { RentvineWorkOrderWriter, type WorkOrderWriterOptions } from './work-orders.ts';

/** One org's Rentvine account: reads, keyed writes through the ledger, and a reachability probe. */
export class RentvineClient extends RentvineAccountReader implements RentvineAccount {
  readonly #writer: RentvineWorkOrderWriter;

  constructor(http: RentvineHttp, ledger: IdempotencyLedger, options: WorkOrderWriterOptions = {}) {
    super(http);
    this.#writer = new RentvineWorkOrderWriter(http, this, ledger, options);
  }

  create(fields: WorkOrderFields, intent: WriteIntent): Promise<WorkOrderWrite> {
    return this.#writer.create(fields, intent);
  }

  update(
    workOrderId: string,
    changes: Partial<Omit<WorkOrderFields, 'propertyId'>>,
    intent: WriteIntent,
  ): Promise<WorkOrderWrite> {
    return this.#writer.update(workOrderId, changes, intent);
  }

  reopen(workOrderId: string, intent: WriteIntent): Promise<WorkOrderWrite> {
    return this.#writer.reopen(workOrderId, intent);
  }

  async probe(): Promise<void> {
    await this.get(PROBE_PATH, {});
  }
}
