import { describe, expect, it } from 'vitest';
import { ReplyTextPreparer } from '#adapters/message-text/prepared-text.ts';
import { triageByRules } from '#domain/triage/rules-triage-engine.ts';

const prepare = (subject: string, parts: { text?: string; html?: string }) =>
  new ReplyTextPreparer().prepare({ subject, ...parts });

/** An Outlook header block as Outlook writes it over a forwarded or quoted message. */
const englishBlock = (subject: string) =>
  `From: Priya Natarajan <priya.n@example.com>\nSent: Tuesday, November 24, 2026 10:02 PM\nTo: Maintenance Desk <desk@example.com>\nSubject: ${subject}`;
const spanishBlock = (subject: string) =>
  `De: Rosa Jiménez <rosa.j@example.com>\nEnviado: martes, 24 de noviembre de 2026 22:02\nPara: Mantenimiento <mantenimiento@example.com>\nAsunto: ${subject}`;

const SPARKING = 'The outlet behind the fridge in 12C is sparking and there is a burning smell.';
const CHISPAS = 'El enchufe detrás de la nevera del 12C echa chispas y huele a quemado.';

describe('an Outlook forward (no "Forwarded message" line) keeps the forwarded message', () => {
  it.each([
    ['FW: with a note', 'FW: outlet in 12C', 'Please see below, tenant in 12C.'],
    ['Fw: with nothing written', 'Fw: outlet in 12C', ''],
    [
      'Fwd: with a longer note of its own',
      'Fwd: outlet in 12C',
      'Hi Sam, can you look at this tonight? I am off tomorrow and the tenant sounded upset on the phone, thanks.',
    ],
    ['a subject tag before FW:', '[EXTERNAL] FW: outlet in 12C', 'Passing this along.'],
    ['TR: (French Outlook\'s "transférer")', 'TR: outlet in 12C', 'Voir ci-dessous.'],
    ['TR: with nothing written', 'TR: outlet in 12C', ''],
    ['a tag and a counter before Fw[2]:', '[EXT] [Ticket 42] Fw[2]: outlet in 12C', ''],
    ['no prefix, only "FYI"', 'outlet in 12C', 'FYI'],
    [
      'no prefix, "see below" and a signature',
      'Tenant email',
      'See the email below.\n\nThanks,\nJordan\nLeasing Office',
    ],
  ])('English, %s', (_case, subject, note) => {
    const text = `${note}\n\n${englishBlock('outlet')}\n\n${SPARKING}\n\nPriya`;
    const prepared = prepare(subject, { text });
    expect(prepared).toContain(SPARKING);
    expect(prepared).toContain('---------- Forwarded message ----------\nFrom: Priya Natarajan');
    if (note) expect(prepared.startsWith(note.split('\n')[0] ?? '')).toBe(true);
  });

  it.each([
    ['RV: (Outlook\'s "reenviar") with "ver abajo"', 'RV: enchufe del 12C', 'Ver abajo.'],
    ['RV: with "Enviado el:"', 'RV: enchufe del 12C', 'Te reenvío lo que mandó la inquilina.'],
    [
      'no prefix, "le paso" the tenant’s message',
      'Correo de la inquilina',
      'Le paso el correo de la inquilina del 12C.',
    ],
    ['no prefix, "para su información"', 'Enchufe', 'Para su información.'],
  ])('Spanish, %s', (_case, subject, note) => {
    const block = spanishBlock('enchufe').replace(
      'Enviado:',
      _case.includes('Enviado el') ? 'Enviado el:' : 'Enviado:',
    );
    const prepared = prepare(subject, { text: `${note}\n\n${block}\n\n${CHISPAS}\n\nRosa` });
    expect(prepared).toContain(CHISPAS);
    expect(prepared).toContain('---------- Mensaje reenviado ----------\nDe: Rosa Jiménez');
  });

  it('an older Outlook\'s "-----Original Message-----" over a forward becomes the forward banner', () => {
    const text = `FYI\n\n-----Original Message-----\n${englishBlock('no heat')}\n\nOur heat has been out since last night and it is 40 degrees inside.`;
    const prepared = prepare('FW: no heat', { text });
    expect(prepared).toContain('it is 40 degrees inside');
    expect(prepared).not.toContain('Original Message');
  });

  it('an HTML forward from Outlook on the web', () => {
    const html = [
      '<div dir="ltr">Tenant report below, please call her.</div>',
      '<hr style="display:inline-block;width:98%" tabindex="-1">',
      '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif"><b>From:</b> Priya Natarajan &lt;priya.n@example.com&gt;<br>',
      '<b>Sent:</b> Tuesday, November 24, 2026 10:02 PM<br><b>To:</b> Maintenance Desk &lt;desk@example.com&gt;<br>',
      '<b>Subject:</b> outlet</font><div>&nbsp;</div></div>',
      `<div><p>${SPARKING}</p></div>`,
    ].join('');
    const prepared = prepare('FW: outlet', { html });
    expect(prepared).toContain(SPARKING);
  });

  it('keeps a forward of a reply, but not the reply’s own quoted chain', () => {
    const text = [
      'FYI, see the tenant’s answer below.',
      '',
      englishBlock('RE: ceiling stain'),
      '',
      'It is not a stain anymore, water is dripping through the light fixture now.',
      '',
      'From: Maintenance Desk <desk@example.com>',
      'Sent: Monday, November 23, 2026 9:00 AM',
      'To: Priya Natarajan <priya.n@example.com>',
      'Subject: ceiling stain',
      '',
      'Thanks for the photo of the old stain, we will paint it next month.',
    ].join('\n');
    const prepared = prepare('FW: RE: ceiling stain', { text });
    expect(prepared).toContain('water is dripping through the light fixture now');
    expect(prepared).not.toContain('we will paint it next month');
  });

  it('keeps a forward of a forward', () => {
    const text = [
      'see below',
      '',
      'From: Jordan Lee <jordan@example.com>',
      'Sent: Tuesday, November 24, 2026 10:30 PM',
      'To: Maintenance Desk <desk@example.com>',
      'Subject: FW: outlet',
      '',
      'Forwarding, I could not reach anyone.',
      '',
      englishBlock('outlet'),
      '',
      SPARKING,
    ].join('\n');
    const prepared = prepare('FW: FW: outlet', { text });
    expect(prepared).toContain('Forwarding, I could not reach anyone.');
    expect(prepared).toContain(SPARKING);
  });
});

