import {
  type AttachmentLimits,
  type AuthenticityVerdicts,
  clipPart,
  DEFAULT_ATTACHMENT_LIMITS,
  forwardedSender,
  type InboundMailFacts,
  needsHumanFor,
  orgOfRecipient,
  type ParsedMail,
  sortAttachments,
} from '#domain/emails/inbound-mail.ts';
import type { KnownOrgs, MailParser, RawMailStore } from '#domain/emails/ports.ts';
import { logger } from '#platform/observability.ts';
import { sha256Hex, stableId } from '#platform/security/ids.ts';
import { type SubmitEmailDeps, submitEmail } from './submit-email.ts';

export interface InboundMailDeps extends SubmitEmailDeps {
  readonly parser: MailParser;
  readonly rawMail: RawMailStore;
  readonly orgs: KnownOrgs;
  /** The domain of the orgs' inbound addresses (`inbound.localhost` locally). */
  readonly inboundDomain: string;
  readonly attachmentLimits?: AttachmentLimits;
}

/** One message as the mail server handed it over. */
export interface InboundDelivery {
  /** The RFC 5322 message, byte for byte. */
  readonly raw: Uint8Array;
  /** The envelope recipients (RCPT TO), not the To header: a redirect keeps the original To. */
  readonly recipients: readonly string[];
  /** The envelope sender (MAIL FROM), the sender when the message names none. */
  readonly envelopeFrom?: string;
  readonly verdicts: AuthenticityVerdicts;
}

export type InboundOutcome =
  | {
      readonly kind: 'stored';
      readonly emails: readonly { orgId: string; emailId: string; duplicate: boolean }[];
    }
  /** No recipient is the inbound address of an org (550 at SMTP time, a metric in AWS). */
  | { readonly kind: 'unknown_recipient' }
  /** Neither the message nor the envelope names a sender. */
  | { readonly kind: 'no_sender' };

const MAX_SUBJECT_CHARS = 998;
const MAX_ADDRESS_CHARS = 320;

/** The org whose inbound address this is, when the org exists. */
export async function inboundOrgOf(
  deps: Pick<InboundMailDeps, 'orgs' | 'inboundDomain'>,
  address: string,
): Promise<string | undefined> {
  const orgId = orgOfRecipient(address, deps.inboundDomain);
  return orgId && (await deps.orgs.has(orgId)) ? orgId : undefined;
}

/** A Message-ID for a message without one: the same bytes always get the same id. */
export function derivedMessageId(raw: Uint8Array): string {
  return `<${sha256Hex(Buffer.from(raw)).slice(0, 40)}@inbound.invalid>`;
}

/**
 * Keeps a message received at an org's inbound address and submits it as `POST /v1/emails`
 * does (so a message delivered twice, or also POSTed, is one message: same Message-ID, same
 * email). The Message-ID is the sender's to choose, so a message whose email is stored keeps
 * nothing: resending a known Message-ID never touches the stored message's bytes. Otherwise the
 * raw bytes and the kept attachments are written first, so the stored record never links to what
 * is missing, under a key of the email and the bytes (a redelivery writes the same keys; two
 * messages racing with one Message-ID keep theirs apart, and the store never overwrites). Each org
 * among the recipients gets its own copy.
 */
export async function receiveInboundMail(
  deps: InboundMailDeps,
  delivery: InboundDelivery,
): Promise<InboundOutcome> {
  const orgIds = new Set<string>();
  for (const recipient of delivery.recipients) {
    const orgId = await inboundOrgOf(deps, recipient);
    if (orgId) orgIds.add(orgId);
  }
  if (orgIds.size === 0) return { kind: 'unknown_recipient' };
  const parsed = await deps.parser.parse(delivery.raw);
  const from = (parsed.from ?? delivery.envelopeFrom)?.trim().toLowerCase();
  if (!from) return { kind: 'no_sender' };
  const messageId = parsed.messageId?.trim() || derivedMessageId(delivery.raw);

  const emails = [];
  for (const orgId of orgIds) {
    const emailId = stableId('em', orgId, messageId);
    if (await deps.emails.get(orgId, emailId)) {
      logger.info('inbound mail received', { orgId, emailId, duplicate: true });
      emails.push({ orgId, emailId, duplicate: true });
      continue;
    }
    const inbound = await keep(
      deps,
      orgId,
      `${emailId}-${sha256Hex(Buffer.from(delivery.raw)).slice(0, 32)}`,
      delivery,
      parsed,
    );
    const { email, duplicate } = await submitEmail(
      deps,
      orgId,
      {
        messageId,
        from: from.slice(0, MAX_ADDRESS_CHARS),
        to: (parsed.to ?? `${orgId}@${deps.inboundDomain}`).slice(0, MAX_ADDRESS_CHARS),
        subject: parsed.subject.slice(0, MAX_SUBJECT_CHARS),
        // Absent parts stay absent: submitEmail stores only the defined ones.
        text: clipPart(parsed.text),
        html: clipPart(parsed.html),
        receivedAt: parsed.date,
      },
      { channel: 'email', inbound },
    );
    logger.info('inbound mail received', { orgId, emailId: email.emailId, duplicate });
    emails.push({ orgId, emailId: email.emailId, duplicate });
  }
  return { kind: 'stored', emails };
}

/** Writes the raw message and the attachments within the limits; returns what the record links. */
async function keep(
  deps: InboundMailDeps,
  orgId: string,
  mailKey: string,
  delivery: InboundDelivery,
  parsed: ParsedMail,
): Promise<InboundMailFacts> {
  const rawRef = await deps.rawMail.putRaw(orgId, mailKey, delivery.raw);
  const { keep: kept, refused } = sortAttachments(
    parsed.attachments,
    deps.attachmentLimits ?? DEFAULT_ATTACHMENT_LIMITS,
  );
  const attachments = await Promise.all(
    kept.map(async (attachment, index) => ({
      ...(attachment.filename ? { filename: attachment.filename } : {}),
      contentType: attachment.contentType,
      size: attachment.content.byteLength,
      inline: attachment.inline,
      ...(attachment.contentId ? { contentId: attachment.contentId } : {}),
      ref: await deps.rawMail.putAttachment(orgId, mailKey, index, attachment.content),
    })),
  );
  const needsHuman = needsHumanFor(delivery.verdicts);
  // A sender that fails DMARC is no one we know: its forward's "From:" line is not believed either.
  const forwardedFrom = needsHuman ? undefined : forwardedSender(parsed.text);
  return {
    rawRef,
    authenticity: delivery.verdicts,
    needsHuman,
    ...(forwardedFrom ? { forwardedFrom } : {}),
    attachments,
    refusedAttachments: refused,
  };
}
