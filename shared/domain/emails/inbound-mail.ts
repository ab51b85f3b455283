import { ORG_ID } from '#vocabulary/orgs.ts';

/**
 * Mail that arrives at an org's inbound address (`<orgId>@<inbound domain>`): SES in AWS, the SMTP
 * listener locally. Pure rules: whose mail it is, what its authenticity verdicts mean, which
 * attachments are kept, who a forward came from. The raw message itself is kept by RawMailStore.
 */

/** A verdict of SPF, DKIM or DMARC as SES reports it; locally every verdict is `none`. */
export type AuthenticityVerdict = 'pass' | 'fail' | 'gray' | 'none' | 'processing_failed';

export interface AuthenticityVerdicts {
  readonly spf: AuthenticityVerdict;
  readonly dkim: AuthenticityVerdict;
  readonly dmarc: AuthenticityVerdict;
}

export const UNVERIFIED: AuthenticityVerdicts = { spf: 'none', dkim: 'none', dmarc: 'none' };

/** One attachment (or inline part) as the parser found it. */
export interface MailAttachment {
  readonly filename?: string;
  readonly contentType: string;
  readonly content: Uint8Array;
  /** An inline part (a photo of the leak in the body): kept like any other attachment. */
  readonly inline: boolean;
  readonly contentId?: string;
}

/** A parsed message: what the platform reads of the raw bytes. */
export interface ParsedMail {
  readonly messageId?: string;
  readonly from?: string;
  readonly to?: string;
  readonly subject: string;
  readonly text?: string;
  readonly html?: string;
  readonly date?: string;
  readonly attachments: readonly MailAttachment[];
}

/** An attachment kept with the message; `ref` is where RawMailStore holds it. */
export interface StoredAttachment {
  readonly filename?: string;
  readonly contentType: string;
  readonly size: number;
  readonly inline: boolean;
  readonly contentId?: string;
  readonly ref: string;
}

export type RefusalReason = 'too_large' | 'type_not_allowed' | 'too_many';

/** An attachment not kept, and why (the raw message still holds it). */
export interface RefusedAttachment {
  readonly filename?: string;
  readonly contentType: string;
  readonly size: number;
  readonly reason: RefusalReason;
}

/** What inbound mail adds to the email record. */
export interface InboundMailFacts {
  /** Where RawMailStore keeps the message as received. */
  readonly rawRef: string;
  readonly authenticity: AuthenticityVerdicts;
  /** The sender is not who they say (DMARC failed): a person looks, and no contact is matched. */
  readonly needsHuman: boolean;
  /** The original sender of a forwarded message, when the forward names one. */
  readonly forwardedFrom?: string;
  readonly attachments: readonly StoredAttachment[];
  readonly refusedAttachments: readonly RefusedAttachment[];
}

export interface AttachmentLimits {
  readonly maxBytes: number;
  readonly maxCount: number;
}

/** SES accepts up to 40 MB; a message this large is refused at SMTP time locally. */
export const MAX_INBOUND_MESSAGE_BYTES = 25 * 1024 * 1024;
export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = { maxBytes: 10 * 1024 * 1024, maxCount: 20 };
/** The API's limit on a text or HTML part (shared/contracts/emails.ts); the raw message keeps the rest. */
export const MAX_PART_CHARS = 200_000;

/**
 * Types a resident, owner or vendor sends about a property: photos, documents, scans. Anything
 * else (executables, archives, scripts) stays only in the raw message, out of people's reach.
 */
const ALLOWED_TYPES = [
  /^image\/(?:jpeg|png|gif|webp|heic|heif|tiff|bmp)$/,
  /^application\/pdf$/,
  /^text\/(?:plain|csv|calendar)$/,
  /^application\/(?:msword|rtf|vnd\.openxmlformats-officedocument\.(?:wordprocessingml\.document|spreadsheetml\.sheet)|vnd\.ms-excel)$/,
  /^message\/rfc822$/,
];

export function attachmentTypeAllowed(contentType: string): boolean {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return ALLOWED_TYPES.some((allowed) => allowed.test(type));
}

/** Which attachments are kept and which refused (with the reason), in the message's order. */
export function sortAttachments(
  attachments: readonly MailAttachment[],
  limits: AttachmentLimits,
): { keep: MailAttachment[]; refused: RefusedAttachment[] } {
  const keep: MailAttachment[] = [];
  const refused: RefusedAttachment[] = [];
  for (const attachment of attachments) {
    const reason: RefusalReason | undefined = !attachmentTypeAllowed(attachment.contentType)
      ? 'type_not_allowed'
      : attachment.content.byteLength > limits.maxBytes
        ? 'too_large'
        : keep.length >= limits.maxCount
          ? 'too_many'
          : undefined;
    if (!reason) keep.push(attachment);
    else
      refused.push({
        ...(attachment.filename ? { filename: attachment.filename } : {}),
        contentType: attachment.contentType,
        size: attachment.content.byteLength,
        reason,
      });
  }
  return { keep, refused };
}

/**
 * The org an envelope recipient belongs to: `<orgId>@<inboundDomain>` (case-insensitive, an
 * optional `+tag` ignored); undefined for any other domain or a local part that is no org id.
 */
export function orgOfRecipient(address: string, inboundDomain: string): string | undefined {
  const at = address.lastIndexOf('@');
  if (at <= 0) return undefined;
  const domain = address.slice(at + 1).toLowerCase();
  if (domain !== inboundDomain.toLowerCase()) return undefined;
  const local = address.slice(0, at).toLowerCase().split('+')[0] ?? '';
  return ORG_ID.test(local) ? local : undefined;
}

/** A message failing DMARC claims a sender it is not from: a person must look. */
export function needsHumanFor(verdicts: AuthenticityVerdicts): boolean {
  return verdicts.dmarc === 'fail';
}

/** Banners mail clients put over a forwarded message (Gmail, Apple Mail, Thunderbird, Spanish Gmail). */
const FORWARD_BANNER =
  /^[ \t>]*(?:-{2,}\s*(?:forwarded message|original message|mensaje reenviado|mensaje original)\s*-{2,}|begin forwarded message:)[ \t]*$/im;
const FROM_LINE = /^[ \t>]*(?:from|de)\s*:\s*(.+)$/im;
const ADDRESS = /<?([^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)>?/;
/** How far below the banner the forwarded header block may start, in characters. */
const HEADER_WINDOW = 600;

/**
 * The original sender of a forward: the address on the first "From:" line under a forward
 * banner in the text. Undefined when there is no banner or no address (never guessed).
 */
export function forwardedSender(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const banner = FORWARD_BANNER.exec(text);
  if (!banner) return undefined;
  const after = text.slice(banner.index + banner[0].length, banner.index + banner[0].length + HEADER_WINDOW);
  const from = FROM_LINE.exec(after)?.[1];
  return from ? ADDRESS.exec(from)?.[1]?.toLowerCase() : undefined;
}

/** A part clipped to the API's limit (the raw message keeps it whole). */
export function clipPart(part: string | undefined): string | undefined {
  return part === undefined || part.length <= MAX_PART_CHARS ? part : part.slice(0, MAX_PART_CHARS);
}
