/**
 * The simulator's records, kept in Rentvine's wire form (docs/RENTVINE.md): ids, flags and money
 * are strings, timestamps "YYYY-MM-DD HH:MM:SS" (UTC, no zone), work-order descriptions HTML.
 * Contacts carry fake personal data (birth date, identification and bank numbers) on purpose: the
 * client must drop it on read.
 */

export type Flag = '0' | '1';

export interface SimPortfolio {
  portfolioID: string;
  name: string;
  ownerContactID: string;
  isActive: Flag;
  dateTimeModified: string;
}

/** Where a property or unit is: never in a webhook's record (the receiver enriches through the API). */
export interface SimAddress {
  address: string;
  address2: string;
  city: string;
  stateID: string;
  postalCode: string;
}

export interface SimProperty extends SimAddress {
  propertyID: string;
  portfolioID: string;
  name: string;
  propertyTypeID: string;
  isMultiUnit: Flag;
  isActive: Flag;
  yearBuilt: string;
  dateTimeCreated: string;
  dateTimeModified: string;
}

export interface SimUnit extends SimAddress {
  unitID: string;
  propertyID: string;
  name: string;
  rent: string;
  deposit: string;
  beds: string;
  fullBaths: string;
  halfBaths: string;
  size: string;
  isActive: Flag;
  dateTimeCreated: string;
  dateTimeModified: string;
}

export interface SimLeaseTenant {
  contactID: string;
  name: string;
  email: string;
  phone: string;
  isActive: Flag;
}

export interface SimLease {
  leaseID: string;
  code: string;
  propertyID: string;
  unitID: string;
  /** 1 pending, 2 active, 3 closed. */
  primaryLeaseStatusID: '1' | '2' | '3';
  leaseStatusID: string;
  startDate: string;
  endDate: string;
  moveInDate: string;
  moveOutDate: string | null;
  expectedMoveOutDate: string | null;
  noticeDate: string | null;
  rentAmount: string;
  baseRentAmount: string;
  tenants: SimLeaseTenant[];
  dateTimeCreated: string;
  dateTimeModified: string;
}

export interface SimBalances {
  unpaidTotalAmount: string;
  unpaidRentAmount: string;
  pastDueTotalAmount: string;
  pastDueRentAmount: string;
}

export interface SimLeaseCharge {
  leaseChargeID: string;
  leaseID: string;
  propertyID: string;
  unitID: string;
  chargeAccountID: string;
  amount: string;
  amountPaid: string;
  description: string;
  dateDue: string;
  isRecurring: Flag;
  dateTimeCreated: string;
  dateTimeModified: string;
}

export type ContactRole = 'tenant' | 'owner' | 'vendor';

export interface SimContact {
  contactID: string;
  /** 1 tenant, 2 owner, 3 vendor [guess]. */
  contactTypeID: '1' | '2' | '3';
  name: string;
  firstName: string;
  lastName: string;
  companyName: string;
  email: string;
  phone: string;
  address: string;
  city: string;
  stateID: string;
  postalCode: string;
  isActive: Flag;
  /** Personal data Rentvine sends and the platform must never keep (fake values here). */
  birthDate: string | null;
  identificationNumber: string | null;
  bankAccountNumber: string | null;
  bankRoutingNumber: string | null;
  /** Vendors only: their trades. */
  vendorTradeIDs: string[];
  dateTimeCreated: string;
  dateTimeModified: string;
}

export interface SimWorkOrder {
  workOrderID: string;
  workOrderNumber: string;
  propertyID: string;
  unitID: string | null;
  leaseID: string | null;
  /** HTML, as Rentvine stores it. */
  description: string;
  /** 1 low, 2 medium, 3 high. */
  priorityID: '1' | '2' | '3';
  /** Account-defined; see WORK_ORDER_STATUSES. */
  workOrderStatusID: string;
  /** Derived from workOrderStatusID: 1 pending, 2 open, 3 closed, 4 on hold, 5 cancelled. */
  primaryWorkOrderStatusID: string;
  vendorContactID: string | null;
  vendorTradeID: string | null;
  estimatedAmount: string | null;
  isOwnerApproved: Flag;
  scheduledStartDate: string | null;
  scheduledEndDate: string | null;
  actualStartDate: string | null;
  actualEndDate: string | null;
  dateClosed: string | null;
  requestedByContactName: string | null;
  dateTimeCreated: string;
  dateTimeModified: string;
}

export interface SimWorkOrderStatus {
  workOrderStatusID: string;
  name: string;
  primaryWorkOrderStatusID: string;
  isActive: Flag;
}

export interface SimVendorTrade {
  vendorTradeID: string;
  name: string;
  isActive: Flag;
}

/**
 * The account's work-order statuses. Their ids differ from the primary groups on purpose, so a
 * client that writes `primaryWorkOrderStatusID` where `workOrderStatusID` belongs shows up.
 */
export const WORK_ORDER_STATUSES: readonly SimWorkOrderStatus[] = [
  { workOrderStatusID: '11', name: 'New', primaryWorkOrderStatusID: '1', isActive: '1' },
  { workOrderStatusID: '12', name: 'Open', primaryWorkOrderStatusID: '2', isActive: '1' },
  { workOrderStatusID: '13', name: 'Scheduled', primaryWorkOrderStatusID: '2', isActive: '1' },
  { workOrderStatusID: '14', name: 'Waiting on parts', primaryWorkOrderStatusID: '4', isActive: '1' },
  { workOrderStatusID: '15', name: 'Completed', primaryWorkOrderStatusID: '3', isActive: '1' },
  { workOrderStatusID: '16', name: 'Cancelled', primaryWorkOrderStatusID: '5', isActive: '1' },
];

export const VENDOR_TRADES: readonly SimVendorTrade[] = [
  { vendorTradeID: '1', name: 'Plumbing', isActive: '1' },
  { vendorTradeID: '2', name: 'Electrical', isActive: '1' },
  { vendorTradeID: '3', name: 'HVAC', isActive: '1' },
  { vendorTradeID: '4', name: 'Appliance Repair', isActive: '1' },
  { vendorTradeID: '5', name: 'General Handyman', isActive: '1' },
  { vendorTradeID: '6', name: 'Pest Control', isActive: '1' },
  { vendorTradeID: '7', name: 'Locksmith', isActive: '1' },
  { vendorTradeID: '8', name: 'Roofing', isActive: '1' },
];

export function primaryStatusOf(workOrderStatusID: string): string | undefined {
  return WORK_ORDER_STATUSES.find((s) => s.workOrderStatusID === workOrderStatusID)?.primaryWorkOrderStatusID;
}

/** Rentvine's timestamp form: UTC, second precision, no zone. */
export function wireDateTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

export function wireDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function money(amount: number): string {
  return amount.toFixed(2);
}
