import { describe, expect, it } from 'vitest';
import { readConcepts } from '#domain/classification/danger-concepts.ts';
import { dangerFeatures } from '#domain/classification/danger-model.ts';
import { findEmergencies } from '#domain/classification/emergency-text.ts';

const hazardClauses = (text: string) => readConcepts(text, text).hazardClauses;

describe('readConcepts: the clauses that carry a hazard', () => {
  it.each([
    ['the rent is paid. there is smoke pouring out of the fuse box', 'smoke pouring out of the fuse box'],
    ['quick question about parking; the basement smells strongly of gas', 'smells strongly of gas'],
    ['gracias por todo. sale humo del enchufe de la cocina', 'sale humo del enchufe'],
    ['el contrato vence en mayo. huele muchisimo a gas en el pasillo', 'huele muchisimo a gas'],
  ])('%s', (text, inside) => {
    const found = hazardClauses(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(inside);
  });

  it.each([
    ['a denied hazard', 'there is no smoke and no gas smell in the hallway'],
    ['a hypothetical one', 'what should we do if the basement ever floods'],
    ['one already over', 'the plumber fixed the burst pipe last week, thanks'],
    ['routine mail', 'can you send me the lease renewal papers'],
    ['negado en español', 'no hay humo ni olor a gas en el pasillo'],
    ['hipotético en español', 'que hacemos si alguna vez se inunda el sotano'],
  ])('none in %s', (_, text) => {
    expect(hazardClauses(text)).toEqual([]);
  });
});

describe('dangerFeatures: words of the hazard clauses apart', () => {
  const text = 'Rent question\nIs the rent due on the first? Also there is smoke coming from the dryer vent.';
  const features = dangerFeatures(text, true);

  it('reads the whole message as w: and the hazard clause again as h:', () => {
    expect(features).toEqual(expect.arrayContaining(['w:rent', 'w:smoke', 'h:smoke', 'h:dryer vent']));
    expect(features).not.toContain('h:rent');
  });

  it('adds no h: words when every clause carries the hazard (they would only count twice)', () => {
    const short = dangerFeatures('Smoke\nThere is smoke coming from the dryer vent.', true);
    expect(short).toContain('w:smoke');
    expect(short.some((feature) => feature.startsWith('h:'))).toBe(false);
    const corto = dangerFeatures('Humo\nSale humo del enchufe. ¿Cuándo vence la renta?', true);
    expect(corto).toContain('h:humo');
    expect(corto).not.toContain('h:renta');
  });

  it('adds no h: words when no hazard is affirmed, nor any word without words', () => {
    const calm = dangerFeatures('Rent\nIs the rent due on the first? No smoke, all fine.', true);
    expect(calm.some((feature) => feature.startsWith('h:'))).toBe(false);
    expect(dangerFeatures(text, false).some((f) => f.startsWith('w:') || f.startsWith('h:'))).toBe(false);
  });
});

describe('rules ∪ net on ordinary mail written for this test', () => {
  it.each([
    ['Lease renewal', 'Hi, I would like to renew for another twelve months. Can you send the papers?'],
    ['Parking sticker', 'My new car needs a parking sticker, where do I pick one up?'],
    ['Dishwasher', 'The dishwasher leaves a white film on the glasses, could someone look at it next week?'],
    ['Blinds', 'One of the bedroom blinds is bent, no rush, whenever a tech is around.'],
    ['Rent receipt', 'Could you email me the receipt for the November rent? I need it for my taxes.'],
    ['Smoke alarm battery', 'The hallway smoke alarm chirps now and then, I think it wants a new battery.'],
    ['Pest control', 'When is the next pest control visit? I saw a couple of ants by the window.'],
    ['Pet policy', 'Are cats allowed? My sister might leave hers with me for a month.'],
    ['Window screen', 'The screen on the living room window has a small tear in the corner.'],
    ['Move out', 'We plan to move out at the end of March, what do we need to do for the deposit?'],
    ['Renovación', 'Hola, quiero renovar el contrato por un año más. ¿Me mandan los papeles?'],
    ['Estacionamiento', '¿Dónde recojo la calcomanía del estacionamiento para mi carro nuevo?'],
    ['Lavaplatos', 'El lavaplatos deja manchas blancas en los vasos, ¿pueden revisarlo la otra semana?'],
    ['Persianas', 'Una persiana del cuarto está doblada, no hay prisa, cuando pase un técnico.'],
    ['Recibo', '¿Me pueden enviar el recibo de la renta de noviembre? Lo necesito para los impuestos.'],
    ['Detector', 'El detector de humo del pasillo pita de vez en cuando, creo que necesita pila nueva.'],
    ['Fumigación', '¿Cuándo viene la fumigación? Vi unas hormigas cerca de la ventana.'],
    ['Mascotas', '¿Se permiten gatos? Mi hermana me quiere dejar el suyo un mes.'],
    ['Mosquitero', 'El mosquitero de la ventana de la sala tiene un pequeño roto en la esquina.'],
    ['Mudanza', 'Nos mudamos a fines de marzo, ¿qué tenemos que hacer para el depósito?'],
  ])('%s stays routine', (subject, body) => {
    expect(findEmergencies(`${subject}\n${body}`)).toEqual([]);
  });
});
