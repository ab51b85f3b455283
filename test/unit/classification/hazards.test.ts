import { describe, expect, it } from 'vitest';
import { detectHazards } from '#domain/classification/hazards.ts';

/**
 * A probe set written for these tests, phrased unlike the labelled fixtures: situations that are
 * dangerous now without the obvious words, and mentions of hazard words that are not hazards.
 */
const hazardsIn = (text: string) => detectHazards(text).map((finding) => finding.hazard);

describe('detectHazards: dangerous situations, worded by what is happening', () => {
  it.each([
    // Electricity and heat.
    ['the outlet by the bed is black and hot', 'electrical'],
    ['The switch plate in the hallway feels warm to the touch and there is a faint crackling', 'electrical'],
    ['our breaker box is buzzing loudly and smells like fish', 'electrical'],
    ['The dryer cord melted where it goes into the wall', 'electrical'],
    ['kitchen light fixture keeps flickering and now there is a burnt plastic smell', 'electrical'],
    ['the plug for the space heater is brown and scorched', 'electrical'],
    ['El enchufe de la recámara está negro y muy caliente', 'electrical'],
    ['se oye un zumbido en la caja de breakers y huele a quemado', 'electrical'],
    ['the outlit in the kitchen sparkd when i plugged the toaster', 'electrical'],
    // Water where it should not be.
    ['Water keeps dripping out of the bathroom light and the bulb went dark', 'active_leak'],
    ['the celing in my closet is wet and water is running down the wall', 'active_leak'],
    [
      'Something upstairs is leaking into our bedroom, there are drops coming from the ceiling fan',
      'active_leak',
    ],
    ['the water heater let go and there are two inches of water in the garage and hallway', 'flooding'],
    [
      'the hose behind the washer popped off and water is all over the laundry room and creeping into the den',
      'flooding',
    ],
    ['Se está saliendo el agua del calentador y ya llegó a la sala', 'flooding'],
    ['cae agua del techo de la cocina sin parar', 'active_leak'],
    // Sewage.
    ['Every time the upstairs neighbor flushes, dirty water comes up in our tub', 'sewage'],
    ['raw sewage is bubbling out of the floor drain in the laundry room', 'sewage'],
    ['el drenaje se está regresando y sale agua negra en la regadera', 'sewage'],
    // Gas and carbon monoxide.
    ['There is a sulfur smell near the meter outside and it is getting stronger', 'gas'],
    ['I can hear hissing from behind the stove and it smells weird, like gas', 'gas'],
    ['huele muy fuerte a gas en el pasillo del segundo piso', 'gas'],
    ['The CO detector is going off and my son says he feels dizzy', 'carbon_monoxide'],
    ['la alarma de monóxido está sonando y no para', 'carbon_monoxide'],
    // Fire and smoke.
    ['there is smoke coming out from under the dishwasher', 'smoke'],
    ['grease fire in the kitchen, it is out now but the cabinet above is charred', 'fire'],
    ['sale humo de la secadora', 'smoke'],
    // Services.
    ['Not a drop comes out of any faucet and we have no water at all since 6am', 'no_water'],
    ['furnace quit overnight, it is 48 degrees in the apartment and my mother is 90', 'no_heat'],
    ['la calefacción no sirve y afuera está helando, tengo una bebé', 'no_heat'],
    ['The AC died yesterday, it is 101 out and the thermostat reads 92', 'no_cooling'],
    ['no power in our unit and my husband is on an oxygen concentrator', 'electrical'],
    ['no power in the unit and it is 5 degrees outside', 'no_heat'],
    ['power is out and it is 104 today, my mom is 85', 'no_cooling'],
    // Securing the home, structure, people.
    ['Someone pried our sliding door open last night and now it will not latch', 'unsecured_unit'],
    ['the front door frame is split and the deadbolt will not lock', 'unsecured_unit'],
    ['the back porch stairs gave way when my neighbor stepped on them', 'structural'],
    ['The bedroom ceiling is bulging down and dripping in the middle', 'structural'],
    ['my dad is stuck in the elevator between the 2nd and 3rd floor', 'trapped'],
    ['Quedamos atrapados en el elevador del edificio B', 'trapped'],
    ['My toddler got herself locked in the bathroom and the knob just spins', 'trapped'],
    ['The power strip under my desk popped and there is a black mark on the carpet', 'electrical'],
    ['when I turn on the bathroom fan it smells like burning rubber', 'smoke'],
    [
      'Water is seeping up through the hardwood in the living room and it is spreading to the hallway',
      'flooding',
    ],
    ['The toilet upstairs overflowed and now it is raining in our kitchen', 'active_leak'],
    ['Our unit has been without water since yesterday afternoon', 'no_water'],
    ['there is no running water in the whole building', 'no_water'],
    ['Heat went out, it is 20 below outside', 'no_heat'],
    ['el aire no prende y estamos a 112 grados, mi papá tiene 80 años', 'no_cooling'],
    ['Someone smashed the glass on our patio door, we cannot lock it', 'unsecured_unit'],
    ['the balcony railing came loose and almost fell when I leaned on it', 'structural'],
    [
      'there is a big crack in the living room wall that keeps getting wider and the door no longer closes',
      'structural',
    ],
    ['the meter outside is hissing loudly', 'gas'],
    ['Our carbon monoxide alarm is beeping nonstop', 'carbon_monoxide'],
    ['I smelled smoke in the hallway and it is getting thicker', 'smoke'],
    ['the light switch shocked me and the plate is hot', 'electrical'],
    ['Agua sale por el contacto de la pared del baño', 'active_leak'],
    ['el techo de la sala se está cayendo a pedazos', 'structural'],
    ['la puerta de la entrada no cierra desde que la forzaron', 'unsecured_unit'],
    ['There is a strong smell of propane by the grill tank next to our door', 'gas'],
    ['sewer is backing up into our basement', 'sewage'],
    ['water gushing from under the kitchen sink, I cannot find the shutoff', 'flooding'],
    [
      'hi, quick one about parking passes. also the microwave started smoking and the cord is melted, I unplugged it',
      'electrical',
    ],
    ['The extension cord behind the couch got really hot and now the wall plug looks brownish', 'electrical'],
    ['there is a weird fishy smell coming from the outlet in the nursery', 'electrical'],
    ['our lights flicker and the panel in the garage is making a crackling sound', 'electrical'],
    ['ceiling above the tub is soaking and bulging, drops every few seconds', 'active_leak'],
    ['water is coming in under the front door and the carpet in two rooms is soaked', 'flooding'],
    [
      'the upstairs bathroom leaks into our kitchen light every time they shower, it is dripping right now',
      'active_leak',
    ],
    ['basement has about 3 inches of water and rising', 'flooding'],
    [
      'my kitchen sink backed up and now there is brown water with sewage smell coming up in the bathtub too',
      'sewage',
    ],
    ['smells like rotten eggs in the laundry room near the dryer', 'gas'],
    ['huele como a huevo podrido en la cocina', 'gas'],
    ['our co alarm went off twice and the kids have headaches', 'carbon_monoxide'],
    ['the oven caught fire, we put it out but there is still smoke', 'fire'],
    ['the tap is dry, nothing at all comes out of any of the faucets or the toilet', 'no_water'],
    ['no tenemos agua en todo el departamento desde ayer', 'no_water'],
    ['the heater is not working and it is 15 degrees outside tonight', 'no_heat'],
    ['AC is blowing hot air and it is 104 today, my newborn is sweating a lot', 'no_cooling'],
    ['our back door was kicked open while we were away', 'unsecured_unit'],
    ['the lock on our front door is broken and the door swings open', 'unsecured_unit'],
    ['la ventana de la sala la rompieron y no se puede cerrar', 'unsecured_unit'],
    ['a section of the ceiling collapsed in the hallway', 'structural'],
    ['the deck is pulling away from the house and it sways', 'structural'],
    ['my grandson is stuck in the elevator, it stopped between floors', 'trapped'],
    ['mi hijo se quedó encerrado en el baño y la puerta no abre', 'trapped'],
    [
      'Hola, pagué la renta ayer. Otra cosa: el enchufe del baño echa chispas y huele a plástico quemado',
      'electrical',
    ],
    [
      'Re: lease renewal\nYes we will sign. Separately, there is water pouring out of the light in the hallway ceiling right now!\n\nOn Tue, Office wrote:\n> Please confirm your renewal.',
      'active_leak',
    ],
    [
      'Subject: parking\nThe guy in 3B blocks my car every morning. And honestly the bigger problem: since this morning our stove knob area hisses and the kitchen smells of gas.',
      'gas',
    ],
    ['URGENT furnace\nFurnace is dead, house is at 50, and it is snowing', 'no_heat'],
    ['power out only in our apartment, neighbors have it, and my wife uses a CPAP', 'electrical'],
    [
      'We came home and the window by the back door was smashed and the door unlocked, stuff is missing',
      'unsecured_unit',
    ],
    [
      'the stairs to the second floor unit are cracked and one step broke through when my son stepped on it',
      'structural',
    ],
    ['there is an electrical burning smell in the whole unit and we cannot find the source', 'smoke'],
    ['Hola, solo para avisar que la secadora echó humo y se apagó sola, ya la desconectamos', 'smoke'],
    ['agua saliendo por el foco del baño', 'active_leak'],
    ['se está cayendo el plafón del baño por el agua', 'structural'],
    // Typos, shouting and missing accents.
    ['it SMELLLS like gasss in here', 'gas'],
    ['smel gas in kitchen pls help', 'gas'],
    ['theres watter comming thru the celing in the bathrom', 'active_leak'],
    ['the outlit is smoking!!!', 'electrical'],
    ['huele a gas en la cosina', 'gas'],
    ['se sale el agua del boiler y esta inundando el cuarto', 'flooding'],
    ['el contacto de la cocina esta echando chispas', 'electrical'],
    ['no ay agua en la casa desde la mañana', 'no_water'],
    ['la puerta principal no cierra, la forzaron anoche', 'unsecured_unit'],
    ['WATER EVERYWHERE IN THE KITCHEN PIPE BROKE', 'flooding'],
    ['BREAKER PANEL SPARKING AND SMOKING', 'electrical'],
    ['my apartment smells like gas real bad', 'gas'],
    ['there is a burning smell coming from the wall near the outlet', 'electrical'],
    ['hay humo saliendo del enchufe', 'electrical'],
    ['se metio agua por la lampara del techo y sigue goteando', 'active_leak'],
    ['the co detecter is going off', 'carbon_monoxide'],
  ] as const)('%s -> %s', (text, hazard) => {
    expect(hazardsIn(text)).toContain(hazard);
  });
});

