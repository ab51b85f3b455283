import {
  type ContactRole,
  money,
  primaryStatusOf,
  type SimBalances,
  type SimContact,
  type SimLease,
  type SimLeaseCharge,
  type SimPortfolio,
  type SimProperty,
  type SimUnit,
  type SimWorkOrder,
  wireDate,
  wireDateTime,
} from './records.ts';
import { ID_BASES, type IdKind, PROBLEMS, type SeededPortfolio, workOrderHtml } from './seed.ts';

/** The entities whose changes Rentvine reports by webhook (property and unit events are unconfirmed). */
export type ChangedEntity = 'workOrder' | 'lease' | 'leaseCharge' | 'property' | 'unit' | 'contact';

/** One change to the data, as the webhook sender sees it. */
export interface PortfolioChange {
  readonly entity: ChangedEntity;
  readonly action: 'created' | 'updated';
  readonly objectID: string;
  /** The Rentvine user the change is attributed to (the API key's user for API writes). */
  readonly userID: string;
  /** Field → [before, after] of every field that changed (the delivery reports only some). */
  readonly changes: Readonly<Record<string, readonly [unknown, unknown]>>;
  /** The full record after the change. */
  readonly record: object;
  readonly sendVendorNotification?: boolean;
  /** False for changes made "without a webhook" (Rentvine missed or never sends one). */
  readonly webhook: boolean;
}

export interface ChangeOptions {
  /** Send a webhook for the change (default true; property, unit and contact changes never send). */
  readonly webhook?: boolean;
  /** Who made it: a person in Rentvine's UI by default, the API key's user for API writes. */
  readonly userID?: string;
}

export type WorkOrderPatch = Partial<
  Omit<SimWorkOrder, 'workOrderID' | 'workOrderNumber' | 'primaryWorkOrderStatusID' | 'dateTimeCreated'>
>;
export type LeasePatch = Partial<Omit<SimLease, 'leaseID' | 'dateTimeCreated'>>;
export type PropertyPatch = Partial<Omit<SimProperty, 'propertyID' | 'dateTimeCreated'>>;
export type UnitPatch = Partial<Omit<SimUnit, 'unitID' | 'propertyID' | 'dateTimeCreated'>>;
export type ContactPatch = Partial<Omit<SimContact, 'contactID' | 'contactTypeID' | 'dateTimeCreated'>>;

export interface NewWorkOrder {
  propertyID: string;
  unitID?: string | null;
  leaseID?: string | null;
  description: string;
  priorityID: '1' | '2' | '3';
  workOrderStatusID?: string;
  vendorContactID?: string | null;
  vendorTradeID?: string | null;
  estimatedAmount?: string | null;
  isOwnerApproved?: '0' | '1';
}

export class UnknownRecordError extends Error {}

/** A user of the simulated account who is not the API key's: changes by them are not echoes. */
export const MANAGER_USER_ID = '7';

/**
 * The simulated account's live data. Reads return the stored records (mutate them only through the
 * methods, which move `dateTimeModified` forward and report the change). Helpers for tests and demos:
 * `touchWorkOrder`, `changeWorkOrders(k)`, `changeLeases(k)`, `{ webhook: false }` for a change
 * Rentvine never reports.
 */
export class Portfolio {
  readonly portfolios: SimPortfolio[];
  readonly properties: SimProperty[];
  readonly units: SimUnit[];
  readonly leases: SimLease[];
  readonly charges: SimLeaseCharge[];
  readonly workOrders: SimWorkOrder[];
  private readonly balanceByLease: Map<string, SimBalances>;
  private readonly contactById: Map<string, { contact: SimContact; role: ContactRole }>;
  /** `sendVendorNotification` as last written per work order (Rentvine's default is true). */
  private readonly vendorNotifications = new Map<string, boolean>();
  private readonly listeners: ((change: PortfolioChange) => void)[] = [];
  private readonly nextIds: Record<IdKind, number>;
  private touches = 0;

