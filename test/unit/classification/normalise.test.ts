import { describe, expect, it } from 'vitest';
import { normalise, senderName, stripQuotedReply } from '#domain/classification/normalise.ts';

describe('normalise', () => {
  it('folds case, accents and punctuation so one rule matches every spelling', () => {
    expect(normalise('¡INUNDACIÓN en el baño!')).toBe('inundacion en el bano');
    expect(normalise('No-heat call; A/C')).toBe('no heat call a c');
  });

  it('drops apostrophes so contractions match with or without them', () => {
    expect(normalise("Door won't lock, can’t sleep")).toBe('door wont lock cant sleep');
  });

  it('reads shouted letters as the word', () => {
    expect(normalise('Sooo cold, it SMELLLS like gasss')).toBe('so cold it smels like gas');
  });

  it('keeps the sign of a temperature', () => {
    expect(normalise('down to -8 tonight, thermostat says 55')).toBe(
      'down to minus 8 tonight thermostat says 55',
    );
    expect(normalise('unit 3-B')).toBe('unit 3 b');
  });
});

describe('stripQuotedReply', () => {
  it('drops the quoted chain after an English or Spanish reply header', () => {
    expect(
      stripQuotedReply(
        'Still broken.\n\nOn Tue, Mar 4, 2025 at 9:12 AM Office <o@example.com> wrote:\n> Work order created',
      ),
    ).toBe('Still broken.\n');
    expect(
      stripQuotedReply('Sigue igual.\nEl mar, 4 mar 2025 a las 9:12, Oficina escribió:\nTexto anterior'),
    ).toBe('Sigue igual.');
  });

  it('drops ">" quoted lines but keeps the rest', () => {
    expect(stripQuotedReply('> old line\nnew line\n> another old')).toBe('new line');
  });
});

describe('senderName', () => {
  it('returns the display name without quotes or the address', () => {
    expect(senderName('"Pellerin, Augustin" <apellerin@example.com>')).toBe('Pellerin, Augustin');
    expect(senderName('billing@example.com')).toBe('billing@example.com');
  });
});
