import { describe, expect, it } from 'vitest';
import {
  contactEntity,
  leaseEntity,
  paginationFrom,
  RESOURCES,
  recordRequest,
  unwrap,
} from '#adapters/rentvine/resources.ts';
import { ENTITIES } from '#domain/rentvine/event-types.ts';

describe('Rentvine rows to entities', () => {
  it('accepts wrapped and bare rows alike', () => {
    const property = { propertyID: '5150', name: 'Elm Court' };
    expect(unwrap({ property, portfolio: { portfolioID: '1' } }, 'property')).toEqual(property);
    expect(unwrap(property, 'property')).toEqual(property);
  });

  it('moves the export row’s balances and tenants onto the lease, which then parses with them', () => {
    const row = {
      lease: { leaseID: '77', propertyID: '5150', unitID: '9', tenants: ['Ada Lovelace'] },
      balances: { unpaidTotalAmount: '275.00', pastDueRentAmount: '100.5' },
      unpaidCharges: [{ amount: '275.00' }],
      property: { propertyID: '5150' },
    };
    const read = ENTITIES.lease.read(RESOURCES.leases.entityOf(row));
    expect(read.ok && read.snapshot).toMatchObject({
      leaseId: '77',
      // Names alone identify no one: dropped.
      tenants: [],
      balances: { unpaidTotal: 275, unpaidRent: 0, pastDueTotal: 0, pastDueRent: 100.5 },
    });
  });

  it('reads `{leaseTenant, contact}` pairs as the lease’s tenants, without their personal data', () => {
    const body = {
      lease: { leaseID: '77', propertyID: '5150' },
      tenants: [
        {
          leaseTenant: { leaseTenantID: '3' },
          contact: { contactID: '41', name: 'Ada', email: 'ada@example.test', birthDate: '1990-01-01' },
        },
      ],
    };
    const read = ENTITIES.lease.read(leaseEntity(body));
    expect(read.ok && read.snapshot.tenants).toEqual([
      { contactId: '41', name: 'Ada', email: 'ada@example.test', phone: undefined, isActive: undefined },
    ]);
  });

  it('gives a contact the role of the list it came from and drops its personal data', () => {
    const read = ENTITIES.contact.read(
      contactEntity(
        {
          contact: {
            contactID: '8',
            name: 'Pipes Inc',
            identificationNumber: '000-00-0000',
            bankAccountNumber: '1',
          },
        },
        'vendor',
      ),
    );
    expect(read.ok && read.snapshot).toMatchObject({ contactId: '8', role: 'vendor' });
    expect(JSON.stringify(read.ok && read.snapshot)).not.toMatch(/identification|bank|000-00/);
  });

  it('names each resource’s path, page size and filter', () => {
    expect(
      Object.fromEntries(
        Object.entries(RESOURCES).map(([name, spec]) => [
          name,
          [spec.path, spec.pageSize, spec.modifiedFilter],
        ]),
      ),
    ).toEqual({
      properties: ['/properties/export', 500, true],
      units: ['/properties/units/export', 500, true],
      leases: ['/leases/export', 2000, true],
      tenants: ['/tenants', 500, false],
      owners: ['/owners', 500, false],
      vendors: ['/vendors', 500, false],
      work_orders: ['/maintenance/work-orders', 500, false],
    });
  });

  it('reads one record at its own path; a unit under its property, a lease with its tenants', () => {
    expect(recordRequest({ kind: 'unit', id: '9', propertyId: '5150' }).path).toBe(
      '/properties/5150/units/9',
    );
    expect(recordRequest({ kind: 'lease', id: '77' })).toMatchObject({
      path: '/leases/77',
      query: { includes: 'tenants' },
    });
    expect(recordRequest({ kind: 'contact', id: '8', role: 'owner' }).path).toBe('/owners/8');
    expect(recordRequest({ kind: 'work_order', id: '3' }).path).toBe('/maintenance/work-orders/3');
    expect(recordRequest({ kind: 'property', id: '../x' }).path).toBe('/properties/..%2Fx');
  });
});

describe('pagination headers', () => {
  it('takes a total page count, or a total row count over the page size honoured', () => {
    expect(paginationFrom(new Headers({ 'pagination-total-pages': '3' }), 500)).toEqual({ pages: 3 });
    expect(paginationFrom(new Headers({ 'Pagination-Total': '1000', 'pagination-page': '1' }), 500)).toEqual({
      pages: 2,
    });
    expect(
      paginationFrom(new Headers({ 'pagination-total-count': '1001', 'pagination-page-size': '250' }), 500),
    ).toEqual({ pages: 5, pageSize: 250 });
  });

  it('knows nothing without them, or from values that are not counts', () => {
    expect(paginationFrom(new Headers({ 'content-type': 'application/json' }), 500)).toEqual({});
    expect(paginationFrom(new Headers({ 'pagination-total-pages': 'many' }), 500)).toEqual({});
  });
});
