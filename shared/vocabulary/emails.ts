/** Email ids: `em_` and lower-case letters and digits (see shared/platform/security/ids.ts). */
export const EMAIL_ID = /^em_[0-9a-z]{20,40}$/;

/**
 * Where a message is: received (triage pending), triaged (no reply needed), then its draft's
 * life: awaiting_approval, blocked (a compliance finding; a person must edit it), approved or
 * rejected. failed: triage gave up (the message is dead-lettered and can be redriven).
 */
export const EMAIL_STATUSES = [
  'received',
  'triaged',
  'awaiting_approval',
  'blocked',
  'approved',
  'rejected',
  'failed',
] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];