describe('detectHazards: an emergency buried in a message about something else', () => {
  it.each([
    [
      'Hello, I wanted to ask about the pet policy for a second cat. Also, not sure if it matters, but the wall by the washer is warm and the plug behind it looks a little melted.',
      'electrical',
    ],
    [
      'Good morning. Just a heads up the hallway carpet outside 4B is squishy and there is water coming out from under their door into the hall. Nobody answers.',
      'active_leak',
    ],
    [
      'I am writing about my deposit refund from my old unit. Separately, at my current place the bathroom fan is dripping brown water and the ceiling around it is sagging.',
      'active_leak',
    ],
    [
      'Our heat has been off since Friday. We are using the oven to keep warm, it is 25 outside and my wife is 7 months pregnant.',
      'no_heat',
    ],
    [
      'Hi - quick update, the lights in the kitchen keep dimming and there is a popping sound from the panel in the hall closet. Smells hot.',
      'electrical',
    ],
    [
      'Buenas tardes, quería preguntar por el estacionamiento. También, el calentador de agua está haciendo un ruido como silbido y huele raro, como a gas.',
      'gas',
    ],
    [
      'Hola, ¿me pueden mandar el recibo de octubre? Y otra cosa, el techo del baño tiene una burbuja de agua y ya empezó a gotear.',
      'structural',
    ],
    [
      'Can you tell me when trash pickup is? Also my elderly mother who lives with me has been dizzy all day and the CO detector in the basement has been beeping.',
      'carbon_monoxide',
    ],
    [
      'We got home and the patio slider was open, the lock is bent and it will not latch anymore. It is 11pm.',
      'unsecured_unit',
    ],
    [
      'The toilet keeps overflowing every time anyone flushes anywhere in the house and it is coming out onto the floor.',
      'sewage',
    ],
  ] as const)('%s -> %s', (text, hazard) => {
    expect(hazardsIn(text)).toContain(hazard);
  });

  it('finds it after a rent question', () => {
    expect(
      hazardsIn(
        'Hi, I sent the rent through the portal this morning, can you confirm it posted? Also the light over the sink is dripping water and the switch buzzes when I touch it. Thanks!',
      ),
    ).toEqual(expect.arrayContaining(['active_leak', 'electrical']));
  });

  it('finds it in Spanish after a renewal question', () => {
    expect(
      hazardsIn(
        'Queremos renovar el contrato por un año más. Por cierto, desde anoche huele a huevo podrido junto a la estufa.',
      ),
    ).toContain('gas');
  });
});

