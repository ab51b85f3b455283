import type { ScheduledEvent } from 'aws-lambda';
import { recordDelivery } from './deliveries.ts';

export const handler = async (event: ScheduledEvent): Promise<void> => {
  await recordDelivery('schedule', event.id, event);
};