describe('a reply written the Outlook way still loses its quoted chain', () => {
  it.each([
    ['RE: even over "see below"', 'RE: outlet in 12C', 'See below.'],
    [
      'Re: with a message of its own',
      'Re: outlet in 12C',
      'Thanks, the electrician came this morning and replaced it.',
    ],
    [
      'no prefix, a message of its own',
      'outlet in 12C',
      'Thanks, the electrician came this morning and replaced it.',
    ],
    ['[EXTERNAL] RE:', '[EXTERNAL] RE: outlet', 'Thank you, all good now.'],
  ])('English, %s', (_case, subject, note) => {
    const prepared = prepare(subject, { text: `${note}\n\n${englishBlock('outlet')}\n\n${SPARKING}` });
    expect(prepared).toBe(note);
  });

  it.each([
    ['no prefix', 'outlet in 12C'],
    ['a subject tag only', '[EXTERNAL] outlet in 12C'],
    ['Spanish, no prefix', 'Enchufe'],
  ])('nothing written over the block (an attachment-only reply), %s: no forward', (_case, subject) => {
    const block = subject === 'Enchufe' ? spanishBlock('enchufe') : englishBlock('outlet');
    const prepared = prepare(subject, { text: `\n\n${block}\n\n${SPARKING}` });
    expect(prepared).not.toContain('Forwarded message');
    expect(prepared).not.toContain('Mensaje reenviado');
  });

  it.each([
    ['RE: (Spanish Outlook’s reply) over "ver abajo"', 'RE: enchufe', 'Ver abajo.'],
    ['no prefix, a message of its own', 'Enchufe', 'Gracias, el electricista ya vino y lo cambió.'],
  ])('Spanish, %s', (_case, subject, note) => {
    const prepared = prepare(subject, { text: `${note}\n\n${spanishBlock('enchufe')}\n\n${CHISPAS}` });
    expect(prepared).toBe(note);
  });

  it('a block in ">" quotes is a quoted chain even under a forward subject', () => {
    const quoted = englishBlock('outlet')
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n');
    const prepared = prepare('FW: outlet', { text: `The outlet is fixed.\n\n${quoted}\n> \n> ${SPARKING}` });
    expect(prepared).toBe('The outlet is fixed.');
  });
});

describe('what triage makes of it (the rules engine on the prepared text)', () => {
  const triaged = (subject: string, text: string) =>
    triageByRules({ from: 'leasing@example.com', subject, text: prepare(subject, { text }) });

  it('a forwarded emergency is an emergency, in English and Spanish', () => {
    expect(
      triaged('FW: outlet in 12C', `Please see below.\n\n${englishBlock('outlet')}\n\n${SPARKING}`).urgency,
    ).toBe('emergency');
    expect(
      triaged('RV: enchufe del 12C', `Ver abajo.\n\n${spanishBlock('enchufe')}\n\n${CHISPAS}`).urgency,
    ).toBe('emergency');
  });

  it('the same words in a reply’s quoted chain are history, not an emergency', () => {
    const note = 'Thanks, the electrician came this morning and replaced it.';
    expect(
      triaged('RE: outlet in 12C', `${note}\n\n${englishBlock('outlet')}\n\n${SPARKING}`).urgency,
    ).not.toBe('emergency');
    const nota = 'Gracias, el electricista ya vino y lo cambió.';
    expect(triaged('RE: enchufe', `${nota}\n\n${spanishBlock('enchufe')}\n\n${CHISPAS}`).urgency).not.toBe(
      'emergency',
    );
  });
});
