import type { EmergencyHazard } from '#vocabulary/triage.ts';
import { splitClauses } from './clauses.ts';
import { wholeWords } from './cue.ts';
import {
  ABOVE_OR_THROUGH,
  ACTIVE_WATER,
  anyOf,
  BURNING,
  CHILD,
  CO_DETECTOR,
  DRAIN,
  DRAIN_FIXTURE,
  ELECTRICAL_THING,
  FOUL_WATER,
  GAS,
  HEAT_SOURCE,
  OVERHEATING,
  POISONING_SYMPTOMS,
  SEWAGE,
  SMELLING,
  SOUNDING,
  SPREADING_WATER,
  WATER,
} from './hazard-words.ts';
import {
  isCold,
  isDangerouslyHot,
  isVulnerableHousehold,
  needsPoweredMedicalEquipment,
} from './living-conditions.ts';
import { isNegatedAt } from './negation.ts';
import { normalise } from './normalise.ts';
import {
  isAboutEquipmentWork,
  isElsewhere,
  isForYourRecords,
  isHypothetical,
  isResolved,
} from './statement-markers.ts';

/**
 * The concepts the safety net (danger-model.ts) reads instead of words, so what it learns from
 * nine authors carries to a tenth who words things differently: a hazard's domain (a thing that
 * can burn, water where it should not be, a door that keeps someone in), the signs around it
 * (failing, spreading, someone vulnerable, distress, now) and the markers that say it is not
 * happening (negated, hypothetical, over, elsewhere, about an inspection, only quoted). Built on
 * the hand rules' vocabulary (hazard-words.ts), one regular expression per concept.
 */
export interface DangerConcept {
  readonly name: string;
  /** The hazard this concept belongs to; none for context (distress, present time). */
  readonly family?: EmergencyHazard;
  /**
   * A thing where a hazard may be (a door, a drain), not a sign of one: it names the hazard only
   * when no sign does.
   */
  readonly thing?: true;
  /**
   * A sign several hazards share (a burning smell, dizziness, water spreading, hot): it names a
   * hazard after every sign particular to one, and when one of these concepts fired in its own
   * clause it names that concept's hazard instead of its family. An outlet that burns is an
   * electrical fault; sewage that spreads is a sewage backup; water spreading from a ceiling is a leak.
   */
  readonly refinedBy?: Readonly<Record<string, EmergencyHazard>>;
  readonly pattern: RegExp;
}

const concept = (
  name: string,
  family: EmergencyHazard | undefined,
  ...parts: readonly string[]
): DangerConcept => ({
  name,
  ...(family === undefined ? {} : { family }),
  pattern: wholeWords(anyOf(...parts), 'g'),
});
const shared = (
  concept: DangerConcept,
  refinedBy: Readonly<Record<string, EmergencyHazard>> = {},
): DangerConcept => ({
  ...concept,
  refinedBy,
});
const thing = (name: string, family: EmergencyHazard, ...parts: readonly string[]): DangerConcept => ({
  ...concept(name, family, ...parts),
  thing: true,
});

/**
 * What has a door or a lock inside the home, or is not the home at all: furniture, appliances, a
 * stove, rooms, a gate, a mailbox, a car, the building's plant and storage rooms (a boiler room
 * left open is the super's matter, not a home anyone can walk into). Their doors are not a way in
 * (windows of a room are: only doors and locks).
 */
const INSIDE_THING =
  'cabinets?|cupboards?|closets?|pantry|drawers?|shower|oven|dishwasher|fridge|refrigerator|freezer|microwave|washer|dryer|washing machine|stove|wood ?stove|fireplace|furnace|grill|bedroom|bathroom|laundry( room)?|linen|vanity|wardrobe|mailbox|locker|gate|pool gate|car|truck|(boiler|furnace|mechanical|utility|electrical|meter|storage|trash|garbage|janitor|pump) (room|closet)|(storage|tool|garden) (unit|cage|shed)';
const INSIDE_THING_ES =
  'closet|clo?set|gabinete|alacena|cajon|ropero|armario|horno|refri\\w*|refrigerador|congelador|lavaplatos|lavavajillas|microondas|lavadora|secadora|estufa|chimenea|regadera|ducha|bano|cuarto|recamara|habitacion|buzon|carro|coche|bodega|caseta';

const STRUCTURE_PART =
  'ceilings?|roof|stairs?|staircase|steps?|balcon(y|ies)|deck|porch|floor ?boards?|subfloor|joists?|beams?|walls?|foundation|chimney|railings?|techo|escaleras?|balcon|pared(es)?|piso';

/** Furniture and fixtures: when they wobble, they are loose. */
const LOOSE_FIXTURE =
  'fans?|tables?|chairs?|stools?|desks?|beds?|shelf|shelves|toilets?|sinks?|faucets?|handles?|knobs?|lights?|lamps?|fixtures?|vanity|cabinets?|dresser|ventilador|mesa|silla|inodoro|taza|lampara';

