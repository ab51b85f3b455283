import type { WorkOrderFields } from '#domain/rentvine/ports.ts';
import { RentvineError } from '#domain/rentvine/ports.ts';
import type { WorkOrderSnapshot } from '#domain/rentvine/snapshots.ts';
import { htmlToText } from '#domain/rentvine/wire.ts';

/** Rentvine's name for each field the platform sets (always `workOrderStatusID`, never the primary status). */
const WIRE_NAMES = {
  propertyId: 'propertyID',
  unitId: 'unitID',
  leaseId: 'leaseID',
  description: 'description',
  priorityId: 'priorityID',
  workOrderStatusId: 'workOrderStatusID',
  vendorContactId: 'vendorContactID',
  vendorTradeId: 'vendorTradeID',
  estimatedAmount: 'estimatedAmount',
} as const satisfies Record<keyof WorkOrderFields, string>;

type FieldName = keyof WorkOrderFields;

/** Plain text as the HTML Rentvine keeps descriptions in (line breaks kept, markup escaped). */
export function textToHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\r?\n/g, '<br>');
}

/** The fields as Rentvine's bare body names them; absent fields are not sent. */
export function wireBody(fields: Partial<WorkOrderFields>): Record<string, string | number> {
  if (fields.priorityId !== undefined && ![1, 2, 3].includes(fields.priorityId))
    throw new RentvineError('rejected', 'priority must be 1, 2 or 3', { priorityID: ['must be 1, 2 or 3'] });
  const body: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(fields) as [FieldName, string | number | undefined][]) {
    if (value === undefined) continue;
    body[WIRE_NAMES[name]] = name === 'description' ? textToHtml(String(value)) : value;
  }
  return body;
}

/** A field's value as a snapshot holds it, for comparing what was sent with what is read back. */
function snapshotValue(snapshot: WorkOrderSnapshot, name: FieldName): string | number | undefined {
  switch (name) {
    case 'workOrderStatusId':
      return snapshot.statusId;
    default:
      return snapshot[name];
  }
}

/** A sent value as the snapshot would hold it once applied (descriptions go through HTML and back). */
function asRead(name: FieldName, value: string | number): string | number {
  return name === 'description' ? htmlToText(textToHtml(String(value))) : value;
}

/** The values of the sent fields as a snapshot holds them: what an update is compared on. */
export function sentFieldsOf(
  snapshot: WorkOrderSnapshot,
  sent: Partial<WorkOrderFields>,
): Partial<Record<FieldName, string | number>> {
  const values: Partial<Record<FieldName, string | number>> = {};
  for (const name of Object.keys(sent) as FieldName[]) {
    const value = snapshotValue(snapshot, name);
    if (sent[name] !== undefined && value !== undefined) values[name] = value;
  }
  return values;
}

/** The sent fields that do not read back as sent. */
export function notApplied(sent: Partial<WorkOrderFields>, after: WorkOrderSnapshot): FieldName[] {
  return (Object.entries(sent) as [FieldName, string | number | undefined][])
    .filter(([name, value]) => value !== undefined && snapshotValue(after, name) !== asRead(name, value))
    .map(([name]) => name);
}

/** Whether any of the sent fields reads differently after the write than before it. */
export function anyChanged(
  before: Partial<Record<FieldName, string | number>>,
  after: WorkOrderSnapshot,
  sent: Partial<WorkOrderFields>,
): boolean {
  return (Object.keys(sent) as FieldName[]).some(
    (name) => sent[name] !== undefined && before[name] !== snapshotValue(after, name),
  );
}