  constructor(
    seeded: SeededPortfolio,
    private readonly clock: () => Date,
  ) {
    this.portfolios = seeded.portfolios;
    this.properties = seeded.properties;
    this.units = seeded.units;
    this.leases = seeded.leases;
    this.charges = seeded.charges;
    this.workOrders = seeded.workOrders;
    this.balanceByLease = seeded.balances;
    this.contactById = seeded.contacts;
    const maxId = (kind: IdKind, values: string[]) =>
      Math.max(ID_BASES[kind] - 1, ...values.map(Number).filter(Number.isFinite)) + 1;
    this.nextIds = {
      portfolio: maxId(
        'portfolio',
        this.portfolios.map((p) => p.portfolioID),
      ),
      property: maxId(
        'property',
        this.properties.map((p) => p.propertyID),
      ),
      unit: maxId(
        'unit',
        this.units.map((u) => u.unitID),
      ),
      contact: maxId('contact', [...this.contactById.keys()]),
      lease: maxId(
        'lease',
        this.leases.map((l) => l.leaseID),
      ),
      charge: maxId(
        'charge',
        this.charges.map((c) => c.leaseChargeID),
      ),
      workOrder: maxId(
        'workOrder',
        this.workOrders.map((w) => w.workOrderID),
      ),
    };
  }

  /** Called on every change, in order (the webhook sender subscribes here). */
  onChange(listener: (change: PortfolioChange) => void): void {
    this.listeners.push(listener);
  }

  // ---- reads ----

  property(id: string): SimProperty | undefined {
    return this.properties.find((p) => p.propertyID === id);
  }
  portfolio(id: string): SimPortfolio | undefined {
    return this.portfolios.find((p) => p.portfolioID === id);
  }
  unit(id: string): SimUnit | undefined {
    return this.units.find((u) => u.unitID === id);
  }
  lease(id: string): SimLease | undefined {
    return this.leases.find((l) => l.leaseID === id);
  }
  workOrder(id: string): SimWorkOrder | undefined {
    return this.workOrders.find((w) => w.workOrderID === id);
  }
  balances(leaseID: string): SimBalances {
    return (
      this.balanceByLease.get(leaseID) ?? {
        unpaidTotalAmount: '0.00',
        unpaidRentAmount: '0.00',
        pastDueTotalAmount: '0.00',
        pastDueRentAmount: '0.00',
      }
    );
  }
  unpaidCharges(leaseID: string): SimLeaseCharge[] {
    return this.charges.filter((c) => c.leaseID === leaseID && Number(c.amountPaid) < Number(c.amount));
  }
  contacts(role: ContactRole): SimContact[] {
    return [...this.contactById.values()].filter((c) => c.role === role).map((c) => c.contact);
  }
  contact(id: string, role?: ContactRole): SimContact | undefined {
    const found = this.contactById.get(id);
    return found && (role === undefined || found.role === role) ? found.contact : undefined;
  }
  /** The `sendVendorNotification` Rentvine applied to the work order's last create or update. */
  vendorNotification(workOrderID: string): boolean | undefined {
    return this.vendorNotifications.get(workOrderID);
  }
  /** Work orders not closed or cancelled. */
  openWorkOrders(): SimWorkOrder[] {
    return this.workOrders.filter(
      (w) => w.primaryWorkOrderStatusID !== '3' && w.primaryWorkOrderStatusID !== '5',
    );
  }

  // ---- writes ----

  createWorkOrder(
    fields: NewWorkOrder,
    options: ChangeOptions & { sendVendorNotification?: boolean } = {},
  ): SimWorkOrder {
    if (!this.property(fields.propertyID)) throw new UnknownRecordError(`property ${fields.propertyID}`);
    const now = wireDateTime(this.clock());
    const status = fields.workOrderStatusID ?? '11';
    const workOrderID = String(this.nextIds.workOrder++);
    const record: SimWorkOrder = {
      workOrderID,
      workOrderNumber: String(Number(workOrderID) - ID_BASES.workOrder + 1001),
      propertyID: fields.propertyID,
      unitID: fields.unitID ?? null,
      leaseID: fields.leaseID ?? null,
      description: fields.description,
      priorityID: fields.priorityID,
      workOrderStatusID: status,
      primaryWorkOrderStatusID: primaryStatusOf(status) ?? '1',
      vendorContactID: fields.vendorContactID ?? null,
      vendorTradeID: fields.vendorTradeID ?? null,
      estimatedAmount: fields.estimatedAmount ?? null,
      isOwnerApproved: fields.isOwnerApproved ?? '0',
      scheduledStartDate: null,
      scheduledEndDate: null,
      actualStartDate: null,
      actualEndDate: null,
      dateClosed: null,
      requestedByContactName: null,
      dateTimeCreated: now,
      dateTimeModified: now,
    };
    this.workOrders.push(record);
    const notify = options.sendVendorNotification ?? true;
    this.vendorNotifications.set(workOrderID, notify);
    this.emit('workOrder', 'created', workOrderID, {}, record, options, notify);
    return record;
  }

