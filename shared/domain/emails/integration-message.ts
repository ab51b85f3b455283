import { z } from 'zod';
import type { Channel } from '../triage/triage.ts';
import type { SubmitEmailRequest } from './email.ts';

/**
 * A message an integration (a website contact form, an answering service) delivers as a
 * Standard Webhooks payload: `{type, timestamp, data}`. The payload's `type` names the channel,
 * so one integration may deliver both kinds; `data` is the message. Anything else an
 * integration sends is kept `unrecognized`, as before.
 */
export const INTEGRATION_MESSAGE_CHANNELS = {
  'web_form.submitted': 'web_form',
  'answering_service.message': 'answering_service',
  'message.received': 'integration',
} as const satisfies Record<string, Channel>;
export type IntegrationMessageType = keyof typeof INTEGRATION_MESSAGE_CHANNELS;

const TYPES = Object.keys(INTEGRATION_MESSAGE_CHANNELS) as [
  IntegrationMessageType,
  ...IntegrationMessageType[],
];

const RentvineId = z.string().trim().min(1).max(100);

export const IntegrationMessage = z.object({
  type: z.enum(TYPES),
  timestamp: z.iso.datetime({ offset: true }).optional(),
  data: z.object({
    /** How to reach the sender: an email address, or a phone number for a call or text. */
    from: z.string().trim().min(3).max(320),
    /** The sender's name as they gave it. */
    name: z.string().trim().max(200).optional(),
    subject: z.string().trim().max(998).optional(),
    /** The message: the form's text, or the call's transcript or the operator's notes. */
    text: z.string().trim().min(1).max(100_000),
    propertyId: RentvineId.optional(),
    leaseId: RentvineId.optional(),
  }),
});
export type IntegrationMessage = z.infer<typeof IntegrationMessage>;

const DEFAULT_SUBJECTS: Record<Channel, string> = {
  email: 'Message',
  web_form: 'Website contact form',
  answering_service: 'Answering service message',
  integration: 'Integration message',
};

/** The delivery as a submission to the inbox, its key (`swh:<integration>:<webhook-id>`) its message id. */
export function integrationSubmission(
  message: IntegrationMessage,
  deliveryKey: string,
  receivedAt: string,
): { channel: Channel; request: SubmitEmailRequest } {
  const channel = INTEGRATION_MESSAGE_CHANNELS[message.type];
  const { data } = message;
  return {
    channel,
    request: {
      messageId: deliveryKey,
      from: data.name ? `${data.name} <${data.from}>` : data.from,
      subject: data.subject || DEFAULT_SUBJECTS[channel],
      text: data.text,
      receivedAt,
      ...(data.propertyId ? { propertyId: data.propertyId } : {}),
      ...(data.leaseId ? { leaseId: data.leaseId } : {}),
    },
  };
}
