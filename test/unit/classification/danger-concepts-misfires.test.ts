import { describe, expect, it } from 'vitest';
import { conceptFeatures } from '#domain/classification/danger-concepts.ts';
import { dangerFindings } from '#domain/classification/danger-model.ts';
import { normalise } from '#domain/classification/normalise.ts';

/**
 * What makes a hazard word not a present hazard (round 6 of the safety net): gas that is a supply
 * the utility cut or bills, a plant room's door that is not the home's, a fan that wobbles, a lift
 * only named, and a writer who says it can wait. Sentences written for this test, not taken from
 * the labelled sets.
 */
const concepts = (text: string) => {
  const reported = normalise(text);
  return conceptFeatures(reported, reported);
};

describe('gas as a supply is not gas escaping', () => {
  it.each([
    ['the utility turned off the gas to the block on Monday and it is still off'],
    ['when is the gas coming back on? we cannot cook'],
    ['my gas bill doubled this month, can you check the meter'],
    ['the gas company shut off gas service for the whole street for repairs'],
    ['we have no gas since the crew dug up the road'],
    ['cortaron el gas desde el martes y no podemos cocinar'],
    ['el recibo del gas llego muy alto este mes'],
    ['no hay gas en la estufa desde ayer'],
  ])('%s', (text) => {
    expect(concepts(text)).not.toContain('c:gas');
  });

  it.each([
    ['they turned off the gas but I still smell gas in the kitchen'],
    ['I shut off the gas at the meter and the pipe is still hissing'],
    ['the gas company shut off the gas and now the CO alarm is going off'],
    ['cortaron el gas pero todavia huele a gas en la cocina'],
    ['I smell gas by the stove'],
    ['huele a gas en el pasillo'],
  ])('still gas: %s', (text) => {
    expect(concepts(text)).toContain('c:gas');
  });
});

describe("a plant or storage room's door is not a way into the home", () => {
  it.each([
    ['the boiler room door in the cellar does not close all the way'],
    ['the storage room door lock is broken and will not lock'],
    ['the door of the utility room will not latch'],
    ['la puerta del cuarto de maquinas no cierra'],
    ['la chapa de la bodega esta rota'],
  ])('%s', (text) => {
    const features = concepts(text);
    expect(features).not.toContain('c:way in');
    expect(features).not.toContain('c:cannot secure');
  });

  it.each([
    ['the front door will not lock since the storm'],
    ['someone pried the back door open last night'],
    ['la puerta de la entrada no cierra y ya es de noche'],
  ])('still a way in: %s', (text) => {
    expect(concepts(text)).toContain('c:way in');
    expect(concepts(text)).toContain('c:cannot secure');
  });
});

describe('a fixture that wobbles is loose, a structure that wobbles is giving way', () => {
  it.each([
    ['the ceiling fan in the den wobbles when it is on high'],
    ['the kitchen table wobbles, can the handyman level it'],
    ['the toilet wobbles a little when you sit'],
    ['the ceiling fan wobbles a bit'],
  ])('%s', (text) => {
    expect(concepts(text)).not.toContain('c:structure giving way');
  });

  it.each([
    ['the deck railing wobbles when anyone leans on it'],
    ['the stairs wobble under my feet'],
    ['the balcony wobbles when we step out'],
  ])('still giving way: %s', (text) => {
    expect(concepts(text)).toContain('c:structure giving way');
  });
});

describe('a lift holds someone when it has stopped on them', () => {
  it.each([
    ['my grandmother needs a building with an elevator'],
    ['does the new place have a lift for my son in his wheelchair'],
    ['mi abuela necesita un edificio con elevador'],
  ])('only named: %s', (text) => {
    expect(concepts(text)).not.toContain('m:someone in it');
  });

  it.each([
    ['HELP stuck\nmy daughter is in the elevator on the third floor'],
    ['the lift stopped with my dad in it'],
    ['el elevador se paro entre pisos con mi mama'],
  ])('held: %s', (text) => {
    expect(concepts(text)).toContain('m:someone in it');
  });
});

describe('the writer says it can wait', () => {
  it.each([
    ['not urgent, but the hallway light flickers'],
    ['no rush at all, the closet door sticks'],
    ['this is not an emergency, the radiator knocks at night'],
    ['no es urgente, la llave del lavabo gotea'],
  ])('%s', (text) => {
    expect(concepts(text)).toContain('m:said not urgent');
  });

  it.each([['urgent: the outlet is smoking'], ['es urgente, sale humo del enchufe']])(
    'not said: %s',
    (text) => {
      expect(concepts(text)).not.toContain('m:said not urgent');
    },
  );
});

describe('signs said without the usual word', () => {
  it.each([
    ['the ceiling in the hallway is raining onto the rug'],
    ['the skylight is streaming since the storm started'],
    ['llueve adentro del cuarto por el techo'],
  ])('water coming through: %s', (text) => {
    expect(concepts(text)).toContain('c:water');
  });

  it.each([
    ['the roof guy said it is raining too hard to come today'],
    ['it is raining so the painter will come Monday'],
  ])('only the weather: %s', (text) => {
    expect(concepts(text)).not.toContain('c:water');
  });

  it('reads a strong gas in Spanish as smelled, and leaving as getting out', () => {
    const features = concepts(
      'el gas se siente fuerte en la cocina, los vecinos lo huelen. ya estamos saliendo',
    );
    expect(features).toContain('c:gas');
    expect(features).toContain('c:smell');
    expect(features).toContain('c:got out');
  });

  it('reads gas as an appliance fuel as no leak', () => {
    expect(concepts('the new dryer is gas, can you hook it up')).not.toContain('c:gas');
    expect(concepts('the dryer is gas and I smell it in the laundry')).toContain('c:gas');
  });
});

describe('ordinary routine messages stay routine', () => {
  it.each([
    ['Gas bill', 'Hi, my gas bill this month is higher than usual. Can you tell me if the meter was read?'],
    [
      'Gas back on?',
      'The utility said they would turn the gas back on today after the street work. Any news?',
    ],
    [
      'Storage room',
      'The storage room door downstairs will not latch, could someone adjust it when convenient?',
    ],
    ['Ceiling fan', 'The ceiling fan in the bedroom wobbles and clicks. No rush.'],
    [
      'Apartment search',
      'My father uses a walker and needs a unit in a building with an elevator. Anything open in March?',
    ],
    [
      'Heat schedule',
      'Not urgent: the radiators shut off around 11 and the bedroom gets chilly by morning. Could the timer change?',
    ],
    ['Fridge', 'The fridge is not cooling well, the milk goes bad fast. Can someone look this week?'],
    [
      'Recibo',
      'Hola, el recibo del gas llego muy alto. Me pueden decir si hay una fuga en la cuenta o un error?',
    ],
    ['Bodega', 'La puerta de la bodega del sotano no cierra bien. No es urgente.'],
    [
      'Ramp',
      'My husband uses oxygen now and the porch steps are hard for him. May we add a ramp at our own cost?',
    ],
  ])('%s', (subject, body) => {
    expect(dangerFindings(`${subject}\n${body}`)).toEqual([]);
  });
});
