import { describe, expect, it } from 'vitest';
import { detectHazards } from '#domain/classification/hazards.ts';

/**
 * Concepts widened after reading authors c and d by kind (see hazard-words.ts, hazard-rules.ts),
 * probed with sentences written here, not taken from any labelled set: the widened concept must
 * catch them, and each concept's near-misses must stay routine.
 */
const hazardsIn = (text: string) => detectHazards(text).map((finding) => finding.hazard);

describe('detectHazards: widened concepts catch wordings no author used', () => {
  it.each([
    // Foul water coming back up the drain fixtures is the sewer line backing up.
    ['the shower and the toilet are both filling up with brown water that stinks', 'sewage'],
    ['murky grey water is bubbling up out of the laundry floor drain', 'sewage'],
    ['la tina se está llenando de agua negra cada vez que alguien usa el baño', 'sewage'],
    // Outside water getting in through the shell of the home.
    ['rain water is seeping in around the living room window and running down to the floor', 'flooding'],
    ['water keeps pushing in under the back slider and across the tile', 'flooding'],
    ['está entrando el agua por debajo de la puerta de la cocina', 'flooding'],
    ['the entire downstairs carpet is soaked now', 'flooding'],
    // A contracted "is" folded into the noun, and heat lost together with hot water.
    ["furnace's dead and it's 9 degrees out", 'no_heat'],
    ["we've had no heat or hot water since last night and it's 18 outside", 'no_heat'],
    // The lock itself gone, or the opening gives from outside.
    ["the slider's locking pin is missing and it slides open from outside", 'unsecured_unit'],
    ['the deadbolt fell off the front door this evening', 'unsecured_unit'],
    ['el seguro de la ventana se cayó y se abre desde afuera', 'unsecured_unit'],
    // A way out blocked from inside.
    ["my dad is in the bathroom and can't get the door open to get out, the knob spun off", 'trapped'],
    ['the closet door is jammed shut and my son says he cannot get out', 'trapped'],
    // The gas utility found the leak.
    ['the gas company cut off our gas because of a leak at the meter', 'gas'],
    ['there is a red tag hanging on our gas meter this morning', 'gas'],
  ])('%s -> %s', (text, hazard) => {
    expect(hazardsIn(text)).toContain(hazard);
  });
});

describe('detectHazards: the widened concepts keep their near-misses routine', () => {
  it.each([
    ['brown water comes out of the kitchen faucet for a few seconds in the morning'],
    ['the whole bathroom floor gets wet when my kid showers'],
    ['no hot water since this morning, it is 15 out, can the water heater be looked at?'],
    ['the screen on the bedroom window is missing'],
    ["I can't get the front door open with my new key, can someone send another?"],
    ['the gas company checked for leaks and found none'],
    ['Invoice 88: burst hose behind the washer, replaced both hoses. Net 30.'],
    ['Gas leak question\nWhat should we do if we ever smell gas at night?'],
    ['Power outage question\nA winter storm with snow is coming; is there a generator for the building?'],
  ])('%s', (text) => {
    expect(hazardsIn(text)).toEqual([]);
  });
});

describe('detectHazards: concepts widened after reading author d', () => {
  it.each([
    // Where the unit is may sit between it and its failure; weak cooling is a failure in heat.
    ["the air conditioner in the bedroom stopped blowing cold and it's 104 outside", 'no_cooling'],
    ['indoor thermometer reads 93 and the AC upstairs quit, my husband is on oxygen', 'no_cooling'],
    ['el clima que no enfría y hoy estamos a 104 grados', 'no_cooling'],
    // The ground giving way, a heavy limb on the roof, a roof heard cracking.
    ['a sinkhole opened up in the parking lot next to building 4', 'structural'],
    ["the driveway sank about six inches after the rain and there's a hole underneath", 'structural'],
    ['we can hear the roof creaking and cracking under all this snow', 'structural'],
    ["a huge limb is lying on the roof over the kids' room", 'structural'],
    ['el techo de la cochera se está doblando con la nieve', 'structural'],
    // Carbon monoxide: the alarm named "del monóxido", and drowsiness or confusion near a burner.
    ['la alarma del monóxido no deja de sonar', 'carbon_monoxide'],
    ['my grandmother is confused and sleepy and the furnace has been running all day', 'carbon_monoxide'],
    // A lift that will not move or open with someone in it.
    ["the elevator door closed with my mother inside and it won't open", 'trapped'],
    ['el elevador no se mueve y mi hijo está adentro', 'trapped'],
    // A whole room wet end to end.
    ['se rompió la manguera de la lavadora y toda la cocina está mojada', 'flooding'],
  ])('%s -> %s', (text, hazard) => {
    expect(hazardsIn(text)).toContain(hazard);
  });

  it.each([
    ['Is this area prone to sinkholes? We are thinking of renewing'],
    ["I'm confused about the furnace filter size, which one do I buy?"],
    ['¿Pueden instalar un detector de monóxido de carbono en el pasillo?'],
    ['gotea poquito abajo del fregadero, puse una toalla, cuando puedan'],
    ["the patio slider won't latch, we've been putting a dowel in the track at night"],
    ['Re: smoke smell\nThanks again for sending the electrician, all good now. Can I repaint the bedroom?'],
    ['the outdoor thermometer says 90 and the AC is making a rattling noise'],
  ])('%s stays routine', (text) => {
    expect(hazardsIn(text)).toEqual([]);
  });
});

