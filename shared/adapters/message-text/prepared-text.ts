import EmailReplyParser from 'email-reply-parser';
import { convert, type HtmlToTextOptions } from 'html-to-text';
import type { MessageParts, MessageTextPreparer } from '#domain/emails/ports.ts';
import { withForwardBanners } from './outlook-forwards.ts';
import { withoutQuotedChain } from './quote-headers.ts';

/** Longest text kept for triage: the engines cap what they read further (beginning and end). */
const MAX_PREPARED_CHARS = 100_000;

/** What html-to-text keeps: words and line structure, never link targets or image sources. */
const HTML_OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    // Mail clients put quoted earlier messages in <blockquote>: dropped with the chain.
    { selector: 'blockquote', format: 'skip' },
  ],
};

/**
 * Prepares a message for triage: the HTML part becomes text (html-to-text) when there is no
 * text part; an Outlook forward's header block gets the banner other clients write
 * (outlook-forwards.ts), so the forwarded message stays; the quoted reply chain goes (our English
 * and Spanish headers first, then email-reply-parser's `>` lines and its many languages'
 * "On … wrote:" headers), and so does the signature. If stripping would leave no letters, the
 * unstripped text is kept: a message whose only words look quoted, or that opens with a "-- "
 * line, is still read.
 */
export class ReplyTextPreparer implements MessageTextPreparer {
  private readonly parser = new EmailReplyParser();

  prepare(parts: MessageParts): string {
    const whole = withForwardBanners(
      normalise(parts.text?.trim() ? parts.text : htmlToText(parts.html ?? '')),
      parts.subject,
    );
    const visible = this.parser.parseReply(withoutQuotedChain(whole)).trim();
    return (/\p{L}/u.test(visible) ? visible : whole.trim()).slice(0, MAX_PREPARED_CHARS);
  }
}

function htmlToText(html: string): string {
  return html.trim() ? convert(html, HTML_OPTIONS) : '';
}

/** CRLF and CR to LF, non-breaking spaces to spaces: the parsers match lines. */
function normalise(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ');
}