describe('detectHazards: mentions that are not hazards now', () => {
  it.each([
    ["I don't smell gas anymore, the stove is fine"],
    ['No smoke, no sparks, nothing warm: the outlet just stopped working'],
    ['It is not a flood, just a slow drip under the kitchen sink into a bucket'],
    ['sin fuga de gas, solo queremos saber cuándo viene la inspección'],
    ['What if the power goes out during the storm, is there a generator?'],
    ['in case of fire, where is the nearest extinguisher?'],
    ['¿Qué hacemos si se inunda el sótano como el año pasado?'],
    ['Please schedule the CO detector installation for next week'],
    ['The gas line inspection is on Tuesday, will someone be there?'],
    ['The ceiling leak from last month was fixed, just the stain needs paint'],
    ['ya arreglaron la fuga del techo, gracias'],
    ['The smoke detector keeps chirping, I think it needs a new battery'],
    ['My neighbour smokes on the balcony and the smoke comes in my window'],
    ['The hot water smells like rotten eggs in the morning'],
    ['the heat is not working in the back bedroom'],
    ['The water will be shut off tomorrow from 9 to 11 for the plumber'],
    ["Will we get a rent credit since we'll be without power Friday for the panel work? Unit 1F"],
    ['My car was broken into in the parking lot last night'],
    ['the closet door will not close all the way'],
    ['the window in the kids room has a small crack in the corner'],
    ['the porch light fell off the wall'],
    ['I was locked out and the office let me in, thank you'],
    ['AC is a bit weak, it gets to 78 inside but works'],
    ['The elevator is stuck on the 3rd floor again, nobody is inside, it just will not move'],
    ['There is a water stain on the bathroom ceiling from an old leak'],
    ['Can you tell me where the water shutoff valve is, just in case?'],
    ['Is the fire alarm test still happening Thursday?'],
    ['The outlet in the bathroom is not working, the GFCI will not reset'],
    ['My electric bill is really high this month, can someone check the meter?'],
    ['Could you send someone to replace the smoke detector battery?'],
    ['The dishwasher leaves a small puddle in front of it after each run'],
    ['The sink drains slowly and gurgles'],
    ['the kitchen faucet drips all night'],
    ['We lost power for an hour during the storm, it is back now'],
    ['The heater makes a clicking noise when it starts'],
    ['There was a small fire at the building next door, we are fine'],
    ['Our gas stove burner will not light, the others work'],
    ['The front door key is hard to turn, can you spray the lock?'],
    ['The window screen in the bedroom is torn'],
    ['Please fix the loose handrail on the stairs when you can'],
    ['No hay agua caliente en la regadera desde ayer'],
    ['La luz del pasillo parpadea'],
    ['hay una gotera pequeña en la ventana cuando llueve fuerte'],
    ['Our water bill doubled, we have no leaks that we know of'],
    ['The carbon monoxide detector fell off the wall, can someone put it back up?'],
    ['My neighbor keeps grilling on his balcony and the smoke comes into my place'],
    ['The fireplace smokes a little when we first light it'],
    ['Pipes were making a banging noise last night'],
    ['We had a small leak under the sink last week; the plumber fixed it'],
    ['Hi! Could you check whether our unit has carbon monoxide detectors? We have a gas stove.'],
    ['Is there a fire extinguisher in each apartment?'],
    ['The fire alarm went off because I burned toast, all good now.'],
    ['Our outlet cover is cracked, can someone replace it?'],
    ['It is very hot in the apartment in the afternoons, can we get blinds?'],
    ['The AC is not working well, it is 80 inside and 88 outside'],
    ['There is a small drip from the bathroom faucet'],
    ['The ceiling fan wobbles a bit when on high'],
    ['We noticed a hairline crack in the drywall above the door'],
    ['Water pressure is low in the shower'],
    ['The toilet overflowed once yesterday but I plunged it and it is fine'],
    ['Heat is uneven, the bedroom is colder than the living room'],
    ['There was a break-in at the storage units, is my locker OK?'],
    ['La llave del lavabo gotea un poquito'],
    ['El foco del baño se fundió'],
    ['Hay mucho ruido en el departamento de arriba'],
    ['The power went out in the whole neighborhood for twenty minutes, just letting you know'],
    ['The gas company left a note that they will replace the meter on Friday'],
    ['Can you send me the emergency maintenance number in case something happens at night?'],
    ['The sliding door is hard to open, it sticks on the track'],
    ['There is a musty smell in the basement, maybe mold'],
    ['The dryer takes two cycles to dry clothes'],
    ['I smell smoke from the neighbor smoking on the patio'],
    ['We had no heat last winter for two days, please service the furnace before it gets cold'],
    ['Re: ceiling leak\nThanks, the plumber came and everything is dry. Can the painter come next week?'],
    ['Hello, is there a smoke detector in the bedroom? The inspector said we need one.'],
    ['We would like to schedule the annual furnace inspection before winter'],
    ['No emergency, just wanted to report the kitchen light flickers sometimes'],
    ['The detector near the kitchen beeps once every minute, probably the battery'],
    ['Does renter insurance cover water damage if a pipe bursts?'],
    ['I saw a news story about a gas explosion in another city, are our lines checked?'],
    ['Last year our pipes froze and burst, can you insulate them this fall?'],
    ['The basement flooded in 2019 according to the previous tenant, is it prone to flooding?'],
    ['el detector de humo está pitando, creo que es la batería'],
    ['No huele a gas, pero la estufa no prende'],
    ['Mi vecino dejó la puerta del edificio abierta otra vez'],
    ['Our front gate does not close all the way'],
    ['It was really cold last night but the heat kept up fine'],
    ['Please do not send anyone for the outlet, it was just a tripped GFCI and it works now'],
    [
      'Hi, the new tenant asked me whether the building has ever had a gas leak. I told her not that I know of. Can you confirm?',
    ],
    [
      'The HOA sent a notice that the fire sprinkler system will be tested Thursday between 9 and 12. Alarms may sound.',
    ],
    [
      'Following up on the water heater that was leaking last week. The plumber replaced it and all good. Please send me the invoice.',
    ],
    [
      'Is it normal for the furnace to smell a little like burning dust the first time it turns on in the fall? It went away after an hour.',
    ],
    [
      'Our smoke alarm went off when we were cooking bacon, we opened the windows and it stopped. Is there a way to move it away from the kitchen?',
    ],
    [
      'The carbon monoxide detector fell from the ceiling and is on the floor. It is not beeping. Can someone reattach it?',
    ],
    ['Can I use a space heater in the bedroom or is that against the lease?'],
    ['We will be away for two weeks in January. Should we leave the heat on so the pipes do not freeze?'],
    [
      'El técnico dijo que la estufa tenía una pequeña fuga de gas pero ya la arregló. ¿Me pueden mandar su factura?',
    ],
    ['La alarma de humo suena cuando me baño porque el vapor sale del baño. ¿La pueden mover?'],
    ['Hay una mancha de humedad en el techo del cuarto, está seca, creo que es vieja'],
    ['There is a crack in the bathroom tile, not leaking, just cosmetic'],
    ['The back door sticks in humid weather but it closes and locks fine'],
    [
      'The upstairs neighbors had a leak last month that stained our ceiling, it is dry now, when can it be painted?',
    ],
    ['Question about the storm: if the power goes out, does the sump pump have a battery backup?'],
    [
      'We smelled gas yesterday, called the gas company, they found a loose fitting on the dryer and fixed it. Everything is fine now.',
    ],
    ['The light in the stairwell has been out for a week, it is really dark at night'],
    ['My electric bill doubled. Is something wrong with the wiring or the meter?'],
    ['The outlet in the bathroom does not work, I pressed the reset button and nothing'],
    ['The AC is making a loud noise but it still cools fine'],
  ])('%s', (text) => {
    expect(detectHazards(text)).toEqual([]);
  });

  it('ignores a quoted earlier message and a reply subject', () => {
    expect(
      detectHazards(
        'Re: water through the ceiling\nThanks, all dry now. When can the painter come?\n\nOn Mon, Jan 6, 2025 at 9:00 AM Office wrote:\n> Water is pouring through your ceiling, we are sending a plumber.',
      ),
    ).toEqual([]);
  });

  it('keeps a hazard that came back after a fix', () => {
    expect(
      hazardsIn('The outlet is hot and smells like burning. They fixed it in March and it is back.'),
    ).toContain('electrical');
  });

  it('reads a reply subject when the reply says the problem goes on', () => {
    expect(hazardsIn('Re: no heat\nStill nothing, it is 40 degrees in here and the baby is cold')).toContain(
      'no_heat',
    );
  });

  it('counts a forwarded report the sender asks to handle, not one sent for the records', () => {
    const forward = (note: string) =>
      `Fwd: unit 4\n${note}\n\n---------- Forwarded message ---------\nFrom: Tenant <t@example.com>\nDate: Mon\nSubject: help\n\nWater is pouring through my ceiling light.`;
    expect(hazardsIn(forward('Please handle this right away.'))).toContain('active_leak');
    expect(detectHazards(forward('FYI for your records, the plumber fixed this last week.'))).toEqual([]);
  });
});

