import { type AddressObject, type Attachment, simpleParser } from 'mailparser';
import type { MailAttachment, ParsedMail } from '#domain/emails/inbound-mail.ts';
import type { MailParser } from '#domain/emails/ports.ts';

/**
 * MIME parsing with mailparser: multipart, quoted-printable and base64, any charset it can
 * decode (ISO-8859-1, Windows-1252, …) into UTF-8, and for HTML-only mail the text of the HTML.
 * The HTML is kept as sent: inline images stay `cid:` links to their attachment, not data URIs.
 */
export class MailparserMailParser implements MailParser {
  async parse(raw: Uint8Array): Promise<ParsedMail> {
    const mail = await simpleParser(Buffer.from(raw), {
      skipImageLinks: true,
      skipTextToHtml: true,
      skipTextLinks: true,
    });
    const from = firstAddress(mail.from);
    const to = addressText(mail.to);
    const date = mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.toISOString() : undefined;
    return {
      ...(mail.messageId ? { messageId: mail.messageId } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      subject: mail.subject ?? '',
      ...(mail.text ? { text: mail.text } : {}),
      ...(typeof mail.html === 'string' ? { html: mail.html } : {}),
      ...(date ? { date } : {}),
      attachments: mail.attachments.map(attachmentOf),
    };
  }
}

function firstAddress(field: AddressObject | AddressObject[] | undefined): string | undefined {
  const objects = Array.isArray(field) ? field : field ? [field] : [];
  return objects.flatMap((object) => object.value).find((entry) => entry.address)?.address;
}

function addressText(field: AddressObject | AddressObject[] | undefined): string | undefined {
  const objects = Array.isArray(field) ? field : field ? [field] : [];
  const text = objects.map((object) => object.text).join(', ');
  return text || undefined;
}

function attachmentOf(attachment: Attachment): MailAttachment {
  return {
    ...(attachment.filename ? { filename: attachment.filename } : {}),
    contentType: attachment.contentType,
    content: new Uint8Array(attachment.content),
    inline: attachment.contentDisposition === 'inline' || attachment.related === true,
    ...(attachment.cid ? { contentId: attachment.cid } : {}),
  };
}