/** Sick from a gas leak, from the heat or from CO: whichever of the first two is in the same clause. */
const DIZZY_FROM: Readonly<Record<string, EmergencyHazard>> = {
  gas: 'gas',
  'lighter smell': 'gas',
  'no cooling': 'no_cooling',
};

export const DANGER_CONCEPTS: readonly DangerConcept[] = [
  concept('gas', 'gas', GAS, 'gas leak|fuga de gas|huele a gas|hiss\\w*|silb\\w*|siseo'),
  // Gas as a supply the utility cut, restored or bills: not gas escaping (see supplyOnly).
  concept(
    'gas supply',
    undefined,
    '(turn|turned|turning|shut|shutting|cut|cutting) (off )?(the |our |my )?gas( service| supply)?|gas (service |supply )?(is |was |has been |got |been |will be )?(off|shut off|turned off|cut off|back on|restored|coming back|turned back on)|(no|without) gas(?! (smell|odou?r|leak))|gas (bill|service|account|meter reading|usage|charges?)|(cortaron|quitaron|suspendieron|reconectaron) el gas|(no hay|sin) gas|el gas (ya )?(volvio|regreso|esta cortado)|recibo del gas',
    // Gas as what an appliance burns ("the water heater is gas"): the fuel, not a leak.
    '(is|are|runs on|run on) (natural )?gas\\b(?! (leak|smell|odou?r))|(es|son) de gas',
  ),
  // "Se siente fuerte": how Spanish speakers say a smell is strong.
  concept('smell', undefined, SMELLING, 'olor|huel\\w*|oler|apesta|se siente (muy )?(fuerte|mucho)'),
  concept(
    'lighter smell',
    'gas',
    'lighter|(un ?lit|unlit) (burner|stove)|like (a )?(match|matches|lighter)|chemical smell|cerillos?|fosforos?|encendedor|huevos?',
  ),
  concept('co alarm', 'carbon_monoxide', CO_DETECTOR, 'carbon monoxide|monoxide|monoxido'),
  // "Won't stop" alone is a tap as often as an alarm: it counts beside an alarm word only.
  concept(
    'alarm sounding',
    undefined,
    `(${SOUNDING})(?<!(wont|will not) stop)`,
    'alarms?|detectors?|beep\\w*|chirp\\w*|alarma',
  ),
  shared(concept('poisoning symptoms', 'carbon_monoxide', POISONING_SYMPTOMS), DIZZY_FROM),
  shared(
    concept(
      'burning',
      'fire',
      BURNING,
      // The fire department is who comes, not what burns.
      'fire(?! (dept|department|departments|fighters?|trucks?|station|marshall?|alarms?|extinguishers?|code|inspection|inspector|escape|exit|doors?|drill|sprinklers?|pit|place|wood|hydrant|lane))|fuego|incendio',
    ),
    { 'electrical thing': 'electrical', overheating: 'electrical' },
  ),
  concept('smoke', 'smoke', 'smok(e|ing|y)(?! (detectors?|alarms?|free))|humo(?! de cigarro)|haze|hazy|soot'),
  // Water running out of a light fixture is a leak first (the leak's instructions cover the power).
  {
    ...thing('electrical thing', 'electrical', ELECTRICAL_THING),
    refinedBy: { 'water moving': 'active_leak' },
  },
  thing('heat source', 'electrical', HEAT_SOURCE),
  // Hot is a sign on an outlet and the weather in a room: it names a fault after every particular sign.
  shared(
    concept(
      'overheating',
      'electrical',
      OVERHEATING,
      'brown|browned|turn(ed|ing) brown|discolou?r\\w*|sizzl\\w*|tripp\\w*|trips',
    ),
  ),
  // A ceiling that rains or streams is water coming through, whether or not the word water is said.
  thing(
    'water',
    'active_leak',
    WATER,
    '(ceiling|roof|skylight|techo)( (in|over|above|of) (the |my |our )?\\w+)? (is |s )?(raining|streaming|pouring|gushing)|llueve (adentro|del techo|dentro)',
  ),
  concept('water moving', undefined, ACTIVE_WATER),
  concept('above or through', undefined, ABOVE_OR_THROUGH),
  shared(
    concept(
      'spreading water',
      'flooding',
      SPREADING_WATER,
      'rising|across the (floor|room|hall|hallway)|over the (edge|rim|side)',
      '(soaking|soaked|drenching|drenched|ruining) (\\w+ )?(the |our |my )?(carpet|floors?|rugs?|bed|mattress|furniture|couch)|(floors?|carpets?|rugs?) (is |are |got |now )*(soaked|soaking|drenched|flooded)|(running|flowing|spreading|going|pouring) into the (\\w+ )?(room|closet|hall|hallway|garage)|into the (next|other) room|empapad\\w*|encharcad\\w*',
    ),
    { sewage: 'sewage', 'above or through': 'active_leak' },
  ),
  concept('sewage', 'sewage', SEWAGE, FOUL_WATER, 'smells? like (a )?sewer|sewer (smell|gas)'),
  thing('drain', 'sewage', DRAIN, DRAIN_FIXTURE),
  concept(
    'no heat',
    'no_heat',
    '(no|without) (heat|heating|hot air|calefaccion)|(heats?|heating|furnace|boiler|heater|calefaccion) (\\w+ ){0,3}(out|off|dead|broken|not working|stopped|quit|died|wont (turn|come) on|blowing cold)',
    // Broken English and Spanish: "the heat not work", "furnace is not coming on", "no sirve la calefaccion".
    '(heat|heating|furnace|boiler|heater) (\\w+ ){0,2}(not|no|never|isnt|doesnt|does not|did not|didnt|hasnt|has not|havent|have not|wont|will not) (\\w+ )?(work|working|come|coming|turn|turning|kick|kicking|kicked|fire|firing|fired|light|lighting|started|start)\\w*|(radiators?|baseboards?|vents?|registers?) (\\w+ ){0,6}(ice cold|stone cold|cold|freezing|not (heating|warm))',
    'no (sirve|funciona|prende|calienta|enciende|jala|arranca) (la |el )?(calefaccion|calentador|calenton|caldera|heater|furnace|calefactor)|radiadores (\\w+ ){0,2}(frios|helados|elados)|(calefaccion|calentador|calenton|caldera|calefactor) (\\w+ ){0,6}(no (sirve|funciona|prende|calienta|enciende|jala|arranca|quiere (prender|encender|arrancar))|se apaga|se apago|descompuest[oa])|sin calefaccion',
  ),
  concept(
    'no cooling',
    'no_cooling',
    '(no|without) (ac|a c|air|air conditioning|aire)|(ac|a c|air conditioning|air conditioner|aire( acondicionado)?|cooling) \\w* ?(out|off|dead|broken|not working|stopped|quit|died|blowing (hot|warm))',
    // Swamp coolers and mini splits, broken English and Spanish: "AC stop working", "el clima no enfria".
    '(ac|a c|air|air conditioning|air conditioner|cooler|swamp cooler|evaporative cooler|window unit|mini ?split) (\\w+ ){0,4}(stop|stops|stopped|quit|quits|died|dies|broke|broken|not (cool|work|blow)\\w*|no (cool|work|blow)\\w*|doesnt (cool|work|blow)|does not (cool|work|blow)|isnt (cool|work|blow)\\w*|blowing (hot|warm)|stopped (blowing cold|cooling))',
    'no (sirve|funciona|prende|enfria|jala|enciende) (el |la )?(aire|clima|cooler|ac|minisplit|enfriador|refrigeracion)|(aire|clima|cooler|enfriador|minisplit) (\\w+ ){0,3}(se dano|dejo de (funcionar|servir|enfriar|prender)|no (sirve|funciona|prende|enfria|jala)|se (descompuso|apago)|descompuesto)|sin (aire|clima)',
    '(stopped|quit|not|isnt|no longer) blowing (cold|cool)',
  ),
  // Power cut off: with the weather, a loss of heat or cooling (conceptFeatures names which).
  concept(
    'power cut',
    undefined,
    '(no|without|lost) (power|electricity|electric|luz|corriente)|(power|electricity) (is |went |has been |got |was )?(out|off|cut|shut off|disconnected)|(cut|shut|turned) (off )?(the |our |my )?(power|electricity)|power outage|blackout|apagon|(cortaron|quitaron|suspendieron) (la )?(luz|electricidad|corriente)|sin (luz|electricidad|corriente)|se fue la luz',
  ),
  concept(
    'no water',
    'no_water',
    'no (running )?water|without water|no water (at all|anywhere)|(water|agua) (got |was |is |has been )?(shut|cut|turned) off|(shut|cut|turned) off (the |our )?water|no (sale|hay|tenemos|tengo|llega|cae|viene) (nada de |ni una gota de )?agua|no sale nada (de|por) (ninguna|ningun|la|las|el|los) (llaves?|regaderas?|grifos?|plumas?|canillas?|duchas?)|(cortaron|quitaron) el agua|ni (agua )?(caliente|fria) ni (caliente|fria)|(no|nothing) (comes|coming|came) out of (the |any )?(taps?|faucets?|llaves?|showers?)|(a|one) (single )?drop (out of|from) the (taps?|faucets?)|(taps?|faucets?) (are |is )?dry|well pump|water (is |was )?(off|shut off|cut off)|(nothing|no water) (comes|coming) out|no (hay|tenemos) agua|sin agua',
  ),
  thing(
    'way in',
    'unsecured_unit',
    // "Will not lock" is the verb: the door it is said of decides.
    `(?<!(${INSIDE_THING})( doors?)? |(not|wont|cant|cannot|to) )(doors?|front door|back door|deadbolts?|locks?|latch|sliders?|sliding (glass )?doors?|patio doors?)(?! (of|on|to|for) (the |my |our )?(${INSIDE_THING}))`,
    `(puertas?|cerradura|chapa)(?! (del?|de la|de mi) (${INSIDE_THING_ES}))|windows?|ventanas?`,
  ),
  // A cabinet, a closet, a shower or an oven has a door too: one that comes off keeps nobody out.
  concept(
    'inside door',
    undefined,
    `(${INSIDE_THING}) (sliding |glass )?(doors? )?(doors?|locks?|latch|hinges?|lids?|tracks?)|(doors?|locks?|latch) (of|on|to|for) (the |my |our )?(${INSIDE_THING})|cabinets?|cupboards?|drawers?`,
    `(puertas?|cerradura|chapa|bisagras?) (del?|de la|de mi) (${INSIDE_THING_ES})|gabinetes?|alacenas?|cajon(es)?|gavetas?`,
  ),
  concept(
    'cannot secure',
    'unsecured_unit',
    '(wont|will not|cant|cannot|doesnt|does not) (lock|latch|close|shut(?! off)|secure)|off (its|the) (track|hinges?)|wide open|kicked in|broken into|break in|pried|smashed|shattered|intruders?|no (cierra|asegura)',
    // A lock that turns on nothing, a door that swings free, a frame split where the bolt sits.
    '(wont|will not|doesnt|does not) (stay|remain) (closed|shut|locked)|(do not|dont|did not|didnt) (close|shut|lock|latch)|open to the (street|outside|public|alley)|(maglock|mag lock|lock|latch|strike) (\\w+ ){0,2}not (engag|catch|latch)\\w*|swings? (wide |right )?open|slides? open|(spins|turns|keeps turning) (freely|around|and (spins|turns))|(frame|jamb|strike( plate)?) (\\w+ ){0,2}(split|splintered|broken|cracked|ripped)|(latch|lock|deadbolt|cylinder|strike) (\\w+ ){0,2}(snapped|gone|missing|fell off|came off|ripped out|pulled out|broken|busted)|(opens|slides (\\w+ )?(up|open)) from (the )?outside',
    'no (se )?(puede|podemos|puedo) (cerrar|asegurar|trancar|echar llave)|no (agarra|traba|asegura|tranca)|gira y gira|da vueltas y vueltas|se queda abiert[oa]|se salio (del|de su) (riel|carril|marco)|se (metieron|metio) (a robar|alguien)|(rompieron|forzaron|botaron) (la |el )?(chapa|cerradura|puerta|marco|ventana|vidrio)|(ventana|vidrio|puerta|chapa|cerradura) (\\w+ ){0,3}(se (quebro|rompio)|quebrad[oa]|rot[oa])',
  ),
  concept(
    'structure giving way',
    'structural',
    `crack\\w* (\\w+ ){0,2}(in|along|across|through|up) (the |our |my )?(\\w+ ){0,2}(${STRUCTURE_PART})`,
    `(${STRUCTURE_PART}) (\\w+ ){0,5}(sag\\w*|bulg\\w*|bow(ed|ing|s) (in|out|down)?|collaps\\w*|cav\\w* in|gave way|giving way|crack\\w*|split|buckl\\w*|fell|falling|coming down)`,
    'collaps\\w*|cav(ed|ing) in|gave way|giving way|se (cayo|esta cayendo|hundio)',
    // What came through from outside: the roof or ceiling already open.
    '(tree|branch|limb) (\\w+ ){0,6}(through|into|onto) (the |our |my )?(roof|ceiling|house|wall)|hole in the (roof|ceiling)|(can|could) see (the )?sky|(ceiling|drywall|plaster) (\\w+ ){0,3}hanging (down|loose)|(arbol|rama) (\\w+ ){0,4}(cayo|atraveso|rompio) (sobre )?(el )?(techo|casa)|se ve el cielo',
    // The ground moving against the building: a hillside sliding, mud pushing on a wall.
    '(hill|hillside|slope|bank|ground|yard) (\\w+ ){0,3}(slump\\w*|slid\\w*|slipping|giving way|moving)|(mud|dirt|earth|rocks) (\\w+ ){0,2}(pushing|pressing|piling) (against|on|into)|mudslide|landslide|deslave|derrumbe|(lodo|tierra) (\\w+ ){0,2}(empujando|contra)',
    // The signs before a fall: pulling away from the building, tilting, moving underfoot, debris dropping.
    // A fan, a table or a toilet that wobbles is loose, not a structure giving way.
    `(?<!\\b(${LOOSE_FIXTURE}) (\\w+ ){0,3})wobbl\\w*(?! (${LOOSE_FIXTURE})\\b)`,
    'pull(ed|ing|s)? (away|loose) from|se mueve cuando|grietas? (grande|enorme)s?|separat\\w* from the (building|house|wall|wall)|tilt\\w*|leaning (out|away)|moves when (you|i|we|someone) (step|walk)|sagg\\w*|cracked (clean |all the way )?through|(dirt|plaster|debris|pieces|chunks|bricks|drywall) (\\w+ ){0,3}(falling|coming down|sifting|dropping|raining)|se (esta )?(hundiendo|cayendo|despegando|ladeando|separando)|cuartead\\w*|(viga|techo|pared) (\\w+ ){0,2}(rajad[oa]|partid[oa]|vencid[oa])',
  ),
  concept(
    'confinement',
    'trapped',
    'stuck|trapped|locked in|shut in|jammed|wedged|between floors|entre (los )?pisos|se (paro|detuvo|atoro|trabo) (entre|con)|between (the )?\\w+ and (the )?\\w+ floors?|se cerro con (\\w+ ){0,3}(adentro|dentro)|(wont|will not|cant|cannot|can not) open|(cant|cannot|can not|unable to) get (out|in)|get (him|her|them) out|atrapad[oa]s?|encerrad[oa]s?|atorad[oa]|no (abre|se abre)',
    '(wont|will not|doesnt|does not) open from (the )?inside|locked (from )?inside|(fell|fallen) (\\w+ ){0,4}(cant|cannot|can not|unable to) get up|no abre desde adentro|se trabo|no (puedo|podemos|puede|pueden) salir|no (la |lo )?(puedo|podemos) abrir|se quedo (encerrad|atrapad|atorad)\\w*',
  ),
  // Someone who has stopped answering the door may be down inside: a thing, so that a neighbour who
  // is out names nothing when the message is about something else.
  thing(
    'no answer',
    'trapped',
    '(hasnt|has not|havent|have not|not|isnt|is not|doesnt|does not|didnt|did not) (been )?answer(ing|ed)? (her|his|their|the) doors?|no (contesta|abre) la puerta',
  ),
  thing('lift or hatch', 'trapped', 'elevators?|lifts?|hatch|cellar|storm shelter|elevador|ascensor'),
  concept(
    'failure',
    undefined,
    'broke|broken|busted|not working|stopped|quit|died|dead|failed|failing|out|wont|will not|keeps|descompuest[oa]|no (sirve|funciona|prende)',
  ),
  concept(
    'getting worse',
    undefined,
    'getting (worse|bigger|louder|stronger|hotter)|worse|spread\\w*|more and more|everywhere|all over|keeps (coming|getting|going)|rising|growing|cada vez (mas|peor)|por todos lados',
  ),
  concept(
    'vulnerable',
    undefined,
    CHILD,
    'elderly|senior|grand\\w+|oxygen|disabled|wheelchair|pregnant|alone|by (myself|himself|herself)|asthma|infant|newborn|oxigeno|abuel[oa]|embarazada|(esta|estoy|estan|estamos|vive|vivo|viven|quedo|quede|queda|quedan) sol[oa]s?|sol[oa]s? en (casa|la casa)',
    'sick|fever|bedridden|heart (problems?|condition|patient)|medication|insulin|dialysis|cpap|(i m|im|i am|is|she s|he s) (7|8|9)\\d|enferm[oa]s?|fiebre|en cama|encamad[oa]|postrad[oa]|del corazon|insulina|suegr[oa]|bebe',
  ),
  concept(
    'distress',
    undefined,
    'crying|scared|terrified|panick\\w*|screaming|cant breathe|can not breathe|trouble breathing|hard to breathe|please help|help( us| me)?|emergency|911|fire department|urgent\\w*|asap|right away|immediately|llorando|asustad[oa]s?|ayuda|emergencia|urgente',
  ),
  concept(
    'now',
    undefined,
    'now|right now|tonight|this morning|since (this morning|last night|yesterday|\\d+)|currently|still|at the moment|as we speak|ahora|ahorita|ya|todavia|sigue|esta noche',
  ),
  // When an open door or a dead supply matters most: the night, the household leaving for work.
  concept(
    'exposed time',
    undefined,
    'tonight|at night|overnight|getting dark|after dark|(go|going|leave|leaving|head|heading|off) (to|for) work|at work|(we|i) (leave|are leaving|have to leave)|va a oscurecer|oscurec\\w*|de noche|en la noche|esta noche|(ir|irnos|irme|vamos|voy) a (trabajar|el trabajo)|nos vamos|me voy',
  ),
  // The household has already left because of it: what people do when something is really wrong.
  concept(
    'got out',
    undefined,
    'got (everyone|everybody|the kids|us|them) out|evacuat\\w*|(we|everyone|everybody) (are|re|got|went|waited) (all )?(outside|out of the (house|home|unit|apartment|building))|across the street|(sitting|waiting|sleeping) (\\w+ )?in the car|(ya )?(la |los |las |nos )?sacamos|salimos (de la casa|afuera)|estamos afuera|(ya )?(estamos|nos estamos) saliendo|ya (nos )?salimos',
  ),
  // How long an essential supply has been gone.
  concept(
    'for days',
    undefined,
    '(\\d+|two|three|four|five|several|couple|few|dos|tres|cuatro|cinco|varios) (whole |full )?(days?|nights?|dias|noches)|since (yesterday|last night|friday|saturday|sunday|monday|tuesday|wednesday|thursday|the weekend)|all (night|weekend)|desde (ayer|anoche|el (lunes|martes|miercoles|jueves|viernes|sabado|domingo))|toda la noche|todo el fin',
  ),
  shared(
    concept(
      'vomiting or confused',
      'carbon_monoxide',
      'vomit\\w*|throwing up|threw up|confused|disoriented|lethargic|wont wake|not making sense',
    ),
    DIZZY_FROM,
  ),
];

