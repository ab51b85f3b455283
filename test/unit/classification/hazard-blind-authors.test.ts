import { describe, expect, it } from 'vitest';
import { detectHazards } from '#domain/classification/hazards.ts';
import { isCold, isDangerouslyHot, temperaturesIn } from '#domain/classification/living-conditions.ts';
import { normalise } from '#domain/classification/normalise.ts';
import { saysAllIsWell } from '#domain/classification/statement-markers.ts';

/**
 * Concepts added after reading what two blind authors (j, k) wrote and the rules missed: each is
 * a class of message, probed here in new sentences of our own, English and Spanish, with near
 * misses the same words must leave alone. Author l was not read while writing them.
 */
const hazardsIn = (text: string) => detectHazards(text).map((finding) => finding.hazard);

describe('hand rules: what blind authors write', () => {
  it.each([
    // A failed heating or cooling supply said in broken English or with the place between.
    ['Heat\nthe heater not work since Sunday, outside 18 degree, very cold for the kids', 'no_heat'],
    ['Calor\nel aire de la recámara ya no enfría y adentro marca 99, tengo un bebé', 'no_cooling'],
    ['Aire\nel aparato de la ventana dejó de enfriar y adentro están 101 grados', 'no_cooling'],
    ['the window unit quit blowing cold, inside 96, my grandpa is 84', 'no_cooling'],
    // Power cut off by the utility in dangerous heat or with a machine someone needs.
    ['Luz\nnos desconectaron la luz esta mañana y hace 110 afuera, mi papá está en cama', 'no_cooling'],
    ['the electric company shut off our power today and it is 106 outside', 'no_cooling'],
    // No water at all, neither hot nor cold.
    ['Agua\nseguimos sin agua fría ni caliente desde el lunes, no podemos ni bañarnos', 'no_water'],
    ['since this morning we have no hot or cold water in the whole place', 'no_water'],
    // Water nobody can stop, already on the floor.
    ['the supply hose behind the washer keeps spraying and the laundry floor is soaked', 'flooding'],
    ['la tubería debajo del fregadero no para de tirar agua y ya se mojó el piso de la cocina', 'flooding'],
    ['the pit under the stairs is brimming and the water is running over onto the floor', 'flooding'],
    // A lock or door that no longer locks on the way in.
    [
      'Front door\nthe deadbolt on the front door broke, the key just spins and nothing catches',
      'unsecured_unit',
    ],
    ['la cerradura de la entrada se rompió y no podemos cerrar la casa para irnos', 'unsecured_unit'],
    ['the back glass door shattered in the wind, the whole pane is gone, ground floor', 'unsecured_unit'],
    // Structure moving: a crack that grows, a member broken through.
    ['la grieta de la pared de la sala se está haciendo más grande cada hora', 'structural'],
    ['the crack above the bedroom window got wider overnight, I can fit a coin in it', 'structural'],
    ['the porch header is split through and sagging lower than yesterday', 'structural'],
    // A toilet that keeps coming up, foul water across the floor.
    ['the downstairs toilet overflowed and is still coming up by itself', 'sewage'],
    ['hay agua negra por todo el piso del baño y sigue saliendo del excusado', 'sewage'],
    // A wiring box that is hot and smells, whatever the smell is called.
    ['the fuse box in the hall smells like burning dust and the cover is hot', 'electrical'],
    ['el tablero eléctrico huele a polvo quemado y está caliente', 'electrical'],
    // A cloud inside a home whose alarm is sounding.
    ['the detector next door has been beeping nonstop and there is a grey fog in their kitchen', 'smoke'],
    ['la alarma del vecino está sonando sin parar y se ve una nube gris en su cocina', 'smoke'],
    // Second round (after reading author l): the same classes, other words.
    ['the unit quit putting out cool air, thermostat reads 91 and my dad is 82', 'no_cooling'],
    ['el aire se descompuso, aquí adentro está como a 96 y afuera 110, mi abuela está mareada', 'no_cooling'],
    ['the lift stopped between 2 and 3, the doors won’t open, we’re inside with a toddler', 'trapped'],
    ['la chapa electrónica no abre desde adentro y estoy adentro con mis hijos', 'trapped'],
    ['the keypad lock won’t open from the inside and I am in here with my grandmother', 'trapped'],
    ['la puerta del baño se trabó y mi hijo de 4 años está adentro llorando', 'trapped'],
    ['cuando jalamos el inodoro el agua sube por la coladera de la regadera', 'sewage'],
    [
      'the kitchen sink filled with gray water that smells like sewer and it is coming out across the floor',
      'sewage',
    ],
    [
      'a big pine limb came down on the roof over the living room and the ceiling dips in the middle',
      'structural',
    ],
    ['el techito del porche se está cayendo encima de la puerta', 'structural'],
    ['la puerta corrediza no cierra con seguro, el pestillo está roto, primer piso', 'unsecured_unit'],
    ['unos desconocidos se metieron al pasillo de mi casa anoche y no cierra la puerta', 'unsecured_unit'],
  ])('%s → %s', (text, hazard) => {
    expect(hazardsIn(text)).toContain(hazard);
  });

  it.each([
    // Near misses: the same words, no present danger.
    ['Heat\nthe heater does work now, thanks, 18 degrees outside but cozy inside'],
    ['el aire de la recámara enfría bien, adentro marca 72'],
    ['We were inside 20 minutes and the AC cooled the whole place'],
    ['Luz\nla compañía de luz dice que nos van a cortar la luz el lunes si no pagamos'],
    ['They will shut off our power next week for the line work, it will be 100 out'],
    ['el agua caliente tarda mucho en salir pero sí hay agua fría'],
    ['the kitchen faucet drips a little, the floor is dry'],
    ['el fregadero gotea un poco pero ya puse una cubeta y el piso está seco'],
    ['the key turns but the door is a little stiff in the humid weather'],
    ['la cerradura del baño está floja pero sí cierra'],
    ['there is a hairline crack in the hallway plaster, it is not getting bigger'],
    ['la grieta del patio no ha crecido nada desde que nos mudamos'],
    ['the toilet overflowed once last month, plunged it and it is fine'],
    ['I turned on the baseboard heater and it smelled like burning dust for a minute'],
    ['prendí el calentador por primera vez y olió a polvo quemado un ratito'],
    ['my car alarm keeps going off and dark clouds are rolling in'],
    ['Does my renters insurance cover flooding? Nothing has happened, just asking'],
    ['¿La casa está en zona de inundación? Quiero saber antes de firmar'],
    ['Fwd: inspection\nThe inspector noted evidence of a prior roof leak, dry at time of inspection'],
    ['el inspector vio una mancha de una fuga anterior en el techo, ya está seca'],
    ['Fuga de gas?\nvino el técnico, revisó todo y no era nada, ya todo bien, solo quería avisar'],
    ['Se fue la luz\n¿qué hago si se va la luz otra vez? ahorita todo está bien, solo pregunto'],
    ['Credit for the days the heat was out?\nIt was repaired last week, thank you. Can we get a credit?'],
    ['the stove burner makes a small flame and clicks sometimes'],
    // Second round near misses.
    // Worded unlike the tuning messages they stand for (review item 10).
    [
      'Heating season\nWe switched the furnace on for the season and the vents gave off a smell like burnt dust for an hour, then nothing.',
    ],
    [
      'Re: renewal\nThe bedroom ceiling leak from last spring never came back after the roof job. Happy to renew.',
    ],
    ['el inodoro gotea un poquito por abajo cuando le jalo'],
    ['the outlet gives a tiny spark when I plug in the vacuum, nothing else'],
    ['The lobby door downstairs does not close, anyone can walk in, please fix'],
    ['la puerta del lobby no cierra bien, cualquiera puede entrar al edificio'],
    ['the neighbours burn their trash in a barrel and the smoke drifts over'],
    ['Will the well pump still work without power if there is an ice storm?'],
    [
      'Newsletter\nBefore there is a burst pipe this winter, book your annual plumbing check and save 10 percent.',
    ],
    ['someone broke the window in the laundry room of building C, glass on the floor'],
    ['there is a smell near the stairwell but no water anywhere, just the smell'],
    ['el aire enfría poquito pero adentro está a 76, no hay prisa'],
    ['se sale un poquito de agua de la manguera de la lavadora cuando lava, el piso está seco'],
    ['la llave de la puerta gira un poco dura pero sí cierra'],
    ['¿el seguro de inquilino cubre inundaciones? no ha pasado nada'],
    ['el vecino quema hojas en su patio y llega el humo'],
    ['el calentador de la sala olió a polvo quemado la primera vez, ya se quitó'],
    ['the tree branches hang down on the roof, please trim them'],
    ['estoy en el piso y doblando ropa, se oye raro el refri'],
    ['el olor sube por la coladera del baño en las tardes'],
    ['my internet service was cut off and it is 100 out, can I pay the bill late?'],
    ['there is a crack in the bathroom tile and the mold spot is getting bigger'],
    ['el control de la puerta de la cochera no agarra la señal'],
    ['Bathroom door\nthe bathroom door won’t open from the inside, please fix the knob'],
  ])('%s: no emergency', (text) => {
    expect(hazardsIn(text)).toEqual([]);
  });

  it('reads a temperature after an indoor word, never a count of days or minutes', () => {
    expect(temperaturesIn(normalise('inside 54 and the heat is off'))).toEqual([
      { degrees: 54, where: 'inside' },
    ]);
    expect(isDangerouslyHot(normalise('adentro marca 102'))).toBe(true);
    expect(isCold(normalise('we were inside 2 days'))).toBe(false);
    expect(isCold(normalise('inside 40 minutes after school'))).toBe(false);
    // A fridge's cold is not the weather.
    expect(isCold(normalise('la medicina necesita frio'))).toBe(false);
    expect(isCold(normalise('hace mucho frio afuera'))).toBe(true);
  });

  it('hears a sender say all is well, or that they only ask', () => {
    expect(saysAllIsWell(normalise('ahorita todo esta bien, solo quiero saber'))).toBe(true);
    expect(saysAllIsWell(normalise('Nothing has happened, just asking before the storm season'))).toBe(true);
    expect(saysAllIsWell(normalise('everything seems fine right now'))).toBe(true);
    expect(saysAllIsWell(normalise('the ceiling is dripping, please come now'))).toBe(false);
  });

  it('still reads a hazard in the body when the sender also says they only ask', () => {
    expect(hazardsIn('Question\njust asking, but water is pouring through the ceiling right now')).toContain(
      'active_leak',
    );
    expect(hazardsIn('Gas smell\nI smell gas in the kitchen near the stove')).toContain('gas');
  });

  it('keeps a subject-line hazard when the body does not say it is over', () => {
    expect(hazardsIn('Water pouring through the ceiling\nPlease send someone, unit 3B')).toContain(
      'active_leak',
    );
    expect(hazardsIn('Gas leak?\nIt smells strong by the meter, what do we do')).toContain('gas');
    expect(hazardsIn('Flooding in the basement\njust asking if you got my voicemail')).toContain('flooding');
    expect(
      hazardsIn('Gas smell?\nThanks for fixing the door yesterday. Can someone come check today?'),
    ).toContain('gas');
  });
});
