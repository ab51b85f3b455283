import { describe, expect, it } from 'vitest';
import { extractEntities } from '#domain/triage/entities.ts';

describe('extractEntities', () => {
  it('finds the people named in the greeting and the signature', () => {
    const entities = extractEntities(
      'Hi Marguerite,\n\nThe bathroom fan rattles.\n\nThanks,\nTobias Wendt\n',
    );
    expect(entities.people).toEqual(['Marguerite', 'Tobias Wendt']);
  });

  it("reads a signature that adds a title or the sender's place", () => {
    expect(
      extractEntities('Hola, la luz del pasillo no sirve.\n\nNoemí Cárdenas, 12B Alder Row').people,
    ).toEqual(['Noemí Cárdenas']);
    expect(
      extractEntities('Please preserve all records.\n\nVery truly yours,\nJonah Pratt, Esq.').people,
    ).toEqual(['Jonah Pratt']);
    expect(extractEntities('Invoice attached. Thanks Rhea Lind\nOrchard Supply Co').people).toEqual([
      'Rhea Lind',
    ]);
  });

  it('finds the sender who introduces themself, in English and Spanish', () => {
    expect(extractEntities('Hello, my name is John Smith and I rent the unit upstairs.').people).toEqual([
      'John Smith',
    ]);
    expect(extractEntities('Buenas tardes, me llamo Ana Ruiz y la llave no gira.').people).toEqual([
      'Ana Ruiz',
    ]);
    expect(extractEntities('Hola, soy María López. La estufa no prende.').people).toEqual(['María López']);
    expect(extractEntities('soy el inquilino del 5 y my name is on the lease').people).toEqual([]);
  });

  it('does not take an organisation, a salutation or a unit for a person', () => {
    const entities = extractEntities(
      'Dear Sir or Madam,\n\nInvoice attached.\n\nRegards,\nAccounts Department\n',
    );
    expect(entities.people).toEqual([]);
    expect(extractEntities('Hello team,\nfaucet drips\nBirchwood Court #14').people).toEqual([]);
    expect(extractEntities('hey,\nthe disposal hums\nthx').people).toEqual([]);
  });

  it('reads units in their usual spellings, English and Spanish', () => {
    expect(extractEntities('the sink in apt 3B is clogged').unit).toBe('apt 3B');
    expect(extractEntities('Vivo en la unidad 4 y no hay luz').unit).toBe('unidad 4');
    expect(extractEntities('leak again. Marlow Terrace #118').unit).toBe('#118');
    expect(extractEntities('Unit 12C, the door sticks').unit).toBe('Unit 12C');
  });

  it('does not take an order, invoice or case number for a unit', () => {
    expect(extractEntities('Re: Work Order #30417 is still open').unit).toBeUndefined();
    expect(extractEntities('Invoice #5521 and police report #25-110937').unit).toBeUndefined();
    expect(extractEntities('We rank your company #1 on search').unit).toBeUndefined();
  });

  it('reads street addresses, phones, amounts and dates as written', () => {
    const entities = extractEntities(
      'I moved out of 4410 N Halsted Ave, Unit 7 on March 3, 2025. Deposit was $1,180.00 and I paid $75 extra. Call me at (312) 555-0148 or 312.555.0199 before 4/15.',
    );
    expect(entities.address).toBe('4410 N Halsted Ave, Unit 7');
    expect(entities.phones).toEqual(['(312) 555-0148', '312.555.0199']);
    expect(entities.amounts).toEqual(['$1,180.00', '$75']);
    expect(entities.dates).toEqual(['March 3, 2025', '4/15']);
  });

  it('reads Spanish dates and amounts', () => {
    const entities = extractEntities('Les pago 600 dólares el 5 de marzo y el resto el 20 de marzo de 2026.');
    expect(entities.amounts).toEqual(['600 dólares']);
    expect(entities.dates).toEqual(['el 5 de marzo', 'el 20 de marzo de 2026']);
  });

  it('takes no account or social security number for a phone, and ignores the quoted chain', () => {
    const entities = extractEntities(
      'Account 4471902258, routing 000555014, SSN 123-45-6789.\n\nOn Mon, Pat wrote:\n> call 414-555-0100',
    );
    expect(entities.phones).toEqual([]);
  });
});