describe('detectHazards: a forward sent for the records', () => {
  const forward = (note: string, body: string) =>
    `Fwd: from 2C\n${note}\n\n---------- Forwarded message ---------\nFrom: Resident <r@example.com>\nDate: Tue\nSubject: help\n\n${body}`;

  it.each([
    ['FYI', 'There is gas smell in the stairwell outside my door right now.', 'gas'],
    [
      'For your records.',
      'Water is coming through the kitchen ceiling and the light is full of it.',
      'active_leak',
    ],
    ['Para su información.', 'Se metieron a robar y forzaron la puerta, no cierra.', 'unsecured_unit'],
  ])('%s: a present hazard passed on still counts', (note, body, hazard) => {
    expect(hazardsIn(forward(note, body))).toContain(hazard);
  });

  it.each([
    ['FYI for your files.', 'There was a gas smell in the stairwell on Sunday.'],
    ['FYI', 'Yesterday water came through the kitchen ceiling. The roofer came and it has been dry since.'],
    ['FYI, all handled now.', 'Water is coming through the kitchen ceiling.'],
    ['Para su archivo.', 'Hubo una fuga de gas en el pasillo la semana pasada.'],
  ])('%s: a dated or settled report stays a record', (note, body) => {
    expect(hazardsIn(forward(note, body))).toEqual([]);
  });
});

describe('detectHazards: regional wordings of the same dangers', () => {
  it.each([
    // Outside water rising into the home, and how deep it stands.
    ["storm surge water is coming up into the first floor units, it's already over the outlets", 'flooding'],
    ['the bayou is over the road and water is in our living room now', 'flooding'],
    ['creek came up and the water is over the floor vents in the trailer', 'flooding'],
    ['my basement has a foot of water in it', 'flooding'],
    ["toilet overflowed and water is going under the wall into my neighbor's unit", 'flooding'],
    // Power lost in dangerous heat, said with a contraction.
    ["power's been out since the storm, it's 98 degrees in the house and my mother is 91", 'no_cooling'],
    // Trees by kind, roofs torn off, a railing's glass gone.
    ['a big oak came down across the back of the house and crushed the porch roof', 'structural'],
    ['the wind ripped the carport roof off and it is hanging over the door', 'structural'],
    ['se cayó un árbol sobre la casa y se rompió el techo', 'structural'],
    ["the glass panel on our balcony railing shattered and there's nothing to stop a fall", 'structural'],
    // Fire in the flue, gas escaping, a septic system backing up.
    ['the wood stove pipe is glowing red and the wall behind it is hot', 'fire'],
    ["there's a chimney fire, we can hear it roaring", 'fire'],
    ['the gas stove knob broke off and gas is hissing out', 'gas'],
    ['the septic is backing up into the basement floor drain and the tub', 'sewage'],
  ])('%s -> %s', (text, hazard) => {
    expect(hazardsIn(text)).toContain(hazard);
  });

  it.each([
    ['Is there street parking in the building lot?'],
    ['the river view units in the building are nicer, is one free?'],
    ['the storm knocked a few shingles off the roof'],
    ['the wind took the patio umbrella off the balcony'],
    ['there is a little water in the basement again after the rain, about an inch'],
    ['I smelled gas yesterday but the gas company came and said it was fine'],
    ['we lost power for an hour last night but it came back on, all good'],
    ['the chimney sweep said the flue looks fine'],
  ])('%s stays routine', (text) => {
    expect(hazardsIn(text)).toEqual([]);
  });
});