/** Why a clause may not report anything happening now. */
const exclusionOf = (clause: string): string | undefined =>
  isHypothetical(clause)
    ? 'hypothetical'
    : isResolved(clause)
      ? 'resolved'
      : isElsewhere(clause)
        ? 'elsewhere'
        : isAboutEquipmentWork(clause)
          ? 'inspection'
          : undefined;

/**
 * Circumstances a "no" in the clause does not deny: "the furnace has not come on since yesterday"
 * still says since yesterday, "no heat with a baby" still has the baby.
 */
const NEVER_DENIED = new Set(['for days', 'exposed time', 'vulnerable', 'got out']);

/** A person, so that "stuck" is about someone and not only a thing (an elevator stuck empty). */
const SOMEONE = wholeWords(
  'i|im|i m|we|were|we re|she|he|shes|hes|they|theyre|they re|someone|somebody|anyone|person|people|resident|tenant|guest|visitor|worker|kids?|child|children|son|daughter|baby|toddler|mom|mother|dad|father|wife|husband|boy|girl|lady|man|woman|grand\\w+|neighbou?rs?|dog|cat|yo|estoy|estamos|ella|ellas|ellos|alguien|persona|senora|senor|vecin[oa]s?|nin[oa]s?|hij[oa]s?|mama|papa|esposa|esposo|bebe|abuel[oa]|suegr[oa]|(no )?(puede|pueden|puedo|podemos) salir',
);
const HOLDS_SOMEONE = new Set(['confinement', 'lift or hatch', 'no answer']);
/** Someone said to be inside what holds them, in a sentence of its own ("Mrs. Ruiz is inside"). */
const SOMEONE_INSIDE = wholeWords(
  '(?<!(nobody|no one|nothing|nadie|nada) )((is|are|s|re) (still )?(inside|in there|in it|down here|up here)|(esta|estan) (adentro|dentro|ahi dentro))',
);
const HAZARD_CONCEPTS = new Set(
  DANGER_CONCEPTS.filter(({ family }) => family !== undefined).map(({ name }) => name),
);
/**
 * The writer says it can wait ("not urgent", "no rush", "no es urgente"): a weight the net learns,
 * never a gate, since a later line may still report something that cannot.
 */
