import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '#domain/inbox/stored-event.ts';
import { isPersonalDataKey, withoutPersonalData } from '#domain/rentvine/personal-data.ts';
import { eventView } from '#functions/api/event-view.ts';

describe('withoutPersonalData', () => {
  it.each([
    'birthDate',
    'dateOfBirth',
    'dob',
    'identificationNumber',
    'ssn',
    'SSN',
    'socialSecurityNumber',
    'taxID',
    'tax_id',
    'ein',
    'bankAccountNumber',
    'bankRoutingNumber',
    'routingNumber',
    'driversLicense',
    'passportNumber',
  ])('treats %s as personal data', (key) => {
    expect(isPersonalDataKey(key)).toBe(true);
  });

  it.each([
    'name',
    'email',
    'phone',
    'description',
    'amount',
    'leaseID',
    'dateTimeModified',
    'businessName',
    'address',
  ])('keeps %s', (key) => {
    expect(isPersonalDataKey(key)).toBe(false);
  });

  it('removes personal data at any depth, including in the change log, and keeps the rest', () => {
    const payload = {
      event: {
        eventType: 'tenant.updated',
        changes: { birthDate: { previous: '1990-01-01', current: '1991-01-01' } },
      },
      data: {
        contact: { contactID: '7', name: 'Dana', ssn: '000-00-0000', leases: [{ leaseID: '1', taxID: 'x' }] },
      },
    };
    expect(withoutPersonalData(payload)).toEqual({
      event: { eventType: 'tenant.updated', changes: {} },
      data: { contact: { contactID: '7', name: 'Dana', leases: [{ leaseID: '1' }] } },
    });
  });

  it('cuts what is nested deeper than any real payload instead of walking it', () => {
    let deep: unknown = { ssn: 'x' };
    for (let i = 0; i < 100; i += 1) deep = { next: deep };
    expect(JSON.stringify(withoutPersonalData(deep))).toContain('"[truncated]"');
    expect(JSON.stringify(withoutPersonalData(deep))).not.toContain('ssn');
  });
});

describe('eventView', () => {
  const stored: StoredEvent = {
    orgId: 'org-a',
    eventId: `evt_${'a'.repeat(32)}`,
    eventKey: 'sha256:x',
    source: 'rentvine',
    scheme: 'rentvine-body',
    receivedAt: '2026-11-21T10:00:00.000Z',
    rawBody: JSON.stringify({
      event: { eventType: 'tenant.updated', userID: '3' },
      data: { contactID: '7', name: 'Dana', identificationNumber: 'ID-1', birthDate: '1990-01-01' },
      auth: { signature: 'sig', token: 'tok', timestamp: 1 },
    }),
    headers: { 'user-agent': 'Rentvine' },
    status: 'processed',
  };

  it('shows the payload without its signature block, personal data or the raw headers', () => {
    const view = eventView(stored);
    expect(view.payload).toEqual({
      event: { eventType: 'tenant.updated', userID: '3' },
      data: { contactID: '7', name: 'Dana' },
    });
    expect(JSON.stringify(view)).not.toMatch(/ID-1|1990-01-01|"tok"|"sig"|user-agent/);
  });

  it('shows a body that is not JSON as text', () => {
    expect(eventView({ ...stored, rawBody: 'not json', status: 'unrecognized' }).payload).toBe('not json');
  });
});