  /** Applies the patch; returns the changed fields (none: nothing moves, nothing is reported). */
  updateWorkOrder(
    id: string,
    patch: WorkOrderPatch,
    options: ChangeOptions & { sendVendorNotification?: boolean } = {},
  ): string[] {
    const record = this.mustFind(this.workOrder(id), 'work order', id);
    const next: WorkOrderPatch & { primaryWorkOrderStatusID?: string } = { ...patch };
    if (patch.workOrderStatusID !== undefined) {
      next.primaryWorkOrderStatusID =
        primaryStatusOf(patch.workOrderStatusID) ?? record.primaryWorkOrderStatusID;
      const closing = next.primaryWorkOrderStatusID === '3' || next.primaryWorkOrderStatusID === '5';
      if (closing && !record.dateClosed && patch.dateClosed === undefined)
        next.dateClosed = wireDate(this.clock());
    }
    const notify = options.sendVendorNotification ?? true;
    const changed = this.apply('workOrder', record, next, options, notify);
    if (changed.length > 0) this.vendorNotifications.set(id, notify);
    return changed;
  }

  updateLease(id: string, patch: LeasePatch, options: ChangeOptions = {}): string[] {
    return this.apply('lease', this.mustFind(this.lease(id), 'lease', id), patch, options);
  }

  updateProperty(id: string, patch: PropertyPatch, options: ChangeOptions = {}): string[] {
    return this.apply('property', this.mustFind(this.property(id), 'property', id), patch, {
      ...options,
      webhook: false,
    });
  }

  updateUnit(id: string, patch: UnitPatch, options: ChangeOptions = {}): string[] {
    return this.apply('unit', this.mustFind(this.unit(id), 'unit', id), patch, {
      ...options,
      webhook: false,
    });
  }

  updateContact(id: string, patch: ContactPatch, options: ChangeOptions = {}): string[] {
    return this.apply('contact', this.mustFind(this.contact(id), 'contact', id), patch, {
      ...options,
      webhook: false,
    });
  }

  /**
   * A new charge on a lease: the balances grow, the lease's modified time moves (Rentvine moves it
   * on charges) and a lease-charge event is sent; the lease itself gets no event.
   */
  addLeaseCharge(
    leaseID: string,
    charge: {
      amount: number;
      description?: string;
      chargeAccountID?: string;
      dateDue?: string;
      rent?: boolean;
    },
    options: ChangeOptions = {},
  ): SimLeaseCharge {
    const lease = this.mustFind(this.lease(leaseID), 'lease', leaseID);
    const now = this.clock();
    const record: SimLeaseCharge = {
      leaseChargeID: String(this.nextIds.charge++),
      leaseID,
      propertyID: lease.propertyID,
      unitID: lease.unitID,
      chargeAccountID: charge.chargeAccountID ?? (charge.rent ? '4000' : '4200'),
      amount: money(charge.amount),
      amountPaid: '0.00',
      description: charge.description ?? (charge.rent ? 'Rent' : 'Charge'),
      dateDue: charge.dateDue ?? wireDate(now),
      isRecurring: '0',
      dateTimeCreated: wireDateTime(now),
      dateTimeModified: wireDateTime(now),
    };
    this.charges.push(record);
    const balances = this.balances(leaseID);
    const add = (value: string, amount: number) => money(Number(value) + amount);
    const pastDue = record.dateDue < wireDate(now);
    this.balanceByLease.set(leaseID, {
      unpaidTotalAmount: add(balances.unpaidTotalAmount, charge.amount),
      unpaidRentAmount: add(balances.unpaidRentAmount, charge.rent ? charge.amount : 0),
      pastDueTotalAmount: add(balances.pastDueTotalAmount, pastDue ? charge.amount : 0),
      pastDueRentAmount: add(balances.pastDueRentAmount, pastDue && charge.rent ? charge.amount : 0),
    });
    this.apply('lease', lease, {}, { ...options, webhook: false }, undefined, true);
    this.emit('leaseCharge', 'created', record.leaseChargeID, {}, record, options);
    return record;
  }