const SAID_NOT_URGENT = wholeWords(
  '(not|isnt|is not|its not|it s not|nothing) (an? )?(urgent|emergency|emergencia)|no (rush|hurry|prisa)|(no|nada) (es )?(urgente|de urgencia)|no es (una )?emergencia|(whenever|when ever) (you|someone) (can|get a chance|have time)',
);
/** A thing said to be inside ("my car is inside"): what the door keeps in is not a person. */
const THING_INSIDE = wholeWords(
  '(my|our|the|mi|el|la|nuestr[oa]) (car|truck|van|bike|phone|keys?|wallet|purse|bag|stuff|things|tools|packages?|carro|coche|camioneta|bici|telefono|celular|llaves?|cosas) (is|are|esta|estan) (still |todavia )?(inside|in there|adentro|dentro)',
);

/**
 * A reading with the place before it ("outside it's 103", "adentro estamos a 52 grados") or in
 * Celsius, which living-conditions.ts does not read: dangerous heat is 90 °F outside or 85 °F
 * inside, cold 40 °F outside or 60 °F inside.
 */
const PLACE_THEN_DEGREES =
  /\b(?<place>outside|outdoors|out there|afuera|inside|indoors|in here|adentro|dentro)( (is|its|it s|esta|estamos|hace|it was|was|says|marca|reads))?( (at|a|en|about|like|como))? (?<value>\d{1,3})(?<unit> (degrees|degree|grados|f|c|celsius|centigrados)( (c|celsius|centigrados))?)?\b/g;
