/**
 * The facts a draft may state about a sender's lease, balance and work orders, and what each
 * one's value is. Their sentences are in data/templates.json `facts`; the grounding source makes them.
 */
export const FACT_TOPICS = {
  lease_end: 'date',
  balance_due: 'amount',
  past_due: 'amount',
  work_order_status: 'status',
  work_order_scheduled: 'date',
} as const;
export type FactTopic = keyof typeof FACT_TOPICS;
export const FACT_TOPIC_NAMES = Object.keys(FACT_TOPICS) as [FactTopic, ...FactTopic[]];
