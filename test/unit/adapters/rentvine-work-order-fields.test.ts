import { describe, expect, it } from 'vitest';
import {
  accountBaseUrl,
  connectionOf,
  isDemoAccount,
  StoredRentvineConnection,
} from '#adapters/rentvine/connection.ts';
import {
  anyChanged,
  notApplied,
  sentFieldsOf,
  textToHtml,
  wireBody,
} from '#adapters/rentvine/work-order-fields.ts';
import { RentvineError } from '#domain/rentvine/ports.ts';
import { WorkOrderSnapshot } from '#domain/rentvine/snapshots.ts';

const current = WorkOrderSnapshot.parse({
  workOrder: {
    workOrderID: '3',
    propertyID: '5150',
    description: '<p>Leaking tap &amp; drain</p>',
    priorityID: '2',
    workOrderStatusID: '11',
  },
});

describe('work-order fields on the wire', () => {
  it('sends Rentvine’s names, the status as workOrderStatusID, the description as HTML', () => {
    expect(
      wireBody({
        propertyId: '5150',
        description: 'Tap <leaks>\nand drips',
        priorityId: 3,
        workOrderStatusId: '12',
      }),
    ).toEqual({
      propertyID: '5150',
      description: 'Tap &lt;leaks&gt;<br>and drips',
      priorityID: 3,
      workOrderStatusID: '12',
    });
  });

  it('refuses a priority outside 1–3 before sending anything', () => {
    const write = () => wireBody({ priorityId: 4 as 1 });
    expect(write).toThrow(RentvineError);
    expect(write).toThrow(
      expect.objectContaining({ failure: 'rejected', fields: { priorityID: ['must be 1, 2 or 3'] } }),
    );
  });

  it('reads a description back as the text sent', () => {
    expect(textToHtml('a & b')).toBe('a &amp; b');
  });
});

describe('what an update changed', () => {
  it('finds the fields that do not read back as sent', () => {
    expect(notApplied({ priorityId: 3, description: 'Leaking tap & drain' }, current)).toEqual([
      'priorityId',
    ]);
    expect(notApplied({ workOrderStatusId: '11' }, current)).toEqual([]);
  });

  it('says changed only when a sent field reads differently than before the write', () => {
    const before = sentFieldsOf(current, { priorityId: 3, workOrderStatusId: '11' });
    expect(before).toEqual({ priorityId: 2, workOrderStatusId: '11' });
    const raised = WorkOrderSnapshot.parse({
      workOrderID: '3',
      propertyID: '5150',
      priorityID: '3',
      workOrderStatusID: '11',
    });
    expect(anyChanged(before, raised, { priorityId: 3, workOrderStatusId: '11' })).toBe(true);
    // Values already current, or a write Rentvine ignored: nothing changed.
    expect(anyChanged(before, current, { priorityId: 3, workOrderStatusId: '11' })).toBe(false);
  });
});

describe('connections', () => {
  it('builds the base URL from the account, the org setting, or takes a whole base URL', () => {
    const keys = { accessKey: 'test-access', secret: 'test-secret' };
    expect(connectionOf({ account: 'acme', ...keys }, 'other')?.baseUrl).toBe(accountBaseUrl('acme'));
    expect(connectionOf(keys, 'acme')?.baseUrl).toBe('https://acme.rentvine.com/api/manager');
    expect(connectionOf({ baseUrl: 'http://127.0.0.1:4010/api/manager/', ...keys }, undefined)?.baseUrl).toBe(
      'http://127.0.0.1:4010/api/manager',
    );
    expect(connectionOf(keys, undefined)).toBeUndefined();
  });

  it('validates what is stored: a DNS label for the account, an http(s) URL, both keys', () => {
    expect(
      StoredRentvineConnection.safeParse({ account: 'Not A Label', accessKey: 'a', secret: 'b' }).success,
    ).toBe(false);
    expect(
      StoredRentvineConnection.safeParse({ baseUrl: 'ftp://x', accessKey: 'a', secret: 'b' }).success,
    ).toBe(false);
    expect(StoredRentvineConnection.safeParse({ account: 'acme', accessKey: '', secret: 'b' }).success).toBe(
      false,
    );
  });

  it('recognises Rentvine’s demo accounts', () => {
    expect(isDemoAccount('https://demopm42.rentvine.com/api/manager')).toBe(true);
    expect(isDemoAccount('https://acme.rentvine.com/api/manager')).toBe(false);
    expect(isDemoAccount('https://demopm42.rentvine.com.evil.test/api/manager')).toBe(false);
  });
});