describe('detectHazards: evidence', () => {
  it('names the words that decided each hazard', () => {
    expect(detectHazards('no smoke, no sparks, but the outlet is warm')).toEqual([
      { hazard: 'electrical', evidence: 'outlet … is warm' },
    ]);
  });
});

describe('detectHazards: Outlook-style forwards and replies (a From/Sent block, no banner)', () => {
  const block = (subject: string, note: string) =>
    [
      subject,
      note,
      '',
      'From: Tenant in 3C <tenant3c@example.com>',
      'Sent: Tuesday, 8:12 PM',
      'To: Front Office <office@example.com>',
      'Subject: bedroom',
      '',
      'the plug behind the dresser is scorched and the wall there feels hot',
    ].join('\n');

  it.each([
    ['FW: bedroom', 'see below'],
    ['Fwd: bedroom', ''],
    ['RV: dormitorio', 'ver abajo'],
    ['[EXTERNAL] FW: bedroom', 'FYI'],
  ])('a forward (%s) passes the report on: it is read', (subject, note) => {
    expect(hazardsIn(block(subject, note))).toContain('electrical');
  });

  it('a reply (RE:) quotes the old message: it is history', () => {
    expect(hazardsIn(block('RE: bedroom', 'the electrician came this morning, all sorted'))).toEqual([]);
  });
});