/**
 * An overnight low ("it went down to 19 last night", "it's been 28 at night", "bajó a 25"): the
 * weather outside. The night words need a verb before the number so "home by 11 at night" is a time.
 */
const OVERNIGHT_LOW =
  /\b(((went|got|goes|gets|dropped|drops|fell|falls) (down )?to|lows? of|(bajo|baja|bajaron) (a|hasta)) (?<value>\d{1,3})(?! (dollars|bucks|cents|percent|pesos|psi|minutes|hours|days|people|units))|(it s|its|it is|it was|it s been|its been|it has been|estuvo a|hizo) (?<night>\d{1,3}) (degrees |grados )?(at night|overnight|last night|tonight|por la noche|en la noche|anoche))\b/g;
/** A reading with the room after it ("50 in the living room", "55 grados en la casa"). */
const DEGREES_THEN_ROOM =
  /\b(?<value>\d{2,3})( (degrees|degree|grados|f))? (in|inside|en) (the|my|our|la|el|mi|nuestra|nuestro) (house|home|apartment|unit|living room|bedroom|kitchen|casa|sala|cuarto|recamara|apartamento|cocina)\b/g;
function lowsAndRooms(message: string): string[] {
  const markers: string[] = [];
  for (const found of message.matchAll(OVERNIGHT_LOW)) {
    const value = Number(found.groups?.night ?? found.groups?.value ?? Number.NaN);
    if (value >= 10 && value <= 40) markers.push('m:cold');
  }
  for (const found of message.matchAll(DEGREES_THEN_ROOM)) {
    const value = Number(found.groups?.value ?? Number.NaN);
    if (value >= 30 && value <= 60) markers.push('m:cold');
  }
  return markers;
}
/**
 * "Hace 41 grados" with "calor": Celsius, as most Spanish speakers write it (41 °F is not hot), so
 * 32-50 grados beside the word for heat is dangerous heat.
 */
