import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ATTACHMENT_LIMITS,
  forwardedSender,
  type MailAttachment,
  needsHumanFor,
  orgOfRecipient,
  sortAttachments,
  UNVERIFIED,
} from '#domain/emails/inbound-mail.ts';

const DOMAIN = 'inbound.localhost';

describe('the org of an inbound recipient', () => {
  it('is the local part of an address at the inbound domain, in any case, without a +tag', () => {
    expect(orgOfRecipient('demo@inbound.localhost', DOMAIN)).toBe('demo');
    expect(orgOfRecipient('Acme-Homes@INBOUND.localhost', DOMAIN)).toBe('acme-homes');
    expect(orgOfRecipient('acme+office@inbound.localhost', DOMAIN)).toBe('acme');
  });

  it('is none for another domain, a subdomain, or a local part that is no org id', () => {
    expect(orgOfRecipient('demo@example.com', DOMAIN)).toBeUndefined();
    expect(orgOfRecipient('demo@mail.inbound.localhost', DOMAIN)).toBeUndefined();
    expect(orgOfRecipient('../demo@inbound.localhost', DOMAIN)).toBeUndefined();
    expect(orgOfRecipient('-demo@inbound.localhost', DOMAIN)).toBeUndefined();
    expect(orgOfRecipient('@inbound.localhost', DOMAIN)).toBeUndefined();
    expect(orgOfRecipient('inbound.localhost', DOMAIN)).toBeUndefined();
  });
});

describe('authenticity verdicts', () => {
  it('send a message failing DMARC to a person, and nothing else', () => {
    expect(needsHumanFor({ spf: 'pass', dkim: 'pass', dmarc: 'fail' })).toBe(true);
    expect(needsHumanFor(UNVERIFIED)).toBe(false);
    expect(needsHumanFor({ spf: 'fail', dkim: 'fail', dmarc: 'pass' })).toBe(false);
    expect(needsHumanFor({ spf: 'pass', dkim: 'pass', dmarc: 'gray' })).toBe(false);
  });
});

const part = (contentType: string, bytes: number, filename?: string): MailAttachment => ({
  contentType,
  content: new Uint8Array(bytes),
  inline: false,
  ...(filename ? { filename } : {}),
});

describe('attachment limits', () => {
  it('keeps photos and documents within the size, refuses other types and oversized ones with the reason', () => {
    const { keep, refused } = sortAttachments(
      [
        part('image/jpeg', 100, 'leak.jpg'),
        part('application/pdf; name="lease.pdf"', 100, 'lease.pdf'),
        part('application/x-msdownload', 10, 'invoice.exe'),
        part('image/png', 2_000, 'huge.png'),
      ],
      { maxBytes: 1_000, maxCount: 5 },
    );
    expect(keep.map((a) => a.filename)).toEqual(['leak.jpg', 'lease.pdf']);
    expect(refused).toEqual([
      {
        filename: 'invoice.exe',
        contentType: 'application/x-msdownload',
        size: 10,
        reason: 'type_not_allowed',
      },
      { filename: 'huge.png', contentType: 'image/png', size: 2_000, reason: 'too_large' },
    ]);
  });

  it('keeps at most maxCount', () => {
    const { keep, refused } = sortAttachments(
      Array.from({ length: DEFAULT_ATTACHMENT_LIMITS.maxCount + 2 }, () => part('image/png', 1)),
      DEFAULT_ATTACHMENT_LIMITS,
    );
    expect(keep).toHaveLength(DEFAULT_ATTACHMENT_LIMITS.maxCount);
    expect(refused.map((r) => r.reason)).toEqual(['too_many', 'too_many']);
  });
});

describe('the original sender of a forward', () => {
  it('is the address on the From line under a Gmail or Apple Mail banner', () => {
    const gmail =
      'FYI\n\n---------- Forwarded message ---------\nFrom: Ana Ruiz <Ana.Ruiz@example.net>\nDate: Mon\n\nThe heater is broken.';
    expect(forwardedSender(gmail)).toBe('ana.ruiz@example.net');
    const apple = 'See below\n\nBegin forwarded message:\n\n> From: bob@example.org\n> Subject: Leak';
    expect(forwardedSender(apple)).toBe('bob@example.org');
  });

  it('is none without a banner (a quoted reply is no forward) or without an address', () => {
    expect(forwardedSender('Thanks!\n\nOn Mon, Ana wrote:\n> From: ana@example.net')).toBeUndefined();
    expect(forwardedSender('---------- Forwarded message ---------\nFrom: Ana Ruiz\n')).toBeUndefined();
    expect(forwardedSender(undefined)).toBeUndefined();
  });
});
