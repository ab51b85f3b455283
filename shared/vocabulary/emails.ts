/** Email ids: `em_` and lower-case letters and digits (see shared/platform/security/ids.ts). */
export const EMAIL_ID = /^em_[0-9a-z]{20,40}$/;

export const EMAIL_STATUSES = ['received', 'classified', 'failed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];
