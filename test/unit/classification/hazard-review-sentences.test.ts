import { describe, expect, it } from 'vitest';
import { HAZARD_RULES } from '#domain/classification/hazard-rules.ts';
import { detectHazards } from '#domain/classification/hazards.ts';
import { classifyByRules } from '#domain/classification/rules-classifier.ts';

/**
 * Sentences a reviewer wrote against the widened emergency rules (review of t-int at 2be7547,
 * items 1-3), and ordinary routine mail written for this file: each is checked through
 * `classifyByRules`, so the committed safety net at its threshold is included.
 */
const classify = (subject: string, text: string) =>
  classifyByRules({ from: 'tenant@example.com', subject, text });

/** [subject, body, the hazard that must be found] */
const MISSED: readonly (readonly [string, string, string])[] = [
  // An urging "don't wait" beside a present hazard is not an advert's hypothetical.
  [
    'Leak',
    "Please don't wait for Monday, water is pouring through the bedroom ceiling onto the bed",
    'active_leak',
  ],
  [
    'Leak',
    "Don't wait for the plumber, water is pouring out of the ceiling light in the kitchen",
    'active_leak',
  ],
  [
    'Outlet',
    'Please fix the outlet before there is a fire, it is sparking and hot to the touch',
    'electrical',
  ],
  // The subject's hazard stands when the body says it comes back or asks someone to look.
  [
    'Gas smell',
    'For now everything seems okay after I opened the windows but it comes back every night. Please look at it.',
    'gas',
  ],
  ['Gas smell', 'Right now everything is fine, the smell comes and goes. Can you have someone look?', 'gas'],
  ['Gas leak?', 'The gas company fixed the meter yesterday but I smell it again tonight', 'gas'],
  [
    'Gas smell',
    'Everything seems fine right now, but the smell was very strong an hour ago and my wife felt dizzy.',
    'gas',
  ],
  [
    'Olor a gas',
    'Ahorita todo está bien pero anoche olía muy fuerte y mi hija se mareó. Solo quiero saber qué hacer.',
    'gas',
  ],
];

/** Ordinary mail the review found raised as emergencies: [subject, body]. */
const REVIEW_ROUTINE: readonly (readonly [string, string])[] = [
  ['Lavabo', 'El lavabo no deja de gotear y el piso está mojado. ¿Pueden mandar al plomero esta semana?'],
  [
    'Faucet',
    "The bathroom faucet won't stop leaking and the floor mat is wet. Can someone replace the washer?",
  ],
  [
    'Fridge',
    'El refri no para de gotear agua y el piso de la cocina está mojado, creo que es el drenaje del refri.',
  ],
  [
    'Rain boots',
    'It was pouring out when we came home and our wet boots soaked the hallway carpet, is there a mat we can use?',
  ],
  [
    'Rice',
    'The rice cooker boiled and it spilled over onto the floor, sorry for the mess in the laundry room, no damage.',
  ],
  [
    'Water heater pan',
    'The water heater drip pan filled up and it is running over onto the garage floor a little.',
  ],
  [
    'Mop',
    'After I mopped there is dirty water on the bathroom floor near the toilet, the mop bucket tipped.',
  ],
  ['Sink only', 'No hot or cold water in the kitchen sink only, the bathroom sink and shower are fine.'],
  [
    'Garage door',
    "The garage side door won't open from the inside so my car is inside until I go around front. Please fix when you can.",
  ],
  [
    'Smart lock',
    "The smart lock won't unlock from the inside app, I have to use the thumb turn. My phone is inside the case.",
  ],
  [
    'Neblina',
    'Hay mucha neblina esta mañana y la alarma del carro del vecino sonó toda la noche, no pude dormir.',
  ],
  ['Timbre', 'Se rompió el timbre de la puerta de entrada, ¿lo pueden cambiar?'],
  [
    'Drywall crack',
    'There is a crack in the drywall above the closet door that has been getting longer over the past year. Probably settling, no rush.',
  ],
  [
    'Ceiling dip',
    'The ceiling in the garage dips in the middle a bit, has been like that since we moved in five years ago, just noting for inspection.',
  ],
  [
    'Años',
    'Llevo 5 años en el departamento y la puerta del baño no abre desde adentro, la manija está floja.',
  ],
  // From the review's probes beside item 3: a parking lot's shared gate.
  ['Portón', 'La reja del portón del estacionamiento se quedó abierta, cualquiera puede entrar.'],
];

