import { base, en, en_US, Faker } from '@faker-js/faker';
import {
  type ContactRole,
  money,
  type SimBalances,
  type SimContact,
  type SimLease,
  type SimLeaseCharge,
  type SimPortfolio,
  type SimProperty,
  type SimUnit,
  type SimWorkOrder,
  VENDOR_TRADES,
  WORK_ORDER_STATUSES,
  wireDate,
  wireDateTime,
} from './records.ts';

export interface SeedOptions {
  readonly seed: number;
  readonly properties: number;
  /** Every property gets this many units (1 = single-family); overrides `units`. */
  readonly unitsPerProperty?: number;
  /** Units in total, spread over a mix of single-family and multi-unit properties. */
  readonly units: number;
  /** The day the portfolio is "as of": seeded dates and modified times lie before it. */
  readonly asOf: Date;
}

export interface SeededPortfolio {
  portfolios: SimPortfolio[];
  properties: SimProperty[];
  units: SimUnit[];
  leases: SimLease[];
  balances: Map<string, SimBalances>;
  charges: SimLeaseCharge[];
  contacts: Map<string, { contact: SimContact; role: ContactRole }>;
  workOrders: SimWorkOrder[];
}

/** First id of each kind: distinct ranges, so an id used as the wrong kind finds nothing. */
export const ID_BASES = {
  portfolio: 10,
  property: 100,
  unit: 1000,
  contact: 5000,
  lease: 20000,
  charge: 40000,
  workOrder: 60000,
} as const;
export type IdKind = keyof typeof ID_BASES;

const DAY = 86_400_000;

/** Problems tenants report, with the trade that fixes them and a plausible priority. */
export const PROBLEMS: readonly { text: string; tradeID: string; priority: '1' | '2' | '3' }[] = [
  { text: 'Kitchen faucet drips constantly', tradeID: '1', priority: '1' },
  { text: 'Bathroom sink drains slowly', tradeID: '1', priority: '1' },
  { text: 'Water leaking through the ceiling below the upstairs bathroom', tradeID: '1', priority: '3' },
  { text: 'No hot water since this morning', tradeID: '1', priority: '3' },
  { text: 'Toilet runs all night', tradeID: '1', priority: '1' },
  { text: 'Outlet in the living room sparks when used', tradeID: '2', priority: '3' },
  { text: 'Hallway light fixture flickers', tradeID: '2', priority: '1' },
  { text: 'No heat, the thermostat shows 55°F', tradeID: '3', priority: '3' },
  { text: 'AC blows warm air', tradeID: '3', priority: '2' },
  { text: 'Dishwasher does not drain', tradeID: '4', priority: '2' },
  { text: 'Refrigerator is not cooling', tradeID: '4', priority: '2' },
  { text: 'Dryer takes three cycles to dry', tradeID: '4', priority: '1' },
  { text: 'Closet door came off its track', tradeID: '5', priority: '1' },
  { text: 'Window in the bedroom will not lock', tradeID: '5', priority: '2' },
  { text: 'Ants in the kitchen', tradeID: '6', priority: '1' },
  { text: 'Mice seen in the garage', tradeID: '6', priority: '2' },
  { text: 'Front door lock is jammed, tenant locked out', tradeID: '7', priority: '3' },
  { text: 'Shingles missing after the storm', tradeID: '8', priority: '2' },
];

/**
 * A believable portfolio from a fixed seed: the same options always give the same records.
 * Generation is linear in the number of units (1,000 units take well under a second).
 */