const GRADOS = /\b(?<value>\d{2}) grados\b/g;
const CALOR = /\b(calor|caloron|sofocante|asfixiante)\b/;
const celsiusHeat = (message: string): boolean =>
  CALOR.test(message) &&
  [...message.matchAll(GRADOS)].some(
    ({ groups }) => Number(groups?.value) >= 32 && Number(groups?.value) <= 50,
  );

export function temperatureMarkers(message: string): string[] {
  const markers: string[] = lowsAndRooms(message);
  if (celsiusHeat(message)) markers.push('m:hot');
  for (const found of message.matchAll(PLACE_THEN_DEGREES)) {
    const { place = '', value = '0', unit = '' } = found.groups ?? {};
    const celsius = /\b(c|celsius|centigrados)$/.test(unit.trim());
    const degrees = celsius ? (Number(value) * 9) / 5 + 32 : Number(value);
    const inside = /^(inside|indoors|in here|adentro|dentro)$/.test(place);
    if (degrees >= (inside ? 85 : 90) && degrees < 130) markers.push('m:hot');
    if (degrees <= (inside ? 60 : 40) && (unit !== '' || inside || degrees >= 10)) markers.push('m:cold');
  }
  return markers;
}

const affirmedIn = (pattern: RegExp, clause: string): boolean =>
  [...clause.matchAll(pattern)].some((found) => !isNegatedAt(clause, found.index));
