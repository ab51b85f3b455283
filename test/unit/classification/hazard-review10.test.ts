import { describe, expect, it } from 'vitest';
import { detectHazards } from '#domain/classification/hazards.ts';
import { triageByRules } from '#domain/triage/rules-triage-engine.ts';

/**
 * Round 10: the reviewer's sentences that round 9's exclusions turned into misses (a phrase saying
 * the home is "not yours", a cut "for non payment" already made, "hasn't given way yet", a
 * household keeping warm at the stove, a gas smell somebody else has, "despite my numerous
 * complaints", a duty after being stranded). Each must be found by the hand rules alone
 * (`detectHazards`) and make the rules triage an emergency; the Spanish ones are our own.
 */
const hazardsIn = (text: string) => detectHazards(text).map((finding) => finding.hazard);
const urgencyOf = (text: string) => triageByRules({ from: 'tenant@example.com', subject: '', text }).urgency;

describe('hand rules, round 10: no phrase elsewhere in the message cancels a present emergency', () => {
  it.each([
    // 1. "Not yours" no longer switches every rule off.
    [
      "A huge tree from the neighbour's yard, which I know is not your property, fell onto our roof and the bedroom ceiling is cracking and sagging",
      'structural',
    ],
    [
      "I smell gas very strongly in the kitchen and my head hurts. I am sure it is not your property manager's fault",
      'gas',
    ],
    [
      'There is a fire in our kitchen, flames coming up the wall. I know this unit is not yours anymore since the sale',
      'fire',
    ],
    [
      'Ya sé que esta casa no es de ustedes, pero sale humo del enchufe de la recámara y huele a quemado',
      'smoke',
    ],
    // 2. A cut already made for nonpayment is an outage now.
    [
      'Gas company shut off the gas for non payment by the building, no heat, 15 degrees outside, 48 inside',
      'no_heat',
    ],
    [
      'La compañía cortó el gas por falta de pago del edificio, no tenemos calefacción, afuera hace 2 grados y adentro 9',
      'no_heat',
    ],
    // 3. Not given way yet: a structure expected to give way.
    [
      "The outside stairs are rotted through and sinking, one stringer is split. They haven't given way yet but my kids use them",
      'structural',
    ],
    [
      'La escalera de afuera está podrida y se está hundiendo, un larguero se partió, todavía no se ha caído pero mis hijos la usan',
      'structural',
    ],
    // 3. Keeping warm at a stove or under blankets: still no heat in the cold.
    [
      'no heat since last night, 5 degrees outside, 41 inside. We are keeping warm with the gas stove burners on',
      'no_heat',
    ],
    [
      'The furnace is out, it is 8 degrees outside. We are staying warm under blankets but my grandmother is 90',
      'no_heat',
    ],
    [
      'No hay calefacción desde ayer, hace 3 grados afuera y adentro 10, nos mantenemos calientitos con el horno abierto',
      'no_heat',
    ],
    // 3. A gas smell judged per clause.
    [
      'I smelled gas for a second when I walked in and now the whole apartment reeks of it, I can hear hissing',
      'gas',
    ],
    [
      "The babysitter called, she says the apartment smells strongly of gas and the kids are inside, I can't smell it myself because I am at work",
      'gas',
    ],
    [
      'We smelled gas in the unit this morning. I no longer smell it inside, but the hallway is really bad',
      'gas',
    ],
    ['La niñera dice que la cocina huele a gas, yo no huelo nada porque estoy en el trabajo', 'gas'],
    // 3. Complaints outside a legal letter.
    [
      'Despite my numerous complaints water is pouring through the ceiling light and spreading across the floor',
      'active_leak',
    ],
    [
      'Despite my numerous complaints water is pouring through the ceiling light and spreading across the floor',
      'flooding',
    ],
    [
      'Después de tantas quejas, ahora el agua cae a chorros del techo de la sala y ya cubre el piso',
      'active_leak',
    ],
    // 6. A duty after being stranded is no errand.
    [
      "My dad is stuck in the attic, the ladder broke, he can't get down and he has to go to work at 6",
      'trapped',
    ],
    [
      'Mi papá está atorado en el ático, se rompió la escalera, no puede bajar y tiene que ir a trabajar a las 6',
      'trapped',
    ],
  ])('%s → %s, by the hand rules and the rules triage', (text, hazard) => {
    expect(hazardsIn(text)).toContain(hazard);
    expect(urgencyOf(text)).toBe('emergency');
  });

  it.each([
    // 6. A 911 call is a fire's only beside smoke or flames.
    ['My grandfather collapsed and we called 911'],
    ['Mi abuelo se desmayó en la cocina y llamamos al 911'],
  ])('%s → no fire', (text) => {
    expect(hazardsIn(text)).not.toContain('fire');
  });

  it.each([
    // A 911 call beside a door that will not open: someone shut in, not a fire.
    ['my wife fell in the bathroom and the door lock jammed, she cant get up, I called 911'],
    ['mi mamá se cayó en el baño y la puerta está atorada, ya llamamos al 911'],
  ])('%s → trapped', (text) => {
    expect(hazardsIn(text)).toEqual(['trapped']);
    expect(urgencyOf(text)).toBe('emergency');
  });

  it.each([
    // Near misses that stay: a lawyer's letter, a held-steady sag, a burner's whiff, parked in.
    [
      'Our attorney writes on behalf of the tenant about numerous complaints of leaks since 2023, please respond',
    ],
    ['el techo del porche bajó un poco en la primavera pero no se ha movido más desde entonces'],
    [
      'apartment smells like gas?\nthe stove has that gas smell for a second before it lights, it goes away once it lights',
    ],
    ['the tenant next door parks behind my car every night and I cant get out for work'],
  ])('%s → no hazard', (text) => {
    expect(hazardsIn(text)).toEqual([]);
  });
});
