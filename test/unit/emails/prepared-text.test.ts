import { describe, expect, it } from 'vitest';
import { ReplyTextPreparer } from '#adapters/message-text/prepared-text.ts';

const prepare = (parts: { text?: string; html?: string }) => new ReplyTextPreparer().prepare(parts);

describe('the text triage reads (html-to-text, email-reply-parser and our quote headers)', () => {
  it('reads an HTML-only message as text, without links, images or the quoted reply', () => {
    const html = [
      '<div dir="ltr"><p>Hi,<br>The <b>kitchen sink</b> is leaking under the cabinet.',
      ' Photo: <img src="https://example.com/leak.jpg"> <a href="https://example.com/x">here</a></p>',
      '<p>Thanks,<br>Ana</p>',
      '<div class="gmail_quote"><div>On Mon, Jun 3, 2026 at 9:14 AM Property Desk &lt;desk@example.com&gt; wrote:<br></div>',
      '<blockquote>Is there a fire or gas smell? Tell us more.</blockquote></div></div>',
    ].join('');
    const text = prepare({ html });
    expect(text).toContain('The kitchen sink is leaking under the cabinet.');
    expect(text).toContain('here');
    expect(text).not.toMatch(/https:|fire|gas smell|wrote:/);
  });

  it('prefers the text part when there is one', () => {
    expect(prepare({ text: 'Plain words.', html: '<p>HTML words.</p>' })).toBe('Plain words.');
  });

  it.each([
    [
      'English "On … wrote:" (wrapped header, > quotes)',
      'The heater stopped.\n\nOn Tue, Jun 4, 2026 at 8:00 AM Oak Street Rentals\n<office@example.com> wrote:\n> There is a gas smell reported\n> in your building.',
      'The heater stopped.',
    ],
    [
      'Spanish "El … escribió:"',
      'Hola,\nNo tengo agua caliente desde ayer.\n\nEl lun, 3 jun 2026 a las 9:14, Oficina <oficina@example.com> escribió:\n> Hay un incendio en el edificio',
      'Hola,\nNo tengo agua caliente desde ayer.',
    ],
    [
      'Outlook "-----Original Message-----"',
      'The door lock is broken.\n\n-----Original Message-----\nFrom: Desk\nSent: Monday, June 3, 2026 9:14 AM\nSubject: flood\n\nThe basement is flooding.',
      'The door lock is broken.',
    ],
    [
      'Outlook in Spanish "De: … Enviado:"',
      'Ya pagué la renta.\n\nDe: Oficina <oficina@example.com>\nEnviado: lunes, 3 de junio de 2026 9:14\nPara: Inquilino\nAsunto: humo\n\nHay humo en el pasillo.',
      'Ya pagué la renta.',
    ],
    [
      'Outlook "From: … Sent:" without the dashes',
      'Thanks, the plumber came.\n\nFrom: Desk <desk@example.com>\nSent: Monday\nTo: Tenant\nSubject: leak\n\nWater is coming through the ceiling.',
      'Thanks, the plumber came.',
    ],
  ])('strips a quoted chain: %s', (_name, text, expected) => {
    expect(prepare({ text })).toBe(expected);
  });

  it('strips a signature after the "-- " delimiter and a phone signature', () => {
    expect(prepare({ text: 'The heater is broken.\n\n-- \nJohn Smith\n555-0100' })).toBe(
      'The heater is broken.',
    );
    expect(prepare({ text: 'The heater is broken.\n\nSent from my iPhone' })).toBe('The heater is broken.');
  });

  it('keeps a sentence that merely mentions writing, and CRLF line ends read as lines', () => {
    const text = 'My neighbour wrote: the smoke alarm keeps beeping.\r\nCan someone check it?';
    expect(prepare({ text })).toBe(
      'My neighbour wrote: the smoke alarm keeps beeping.\nCan someone check it?',
    );
  });

  it.each([
    [
      'English Gmail forward',
      'FYI see below\n\n---------- Forwarded message ---------\nFrom: Ana Lopez <ana@example.com>\nDate: Mon, Jun 3, 2026 at 9:14 AM\nSubject: Unit 4B\nTo: <office@example.com>\n\nWater is pouring through the ceiling in 4B.',
      'Water is pouring through the ceiling in 4B.',
    ],
    [
      'Spanish "Mensaje reenviado"',
      'Para su información, vea abajo.\n\n---------- Mensaje reenviado ---------\nDe: Ana López <ana@example.com>\nFecha: lun, 3 jun 2026 a las 9:14\nAsunto: Baño\nPara: <oficina@example.com>\n\nEl agua está cayendo del techo del baño.',
      'El agua está cayendo del techo del baño.',
    ],
  ])('keeps a forwarded message for triage to judge: %s', (_name, text, forwardedBody) => {
    const prepared = prepare({ text });
    expect(prepared.split('\n')[0]).toBe(text.split('\n')[0]);
    expect(prepared).toContain(forwardedBody);
  });

  it('drops a reply chain inside a forwarded message', () => {
    const text =
      'FYI\n\n---------- Forwarded message ---------\nFrom: Ana <ana@example.com>\nSubject: 4B\n\nThe lock is broken.\n\nOn Mon, Jun 3, 2026 at 9:14 AM Desk <desk@example.com> wrote:\n> Is there a fire?';
    const prepared = prepare({ text });
    expect(prepared).toContain('The lock is broken.');
    expect(prepared).not.toMatch(/fire|wrote:/);
  });

  it('keeps the whole text when stripping a "-- " line would leave no letters', () => {
    expect(prepare({ text: '-- \n-- \nWater is pouring through the ceiling.' })).toBe(
      '-- \n-- \nWater is pouring through the ceiling.',
    );
    expect(prepare({ text: '555\n-- \nThe door will not lock.' })).toBe('555\n-- \nThe door will not lock.');
  });

  it('keeps the words when everything looks quoted, rather than triaging nothing', () => {
    expect(prepare({ text: '> There is water everywhere in unit 4' })).toBe(
      '> There is water everywhere in unit 4',
    );
  });
});