const seenIn = (pattern: RegExp, clause: string): boolean => new RegExp(pattern.source).test(clause);

/**
 * The concept features of a message: `c:` a concept affirmed in a clause that reports something
 * now, `p:` two concepts affirmed in the same such clause, `n:` a concept found only negated,
 * `x:` a hazard concept inside a clause that is hypothetical, over, elsewhere or about an
 * inspection, `m:` message-wide markers. `reported`: the new and forwarded text (hazards.ts);
 * `raw`: the whole message, so a hazard that is only in the quoted chain is seen as such.
 */
export function conceptFeatures(reported: string, raw: string): string[] {
  return readConcepts(reported, raw).features;
}

export interface ConceptReading {
  /** As conceptFeatures. */
  readonly features: string[];
  /**
   * The clauses in which a hazard concept is affirmed: the safety net reads their words apart
   * from the rest, so a rent question around a buried emergency does not drown it.
   */
  readonly hazardClauses: string[];
  /** How many clauses carry none. */
  readonly otherClauses: number;
}

/** A door that will not close on a cabinet or an oven, and no way in named: not a home left open. */
const insideOnly = (found: readonly string[]): boolean =>
  found.includes('inside door') && !found.includes('way in');

/**
 * Gas named only as a supply (shut off by the utility, back on, on the bill) and nothing escaping
 * beside it (a smell, a hiss, an alarm, someone sick): an outage or a bill, not a leak.
 */
const GAS_ESCAPING = new Set(['smell', 'lighter smell', 'co alarm', 'alarm sounding', 'poisoning symptoms']);
const HISSING = wholeWords('hiss\\w*|silb\\w*|siseo');
const supplyOnly = (found: readonly string[], clause: string): boolean =>
  found.includes('gas supply') && !found.some((name) => GAS_ESCAPING.has(name)) && !HISSING.test(clause);

/**
 * A lift or a hatch holds someone when the message says it stopped or shut on them ("stuck" in the
 * subject, the lift in the body), not when one is only named ("a building with an elevator for my grandmother").
 */
const LIFT_HOLDING = new Set(['confinement', 'failure', 'no answer']);