/** Routine mail written for this file, half in Spanish: none is an emergency. */
const ROUTINE: readonly (readonly [string, string])[] = [
  [
    'Kitchen faucet',
    'The kitchen faucet drips all night, I put a towel under it. Can the plumber come next week?',
  ],
  [
    'Spill',
    'My son knocked over the fish tank water onto the living room floor, we cleaned it up. Is the carpet cleaner covered?',
  ],
  [
    'Old crack',
    'There is an old crack above the bathroom door, it has been there since we moved in. Just so you know.',
  ],
  ['Lost keys', 'I lost my keys at the gym. Can I pick up a spare from the office tomorrow?'],
  [
    'Car alarm',
    'A car alarm in the lot keeps going off every night around 2 am. Can you find out whose car it is?',
  ],
  [
    'Fog machine',
    'We used a fog machine for the party and the smoke alarm went off, everything is fine, can you reset it?',
  ],
  ['Heater', 'The space heater you left makes a clicking noise when it turns on. Is that normal?'],
  ['Birthday', 'My daughter is turning 5 years old on Saturday, can we use the clubhouse for her party?'],
  ['Bell', 'The doorbell is broken and the front door is fine. Please fix the bell.'],
  ['Keys inside', 'My keys are inside the apartment and I am at work, can someone let me in after 5?'],
  ['Smoke detector', 'The smoke detector in the bedroom chirps every minute, it needs a new battery.'],
  ['Burner', 'The back left burner on the stove will not light, the other three work fine.'],
  [
    'Shower drip',
    "The shower head won't stop dripping after I turn it off and the bath mat is soaked every morning.",
  ],
  [
    'Years here',
    'We have been here 12 years and the bedroom ceiling has a small sag in the middle since we moved in.',
  ],
  ['Bathroom door', 'The bathroom door sticks and is hard to open, it swelled with the humidity.'],
  [
    'Phone inside',
    'My phone is inside the mailbox room, the door locked behind me. Can the office open it tomorrow?',
  ],
  ['Drain slow', 'The tub drains very slowly and there is dirty water standing in it after a shower.'],
  ['Sink only', 'No water pressure in the upstairs bathroom sink only, everything else is fine.'],
  ['Dryer', 'The dryer runs hot and the clothes take forever. Could someone clean the vent?'],
  [
    'Ceiling stain',
    'There is a brown stain on the hallway ceiling from the roof leak last spring, it is dry. Can it be painted?',
  ],
  ['Gotera', 'La llave del baño gotea un poco toda la noche, no es urgente. ¿Pueden cambiar el empaque?'],
  ['Derrame', 'Se me cayó la cubeta del trapeador y el piso de la cocina quedó mojado, ya lo sequé.'],
  ['Grieta vieja', 'Hay una grieta vieja en la pared de la sala, siempre ha estado ahí. ¿La pueden resanar?'],
  ['Llave gira', 'La llave gira y gira en la cerradura del buzón, no abre el buzón.'],
  [
    'Alarma del carro',
    'La alarma del coche del vecino suena todas las noches y no dejamos dormir a los niños.',
  ],
  ['Neblina', 'Con la neblina de la mañana no se ve el número del edificio, ¿pueden poner uno más grande?'],
  ['Calentón', 'El calentón hace un ruido cuando prende pero calienta bien. ¿Es normal?'],
  [
    'Puerta del baño',
    'Mi hijo de 10 años se queja que la puerta del baño se atora, pero sí abre. ¿La pueden revisar?',
  ],
  ['Timbre', 'El timbre de la puerta no suena, creo que hay que cambiarle la pila.'],
  [
    'Carro adentro',
    'Mi carro está adentro de la cochera y el portón eléctrico no abre, ¿pueden revisar el control?',
  ],
  ['Detector', 'El detector de humo del pasillo pita cada rato, creo que es la batería.'],
  ['Quemador', 'Un quemador de la estufa no prende, los demás funcionan bien.'],
  ['Tiempo', 'Llevamos dos años aquí y queremos renovar el contrato, ¿cuánto subirá la renta?'],
  ['Lavabo', 'El lavabo no deja de gotear, ya puse una toalla.'],
  ['Puerta', 'La puerta del cuarto no cierra bien, hay que empujarla fuerte. ¿La pueden ajustar?'],
  ['Refri', 'El refri hace hielo en la parte de atrás y gotea un poquito adentro. ¿Pueden revisarlo?'],
  ['Techo', 'El techo de la cochera siempre ha estado un poco hundido en medio, desde que llegamos.'],
  ['Niña', 'Mi niña de 8 años perdió su llave de la casa, ¿me pueden dar otra?'],
  ['Neblina en el baño', 'Hay neblina adentro del baño cuando nos bañamos porque el extractor no sirve.'],
  [
    'Regadera',
    'La regadera tira agua para todos lados y se moja el piso del baño. ¿Pueden cambiar la cabeza?',
  ],
];

describe('the review sentences (review items 1-3)', () => {
  it.each(MISSED)('%s / %s is an emergency: %s', (subject, body, hazard) => {
    expect(detectHazards(`${subject}\n${body}`).map((finding) => finding.hazard)).toContain(hazard);
    expect(classify(subject, body).category).toBe('maintenance_emergency');
  });

  it.each(REVIEW_ROUTINE)('%s / %s is not an emergency', (subject, body) => {
    expect(classify(subject, body).category).not.toBe('maintenance_emergency');
  });
});

describe('routine mail written for these tests', () => {
  it('holds twenty in each language', () => {
    expect(ROUTINE).toHaveLength(40);
  });

  it.each(ROUTINE)('%s / %s is not an emergency', (subject, body) => {
    expect(classify(subject, body).category).not.toBe('maintenance_emergency');
  });
});

describe('clause patterns (review item 7)', () => {
  // `^(?!.*X).*Y` backtracks over the whole clause for every place Y might start: quadratic on a
  // long run-on word. Such tests are two patterns (butNot in hazard-rules.ts); bench/hazard-scaling.ts
  // measures the time ratio.
  it('has no lookahead over the whole clause', () => {
    const sources = HAZARD_RULES.flatMap((rule) => [rule.sign, rule.subject, rule.unless, rule.unlessMessage])
      .filter((pattern): pattern is RegExp => pattern instanceof RegExp)
      .map((pattern) => pattern.source);
    expect(sources.length).toBeGreaterThan(HAZARD_RULES.length);
    expect(sources.filter((source) => source.includes('^(?!.*'))).toEqual([]);
  });
});
