import { describe, expect, it } from 'vitest';
import { conceptFeatures, temperatureMarkers } from '#domain/classification/danger-concepts.ts';
import { dangerFindings } from '#domain/classification/danger-model.ts';
import { findEmergencies } from '#domain/classification/emergency-text.ts';
import { normalise } from '#domain/classification/normalise.ts';

/** Sentences written for this test, not taken from the labelled sets. */
const concepts = (text: string) => conceptFeatures(text, text);

describe('a door inside the home is not a way in', () => {
  it.each([
    ['the kitchen cabinet door came off its hinge this morning'],
    ['the shower door slid off the track and will not close'],
    ['the closet door is off its track again'],
    ['the oven door will not shut all the way'],
    ['the dishwasher door does not latch'],
    ['our bedroom door lock is broken, it will not lock'],
    ['the mailbox lock is jammed and will not lock'],
    ['the drawer by the sink came off the track'],
    ['la puerta del closet se salio del riel'],
    ['la puerta del horno no cierra bien'],
    ['la puerta de la regadera se rompio'],
    ['la chapa del buzon esta rota'],
    ['the wood stove door will not close tight'],
    ['the latch on the pool gate is broken'],
    ['la puerta de la estufa de lena no cierra'],
  ])('%s', (text) => {
    const features = concepts(text);
    expect(features).toContain('c:inside door');
    expect(features).not.toContain('c:way in');
    expect(features).not.toContain('c:cannot secure');
  });

  it.each([
    ['the front door will not lock and it is getting dark'],
    ['the patio door came off its track and will not close'],
    ['someone kicked in the back door'],
    ['the bedroom window is shattered'],
    ['la puerta de enfrente no cierra y ya es de noche'],
    ['rompieron la ventana de la cocina'],
  ])('still a way in: %s', (text) => {
    const features = concepts(text);
    expect(features).toContain('c:way in');
    expect(features).toContain('c:cannot secure');
  });

  it('reads a tap that will not shut off as water, not a door', () => {
    expect(concepts('the bathtub faucet will not shut off')).not.toContain('c:cannot secure');
    expect(concepts('the back door will not shut')).toContain('c:cannot secure');
  });
});

describe('concepts for wordings the net missed', () => {
  it.each([
    ['the porch roof is bowing down under the snow', 'structure giving way', 'she bowed to the audience'],
    [
      'the hillside behind us is sliding toward the unit',
      'structure giving way',
      'the kids slid down the hill',
    ],
    ['mud is pushing against the basement wall', 'structure giving way', 'mud on the boots again'],
    ['no sale nada de ninguna pluma desde ayer', 'no water', 'la pluma de la cocina gotea un poco'],
    [
      'the old man in 2C has not answered his door since Sunday',
      'no answer',
      'I answered the door for the plumber',
    ],
    ['el senor del 4 no abre la puerta desde el lunes', 'no answer', 'el senor del 4 abre la puerta a las 8'],
    ['el calenton no prende y estamos a 20 grados', 'no heat', 'el calenton ya prende bien'],
    [
      'a limb from the oak crashed through the roof of the den',
      'structure giving way',
      'a limb from the oak is touching the fence',
    ],
    [
      'there is a long crack running across the hall ceiling',
      'structure giving way',
      'the cracked phone screen',
    ],
    [
      'una rama grande cayo sobre el techo de la sala',
      'structure giving way',
      'una rama grande esta en el patio',
    ],
    [
      'the latch on the slider is broken and it opens from outside',
      'cannot secure',
      'the latch on the slider is new and works',
    ],
  ])('%s → %s; near miss: %s', (text, concept, nearMiss) => {
    expect(concepts(text)).toContain(`c:${concept}`);
    expect(concepts(nearMiss)).not.toContain(`c:${concept}`);
  });

  it('hears someone in Spanish in a clause that says what holds them', () => {
    expect(concepts('la vecina esta encerrada en el bano y no puede salir')).toContain('m:someone in it');
    expect(concepts('el elevador esta atorado en el piso 3')).not.toContain('m:someone in it');
  });

  it('hears someone said to be inside in a sentence of its own', () => {
    expect(concepts('The lift stopped between floors. Mr. Dale from 6A is inside.')).toContain(
      'm:someone in it',
    );
    expect(concepts('The lift stopped between floors. My phone is inside.')).not.toContain('m:someone in it');
  });

  it('reads 32-50 grados beside the word for heat as Celsius', () => {
    expect(temperatureMarkers(normalise('Hace 43 grados afuera, un calor terrible'))).toContain('m:hot');
    expect(temperatureMarkers(normalise('Hace 43 grados afuera, mucho frio'))).not.toContain('m:hot');
    expect(temperatureMarkers(normalise('calor, el termostato marca 75 grados'))).not.toContain('m:hot');
  });
});

describe('the net names the next sign when the first lacks what makes it a hazard', () => {
  const speaksAlways = { words: false, l2: 0, bias: 10, threshold: 0, weights: { 'c:no heat': 5 } };
  it('a CO alarm by the boiler is carbon monoxide, whatever "boiler … off" says', () => {
    const found = dangerFindings(
      'alarm\nthe detector by the boiler room keeps going off and says carbon monoxide, we feel sick',
      speaksAlways,
    );
    expect(found.map((f) => f.hazard)).toEqual(['carbon_monoxide']);
  });
  it('a thing alone names nothing when the only sign does not fit', () => {
    expect(dangerFindings('heat\nthe furnace is off, a mild week anyway', speaksAlways)).toEqual([]);
  });
});

/** Ordinary mail, half Spanish, written for this test: none of it is an emergency. */
const ROUTINE: readonly string[] = [
  'The cabinet door under the bathroom sink is loose, could someone tighten it next week?',
  'Our shower door rattles when it closes, not urgent at all.',
  'The closet door in the hall keeps sliding off its track, can maintenance adjust it?',
  'The oven door does not close flush anymore, the seal looks worn.',
  'Could you send the gate code for the pool? My family visits on Saturday.',
  'The dishwasher leaves spots on the glasses, is there a rinse aid you recommend?',
  'I locked myself out of the mailbox, where can I get a spare key?',
  'A drawer in the kitchen came off its runners, I put it on the counter.',
  'When is the next pest control visit? I saw one spider in the garage.',
  'Thanks for fixing the bedroom door hinge so quickly last week.',
  'La puerta del closet se sale del riel, cuando pueden venir a arreglarla?',
  'La puerta del horno no cierra bien, no es urgente.',
  'El cajón de la cocina se rompió, ¿me pueden mandar a alguien?',
  'Quisiera saber cuándo limpian las alfombras del pasillo.',
  'La puerta de la regadera hace ruido al cerrarla.',
  'Necesito una copia de mi contrato de renta, por favor.',
  'El gabinete del baño tiene una bisagra floja.',
  '¿Puedo pagar la renta con tarjeta este mes?',
  'La llave del buzón ya no funciona, ¿dónde consigo otra?',
  'Gracias por cambiar el foco del pasillo tan rápido.',
];

describe('routine mail stays routine', () => {
  it.each(ROUTINE)('%s', (text) => {
    expect(findEmergencies(`note\n${text}`)).toEqual([]);
  });
});
