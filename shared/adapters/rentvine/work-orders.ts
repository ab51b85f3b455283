import { createHash } from 'node:crypto';
import type { IdempotencyLedger } from '#domain/messaging/ports.ts';
import {
  RentvineError,
  type RentvineWorkOrders,
  type WorkOrderFields,
  type WorkOrderWrite,
  type WriteIntent,
} from '#domain/rentvine/ports.ts';
import type { WorkOrderSnapshot } from '#domain/rentvine/snapshots.ts';
import { RentvineId, RentvineInt } from '#domain/rentvine/wire.ts';
import { count, logger } from '#platform/observability.ts';
import { isDemoAccount } from './connection.ts';
import { toRentvineError } from './failures.ts';
import type { RentvineHttp } from './http.ts';
import { WriteOutcomeUnknownError } from './http-errors.ts';
import type { RentvineAccountReader } from './reader.ts';
import { unwrap } from './resources.ts';
import { anyChanged, notApplied, sentFieldsOf, textToHtml, wireBody } from './work-order-fields.ts';

const SEARCH_PAGE_SIZE = 500;
/** A property with more work orders than this is not searched further. */
const MAX_SEARCH_PAGES = 20;

type Compared = ReturnType<typeof sentFieldsOf>;

/** What the ledger keeps of a write: enough to answer a replay without sending anything. */
type Recorded =
  | { readonly outcome: 'done'; readonly workOrderId: string; readonly before?: Compared }
  /** The request may have reached Rentvine: a re-read decides, nothing is re-sent. */
  | { readonly outcome: 'unknown'; readonly workOrderId?: string; readonly before?: Compared };

export interface WorkOrderWriterOptions {
  /** Lets writes reach Rentvine's shared demo accounts (`demopm{N}`): tests that mean to, only. */
  readonly allowDemoWrites?: boolean;
}

/**
 * Creates and updates work orders, each write once per caller key (the idempotency ledger: a
 * retried or redelivered request never makes a second work order), then re-reads the work order
 * to report what Rentvine actually holds. A write whose request may have reached Rentvine without
 * an answer is not sent again: the ledger keeps it as unknown and a re-read settles it.
 *
 * "Changed nothing": Rentvine answered 2xx, and none of the fields sent reads differently after
 * the write than before it — whether because Rentvine ignored the write (its quirk with a wrapped
 * body) or because the values were already current. Both are reported (`changed: false`, the
 * RentvineWriteIneffective count and a warning saying which).
 */
export class RentvineWorkOrderWriter implements RentvineWorkOrders {
  private defaultStatus: Promise<string> | undefined;

  constructor(
    private readonly http: RentvineHttp,
    private readonly reader: RentvineAccountReader,
    private readonly ledger: IdempotencyLedger,
    private readonly options: WorkOrderWriterOptions = {},
  ) {}

  async create(fields: WorkOrderFields, intent: WriteIntent): Promise<WorkOrderWrite> {
    this.refuseDemoAccount();
    const statusId = fields.workOrderStatusId ?? (await this.pendingStatusId());
    const body = {
      ...wireBody({ ...fields, workOrderStatusId: statusId }),
      // The marker finds this work order again after a create whose answer was lost (an HTML
      // comment: invisible where Rentvine shows the description).
      description: `${textToHtml(fields.description)}<!-- aictive:${this.marker(intent)} -->`,
      sendVendorNotification: notifiesVendor(intent),
    };
    let sent = false;
    const recorded = await this.ledger.once<Recorded>(
      this.effect(`create:${intent.idempotencyKey}`),
      async () => {
        sent = true;
        try {
          const { body: answer } = await this.http.post('/maintenance/work-orders', body);
          const workOrderId = idOf(answer);
          return workOrderId ? { outcome: 'done', workOrderId } : { outcome: 'unknown' };
        } catch (error) {
          if (error instanceof WriteOutcomeUnknownError) return { outcome: 'unknown' };
          throw toRentvineError(error);
        }
      },
    );
    const workOrderId = recorded.workOrderId ?? (await this.findCreated(fields, intent));
    const workOrder = await this.reread(workOrderId);
    if (!workOrder) {
      this.reportIneffective('create', workOrderId, 'not_found');
      throw new RentvineError('unavailable', `work order ${workOrderId} was created but cannot be read back`);
    }
    return { workOrder, changed: true, replayed: !sent };
  }

  async update(
    workOrderId: string,
    changes: Partial<Omit<WorkOrderFields, 'propertyId'>>,
    intent: WriteIntent,
  ): Promise<WorkOrderWrite> {
    this.refuseDemoAccount();
    // Bare, never wrapped: a wrapped body answers 200 and changes nothing.
    const body = { ...wireBody(changes), sendVendorNotification: notifiesVendor(intent) };
    let sent = false;
    const effect = this.effect(`update:${workOrderId}:${intent.idempotencyKey}`);
    const recorded = await this.ledger.once<Recorded>(effect, async () => {
      sent = true;
      const current = await this.reread(workOrderId);
      if (!current) throw new RentvineError('rejected', `work order ${workOrderId} does not exist`);
      const before = sentFieldsOf(current, changes);
      try {
        await this.http.post(`/maintenance/work-orders/${encodeURIComponent(workOrderId)}`, body);
        return { outcome: 'done', workOrderId, before };
      } catch (error) {
        if (error instanceof WriteOutcomeUnknownError) return { outcome: 'unknown', workOrderId, before };
        throw toRentvineError(error);
      }
    });
    const after = await this.reread(workOrderId);
    if (!after) throw new RentvineError('unavailable', `work order ${workOrderId} cannot be read back`);
    const missing = notApplied(changes, after);
    if (recorded.outcome === 'unknown' && missing.length > 0)
      throw new RentvineError(
        'unavailable',
        `the update of work order ${workOrderId} may not have reached Rentvine (${missing.join(', ')} not as sent); not re-sent automatically`,
      );
    const changed = anyChanged(recorded.before ?? {}, after, changes);
    if (!changed)
      this.reportIneffective('update', workOrderId, missing.length > 0 ? 'not_applied' : 'already_current');
    return { workOrder: after, changed, replayed: !sent };
  }

