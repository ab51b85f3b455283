import { describe, expect, it } from 'vitest';
import { MailparserMailParser } from '#adapters/mail/mailparser-mail-parser.ts';
import type { AuthenticityVerdicts } from '#domain/emails/inbound-mail.ts';
import { stableId } from '#platform/security/ids.ts';
import { InMemoryKnownOrgs, InMemoryRawMailStore } from '#test/support/in-memory/inbound-mail.ts';
import { inMemoryPlatform } from '#test/support/in-memory/platform.ts';
import { derivedMessageId, receiveInboundMail } from '#usecases/receive-inbound-mail.ts';

const NONE: AuthenticityVerdicts = { spf: 'none', dkim: 'none', dmarc: 'none' };
const SPOOFED: AuthenticityVerdicts = { spf: 'fail', dkim: 'fail', dmarc: 'fail' };

function setup() {
  const platform = inMemoryPlatform();
  const rawMail = new InMemoryRawMailStore();
  const deps = {
    emails: platform.emails,
    queue: platform.queue,
    clock: platform.clock,
    parser: new MailparserMailParser(),
    rawMail,
    orgs: new InMemoryKnownOrgs(new Set(['acme', 'birch'])),
    inboundDomain: 'inbound.example',
  };
  return { ...platform, rawMail, deps };
}

const message = (headers: string, body: string) =>
  new TextEncoder().encode(
    `${headers.trim().split('\n').join('\r\n')}\r\n\r\n${body.split('\n').join('\r\n')}`,
  );

const forward = message(
  `From: Office <office@acme.example>
To: acme@inbound.example
Subject: Fwd: heater
Message-ID: <fwd-1@acme.example>`,
  '---------- Forwarded message ---------\nFrom: Ana Ruiz <ana@example.net>\n\nNo heat since Monday.',
);