describe('detectHazards: second round of wordings of my own', () => {
  it.each([
    ['there is a strong odor like a skunk by the dryer hookup', 'gas'],
    ['my wife is stuck in the laundry room, the handle broke off on the inside', 'trapped'],
    ['the garage door is stuck open all night and the door to the house does not lock', 'unsecured_unit'],
    ["the front window got broken by a rock and there's a big hole in it", 'unsecured_unit'],
    ['the stair stringer cracked and the steps drop when you walk on them', 'structural'],
    ['CO alarm beeping 4 times then a pause, over and over', 'carbon_monoxide'],
    ['the sprinkler pipe in the garage burst and is spraying', 'flooding'],
    ['rain is blowing in through the broken window and soaking the carpet', 'active_leak'],
  ])('%s -> %s', (text, hazard) => {
    expect(hazardsIn(text)).toContain(hazard);
  });

  it.each([
    ['the floor bounces a little when you walk on it'],
    ['there is a big hole in the window screen'],
    ['the CO detector chirps over and over, it needs a new battery'],
    ['the garage door opener remote is dead, I open it by hand'],
    ['the porch post is cracked and the paint is peeling'],
    ['the surge protector in the living room stopped working'],
    ["Is it normal for the heat pump to blow cool air in defrost mode? it's 45 out"],
  ])('%s stays routine', (text) => {
    expect(hazardsIn(text)).toEqual([]);
  });
});

describe('detectHazards: near-misses of the same things', () => {
  it.each([
    ['The CO detector says ERR, can you replace it?'],
    ['There is a roof leak in the garage when it rains hard, just a few drops'],
    ['The washing machine drain hose came loose and there was a puddle, I put it back'],
  ])('%s stays routine', (text) => {
    expect(hazardsIn(text)).toEqual([]);
  });

  it.each([
    ['the CO detector says 180 and keeps beeping', 'carbon_monoxide'],
    ['the roof leaks into the bedroom when it rains and it is pouring right now', 'active_leak'],
  ])('%s -> %s', (text, hazard) => {
    expect(hazardsIn(text)).toContain(hazard);
  });
});

describe('detectHazards: third round (a fresh probe set, measured before these concepts were added)', () => {
  it.each([
    ["there's like a river coming out from under the fridge", 'flooding'],
    ['my door was open when I got home and the lock is scratched and bent', 'unsecured_unit'],
    ['the sliding door glass got shattered, there is only plastic taped over it', 'unsecured_unit'],
    ['the crack over the closet is getting longer every day', 'structural'],
    ['one step on the back stairs broke under me and I nearly fell through', 'structural'],
    ["the AC conked out, it's 104 today and grandma is staying with us", 'no_cooling'],
    ['the sink and the dishwasher are backing up with black water that smells like sewage', 'sewage'],
    ['no sale agua de ninguna llave desde anoche', 'no_water'],
    ['my mom fell in the tub and cannot get up, the door is locked', 'trapped'],
    ['a truck crashed into the building and the wall of unit 1 is cracked', 'structural'],
  ])('%s -> %s', (text, hazard) => {
    expect(hazardsIn(text)).toContain(hazard);
  });

  it.each([
    ['The bathroom ceiling paint is bubbling a little, no water'],
    ['The panel door won’t stay shut, it swings open, can you fix the latch?'],
    ['I want to know who was in my apartment without notice on Tuesday'],
    ['the basement smells like sewer now and then, can someone clean the floor drain?'],
  ])('%s stays routine', (text) => {
    expect(hazardsIn(text)).toEqual([]);
  });
});

describe('detectHazards: fourth round (fresh probes, 35/40 before)', () => {
  it.each([
    ["no hot water or heat since the boiler went out, it's 19 outside and we have an infant", 'no_heat'],
    ["the AC keeps shutting off, it's 101 and my dad is on oxygen", 'no_cooling'],
    ["our water is off and there's been no notice, we can't flush", 'no_water'],
    ['se metió agua de la calle a la casa con la lluvia y ya está en los cuartos', 'flooding'],
    ['se quebró la ventana del cuarto y no podemos cerrarla', 'unsecured_unit'],
  ])('%s -> %s', (text, hazard) => {
    expect(hazardsIn(text)).toContain(hazard);
  });

  it.each([
    ['The water is off for the main repair until 3 today, right?'],
    ['no hot water since this morning, can someone look at the water heater?'],
  ])('%s stays routine', (text) => {
    expect(hazardsIn(text)).toEqual([]);
  });
});

describe('detectHazards: fifth round (fresh probes with replies and forwards, 16/20 before)', () => {
  it.each([
    ['the bedroom ceiling has a big bubble of water in it now', 'active_leak'],
    ['the whole building lost water, nobody on our floor has any', 'no_water'],
    ["there's a crack in the ceiling that wasn't there yesterday and it's sagging now", 'structural'],
    ['the skylight shattered and rain is pouring into the living room', 'active_leak'],
  ])('%s -> %s', (text, hazard) => {
    expect(hazardsIn(text)).toContain(hazard);
  });

  it.each([
    ['we lost water pressure in the shower this week'],
    ['the ceiling paint has a small bubble near the vent'],
    ["the couch cushion is sagging and it's sagging more, can we get a new one with the ceiling repaint?"],
  ])('%s stays routine', (text) => {
    expect(hazardsIn(text)).toEqual([]);
  });
});

