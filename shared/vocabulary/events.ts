/** Event ids: `evt_` and 32 hex digits derived from the event key. */
export const EVENT_ID = /^evt_[0-9a-f]{32}$/;

export const EVENT_STATUSES = ['received', 'processed', 'unrecognized', 'echo', 'failed'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** Rentvine itself, or a generic integration (a website form, an answering service). */
export const EVENT_SOURCES = ['rentvine', 'integration'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

/** How a delivery proved itself (see shared/platform/security); `rentvine-sync`: no delivery, a change a sync found that no webhook reported. */
export const EVENT_SCHEMES = [
  'rentvine-header',
  'rentvine-body',
  'standard-webhooks',
  'rentvine-sync',
] as const;
export type EventScheme = (typeof EVENT_SCHEMES)[number];