export function seedPortfolio(options: SeedOptions): SeededPortfolio {
  const faker = new Faker({ locale: [en_US, en, base] });
  faker.seed(options.seed);
  const asOf = options.asOf.getTime();
  const ids: Record<IdKind, number> = { ...ID_BASES };
  const nextId = (kind: IdKind) => String(ids[kind]++);
  /** A modified time in the 120 days before `asOf`, never after it. */
  const pastTime = (daysBack = 120) =>
    wireDateTime(new Date(asOf - faker.number.int({ min: 60_000, max: daysBack * DAY })));
  const out: SeededPortfolio = {
    portfolios: [],
    properties: [],
    units: [],
    leases: [],
    balances: new Map(),
    charges: [],
    contacts: new Map(),
    workOrders: [],
  };

  const person = (role: ContactRole): SimContact => {
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const companyName =
      role === 'vendor' ? `${lastName} ${faker.helpers.arrayElement(COMPANY_SUFFIXES)}` : '';
    const created = pastTime(900);
    const modified = pastTime();
    const contact: SimContact = {
      contactID: nextId('contact'),
      contactTypeID: role === 'tenant' ? '1' : role === 'owner' ? '2' : '3',
      name: companyName || `${firstName} ${lastName}`,
      firstName,
      lastName,
      companyName,
      email: faker.internet.email({ firstName, lastName, provider: 'example.com' }).toLowerCase(),
      phone: faker.phone.number({ style: 'national' }),
      address: faker.location.streetAddress(),
      city: faker.location.city(),
      stateID: faker.location.state({ abbreviated: true }),
      postalCode: faker.location.zipCode('#####'),
      isActive: '1',
      birthDate: role === 'vendor' ? null : wireDate(faker.date.birthdate({ mode: 'age', min: 21, max: 80 })),
      identificationNumber: `XXX-XX-${faker.string.numeric(4)}`,
      bankAccountNumber:
        role === 'tenant' && faker.datatype.boolean(0.5) ? null : `****${faker.finance.accountNumber(4)}`,
      bankRoutingNumber: role === 'tenant' ? null : faker.finance.routingNumber(),
      vendorTradeIDs:
        role === 'vendor'
          ? faker.helpers.arrayElements(VENDOR_TRADES, { min: 1, max: 2 }).map((t) => t.vendorTradeID)
          : [],
      dateTimeCreated: created,
      dateTimeModified: modified > created ? modified : created,
    };
    out.contacts.set(contact.contactID, { contact, role });
    return contact;
  };

  // Owners, each with a portfolio; vendors covering every trade.
  const ownerCount = Math.max(1, Math.ceil(options.properties / 4));
  for (let i = 0; i < ownerCount; i++) {
    const owner = person('owner');
    out.portfolios.push({
      portfolioID: nextId('portfolio'),
      name: `${owner.lastName} Holdings`,
      ownerContactID: owner.contactID,
      isActive: '1',
      dateTimeModified: pastTime(),
    });
  }
  const vendors = Array.from({ length: Math.max(VENDOR_TRADES.length, 12) }, (_, i) => {
    const vendor = person('vendor');
    const trade = VENDOR_TRADES[i % VENDOR_TRADES.length]?.vendorTradeID;
    if (trade && !vendor.vendorTradeIDs.includes(trade)) vendor.vendorTradeIDs.unshift(trade);
    return vendor;
  });

  for (const [index, unitCount] of unitCounts(options, faker).entries()) {
    const multi = unitCount > 1;
    const street = faker.location.streetAddress();
    const city = faker.location.city();
    const stateID = faker.location.state({ abbreviated: true });
    const postalCode = faker.location.zipCode('#####');
    const created = pastTime(1500);
    const property: SimProperty = {
      propertyID: nextId('property'),
      portfolioID: out.portfolios[index % out.portfolios.length]?.portfolioID ?? '',
      name: multi ? `${faker.location.street()} ${faker.helpers.arrayElement(BUILDING_NAMES)}` : street,
      address: street,
      address2: '',
      city,
      stateID,
      postalCode,
      propertyTypeID: multi ? '2' : '1',
      isMultiUnit: multi ? '1' : '0',
      isActive: '1',
      yearBuilt: String(faker.number.int({ min: 1925, max: 2022 })),
      dateTimeCreated: created,
      dateTimeModified: pastTime(),
    };
    out.properties.push(property);
    const baseRent = faker.number.int({ min: 9, max: 28 }) * 100;
    for (let u = 0; u < unitCount; u++) {
      const beds = multi ? faker.number.int({ min: 0, max: 3 }) : faker.number.int({ min: 2, max: 5 });
      const rent = baseRent + beds * 150 + faker.number.int({ min: 0, max: 4 }) * 25;
      const unit: SimUnit = {
        unitID: nextId('unit'),
        propertyID: property.propertyID,
        name: multi ? `${Math.floor(u / 8) + 1}${String.fromCharCode(65 + (u % 8))}` : 'Main',
        address: street,
        address2: multi ? `Unit ${Math.floor(u / 8) + 1}${String.fromCharCode(65 + (u % 8))}` : '',
        city,
        stateID,
        postalCode,
        rent: money(rent),
        deposit: money(rent),
        beds: String(beds),
        fullBaths: String(Math.max(1, Math.ceil(beds / 2))),
        halfBaths: String(faker.number.int({ min: 0, max: 1 })),
        size: String(450 + beds * 300 + faker.number.int({ min: 0, max: 200 })),
        isActive: '1',
        dateTimeCreated: created,
        dateTimeModified: pastTime(),
      };
      out.units.push(unit);
      leasesOf(unit, rent);
    }
  }

  function leasesOf(unit: SimUnit, rent: number): void {
    // Some units had a tenant before (closed lease); most are let now; a few are vacant or about to be let.
    if (faker.datatype.boolean(0.25)) lease(unit, rent, '3');
    const roll = faker.number.float({ min: 0, max: 1 });
    if (roll < 0.86) lease(unit, rent, '2');
    else if (roll < 0.93) lease(unit, rent, '1');
  }

  function lease(unit: SimUnit, rent: number, status: '1' | '2' | '3'): void {
    const start =
      status === '1'
        ? asOf + faker.number.int({ min: 3, max: 40 }) * DAY
        : status === '2'
          ? asOf - faker.number.int({ min: 20, max: 700 }) * DAY
          : asOf - faker.number.int({ min: 760, max: 1400 }) * DAY;
    const end = start + 365 * DAY;
    const tenants = Array.from({ length: faker.number.int({ min: 1, max: 2 }) }, () => person('tenant'));
    const leaseID = nextId('lease');
    const modified = pastTime(status === '3' ? 700 : 90);
    const record: SimLease = {
      leaseID,
      code: `L-${leaseID}`,
      propertyID: unit.propertyID,
      unitID: unit.unitID,
      primaryLeaseStatusID: status,
      leaseStatusID: status === '2' && end < asOf ? '4' : status,
      startDate: wireDate(new Date(start)),
      endDate: wireDate(new Date(end)),
      moveInDate: wireDate(new Date(start)),
      moveOutDate: status === '3' ? wireDate(new Date(end)) : null,
      expectedMoveOutDate: status === '3' ? wireDate(new Date(end)) : null,
      noticeDate: status === '3' ? wireDate(new Date(end - 30 * DAY)) : null,
      rentAmount: money(rent),
      baseRentAmount: money(rent),
      tenants: tenants.map((t) => ({
        contactID: t.contactID,
        name: t.name,
        email: t.email,
        phone: t.phone,
        isActive: status === '3' ? '0' : '1',
      })),
      dateTimeCreated: wireDateTime(new Date(start - 14 * DAY)),
      dateTimeModified: modified,
    };
    out.leases.push(record);
    const pastDue = status === '2' && faker.datatype.boolean(0.15);
    const owedNow = status === '2' && (pastDue || faker.datatype.boolean(0.2));
    const rentDue = owedNow ? rent : 0;
    const lateFee = pastDue ? 75 : 0;
    if (rentDue > 0) {
      const due = new Date(asOf - (pastDue ? faker.number.int({ min: 6, max: 40 }) : 0) * DAY);
      out.charges.push(charge(record, rentDue, 'Rent', '4000', due, modified));
      if (lateFee > 0) out.charges.push(charge(record, lateFee, 'Late fee', '4100', due, modified));
    }
    out.balances.set(leaseID, {
      unpaidTotalAmount: money(rentDue + lateFee),
      unpaidRentAmount: money(rentDue),
      pastDueTotalAmount: money(pastDue ? rentDue + lateFee : 0),
      pastDueRentAmount: money(pastDue ? rentDue : 0),
    });
  }

  function charge(
    lease: SimLease,
    amount: number,
    description: string,
    chargeAccountID: string,
    due: Date,
    modified: string,
  ): SimLeaseCharge {
    return {
      leaseChargeID: nextId('charge'),
      leaseID: lease.leaseID,
      propertyID: lease.propertyID,
      unitID: lease.unitID,
      chargeAccountID,
      amount: money(amount),
      amountPaid: '0.00',
      description,
      dateDue: wireDate(due),
      isRecurring: description === 'Rent' ? '1' : '0',
      dateTimeCreated: modified,
      dateTimeModified: modified,
    };
  }

  // Work orders: about one open for every eight units, plus some history.
  const activeLeaseOf = new Map(
    out.leases.filter((l) => l.primaryLeaseStatusID === '2').map((l) => [l.unitID, l]),
  );
  const workOrderCount = Math.max(3, Math.round(out.units.length / 6));
  for (let i = 0; i < workOrderCount; i++) {
    const unit = faker.helpers.arrayElement(out.units);
    const problem = faker.helpers.arrayElement(PROBLEMS);
    const status = faker.helpers.weightedArrayElement([
      { weight: 3, value: '11' },
      { weight: 4, value: '12' },
      { weight: 2, value: '13' },
      { weight: 1, value: '14' },
      { weight: 3, value: '15' },
      { weight: 1, value: '16' },
    ]);
    const statusRecord = WORK_ORDER_STATUSES.find((s) => s.workOrderStatusID === status);
    const vendor = vendors.find((v) => v.vendorTradeIDs.includes(problem.tradeID));
    const assigned = status !== '11' && vendor !== undefined;
    const lease = activeLeaseOf.get(unit.unitID);
    const created = new Date(asOf - faker.number.int({ min: 1, max: 60 }) * DAY);
    const closed = status === '15' || status === '16';
    const scheduled = status === '13' || status === '15' ? new Date(created.getTime() + 2 * DAY) : null;
    const workOrderID = nextId('workOrder');
    out.workOrders.push({
      workOrderID,
      workOrderNumber: String(Number(workOrderID) - ID_BASES.workOrder + 1001),
      propertyID: unit.propertyID,
      unitID: unit.unitID,
      leaseID: lease?.leaseID ?? null,
      description: workOrderHtml(problem.text, lease?.tenants[0]?.name),
      priorityID: problem.priority,
      workOrderStatusID: status,
      primaryWorkOrderStatusID: statusRecord?.primaryWorkOrderStatusID ?? '1',
      vendorContactID: assigned ? vendor.contactID : null,
      vendorTradeID: problem.tradeID,
      estimatedAmount: assigned ? money(faker.number.int({ min: 3, max: 40 }) * 25) : null,
      isOwnerApproved: faker.datatype.boolean(0.4) ? '1' : '0',
      scheduledStartDate: scheduled ? wireDate(scheduled) : null,
      scheduledEndDate: scheduled ? wireDate(scheduled) : null,
      actualStartDate: status === '15' && scheduled ? wireDate(scheduled) : null,
      actualEndDate: status === '15' && scheduled ? wireDate(scheduled) : null,
      dateClosed: closed ? wireDate(new Date(created.getTime() + 3 * DAY)) : null,
      requestedByContactName: lease?.tenants[0]?.name ?? null,
      dateTimeCreated: wireDateTime(created),
      dateTimeModified: wireDateTime(
        new Date(Math.min(asOf - 60_000, created.getTime() + faker.number.int({ min: 0, max: 4 }) * DAY)),
      ),
    });
  }
  return out;
}

