import { describe, expect, it } from 'vitest';
import { detectHazards } from '#domain/classification/hazards.ts';

/**
 * Probes written after the rules were grown by concept (things × signs), in words none of the
 * labelled sets use: a concept-built vocabulary should catch them without a rule for each.
 */
const hazardsIn = (text: string) => detectHazards(text).map((finding) => finding.hazard);

describe('detectHazards: new wordings of the same dangers', () => {
  it.each([
    ["the cover plate on the bathroom GFCI is cracked and blackened and it's warm", 'electrical'],
    ['hubo un cortocircuito en la cocina y salió humo del contacto', 'smoke'],
    ['there is a smell like hot wires in the bedroom and I cannot find where it is from', 'smoke'],
    ['grey haze is drifting out of the utility closet', 'smoke'],
    ['water is bubbling up through the kitchen floor tiles and spreading', 'flooding'],
    ['el calentador de agua se rompió y está saliendo agua por toda la casa', 'flooding'],
    ['se está mojando toda la alfombra y el agua viene del cuarto de al lado', 'flooding'],
    ['The sump pump died and the basement is filling up with water', 'flooding'],
    ['the radiator valve broke off and hot water and steam are spraying into the room', 'flooding'],
    ['tenemos goteras en la sala y el agua está cayendo sobre el sofá, no para', 'active_leak'],
    ['My ceiling light is full of water and flickering', 'active_leak'],
    ['the toilet upstairs overflowed and it is coming through our bathroom fan', 'active_leak'],
    ['the drains in the tub are bringing up sewage when the washer runs', 'sewage'],
    ['el baño está regresando aguas negras a la regadera', 'sewage'],
    ['el tanque de gas tiene una fuga, se escucha como sale', 'gas'],
    ['My mom fell and cannot get up, she is in the bathroom', 'trapped'],
    ['We are in the lift, it stopped between 7 and 8, there are four of us in here', 'trapped'],
    ['the deck railing on our fourth floor balcony is loose and moves when you lean on it', 'structural'],
    ['the ceiling in the den has dropped about an inch and there is a long split in it', 'structural'],
    ['se están cayendo pedazos del techo del pasillo', 'structural'],
    ['the back window is smashed out and anyone could climb in tonight', 'unsecured_unit'],
    ['the deadbolt strike plate ripped out of the frame and the door swings open', 'unsecured_unit'],
    ['the taps just cough air, nothing comes out anywhere in the apartment', 'no_water'],
    ["our AC's been dead since noon, it's 106 here and the upstairs is 93", 'no_cooling'],
    ['se descompuso el aire y hace 110 grados afuera, mi abuela tiene 88 años', 'no_cooling'],
    ['el calentón no prende, afuera está a 18 grados y tenemos un bebé', 'no_heat'],
    ['la luz se fue y mi mamá usa oxígeno', 'electrical'],
    ['the toilet in 3 is overflowing nonstop and coming under the door into the hall', 'flooding'],
    ["the kitchen floor is squishy and there's water coming up between the boards", 'flooding'],
    ['la regadera tiene fuga y el agua se está pasando al cuarto', 'flooding'],
    [
      'carbon monoxide alarm chirped once then went into full alarm with a continuous siren',
      'carbon_monoxide',
    ],
    ['el techo tiene humedad y se está hinchando', 'structural'],
    ["a tree fell on the roof and there's a hole, rain is coming in", 'structural'],
    ["a tree fell on the roof and there's a hole, rain is coming in", 'active_leak'],
    ['i keep getting shocked when I touch the faucet', 'electrical'],
    ['the air condition is broke and its 100 degrees in the apartment', 'no_cooling'],
    ["our front door won't close since the storm, it's swollen and stuck open", 'unsecured_unit'],
    ['the garage ceiling is cracking and making popping noises', 'structural'],
    ['the washer overflowed and water is in the hallway and under the bedroom door', 'flooding'],
  ])('%s -> %s', (text, hazard) => {
    expect(hazardsIn(text)).toContain(hazard);
  });
});

describe('detectHazards: near-misses in new words stay routine', () => {
  it.each([
    ['I smelled something burning but it was the neighbour’s barbecue'],
    ['The dishwasher fills with water and will not drain'],
    ['Is this a non-smoking building? I am sensitive to smoke'],
    ['Do I need a flood rider on my renters policy?'],
    ['The CO detector shows END and beeps once a minute, it must be expired'],
    ['The furnace flames look yellow instead of blue, nobody feels sick'],
    ['Water is pouring off the roof by the back door during the storm, not getting inside'],
    ['The roof leaked into the bedroom last week but you had it patched and it has been dry since'],
    ['no prende la calefacción pero estamos a 65 grados, no hace frío'],
    ['la ventana no cierra bien pero sí cierra con el seguro'],
    ['The bedroom ceiling fan wobbles a lot on high'],
    ['the water in the hall bathroom sink drains slowly'],
    ['The CO detector chirps every few minutes, low battery'],
    ['A branch fell on my car in the lot'],
    ['the rain is coming down hard, is the pool closed?'],
    ["The office is not answering the phone, I've called for two days about my lease"],
    ["I saw smoke from the neighbor's chimney, is that normal?"],
    ["We had a gas leak at our old place so I'm nervous, can someone check the stove here?"],
    ['my floors make creaking sounds when I walk'],
    ['the storm door will not latch'],
    ['The paint on the ceiling is cracking'],
    ['The kids upstairs keep running on the floors and dropping toys at night'],
    ['There is no water anywhere on the floors, so why is my water bill so high?'],
    ['Sorry for calling about the gas smell on Saturday, the gas company said it was the grill next door'],
  ])('%s', (text) => {
    expect(hazardsIn(text)).toEqual([]);
  });
});
