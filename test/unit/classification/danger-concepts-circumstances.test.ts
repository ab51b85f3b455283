import { describe, expect, it } from 'vitest';
import { conceptFeatures } from '#domain/classification/danger-concepts.ts';

/** Sentences written for these tests (none from a labelled set): each concept, and a near miss. */
const concepts = (text: string) => conceptFeatures(text, text);

/** Each row: a concept, a sentence that affirms it, and a near miss that must not. */
const affirmedButNotInNearMiss = (rows: readonly (readonly [string, string, string])[]) =>
  it.each(rows)('%s: %s; near miss: %s', (concept, text, nearMiss) => {
    expect(concepts(text)).toContain(`c:${concept}`);
    expect(concepts(nearMiss)).not.toContain(`c:${concept}`);
  });

describe('lost supplies, in plain, broken and Spanish wording', () => {
  affirmedButNotInNearMiss([
    [
      'no heat',
      'the heat not work since two night, the kids sleep in jackets',
      'the heat works fine now, thank you',
    ],
    ['no heat', 'the boiler has not kicked on all day', 'the boiler was serviced last spring'],
    ['no heat', 'every radiator in the flat is stone cold', 'the radiator cover needs paint'],
    ['no heat', 'la caldera no arranca y la casa esta helada', 'la caldera es nueva'],
    ['no cooling', 'our swamp cooler stopped working at lunch', 'the cooler is in the garage'],
    ['no cooling', 'the window unit quit blowing cold', 'can I put a window unit in the den'],
    ['no cooling', 'el clima de la sala dejo de enfriar', 'el clima esta muy agradable hoy'],
    ['no water', 'there is no water at all in the kitchen or the bath', 'the water pressure is a bit low'],
    ['no water', 'no sale nada de agua de la regadera', 'el agua sale un poco tibia'],
    ['no water', 'they cut off the water this morning without notice', 'the water bill came today'],
    ['power cut', 'the power is out in our whole building', 'the power bill came today'],
    ['power cut', 'nos cortaron la luz esta manana', 'la luz del pasillo esta fundida'],
  ]);

  it('a power cut in dangerous heat is a loss of cooling, in freezing weather a loss of heat', () => {
    const hot = concepts('the power got shut off and it is 106 degrees outside');
    expect(hot).toEqual(expect.arrayContaining(['c:power cut', 'c:no cooling', 'q:power cut+hot']));
    expect(hot).not.toContain('c:no heat');
    const cold = concepts('se fue la luz y estamos bajo cero');
    expect(cold).toEqual(expect.arrayContaining(['c:power cut', 'c:no heat', 'q:power cut+cold']));
    expect(concepts('the power is out, it is a mild evening')).not.toContain('c:no cooling');
  });

  it('pairs a lost supply with the weather, who lives there and how long', () => {
    const features = concepts('no heat for three days, it is 12 below outside and my wife is pregnant');
    expect(features).toEqual(
      expect.arrayContaining(['q:no heat+cold', 'q:no heat+for days', 'q:no heat+vulnerable household']),
    );
    expect(concepts('no heat needed today, it is 75 out')).not.toContain('q:no heat+cold');
  });

  it('keeps how long and who is there even in a denied clause', () => {
    const features = concepts('the furnace has not come on since yesterday with my newborn here');
    expect(features).toEqual(expect.arrayContaining(['c:for days', 'c:vulnerable', 'c:no heat']));
    expect(features).not.toContain('n:for days');
  });
});

describe('doors, people inside and buildings giving way', () => {
  affirmedButNotInNearMiss([
    ['cannot secure', 'the key spins freely in the deadbolt', 'the deadbolt is a little stiff'],
    ['cannot secure', 'the door frame is split where the bolt goes', 'the door frame needs caulk'],
    ['cannot secure', 'la llave da vueltas y vueltas y no agarra', 'la llave nueva funciona bien'],
    ['cannot secure', 'no podemos cerrar la puerta de atras', 'podemos pintar la puerta de atras'],
    ['confinement', 'my dad is locked inside the bathroom and the knob is gone', 'my dad locked the car'],
    ['confinement', 'no puedo salir del cuarto, la puerta se trabo', 'ya sali del cuarto'],
    ['structure giving way', 'the deck is pulling away from the house', 'please pull the weeds by the deck'],
    ['structure giving way', 'chunks of plaster keep falling from the hall', 'the plaster was patched'],
    ['structure giving way', 'el balcon se esta despegando de la pared', 'el balcon tiene macetas'],
  ]);

  it('pairs a door that will not lock with the night or leaving for work, in one clause', () => {
    expect(concepts('the slider will not lock and we leave for work at five')).toContain(
      'p:cannot secure+exposed time',
    );
    expect(concepts('la puerta no cierra y ya va a oscurecer')).toContain('p:cannot secure+exposed time');
    expect(concepts('the slider will not lock')).not.toContain('c:exposed time');
  });

  it('notices a household that has already left', () => {
    expect(concepts('we got everyone out and are waiting across the street')).toContain('c:got out');
    expect(concepts('ya sacamos a los ninos y estamos afuera')).toContain('c:got out');
    expect(concepts('we got the groceries in before the rain')).not.toContain('c:got out');
  });

  it('does not read the fire department as a fire', () => {
    expect(concepts('the fire department inspected the sprinklers today')).not.toContain('c:burning');
    expect(concepts('there is a fire in the dumpster behind building 2')).toContain('c:burning');
  });
});