  /**
   * A payment: balances shrink and the lease's modified time moves. Rentvine sends no payment event,
   * so nothing is delivered: only a sync sees it.
   */
  receivePayment(leaseID: string, amount: number): void {
    const lease = this.mustFind(this.lease(leaseID), 'lease', leaseID);
    const balances = this.balances(leaseID);
    const less = (value: string) => money(Math.max(0, Number(value) - amount));
    this.balanceByLease.set(leaseID, {
      unpaidTotalAmount: less(balances.unpaidTotalAmount),
      unpaidRentAmount: less(balances.unpaidRentAmount),
      pastDueTotalAmount: less(balances.pastDueTotalAmount),
      pastDueRentAmount: less(balances.pastDueRentAmount),
    });
    this.apply('lease', lease, {}, { webhook: false }, undefined, true);
  }

  /**
   * A plausible edit by a property manager of one work order (status moves along, priority or
   * estimate changes). Returns the changed fields.
   */
  touchWorkOrder(id: string, options: ChangeOptions = {}): string[] {
    const record = this.mustFind(this.workOrder(id), 'work order', id);
    const step = this.touches++;
    const order = ['11', '12', '13', '14', '12', '13'];
    const at = order.indexOf(record.workOrderStatusID);
    const patch: WorkOrderPatch =
      step % 3 === 2
        ? { priorityID: record.priorityID === '3' ? '2' : '3' }
        : at >= 0 && at < order.length - 1
          ? { workOrderStatusID: order[at + 1] ?? '12', isOwnerApproved: '1' }
          : {
              estimatedAmount: money(Number(record.estimatedAmount ?? 100) + 25),
              description: `${record.description}<p>Update ${step + 1}: tenant confirmed access.</p>`,
            };
    return this.updateWorkOrder(id, patch, { sendVendorNotification: false, ...options });
  }

  /** A plausible edit of one lease (notice given, end date moved, rent changed). */
  touchLease(id: string, options: ChangeOptions = {}): string[] {
    const record = this.mustFind(this.lease(id), 'lease', id);
    const step = this.touches++;
    const end = new Date(`${record.endDate}T00:00:00Z`);
    const patch: LeasePatch =
      step % 2 === 0
        ? {
            endDate: wireDate(new Date(end.getTime() + 365 * 86_400_000)),
            rentAmount: money(Number(record.rentAmount) + 25),
          }
        : { noticeDate: wireDate(this.clock()), expectedMoveOutDate: record.endDate };
    return this.updateLease(id, patch, options);
  }

  /**
   * A tenant of an active lease reports a problem and the office enters it as a new work order
   * (cycling through leases and problems, so runs are repeatable).
   */
  reportProblem(options: ChangeOptions & { sendVendorNotification?: boolean } = {}): SimWorkOrder {
    const active = this.leases.filter((l) => l.primaryLeaseStatusID === '2');
    const step = this.touches++;
    const lease = active[(step * 7) % active.length];
    const problem = PROBLEMS[step % PROBLEMS.length];
    if (!lease || !problem) throw new UnknownRecordError('no active lease to report from');
    return this.createWorkOrder(
      {
        propertyID: lease.propertyID,
        unitID: lease.unitID,
        leaseID: lease.leaseID,
        description: workOrderHtml(problem.text, lease.tenants[0]?.name),
        priorityID: problem.priority,
        vendorTradeID: problem.tradeID,
      },
      options,
    );
  }

  /** Changes `k` work orders (open ones first, spread over the list); returns their ids. */
  changeWorkOrders(k: number, options: ChangeOptions = {}): string[] {
    const open = this.openWorkOrders();
    const pool = [...open, ...this.workOrders.filter((w) => !open.includes(w))];
    const ids = this.pick(pool, k).map((w) => w.workOrderID);
    for (const id of ids) this.touchWorkOrder(id, options);
    return ids;
  }

  /** Changes `k` leases (active ones first); returns their ids. */
  changeLeases(k: number, options: ChangeOptions = {}): string[] {
    const active = this.leases.filter((l) => l.primaryLeaseStatusID === '2');
    const pool = [...active, ...this.leases.filter((l) => l.primaryLeaseStatusID !== '2')];
    const ids = this.pick(pool, k).map((l) => l.leaseID);
    for (const id of ids) this.touchLease(id, options);
    return ids;
  }