/** The concept features and the clauses that carry a hazard, in one pass over the clauses. */
export function readConcepts(reported: string, raw: string): ConceptReading {
  const features = new Set<string>();
  const affirmedAnywhere = new Set<string>();
  const hazardClauses: string[] = [];
  const clauses = splitClauses(reported);
  let holdsSomeone = false;
  let someoneByLift = false;
  for (const clause of clauses) {
    const excluded = exclusionOf(clause);
    const found: string[] = [];
    for (const { name, family, pattern } of DANGER_CONCEPTS) {
      if (!seenIn(pattern, clause)) continue;
      if (!NEVER_DENIED.has(name) && !affirmedIn(pattern, clause)) {
        features.add(`n:${name}`);
        continue;
      }
      if (excluded !== undefined) {
        if (family !== undefined) features.add(`x:${excluded}`);
        continue;
      }
      found.push(name);
    }
    const here = found.filter(
      (name) =>
        !(name === 'cannot secure' && insideOnly(found)) && !(name === 'gas' && supplyOnly(found, clause)),
    );
    for (const name of here) affirmedAnywhere.add(name);
    if (here.some((name) => HAZARD_CONCEPTS.has(name))) hazardClauses.push(clause);
    const holds = here.some((name) => HOLDS_SOMEONE.has(name));
    const someoneHere = holds && SOMEONE.test(clause) && !THING_INSIDE.test(clause);
    if (someoneHere && here.some((name) => name !== 'lift or hatch' && HOLDS_SOMEONE.has(name)))
      features.add('m:someone in it');
    else if (someoneHere) someoneByLift = true;
    if (holds) holdsSomeone = true;
    for (const [index, first] of here.entries())
      for (const second of here.slice(index + 1)) features.add(`p:${first}+${second}`);
  }
  for (const name of affirmedAnywhere) features.add(`c:${name}`);
  const message = normalise(reported);
  if (someoneByLift && [...LIFT_HOLDING].some((name) => affirmedAnywhere.has(name)))
    features.add('m:someone in it');
  if (holdsSomeone && SOMEONE_INSIDE.test(message) && !THING_INSIDE.test(message))
    features.add('m:someone in it');
  if (isForYourRecords(message)) features.add('m:for the records');
  if (SAID_NOT_URGENT.test(message)) features.add('m:said not urgent');
  if (isCold(message)) features.add('m:cold');
  if (isDangerouslyHot(message)) features.add('m:hot');
  for (const marker of temperatureMarkers(message)) features.add(marker);
  if (isVulnerableHousehold(message)) features.add('m:vulnerable household');
  if (needsPoweredMedicalEquipment(message)) features.add('m:medical equipment');
  for (const feature of circumstancePairs(features)) features.add(feature);
  const quotedOnly = DANGER_CONCEPTS.some(
    ({ family, pattern }) =>
      family !== undefined && seenIn(pattern, normalise(raw)) && !seenIn(pattern, message),
  );
  if (quotedOnly) features.add('m:hazard only quoted');
  return {
    features: [...features].sort(),
    hazardClauses,
    otherClauses: clauses.length - hazardClauses.length,
  };
}

/**
 * What makes a lost supply or an open door an emergency is what surrounds it, often in another
 * sentence (the rule): the weather, who lives there, how long it has been, the night or
 * the household leaving. `q:` pairs each with it anywhere in the message. A power cut in freezing
 * weather is a loss of heat and in dangerous heat a loss of cooling, so it affirms that concept.
 */
const CIRCUMSTANCES: Readonly<Record<string, readonly string[]>> = {
  'no heat': ['m:cold', 'm:vulnerable household', 'c:vulnerable', 'c:for days'],
  'no cooling': ['m:hot', 'm:vulnerable household', 'c:vulnerable', 'c:for days'],
  'power cut': [
    'm:cold',
    'm:hot',
    'm:medical equipment',
    'm:vulnerable household',
    'c:vulnerable',
    'c:for days',
  ],
  'no water': ['m:vulnerable household', 'c:vulnerable', 'c:for days'],
  'cannot secure': ['c:exposed time', 'c:vulnerable', 'm:vulnerable household'],
};

function circumstancePairs(features: ReadonlySet<string>): string[] {
  const has = (feature: string): boolean => features.has(feature);
  const added: string[] = [];
  if (has('c:power cut') && has('m:cold')) added.push('c:no heat');
  if (has('c:power cut') && has('m:hot')) added.push('c:no cooling');
  for (const [name, contexts] of Object.entries(CIRCUMSTANCES))
    if (has(`c:${name}`) || added.includes(`c:${name}`))
      for (const context of contexts) if (has(context)) added.push(`q:${name}+${context.slice(2)}`);
  return added;
}

/** The hazard concepts affirmed in reportable clauses: the net only speaks when there is one. */
export const hazardConceptsIn = (features: readonly string[]): string[] =>
  DANGER_CONCEPTS.filter(({ name, family }) => family !== undefined && features.includes(`c:${name}`)).map(
    ({ name }) => name,
  );
