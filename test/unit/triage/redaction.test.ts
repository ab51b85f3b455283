import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  passesAba,
  passesIbanCheck,
  passesLuhn,
  redactionMarker,
  redactSensitiveNumbers,
} from '#domain/triage/redaction.ts';

// Test numbers only: the card numbers are the networks' published test numbers, the routing
// number is checksum-valid but made up, the SSNs are in ranges never issued.
const VISA_TEST = '4111 1111 1111 1111';
const AMEX_TEST = '3782-822463-10005';
const ROUTING = '011000015';

describe('redactSensitiveNumbers', () => {
  it('replaces SSNs written the SSN way, or bare after an SSN word, in English and Spanish', () => {
    const { text, counts } = redactSensitiveNumbers(
      'My SSN is 900-12-3456 for the application. Mi número de seguro social es 900123456.',
    );
    expect(text).not.toMatch(/900-12-3456|900123456/);
    expect(text).toContain(redactionMarker('ssn'));
    expect(counts.ssn).toBe(2);
  });

  it('replaces Luhn-valid card numbers however they are grouped, and keeps other long numbers', () => {
    const { text, counts } = redactSensitiveNumbers(
      `Charge card ${VISA_TEST} or ${AMEX_TEST}. Work order 4111111111111112 is open.`,
    );
    expect(text).not.toContain(VISA_TEST);
    expect(text).not.toContain(AMEX_TEST);
    expect(text).toContain('4111111111111112');
    expect(counts.card).toBe(2);
  });

  it('replaces routing and account numbers a bank word introduces', () => {
    const { text, counts } = redactSensitiveNumbers(
      `Please send the deposit to routing number ${ROUTING}, account # 12345678901. Cuenta: 0012-3456-78.`,
    );
    expect(text).not.toContain(ROUTING);
    expect(text).not.toContain('12345678901');
    expect(text).not.toContain('0012-3456-78');
    expect(counts).toEqual({ routing_number: 1, bank_account: 2 });
    expect(text).toContain('routing number [redacted routing number]');
  });

  it('replaces IBANs, grouped or run together, with or without a bank word, and keeps the words after them', () => {
    // The ISO 13616 example IBANs (Spain, Germany, United Kingdom).
    const { text, counts } = redactSensitiveNumbers(
      'Transferir a ES91 2100 0418 4502 0005 1332 Pago de marzo. Or de89370400440532013000, my IBAN GB82 WEST 1234 5698 7654 32 Thanks',
    );
    expect(text).toBe(
      'Transferir a [redacted bank account] Pago de marzo. Or [redacted bank account], my IBAN [redacted bank account] Thanks',
    );
    expect(counts).toEqual({ bank_account: 3 });
    expect(redactSensitiveNumbers('Work order AB12 3456 7890 1234 is done').counts).toEqual({});
  });

  it('replaces a Spanish-grouped account number whole, never leaving its last group', () => {
    for (const number of ['0123 4567 89 0123456789', '0123-4567-89-0123456789', '0123 4567 8901 7892 3456']) {
      const { text } = redactSensitiveNumbers(`Mi cuenta bancaria es la ${number}, gracias.`);
      expect(text).toBe('Mi cuenta bancaria es la [redacted bank account], gracias.');
    }
    expect(redactSensitiveNumbers('CCC 0049 1500 05 1234567890').text).toBe('CCC [redacted bank account]');
  });

  it('keeps what is not sensitive: phones, amounts, dates, units, short account references', () => {
    const message =
      'Call me at 555-123-4567 about the $1,180.00 charge on 06/30/2026 for unit 118; account 42 is mine.';
    expect(redactSensitiveNumbers(message)).toEqual({ text: message, counts: {} });
  });

  it('never leaves a redacted kind in the text and never changes text without digits', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const lettersOnly = text.replace(/\d/g, '');
        expect(redactSensitiveNumbers(lettersOnly).text).toBe(lettersOnly);
        const once = redactSensitiveNumbers(`${text} SSN 900-12-3456 ${text}`).text;
        expect(once).not.toContain('900-12-3456');
      }),
    );
  });
});

describe('checksums', () => {
  it('Luhn accepts test card numbers and rejects a changed digit', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
  });
  it('ABA accepts a valid routing number and rejects a changed digit', () => {
    expect(passesAba(ROUTING)).toBe(true);
    expect(passesAba('011000016')).toBe(false);
    expect(passesAba('12345')).toBe(false);
  });
  it('the IBAN check accepts a valid IBAN however spaced or cased and rejects a changed digit', () => {
    expect(passesIbanCheck('es91 2100 0418 4502 0005 1332')).toBe(true);
    expect(passesIbanCheck('ES9121000418450200051333')).toBe(false);
    expect(passesIbanCheck('ES91')).toBe(false);
  });
});