describe('receiving inbound mail', () => {
  it('stores the message for the org of its recipient, keeps the raw bytes and asks for its triage', async () => {
    const { deps, emails, queue, rawMail } = setup();
    const outcome = await receiveInboundMail(deps, {
      raw: forward,
      recipients: ['acme@inbound.example'],
      verdicts: NONE,
    });
    const emailId = stableId('em', 'acme', '<fwd-1@acme.example>');
    expect(outcome).toEqual({ kind: 'stored', emails: [{ orgId: 'acme', emailId, duplicate: false }] });
    const email = await emails.get('acme', emailId);
    expect(email).toMatchObject({
      from: 'office@acme.example',
      subject: 'Fwd: heater',
      channel: 'email',
      inbound: { authenticity: NONE, needsHuman: false, forwardedFrom: 'ana@example.net', attachments: [] },
    });
    expect(await rawMail.read('acme', email?.inbound?.rawRef ?? '')).toEqual(forward);
    // Another org never reads it.
    expect(await rawMail.read('birch', email?.inbound?.rawRef ?? '')).toBeUndefined();
    expect(queue.take('classify')).toEqual([{ orgId: 'acme', emailId }]);
  });

  it('flags a message failing DMARC for a person and believes none of its senders', async () => {
    const { deps, emails } = setup();
    await receiveInboundMail(deps, { raw: forward, recipients: ['acme@inbound.example'], verdicts: SPOOFED });
    const email = await emails.get('acme', stableId('em', 'acme', '<fwd-1@acme.example>'));
    expect(email?.inbound).toMatchObject({ authenticity: SPOOFED, needsHuman: true });
    expect(email?.inbound?.forwardedFrom).toBeUndefined();
  });

  it('is one message when delivered twice; each org among the recipients gets its own copy', async () => {
    const { deps, queue } = setup();
    const delivery = {
      raw: forward,
      recipients: ['acme@inbound.example', 'birch@inbound.example', 'nobody@inbound.example'],
      verdicts: NONE,
    };
    const first = await receiveInboundMail(deps, delivery);
    const again = await receiveInboundMail(deps, delivery);
    expect(first.kind === 'stored' && first.emails.map((e) => [e.orgId, e.duplicate])).toEqual([
      ['acme', false],
      ['birch', false],
    ]);
    expect(again.kind === 'stored' && again.emails.map((e) => e.duplicate)).toEqual([true, true]);
    expect(queue.take('classify')).toHaveLength(2);
  });

  it('never lets a known Message-ID resent with other bytes replace the raw message or its attachments', async () => {
    const { deps, emails, rawMail } = setup();
    const withPhoto = (body: string, photo: string) =>
      message(
        `From: ana@example.net
To: acme@inbound.example
Subject: leak
Message-ID: <leak-1@example.net>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b1"`,
        `--b1\nContent-Type: text/plain\n\n${body}\n--b1\nContent-Type: image/png\nContent-Disposition: attachment; filename="leak.png"\nContent-Transfer-Encoding: base64\n\n${Buffer.from(photo).toString('base64')}\n--b1--\n`,
      );
    const original = withPhoto('The kitchen tap leaks.', 'the real photo');
    const delivery = { recipients: ['acme@inbound.example'], verdicts: NONE };
    await receiveInboundMail(deps, { ...delivery, raw: original });
    const emailId = stableId('em', 'acme', '<leak-1@example.net>');
    const stored = await emails.get('acme', emailId);
    const photoRef = stored?.inbound?.attachments[0]?.ref ?? '';
    const kept = new Map(rawMail.objects);

    const forged = withPhoto('Pay to this account instead.', 'a forged photo');
    expect(await receiveInboundMail(deps, { ...delivery, raw: forged })).toEqual({
      kind: 'stored',
      emails: [{ orgId: 'acme', emailId, duplicate: true }],
    });
    expect(await emails.get('acme', emailId)).toEqual(stored);
    expect(await rawMail.read('acme', stored?.inbound?.rawRef ?? '')).toEqual(original);
    expect(new TextDecoder().decode(await rawMail.read('acme', photoRef))).toBe('the real photo');
    expect(rawMail.objects).toEqual(kept);
  });

  it('keeps apart two messages racing with one Message-ID: the stored one links its own bytes', async () => {
    const { deps, emails, rawMail } = setup();
    // A race: each delivery checks for the email before the other has stored it.
    const unseen = Object.assign(Object.create(emails), { get: async () => undefined });
    const racing = (body: string) =>
      message(
        'From: ana@example.net\nTo: acme@inbound.example\nSubject: race\nMessage-ID: <race-1@example.net>',
        body,
      );
    const [first, second] = [racing('First words.'), racing('Other words.')];
    const delivery = { recipients: ['acme@inbound.example'], verdicts: NONE };
    await receiveInboundMail({ ...deps, emails: unseen }, { ...delivery, raw: first });
    const late = await receiveInboundMail({ ...deps, emails: unseen }, { ...delivery, raw: second });
    expect(late.kind === 'stored' && late.emails[0]?.duplicate).toBe(true);
    const stored = await emails.get('acme', stableId('em', 'acme', '<race-1@example.net>'));
    expect(stored?.text).toContain('First words.');
    expect(await rawMail.read('acme', stored?.inbound?.rawRef ?? '')).toEqual(first);
    // Neither write replaced the other: the late one's bytes lie apart, linked by nothing.
    const kept = [...rawMail.objects.values()].map((bytes) => new TextDecoder().decode(bytes));
    expect(kept.sort()).toEqual([first, second].map((bytes) => new TextDecoder().decode(bytes)).sort());
  });

  it('gives a message without a Message-ID a stable one from its bytes', async () => {
    const { deps, emails } = setup();
    const raw = message('From: ana@example.net\nTo: acme@inbound.example\nSubject: hi', 'No id here.');
    expect(derivedMessageId(raw)).toBe(derivedMessageId(new Uint8Array(raw)));
    expect(derivedMessageId(raw)).not.toBe(derivedMessageId(message('From: ana@example.net', 'Other.')));
    expect(derivedMessageId(raw)).toMatch(/^<[0-9a-f]{40}@inbound\.invalid>$/);
    const outcome = await receiveInboundMail(deps, {
      raw,
      recipients: ['acme@inbound.example'],
      verdicts: NONE,
    });
    const again = await receiveInboundMail(deps, {
      raw,
      recipients: ['acme@inbound.example'],
      verdicts: NONE,
    });
    const emailId = stableId('em', 'acme', derivedMessageId(raw));
    expect(outcome).toEqual({ kind: 'stored', emails: [{ orgId: 'acme', emailId, duplicate: false }] });
    expect(again).toEqual({ kind: 'stored', emails: [{ orgId: 'acme', emailId, duplicate: true }] });
    expect((await emails.get('acme', emailId))?.messageId).toBe(derivedMessageId(raw));
  });

  it('refuses mail for no known org, and mail naming no sender', async () => {
    const { deps, queue } = setup();
    expect(
      await receiveInboundMail(deps, {
        raw: forward,
        recipients: ['nobody@inbound.example', 'acme@elsewhere.example'],
        verdicts: NONE,
      }),
    ).toEqual({ kind: 'unknown_recipient' });
    const anonymous = message('To: acme@inbound.example\nSubject: ?', 'who am I');
    expect(
      await receiveInboundMail(deps, {
        raw: anonymous,
        recipients: ['acme@inbound.example'],
        verdicts: NONE,
      }),
    ).toEqual({ kind: 'no_sender' });
    expect(queue.take('classify')).toEqual([]);
  });
});
