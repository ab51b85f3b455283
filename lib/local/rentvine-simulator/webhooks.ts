import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { bodySignatureDigest } from '#platform/security/rentvine-body-signature.ts';
import type { ChangedEntity, PortfolioChange } from './portfolio.ts';

/**
 * The event types the simulator sends, in one table. Rentvine's exact strings are unpublished; what is
 * known (docs/RENTVINE.md) is the namespace prefix (`maintenance::workOrder`, `lease`) and the action
 * suffix. Property, unit and contact events are unconfirmed: none is sent, only a sync sees them.
 */
export const WEBHOOK_EVENT_TYPES: Readonly<
  Partial<Record<ChangedEntity, Readonly<Record<PortfolioChange['action'], string>>>>
> = {
  workOrder: { created: 'maintenance::workOrder.created', updated: 'maintenance::workOrder.updated' },
  lease: { created: 'lease.created', updated: 'lease.updated' },
  leaseCharge: { created: 'lease::charge.created', updated: 'lease::charge.updated' },
};

/** Deliveries kept in `deliveries` for tests and demos (the oldest dropped first). */
const MAX_KEPT_DELIVERIES = 1000;

/** Rentvine keeps no address on a webhook's record: the receiver enriches through the API. */
const ADDRESS_FIELDS = new Set(['address', 'address2', 'city', 'stateID', 'postalCode']);

export interface WebhookTarget {
  readonly url: string;
  /** The webhook's signing key, as configured in Rentvine's UI (one per webhook). */
  readonly signingKey: string;
  /** Only these event types (Rentvine configures one webhook per event); all when absent. */
  readonly eventTypes?: readonly string[];
}

export interface WebhookDelivery {
  readonly url: string;
  readonly eventType: string;
  readonly objectID: string;
  readonly body: string;
  /** The status of each attempt; 0 when the connection failed. */
  readonly attempts: number[];
  /** 'delivered' after a 2xx, 'failed' after the last retry. */
  state: 'pending' | 'delivered' | 'failed';
}

export interface WebhookSenderOptions {
  readonly targets: readonly WebhookTarget[];
  /** Delay before the first attempt; Rentvine's is about a second. */
  readonly latencyMs: number;
  /** Delay before retry n is `retryDelayMs * 2^(n-1)`. */
  readonly retryDelayMs: number;
  /** Attempts per delivery, first included. */
  readonly maxAttempts: number;
  readonly clock: () => Date;
}

/**
 * Posts a delivery for every reported change the way Rentvine does: the body scheme
 * (`auth: {signature, token, timestamp}` inside the JSON), the full record without its address as
 * `data`, and an `event.changes` that leaves out at least one changed field, alternately as an
 * object and as a list. Retries failed deliveries a few times (at-least-once: a delivery whose
 * answer was lost arrives twice).
 */
export class WebhookSender {
  readonly deliveries: WebhookDelivery[] = [];
  private readonly targets: WebhookTarget[];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly aborts = new AbortController();
  private sent = 0;
  private duplicates = 0;

  constructor(private readonly options: WebhookSenderOptions) {
    this.targets = [...options.targets];
  }

  addTarget(target: WebhookTarget): void {
    this.targets.push(target);
  }

  /** Queues the deliveries of one change. */
  send(change: PortfolioChange): void {
    const eventType = WEBHOOK_EVENT_TYPES[change.entity]?.[change.action];
    if (!change.webhook || !eventType) return;
    for (const target of this.targets) {
      if (target.eventTypes && !target.eventTypes.includes(eventType)) continue;
      const delivery: WebhookDelivery = {
        url: target.url,
        eventType,
        objectID: change.objectID,
        body: this.body(change, eventType, target.signingKey),
        attempts: [],
        state: 'pending',
      };
      const copies = this.duplicates > 0 ? 2 : 1;
      if (copies === 2) this.duplicates -= 1;
      for (let copy = 0; copy < copies; copy++)
        this.start(copy === 0 ? delivery : { ...delivery, attempts: [] });
    }
  }

  /** The next `count` deliveries arrive twice, same body (Rentvine's retries are at-least-once). */
  duplicateNext(count = 1): void {
    this.duplicates += count;
  }

  private start(delivery: WebhookDelivery): void {
    this.deliveries.push(delivery);
    if (this.deliveries.length > MAX_KEPT_DELIVERIES)
      this.deliveries.splice(0, this.deliveries.length - MAX_KEPT_DELIVERIES);
    const run = this.deliver(delivery).finally(() => this.inFlight.delete(run));
    this.inFlight.add(run);
  }

  /** Resolves when every queued delivery has been delivered or has failed (bounded by the retries). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Stops retrying and drops what is pending. */
  async close(): Promise<void> {
    this.aborts.abort();
    await this.idle();
  }

  private body(change: PortfolioChange, eventType: string, signingKey: string): string {
    const data = Object.fromEntries(
      Object.entries(change.record).filter(([key]) => !ADDRESS_FIELDS.has(key)),
    );
    const payload = {
      event: {
        eventType,
        objectID: change.objectID,
        userID: change.userID,
        changes: this.incompleteChanges(change),
        options: { sendVendorNotification: change.sendVendorNotification ?? false },
      },
      data,
    };
    return signed(signingKey, payload, {
      timestamp: String(Math.floor(this.options.clock().getTime() / 1000)),
      token: randomBytes(25).toString('hex'),
    });
  }

  /**
   * Every changed field but the last one (and never `dateTimeModified`): Rentvine's diff was seen
   * to omit a changed field. Odd deliveries send a list, even ones an object.
   */
  private incompleteChanges(change: PortfolioChange): unknown {
    const reported = Object.entries(change.changes)
      .filter(([field]) => field !== 'dateTimeModified')
      .slice(0, -1);
    const asList = this.sent++ % 2 === 1;
    return asList
      ? reported.map(([field, [oldValue, newValue]]) => ({ field, oldValue, newValue }))
      : Object.fromEntries(
          reported.map(([field, [oldValue, newValue]]) => [field, { old: oldValue, new: newValue }]),
        );
  }

  private async deliver(delivery: WebhookDelivery): Promise<void> {
    const { signal } = this.aborts;
    try {
      await sleep(this.options.latencyMs, undefined, { signal });
      for (let attempt = 1; attempt <= this.options.maxAttempts; attempt++) {
        const status = await post(delivery, signal);
        delivery.attempts.push(status);
        if (status >= 200 && status < 300) {
          delivery.state = 'delivered';
          return;
        }
        if (attempt < this.options.maxAttempts)
          await sleep(this.options.retryDelayMs * 2 ** (attempt - 1), undefined, { signal });
      }
      delivery.state = 'failed';
    } catch {
      delivery.state = 'failed';
    }
  }
}

/**
 * The payload with `auth: {signature, token, timestamp}` appended, signed as the platform's body
 * scheme reads it (hex, unix seconds, a fresh token): the one place that knows the algorithm.
 */
function signed(signingKey: string, payload: object, stamp: { timestamp: string; token: string }): string {
  const signature = bodySignatureDigest(signingKey, stamp.timestamp, stamp.token).toString('hex');
  return JSON.stringify({ ...payload, auth: { signature, ...stamp } });
}

async function post(delivery: WebhookDelivery, signal: AbortSignal): Promise<number> {
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Rentvine-Webhooks (simulator)' },
      body: delivery.body,
      signal: AbortSignal.any([signal, AbortSignal.timeout(10_000)]),
    });
    await response.arrayBuffer();
    return response.status;
  } catch (error) {
    if (signal.aborted) throw error;
    return 0;
  }
}