  /** Renames `k` properties (no webhook: Rentvine's property events are unconfirmed); returns their ids. */
  changeProperties(k: number): string[] {
    const suffix = ' (renovated)';
    return this.pick(this.properties, k).map((p) => {
      const name = p.name.endsWith(suffix) ? p.name.slice(0, -suffix.length) : `${p.name}${suffix}`;
      this.updateProperty(p.propertyID, { name });
      return p.propertyID;
    });
  }

  /** Changes `k` contacts of a role (a new phone number; Rentvine sends no contact event); returns their ids. */
  changeContacts(role: ContactRole, k: number): string[] {
    return this.pick(this.contacts(role), k).map((c) => {
      const last = Number(c.phone.slice(-1));
      this.updateContact(c.contactID, {
        phone: `${c.phone.slice(0, -1)}${Number.isNaN(last) ? 0 : (last + 1) % 10}`,
      });
      return c.contactID;
    });
  }

  /** Raises `k` units' listed rent (no webhook: Rentvine's unit events are unconfirmed). */
  changeUnits(k: number): string[] {
    return this.pick(this.units, k).map((u) => {
      this.updateUnit(u.unitID, { rent: money(Number(u.rent) + 10) });
      return u.unitID;
    });
  }

  /** A fresh id for a kind, for tests that need one Rentvine has never used. */
  unusedId(kind: IdKind): string {
    return String(this.nextIds[kind] + 100_000);
  }

  private pick<T>(pool: T[], k: number): T[] {
    if (k > pool.length) throw new RangeError(`only ${pool.length} records to change, asked for ${k}`);
    // Spread the picks across the list so pages other than the first change too.
    const stride = Math.max(1, Math.floor(pool.length / Math.max(1, k)));
    return Array.from(
      { length: k },
      (_, i) => pool[(i * stride + (this.touches % stride)) % pool.length] as T,
    );
  }

  private mustFind<T>(record: T | undefined, kind: string, id: string): T {
    if (!record) throw new UnknownRecordError(`no ${kind} ${id}`);
    return record;
  }

  /**
   * Applies a patch to a record. The modified time moves forward by at least a second so that two
   * changes of one record are always ordered (Rentvine's timestamps have second precision).
   */
  private apply(
    entity: ChangedEntity,
    record: object & { dateTimeModified: string },
    patch: object,
    options: ChangeOptions,
    sendVendorNotification?: boolean,
    force = false,
  ): string[] {
    const target = record as Record<string, unknown>;
    const changes: Record<string, readonly [unknown, unknown]> = {};
    for (const [field, value] of Object.entries(patch)) {
      if (value === undefined || field === 'dateTimeModified') continue;
      if (JSON.stringify(target[field]) === JSON.stringify(value)) continue;
      changes[field] = [target[field], value];
    }
    const fields = Object.keys(changes);
    if (fields.length === 0 && !force) return [];
    for (const field of fields) target[field] = changes[field]?.[1];
    const before = record.dateTimeModified;
    record.dateTimeModified = this.after(before);
    changes.dateTimeModified = [before, record.dateTimeModified];
    const id = String(target[`${entity}ID`] ?? '');
    this.emit(entity, 'updated', id, changes, record, options, sendVendorNotification);
    return fields;
  }

  private after(previous: string): string {
    const now = this.clock().getTime();
    const floor = Date.parse(`${previous.replace(' ', 'T')}Z`) + 1000;
    return wireDateTime(new Date(Number.isNaN(floor) ? now : Math.max(now, floor)));
  }

  private emit(
    entity: ChangedEntity,
    action: PortfolioChange['action'],
    objectID: string,
    changes: PortfolioChange['changes'],
    record: object,
    options: ChangeOptions,
    sendVendorNotification?: boolean,
  ): void {
    const change: PortfolioChange = {
      entity,
      action,
      objectID,
      userID: options.userID ?? MANAGER_USER_ID,
      changes,
      record,
      webhook: options.webhook ?? true,
      ...(sendVendorNotification === undefined ? {} : { sendVendorNotification }),
    };
    for (const listener of this.listeners) listener(change);
  }
}