describe('detectHazards: sixth round (fresh probes for high-rise and rural homes, 24/30 before)', () => {
  it.each([
    ['water is coming down the elevator shaft and the car is throwing sparks', 'electrical'],
    ['water is coming down the elevator shaft', 'active_leak'],
    ['concrete chunks on the ground under the new crack in the garage ceiling', 'structural'],
    ['the catchment pump died and we have zero water', 'no_water'],
    ['our well froze solid overnight', 'no_water'],
    ['se escucha un tronido en el techo y se está abriendo una grieta', 'structural'],
    ['se está desbordando el drenaje en el patio', 'sewage'],
    ["we can't get out, the front door lock is jammed and snow blocks the back door", 'trapped'],
  ])('%s -> %s', (text, hazard) => {
    expect(hazardsIn(text)).toContain(hazard);
  });

  it.each([
    ["We'll be out of town over the holidays; the garage opener has been hit or miss"],
    ['the well pump is making a clicking noise but the water is fine'],
    ['the sump pump quit and the basement is dry'],
    ['el edificio va a estar sin agua el martes de 9 a 12 por mantenimiento'],
    ["I can't get out of my lease early, the door to the office was locked when I went"],
    ['sparks fly from the fireplace when we add wood'],
  ])('%s stays routine', (text) => {
    expect(hazardsIn(text)).toEqual([]);
  });
});

describe('detectHazards: seventh round (fresh probes heavy on near-misses, 15/20 and 8/40 false before)', () => {
  it.each([
    ['the manhole out front is overflowing sewage into our patio', 'sewage'],
    ['the tub fills with water from the toilet every time I flush', 'sewage'],
    ['the pipes are frozen and the house is 40 degrees', 'no_water'],
    ['water on the laundry room floor is spreading toward the hall', 'flooding'],
    ['the kitchen slab is heaving and water is coming up through the cracks', 'flooding'],
    ['the ceiling fan fell and there are wires dangling from the box', 'electrical'],
  ])('%s -> %s', (text, hazard) => {
    expect(hazardsIn(text)).toContain(hazard);
  });

  it.each([
    ["we're going away, should we leave the heat on to keep the pipes from freezing?"],
    ["there's a hairline crack in the kitchen slab, no water"],
    ['The previous tenant said the basement flooded in 2019, has it since?'],
    ['My renters insurance asks whether there are smoke and CO detectors'],
    ["My coworker's house flooded so I'm staying with her this week"],
    ['The burglar alarm company called about an upgrade'],
    ['We had a small grease fire on the stove last night, we put it out, the hood needs cleaning'],
  ])('%s stays routine', (text) => {
    expect(hazardsIn(text)).toEqual([]);
  });
});

describe('detectHazards: eighth round (fresh full-message probes, 21/25 before like the base)', () => {
  it.each([
    ["We've been without heat for three days. Today's high is 15.", 'no_heat'],
    ['no heat, low 20 tonight', 'no_heat'],
    ['the exit door at the bottom of the stairwell is chained shut', 'trapped'],
    ['the air handler in the closet is smoking and grinding', 'electrical'],
    ["sewage is pooling in the yard and it's backing into the crawlspace", 'sewage'],
  ])('%s -> %s', (text, hazard) => {
    expect(hazardsIn(text)).toContain(hazard);
  });

  it.each([
    ['the sewage smell in the basement is coming from the floor drain'],
    ['the heat is out, high of 70 today, no rush'],
    ['the exit door is locked from outside at night but opens from inside'],
  ])('%s stays routine', (text) => {
    expect(hazardsIn(text)).toEqual([]);
  });
});

describe('detectHazards: where the sender writes from does not move the hazard', () => {
  it('keeps a hazard a manager reports from the office', () => {
    expect(
      hazardsIn("I'm at my office and the tenant just texted that water is pouring through her ceiling"),
    ).toContain('active_leak');
  });
});

describe('detectHazards: ninth round (a last fresh probe set, 25/30 before and 0/30 false; base 24/30)', () => {
  it.each([
    ["the window AC fell out and there's a big open hole to the outside", 'unsecured_unit'],
    ["my dad has been in the bathroom an hour, he's not answering and the door is locked", 'trapped'],
    ['it smells like a gas station in the stairwell', 'gas'],
    ['a ceiling tile fell and water is raining through the gap', 'active_leak'],
    ["AC out since yesterday, inside temp 96, I'm a dialysis patient", 'no_cooling'],
  ])('%s -> %s', (text, hazard) => {
    expect(hazardsIn(text)).toContain(hazard);
  });

  it.each([
    ['The gas station on the corner is closing, any idea why?'],
    ['the inside temp is 75 and the AC is out, whenever you can'],
    ['My son is in the bathroom getting ready, he is not answering his phone about the lease'],
  ])('%s stays routine', (text) => {
    expect(hazardsIn(text)).toEqual([]);
  });
});