/** Units per property: a fixed count, or a mix of single-family homes and buildings summing to `units`. */
function unitCounts(options: SeedOptions, faker: Faker): number[] {
  const properties = Math.max(1, options.properties);
  if (options.unitsPerProperty !== undefined)
    return Array.from({ length: properties }, () => Math.max(1, options.unitsPerProperty ?? 1));
  const units = Math.max(properties, options.units);
  if (units === properties) return Array.from({ length: properties }, () => 1);
  const singles = Math.min(properties - 1, Math.round(properties * 0.6));
  const buildings = properties - singles;
  const inBuildings = units - singles;
  const counts = Array.from({ length: buildings }, () => Math.floor(inBuildings / buildings));
  for (let i = 0; i < inBuildings % buildings; i++) counts[i] = (counts[i] ?? 0) + 1;
  // Interleave so portfolios mix homes and buildings.
  const all = [...counts, ...Array.from({ length: singles }, () => 1)];
  return faker.helpers.shuffle(all);
}

export function workOrderHtml(text: string, reportedBy?: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return reportedBy
    ? `<p>${escaped}</p><p>Reported by ${reportedBy}.&nbsp;Please call before entering.</p>`
    : `<p>${escaped}</p>`;
}

const COMPANY_SUFFIXES = ['Plumbing & Heating', 'Services LLC', 'Repair Co.', 'Home Services', 'Contractors'];
const BUILDING_NAMES = ['Apartments', 'Commons', 'Flats', 'Lofts', 'Terrace', 'Court'];
