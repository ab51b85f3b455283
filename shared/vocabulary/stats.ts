/** The period `GET /v1/stats` counts when the caller gives no `from`. */
export const DEFAULT_STATS_DAYS = 30;
/** A quarter: long enough for a quarterly review, short enough to keep one request's reads bounded. */
export const MAX_STATS_DAYS = 92;
