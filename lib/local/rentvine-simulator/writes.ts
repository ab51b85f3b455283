import { FieldErrors } from './paging.ts';
import type { LeasePatch, NewWorkOrder, Portfolio, WorkOrderPatch } from './portfolio.ts';
import { primaryStatusOf } from './records.ts';

/**
 * Reading write bodies as Rentvine does: bare fields (numbers or strings), 400 with a field map for
 * what it refuses. A body wrapped by type (`{ "workOrder": {...} }`) is not refused: Rentvine answers
 * 200 and changes nothing, so the caller checks `isWrapped` first.
 */

type Body = Record<string, unknown>;

export function isWrapped(body: Body, wrapper: string): boolean {
  const inner = body[wrapper];
  return inner !== null && typeof inner === 'object' && !Array.isArray(inner);
}

const text = (value: unknown): string | undefined =>
  value === undefined ? undefined : value === null ? '' : String(value);

const id = (value: unknown): string | null | undefined =>
  value === undefined ? undefined : value === null || value === '' ? null : String(value);

const flag = (value: unknown): '0' | '1' | undefined =>
  value === undefined
    ? undefined
    : value === true || value === 1 || value === '1' || value === 'true'
      ? '1'
      : '0';

/** `sendVendorNotification`: true unless the body says otherwise (Rentvine's default). */
export function vendorNotificationOf(body: Body): boolean {
  const value = body.sendVendorNotification;
  return !(value === false || value === 0 || value === '0' || value === 'false');
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(errors: Record<string, string[]>, body: Body, field: string): string | null | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (value === null || value === '') return null;
  if (typeof value !== 'string' || !DATE.test(value)) {
    errors[field] = [`The ${field} does not match the format Y-m-d.`];
    return undefined;
  }
  return value;
}

function checkPriority(errors: Record<string, string[]>, value: unknown): '1' | '2' | '3' | undefined {
  if (value === undefined) return undefined;
  const priority = String(value);
  if (priority === '1' || priority === '2' || priority === '3') return priority;
  errors.priorityID = ['The selected priority ID is invalid.'];
  return undefined;
}

function checkStatus(errors: Record<string, string[]>, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const status = String(value);
  if (primaryStatusOf(status) !== undefined) return status;
  errors.workOrderStatusID = ['The selected work order status ID is invalid.'];
  return undefined;
}

function checkUnit(
  errors: Record<string, string[]>,
  portfolio: Portfolio,
  propertyID: string,
  value: unknown,
) {
  const unitID = id(value);
  if (unitID && portfolio.unit(unitID)?.propertyID !== propertyID)
    errors.unitID = ['The selected unit ID is invalid.'];
  return unitID;
}

function refuseIfAny(errors: Record<string, string[]>): void {
  if (Object.keys(errors).length > 0) throw new FieldErrors(errors);
}

export function newWorkOrderOf(body: Body, portfolio: Portfolio): NewWorkOrder {
  const errors: Record<string, string[]> = {};
  const propertyID = id(body.propertyID);
  if (!propertyID) errors.propertyID = ['The property ID field is required.'];
  else if (!portfolio.property(propertyID)) errors.propertyID = ['The selected property ID is invalid.'];
  const description = text(body.description);
  if (!description?.trim()) errors.description = ['The description field is required.'];
  if (body.priorityID === undefined || body.priorityID === null || body.priorityID === '')
    errors.priorityID = ['The priority ID field is required.'];
  const priorityID = checkPriority(errors, body.priorityID ?? undefined);
  const workOrderStatusID = checkStatus(errors, body.workOrderStatusID);
  const unitID = propertyID ? checkUnit(errors, portfolio, propertyID, body.unitID) : undefined;
  refuseIfAny(errors);
  return {
    propertyID: propertyID as string,
    unitID: unitID ?? null,
    leaseID: id(body.leaseID) ?? null,
    description: description as string,
    priorityID: priorityID as '1' | '2' | '3',
    ...(workOrderStatusID ? { workOrderStatusID } : {}),
    vendorContactID: id(body.vendorContactID) ?? null,
    vendorTradeID: id(body.vendorTradeID) ?? null,
    estimatedAmount: id(body.estimatedAmount) ?? null,
    isOwnerApproved: flag(body.isOwnerApproved) ?? '0',
  };
}

/** The fields of a bare work-order update; `primaryWorkOrderStatusID` is ignored (Rentvine derives it). */
export function workOrderPatchOf(body: Body, portfolio: Portfolio, propertyID: string): WorkOrderPatch {
  const errors: Record<string, string[]> = {};
  const patch: WorkOrderPatch = {
    description: body.description === undefined ? undefined : (text(body.description) ?? ''),
    priorityID: checkPriority(errors, body.priorityID),
    workOrderStatusID: checkStatus(errors, body.workOrderStatusID),
    unitID: body.unitID === undefined ? undefined : checkUnit(errors, portfolio, propertyID, body.unitID),
    leaseID: id(body.leaseID),
    vendorContactID: id(body.vendorContactID),
    vendorTradeID: id(body.vendorTradeID),
    estimatedAmount: id(body.estimatedAmount),
    isOwnerApproved: flag(body.isOwnerApproved),
    scheduledStartDate: checkDate(errors, body, 'scheduledStartDate'),
    scheduledEndDate: checkDate(errors, body, 'scheduledEndDate'),
    actualStartDate: checkDate(errors, body, 'actualStartDate'),
    actualEndDate: checkDate(errors, body, 'actualEndDate'),
  };
  if (patch.description !== undefined && !patch.description.trim())
    errors.description = ['The description field is required.'];
  refuseIfAny(errors);
  return patch;
}

/** A bare lease update; Rentvine documents `startDate` as required on it. */
export function leasePatchOf(body: Body): LeasePatch {
  const errors: Record<string, string[]> = {};
  if (body.startDate === undefined || body.startDate === null || body.startDate === '')
    errors.startDate = ['The start date field is required.'];
  const patch: LeasePatch = {
    startDate: checkDate(errors, body, 'startDate') ?? undefined,
    endDate: checkDate(errors, body, 'endDate') ?? undefined,
    moveInDate: checkDate(errors, body, 'moveInDate') ?? undefined,
    moveOutDate: checkDate(errors, body, 'moveOutDate'),
    expectedMoveOutDate: checkDate(errors, body, 'expectedMoveOutDate'),
    noticeDate: checkDate(errors, body, 'noticeDate'),
    leaseStatusID: id(body.leaseStatusID) ?? undefined,
    rentAmount: id(body.rentAmount) ?? undefined,
  };
  refuseIfAny(errors);
  return patch;
}

/** A resident charge: `{datePosted, amount, chargeAccountID, description}`. */
export function chargeOf(body: Body): {
  amount: number;
  description: string;
  chargeAccountID: string;
  dateDue?: string;
} {
  const errors: Record<string, string[]> = {};
  const amount = Number(body.amount);
  if (body.amount === undefined || !Number.isFinite(amount) || amount <= 0)
    errors.amount = ['The amount must be greater than 0.'];
  if (!id(body.chargeAccountID)) errors.chargeAccountID = ['The charge account ID field is required.'];
  const dateDue = checkDate(errors, body, 'datePosted') ?? undefined;
  refuseIfAny(errors);
  return {
    amount,
    description: text(body.description) ?? 'Charge',
    chargeAccountID: String(body.chargeAccountID),
    ...(dateDue ? { dateDue } : {}),
  };
}
