import { describe, expect, it } from 'vitest';
import { triageByRules } from '#domain/triage/rules-triage-engine.ts';
import { Triage } from '#domain/triage/triage.ts';

/**
 * Ordinary mail, written for this test (half in Spanish): a false emergency costs a person's
 * night, so none of these may be one, whatever else they are.
 */
const triage = (subject: string, text: string) =>
  Triage.parse(triageByRules({ from: 'Resident <resident@example.com>', subject, text }));

describe('routine mail never becomes an emergency', () => {
  it.each([
    ['Parking sticker', 'Could I get a second parking sticker for my partner’s car? It is a grey hatchback.'],
    ['Rent receipt', 'Can you send me a receipt for the October rent I paid through the portal on the 2nd?'],
    ['Lease renewal', 'We would like to renew for another year. Is the rate going up?'],
    ['Package room', 'Is the package room open on Sundays? My order is supposed to arrive this weekend.'],
    [
      'Smoke detector',
      'The smoke detector in the hallway chirps once a minute, I think it just needs a battery.',
    ],
    ['Gym hours', 'What time does the fitness room close? The sign by the door was taken down.'],
    ['Pest control', 'When is the next pest control visit? I saw a couple of ants near the sink.'],
    ['Moving out', 'I am moving out at the end of March; what do I need to do for the walkthrough?'],
    ['Thermostat', 'The thermostat display is dim and hard to read, could someone check it when convenient?'],
    ['Noise', 'The neighbours’ dog barks in the afternoons; could you remind them of the pet policy?'],
    ['Recibo', '¿Me pueden mandar el recibo de la renta de noviembre? Pagué en efectivo en la oficina.'],
    [
      'Estacionamiento',
      'Quisiera saber si hay un lugar extra de estacionamiento para mi hijo que viene de visita.',
    ],
    ['Renovación', 'Queremos renovar el contrato por un año más. ¿Cuándo nos mandan los papeles?'],
    ['Detector', 'El detector de humo del pasillo pita cada rato, creo que solo necesita pila nueva.'],
    ['Lavandería', '¿A qué hora abren la lavandería los domingos? Quiero lavar temprano.'],
    ['Plagas', 'Vi unas hormiguitas en la cocina, ¿cuándo viene el fumigador otra vez?'],
    ['Mudanza', 'Me mudo a fin de mes. ¿Qué tengo que hacer para que me regresen el depósito?'],
    ['Llave', 'Perdí la llave del buzón, ¿cuánto cuesta una copia?'],
    ['Ruido', 'Los vecinos de arriba mueven muebles tarde en la noche, ¿les pueden avisar con respeto?'],
    [
      'Calefacción',
      'La calefacción hace un ruidito al prender, no es urgente, pero si pueden revisarla algún día.',
    ],
  ])('%s', (subject, text) => {
    const result = triage(subject, text);
    expect(result.category).not.toBe('maintenance_emergency');
    expect(result.urgency).not.toBe('emergency');
  });
});