  async reopen(workOrderId: string, intent: WriteIntent): Promise<WorkOrderWrite> {
    return this.update(workOrderId, { workOrderStatusId: await this.pendingStatusId() }, intent);
  }

  private async reread(workOrderId: string): Promise<WorkOrderSnapshot | undefined> {
    const snapshot = await this.reader.read({ kind: 'work_order', id: workOrderId });
    // The reader parsed it with WorkOrderSnapshot: its data is that schema's output.
    return snapshot ? (snapshot.data as WorkOrderSnapshot) : undefined;
  }

  /**
   * The work order a create whose answer was lost made, if it made one: the property's work
   * orders are searched for this write's marker. None found → unknown, and not sent again.
   */
  private async findCreated(fields: WorkOrderFields, intent: WriteIntent): Promise<string> {
    const marker = `aictive:${this.marker(intent)}`;
    // Raw rows, not snapshots: the marker is an HTML comment, which snapshots drop.
    for (let page = 1; page <= MAX_SEARCH_PAGES; page += 1) {
      const { body } = await this.http
        .get('/maintenance/work-orders', { propertyID: fields.propertyId, page, pageSize: SEARCH_PAGE_SIZE })
        .catch((error: unknown) => {
          throw toRentvineError(error);
        });
      const rows = Array.isArray(body) ? body : [];
      for (const row of rows) {
        const workOrder = unwrap(row, 'workOrder') as { description?: unknown; workOrderID?: unknown };
        const id = RentvineId.safeParse(workOrder.workOrderID);
        if (id.success && typeof workOrder.description === 'string' && workOrder.description.includes(marker))
          return id.data;
      }
      if (rows.length < SEARCH_PAGE_SIZE) break;
    }
    throw new RentvineError(
      'unavailable',
      'a work-order create may have reached Rentvine and the property shows no sign of it; not re-sent automatically',
    );
  }

  /** A new work order's status when the caller names none: the account's first pending one (Rentvine wants one on create). */
  private pendingStatusId(): Promise<string> {
    this.defaultStatus ??= this.http
      .get('/maintenance/work-order/statuses')
      .then(({ body }) => {
        const statuses = (Array.isArray(body) ? body : []).map((row) => unwrap(row, 'workOrderStatus'));
        for (const status of statuses as {
          workOrderStatusID?: unknown;
          primaryWorkOrderStatusID?: unknown;
        }[]) {
          const primary = RentvineInt.safeParse(status.primaryWorkOrderStatusID);
          const id = RentvineId.safeParse(status.workOrderStatusID);
          if (primary.success && primary.data === 1 && id.success) return id.data;
        }
        throw new RentvineError('rejected', 'the account has no pending work-order status', {
          workOrderStatusID: ['required; the account lists no pending status'],
        });
      })
      .catch((error: unknown) => {
        this.defaultStatus = undefined;
        throw toRentvineError(error);
      });
    return this.defaultStatus;
  }

  private refuseDemoAccount(): void {
    if (isDemoAccount(this.http.baseUrl) && !this.options.allowDemoWrites)
      throw new RentvineError('rejected', 'writes to Rentvine demo accounts (demopm…) are refused', {
        account: ['a demo account: writes are not allowed'],
      });
  }

  private effect(key: string) {
    return { orgId: this.http.orgId, key: `rentvine:work-order:${key}` };
  }

  /** A digest of the org and the caller's key: findable, and says nothing of either. */
  private marker(intent: WriteIntent): string {
    return createHash('sha256')
      .update(`${this.http.orgId}\n${intent.idempotencyKey}`)
      .digest('hex')
      .slice(0, 24);
  }

  private reportIneffective(write: 'create' | 'update', workOrderId: string, reason: string): void {
    count('RentvineWriteIneffective');
    logger.warn('Rentvine answered a work-order write that changed nothing', {
      orgId: this.http.orgId,
      write,
      workOrderId,
      reason,
    });
  }
}

/**
 * Rentvine notifies the vendor unless told not to (its default is TRUE): only a dispatch a human
 * approved, said in so many words, does — a caller that omits the flag at run time sends false.
 */
function notifiesVendor(intent: WriteIntent): boolean {
  return intent.dispatchApproved === true;
}

/** The work order's id in a create's answer, `{workOrder, schedulingStatusID}` or bare. */
function idOf(answer: unknown): string | undefined {
  const workOrder = unwrap(answer, 'workOrder') as { workOrderID?: unknown } | undefined;
  const id = RentvineId.safeParse(workOrder?.workOrderID);
  return id.success ? id.data : undefined;
}
