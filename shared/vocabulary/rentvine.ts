/* The words the /v1 listings of Rentvine records filter and answer with. */

/** Properties, units, tenants and vendors: Rentvine's `isActive` flag. */
export const RECORD_STATUSES = ['active', 'inactive'] as const;
/** Leases: Rentvine's primary lease status (1, 2, 3). */
export const LEASE_STATUSES = ['pending', 'active', 'closed'] as const;
/** Work orders: Rentvine's primary work-order status (1 to 5); the account-defined status is apart. */
export const WORK_ORDER_STATUSES = ['pending', 'open', 'closed', 'on_hold', 'cancelled'] as const;
