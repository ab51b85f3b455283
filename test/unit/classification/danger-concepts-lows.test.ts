import { describe, expect, it } from 'vitest';
import { conceptFeatures, temperatureMarkers } from '#domain/classification/danger-concepts.ts';
import { normalise } from '#domain/classification/normalise.ts';

const markers = (text: string) => temperatureMarkers(normalise(text));
const concepts = (text: string) => conceptFeatures(text, text);

describe('temperatureMarkers: an overnight low and a room reading', () => {
  it.each([
    'the boiler quit and it dropped to 22 overnight',
    "it's been 30 at night all week and the heater is dead",
    'last night it got down to 15, the radiators are cold',
    'anoche bajó a 25 y la calefacción no prende',
    'it is 52 degrees in the bedroom and the furnace will not start',
    'tenemos 48 grados en la casa, el calentador no sirve',
  ])('cold: %s', (text) => {
    expect(markers(text)).toContain('m:cold');
  });

  it.each([
    'I get home by 11 at night, please call before then',
    'the price dropped to 20 dollars',
    'there are 3 in the bedroom, can we add a bunk bed',
    'it is 72 in the living room, the thermostat works fine',
    'llego a las 10 de la noche, llamen antes',
    'somos 4 en la casa, necesitamos otra llave',
  ])('not cold: %s', (text) => {
    expect(markers(text)).not.toContain('m:cold');
  });
});

describe('someone held in, and a household bedridden or alone', () => {
  it.each([
    ['the shed door jammed with the neighbours boy inside', true],
    ['the gate is stuck and the girl next door cannot get out', true],
    ['the storage door is jammed, nobody is in there, just boxes', false],
  ])('%s', (text, held) => {
    expect(concepts(text).includes('m:someone in it')).toBe(held);
  });

  it.each([
    ['mi mamá está encamada y no tenemos agua', true],
    ['mi abuelo está postrado desde el verano', true],
    ['la cama nueva llegó ayer', false],
    ['mi tía vive sola y no tiene luz', true],
    ['estoy sola con los niños y huele a gas', true],
    ['solo quiero saber cuándo vence la renta', false],
    ['solo hace ruido la estufa cuando la prendo', false],
  ])('%s', (text, vulnerable) => {
    expect(concepts(text).includes('c:vulnerable')).toBe(vulnerable);
  });
});
