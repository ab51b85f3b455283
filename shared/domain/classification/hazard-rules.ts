import type { EmergencyHazard } from '#vocabulary/triage.ts';
import { wholeWords } from './cue.ts';
import {
  isCold,
  isDangerouslyHot,
  isVulnerableHousehold,
  needsPoweredMedicalEquipment,
} from './living-conditions.ts';
import { gap } from './negation.ts';

/**
 * What makes a situation dangerous, as rules over one `normalise`d clause: a thing (an outlet, a
 * ceiling, a door) together with a sign that it is dangerous now (hot, dripping, will not lock).
 * Phrases are general descriptions of the situation in English and Spanish, with common typos;
 * a sign is ignored when negated (negation.ts), the clause is skipped when hypothetical, about
 * equipment work or over (statement-markers.ts).
 */
export interface HazardRule {
  readonly hazard: EmergencyHazard;
  /** What the clause is about (an outlet, the ceiling); found anywhere in the clause. */
  readonly subject?: RegExp;
  /** The sign that it is dangerous now; must be found not negated. */
  readonly sign: RegExp;
  /** The clause is not this hazard when this appears in it (a neighbour's cigarette). */
  readonly unless?: RegExp;
  /** The whole message must also show this (freezing weather for a heating failure). */
  readonly when?: (message: string) => boolean;
  /** Only a report of the equipment itself: skipped when the clause is about installing or inspecting it. */
  readonly equipmentNamed?: boolean;
}

const anyOf = (...parts: readonly string[]): string => parts.join('|');
const subject = (...parts: readonly string[]): RegExp => wholeWords(anyOf(...parts));
const sign = (...parts: readonly string[]): RegExp => wholeWords(anyOf(...parts), 'g');

// ---- Electricity and heat sources ------------------------------------------------------------

const ELECTRICAL_THING = anyOf(
  'outlets?|outlits?|outets?|oulets?|receptacles?|sockets?|plugs?|plugged|power strips?|surge protectors?',
  '(light )?switch(es)?|swich\\w*|dimmers?|(breaker|electrical|electric|fuse|circuit) (box|panel)|breakers?|panel|fuse box|meter',
  'wir(e|es|ing)|cords?|extension cords?|chargers?|light fixtures?|fixtures?|ceiling (light|fan)|lights?|lamps?|bulbs?|sockets?',
  'electrical|electric|electricity|power',
  'enchufes?|contactos?|tomacorrientes?|tomas? de corriente|apagador(es)?|interruptor(es)?|pastillas?|caja de (fusibles|breakers|luz)',
  'tablero( electrico)?|centro de carga|cables?|cableado|extension|lamparas?|focos?|medidor|electricidad|corriente',
);

const HEAT_SOURCE = anyOf(
  'dryer|stove|oven|range|cooktop|burners?|heaters?|space heater|furnace|boiler|water heater|baseboards?|radiators?',
  'microwave|toaster|fridge|refrigerator|freezer|washer|washing machine|dishwasher|appliances?|(ac|a c|hvac) unit|air conditioner|fan|motor|compressor',
  'secadora|estufa|horno|calentador|calefactor|boiler|microondas|refri\\w*|lavadora|lavaplatos|aire acondicionado|ventilador|motor',
);

/** Burning, melting, smoke, sparks: a sign on any electrical thing or heat source. */
const BURNING = anyOf(
  'burn(ing|t|ed|s)?|scorch\\w*|charr(ed|ing)|singed|melt(ed|ing|s)?|smok(e|ing|y|ey)|spark(s|ed|ing|y)?|flames?|on fire',
  'arc(ing|ed|s)?|sizzl\\w*|shoots? sparks|fishy (smell|odou?r)|smells? (like )?(fish|fishy)|shock(ed|ing|s)? me|got (a )?shock(ed)?|zapp?(ed|ing)? me',
  'quemad[oa]s?|quemando|se quem\\w*|derreti\\w*|chispas?|chispea\\w*|chisporrote\\w*|humo|echa humo|sale humo|olor a (quemado|plastico)|huele a (quemado|plastico)|toques|me dio (un )?toque|descarga',
);

/** Overheating signs that are normal for a stove or heater but not for an outlet, switch or cord. */
const OVERHEATING = anyOf(
  `(is|are|feels?|felt|was|were|gets?|getting|got|so|very|really|too|super|burning|extremely|running) ${gap(1)}hot`,
  `hot (to the touch|to touch)|too hot to touch|warm (to the touch|to touch)|(is|are|feels?|felt|gets?|getting|got|was) ${gap(1)}warm|heating up|heats up`,
  `(is|are|turned|turning|gone|went|looks?|got|getting|has|have|all) ${gap(1)}(black|brown|discolou?red)|black(ened)? (marks?|spots?|stuff|soot|residue|around)|brown (marks?|spots?|around)|discolou?r(ed|ation)|black and (hot|warm)`,
  'buzz(es|ing|ed)?|crackl(e|es|ing|ed)|popp(ing|ed)|pops|loud pop|humming loud(ly)?',
  'calient(e|es)|calentando|se calienta|negr[oa]s?|ennegrecid[oa]|zumb\\w*|truena|tron(o|ando|ido)',
);

/** Cooking, candles and the fireplace smell of burning without danger. */
const HARMLESS_BURNING = wholeWords(
  'toast|popcorn|food|cooking|cooked|dinner|bacon|incense|candles?|fireplace|bbq|barbecue|grill(ing)?|wood stove|sage|burn ban|sunburn|heartburn|burn(ed|t)? out|burnt out|bulb (is |was )?(burnt|burned)|quemaduras?',
);

// ---- Water ------------------------------------------------------------------------------------

const WATER = anyOf(
  'water|watter|wter|waters|leak\\w*|leek\\w*|drip\\w*|liquid|moisture',
  'agua|fuga|goter\\w*|gotea\\w*|filtra\\w*|escurr\\w*|chorre\\w*',
);

/** Places water must never come through: above, beside or below the home's living space. */
const ABOVE_OR_THROUGH = anyOf(
  'ceilings?|celings?|cielings?|ceilling|roof|light fixtures?|(ceiling )?lights?|fixtures?|ceiling fan|smoke detector|vents?',
  'walls?|outlets?|electrical|(unit|apartment|condo|neighbou?r|floor) below|downstairs|below (us|me)|into the (hallway|hall|unit|apartment|bedroom|kitchen|living room|garage)',
  'techo|pared(es)?|plafon|lampara|foco|contacto|enchufe|(departamento|apartamento|vecino|piso) de abajo|abajo',
);

const ACTIVE_WATER = anyOf(
  'pour\\w*|gush\\w*|spray\\w*|stream\\w*|rush\\w*|running|runs|coming|comes|came|leak(s|ed|ing)?|drip(s|ped|ping)?|seep\\w*|trickl\\w*',
  'soak(ed|ing)|spread\\w*|pool(ing|ed|s)?|puddl\\w*|ris(ing|en)|wont stop|will not stop|cant stop|keeps|bulg\\w*|sagg\\w*|dropping',
  'cae|cayendo|sale|saliendo|escurr\\w*|gotea\\w*|chorre\\w*|filtra\\w*|empapad\\w*|se mete|entra|entrando|no para|brota',
);

/** Water on the floor of one room is a repair; water spreading, rising or everywhere is a flood. */
const SPREADING_WATER = anyOf(
  'flood(s|ed|ing)?(?! (insurance|zone|lights?|plain|warning|watch|of (calls|emails|messages)))|flodd?ing|standing water|inches of water|\\d+ inch(es)? of water',
  'water (is )?(everywhere|all over|over the (whole |entire )?(floor|place|kitchen|bathroom|basement))|water (all )?(throughout|across) the',
  `(pool(ing)?|spread(ing)?|ris(ing)?|creep(ing)?) ${gap(3)}(across|into|through|under|toward|towards|on|in)( the)? \\w+`,
  '(into|in) (the )?(several|multiple|other|all the|every) rooms?|(several|multiple) rooms',
  `(burst|busted|broken|broke|split|exploded|ruptured|bursted) ${gap(1)}(water )?(pipes?|lines?|supply lines?|hoses?|main)`,
  `(pipes?|lines?|supply lines?|hoses?|main) ${gap(2)}(burst|broke|busted|split|exploded|ruptured|bursted|came (off|apart|loose))`,
  'water (is |keeps )?(pouring|gushing|spraying|rushing|shooting|streaming|blasting)',
  `(overflow\\w*|running over) ${gap(4)}(wont stop|will not stop|cant stop|keeps|everywhere|into|across)`,
  'inundacion|inundad[oa]s?|inundando|se (inundo|inunda|esta inundando)|agua por todos lados|agua por todas partes|se sale el agua|sale (mucha|muchisima) agua|mucha agua',
  '(tuberia|tubo|cano|manguera)s? (rot[oa]|reventad[oa]|quebrad[oa])|se (rompio|reviento|revento) (la|el|una|un) (tuberia|tubo|cano|manguera)',
  'agua (hasta|por) (el|los|la) (tobillos?|piso|pasillo|cuartos?)',
);

// ---- Gas and carbon monoxide ------------------------------------------------------------------

const GAS =
  '(?<!sewer )(?<!sewage )(?<!tear )(gas|gass|propane|natural gas|rotten eggs?|sulfur|sulphur)(?! (station|bill|mileage|prices?|can|company will|line inspection))';

const SMELLING = 'smell(s|ed|ing|y)?|smel|smelt|odou?rs?|whiff|stinks?|stench|reeks?|scent|fumes?';

/** Rotten-egg water from a water heater, sewer gas from a drain: a smell, not a gas leak. */
const NOT_GAS = wholeWords(
  `(water|tap|faucet|drain|drains|sink|toilet|sewer|shower|tub)s? ${gap(1)}(smells?|tastes?|has|odou?r)|from the (drains?|sinks?|toilets?|sewer|shower)|sewer gas|septic`,
);

const CO_DETECTOR =
  '(carbon monoxide|co|c o|monoxide|monoxido( de carbono)?) (alarm|detector|monitor|sensor)s?|(alarma|detector|sensor) de (co|monoxido( de carbono)?)';

const SOUNDING = anyOf(
  `going off|goes off|went off|keeps? going off|sound(s|ing|ed)|beep(s|ing|ed)? ${gap(1)}(constantly|nonstop|non stop|loud|and wont stop)|alarming|blaring|screaming|wont (stop|shut up|turn off)|will not stop`,
  'reading|reads|says|showing|shows|\\d+ ppm|detect(ed|s|ing)|(is )?(red|flashing)',
  'suena|sonando|sono|no para|no deja de sonar|se activo|marca',
);

// ---- Rules ------------------------------------------------------------------------------------

export const HAZARD_RULES: readonly HazardRule[] = [
  // Gas: a smell of gas or rotten eggs, a hiss at the stove or meter.
  {
    hazard: 'gas',
    sign: sign(
      `${GAS} (${SMELLING}|leak\\w*|escap\\w*)`,
      `(${SMELLING}) ${gap(3)}(of |like )?(${GAS})`,
      '(rotten eggs?|sulfur|sulphur) (smell|odou?r|stench)',
      `hiss\\w* ${gap(5)}(stove|range|oven|meter|gas|pipe|line|valve|furnace|water heater|dryer)`,
      `(stove|range|oven|meter|gas (line|pipe)|valve) ${gap(3)}hiss\\w*`,
      'fuga de gas|(huele|huelo|olor|oler|olemos|apesta) (muy )?(fuerte )?(a|de) (gas|huevos? podridos?|azufre)|se (sale|esta saliendo|escapa|esta escapando) (el )?gas|gas (se sale|se esta saliendo|escapando)',
    ),
    unless: NOT_GAS,
    equipmentNamed: true,
  },
  // Carbon monoxide: an alarm sounding (not chirping for a battery), or its symptoms near a burner.
  {
    hazard: 'carbon_monoxide',
    subject: subject(CO_DETECTOR),
    sign: sign(SOUNDING),
    unless: wholeWords('chirp\\w*|low batter(y|ies)|batter(y|ies)|bateria|pila'),
    equipmentNamed: true,
  },
  {
    hazard: 'carbon_monoxide',
    sign: sign(
      'carbon monoxide(?! (detector|alarm|monitor|sensor)s?)|monoxido de carbono(?! (detector|alarma))|co (poisoning|levels?|leak)',
    ),
    equipmentNamed: true,
  },
  {
    hazard: 'carbon_monoxide',
    subject: subject(
      'furnace|heater|boiler|water heater|fumes|exhaust|generator|fireplace|gas|calentador|calefaccion|caldera',
    ),
    sign: sign(
      'headaches?|dizz\\w*|nause\\w*|vomit\\w*|lightheaded|light headed|passed out|faint\\w*|dolor(es)? de cabeza|mare(o|os|ad[oa]s?)|nauseas?|desmay\\w*',
    ),
  },
  // Fire and smoke.
  {
    hazard: 'fire',
    sign: sign(
      'on fire|(caught|catch|catching|caught on) fire|fire (in|started|broke out|is spreading|spread)|(a|small|house|kitchen|grease|electrical|dryer|stove|oven|apartment|unit|building|microwave) fire(?! (hazard|alarm|drill|extinguisher|inspection|code|safety|door|escape|pit|place|marshal))',
      'flames|flame (coming|shooting|out)|(called|calling) (911|the fire department)|fire (department|dept|truck|trucks|fighters) (is|are|was|were|came|come|coming|here|on the way|arrived|just left|put)|firefighters|(se )?(prendio|incendio|quemo) (la|el)|incendio|fuego|en llamas|salen llamas|bomberos',
    ),
    unless: wholeWords(
      'fire (hazard|alarm|drill|extinguisher|inspection|code|safety|escape|pit|place|marshal)|fireplace|fire pit|fuego artificial|fuegos artificiales|(chimenea|parrilla|asador|fogata)|candle|bbq|grill',
    ),
    equipmentNamed: true,
  },
  {
    hazard: 'smoke',
    sign: sign(
      'smoke(?! (detector|detectors|alarm|alarms|free|shop|break|ring|signal))|smokey|smoky|smoking (from|out|out of)|humo(?! de (cigarro|tabaco|marihuana))|humareda',
      `(${SMELLING}) ${gap(2)}(of |like )?(something )?(burning|burnt|burned|melting|electrical|hot plastic|plastic burning)`,
      'burn(ing|t|ed) (plastic |rubber |electrical |wire |hair )?(smell|odou?r|stench)',
      '(olor|huele|huelo) (a|de) (quemado|plastico quemado|humo)',
    ),
    unless: wholeWords(
      'smokes|smoker|smokers|cigar\\w*|weed|marijuana|cannabis|vap(e|es|ing)|tobacco|hookah|pot smoke|wildfire\\w*|fires? (nearby|outside|in the area)|fuma\\w*|cigarr\\w*|marihuana|tabaco|toast|popcorn|cooking|incense|candles?|fireplace|bbq|barbecue|grill(ing)?',
    ),
    equipmentNamed: true,
  },
  // Electrical: an electrical thing with a sign of overheating, or anything with one of burning.
  {
    hazard: 'electrical',
    subject: subject(ELECTRICAL_THING),
    sign: sign(OVERHEATING, BURNING),
    unless: HARMLESS_BURNING,
  },
  { hazard: 'electrical', subject: subject(HEAT_SOURCE), sign: sign(BURNING), unless: HARMLESS_BURNING },
  {
    hazard: 'electrical',
    sign: sign(
      '(exposed|live|bare|hanging|dangling) (electrical |electric |live )?wir(e|es|ing)|wir(e|es|ing) (are |is )?(exposed|hanging out|sticking out)',
      'cables? (expuestos?|pelados?|colgando|sueltos?)',
    ),
  },
  // Water where it must not be.
  { hazard: 'flooding', sign: sign(SPREADING_WATER) },
  {
    hazard: 'active_leak',
    subject: subject(WATER),
    sign: sign(
      `(${ABOVE_OR_THROUGH}) ${gap(6)}(${ACTIVE_WATER})`,
      `(${ACTIVE_WATER}) ${gap(6)}(${ABOVE_OR_THROUGH})`,
    ),
    unless: wholeWords('stain(s|ed)?|mancha|old leak|dried'),
  },
  // Sewage in the home.
  {
    hazard: 'sewage',
    sign: sign(
      `(sewage|sewer water|raw sewage|poop|feces|fecal|excrement|waste ?water|black water|aguas negras|aguas residuales|caca) ${gap(4)}(coming|came|comes|backing|backed|back|overflow\\w*|bubbl\\w*|gurgl\\w*|on the floor|in (the|my) (tub|bathtub|shower|basement|floor|sink)|everywhere|spread\\w*|flood\\w*|pour\\w*|sale|saliendo|subiendo|regres\\w*|por todo)`,
      '(sewer|sewer line|sewage|main line|main drain|floor drains?|all (the |of the |my )?drains|every drain|drenaje|coladera) (is |are |keeps )?(backing up|backed up|back up|backup|overflowing|coming up|regurgitat\\w*|se (regresa|desborda|sube))',
      `(toilet|tub|bathtub|shower) ${gap(3)}(backing up|backed up|coming up|bubbling up) (into|in|through) (the )?(tub|bathtub|shower|sink|floor)`,
      `flush ${gap(6)}(comes up|coming up|backs up|bubbles up) (in|into|through) the (tub|bathtub|shower|sink)`,
    ),
  },
  // Essential services gone.
  {
    hazard: 'no_water',
    sign: sign(
      'no (running )?water(?! (pressure|heater|bill|damage|stain|softener|filter|dispenser|leak\\w*|coming (in|through|from)|drip\\w*|on|in the (dishwasher|washer|ice|tank|toilet|bowl)|around|under|near|spots?|marks?|puddles?|problem|issue))',
      '(dont|do not|didnt) have (any )?(running )?water|have no (running )?water|nothing (comes|coming|came) out of (the |any )?(taps?|faucets?|sinks?|shower)',
      'water (is|has been|was|got) (completely )?(shut|turned|cut) off(?! (for|tomorrow|on|next|from))|water (is|has been|went) out',
      'sin agua|no (hay|tenemos|tengo|sale|llega|nos llega) (nada de )?agua(?! caliente)|nos (cortaron|quitaron) el agua|no hay servicio de agua',
    ),
    unless: wholeWords(
      '(?<!any )(?<!every )(kitchen|bathroom|one) (sink|faucet)|ice maker|dishwasher|washer|toilet tank|hose|sprinkler|fridge|refrigerator|hot|caliente',
    ),
  },
  {
    hazard: 'no_heat',
    sign: sign(
      'no (heat|heating)|(heat|heating|furnace|heater|boiler|radiators?|heat pump) (is |has |just )?(out|off|dead|broken|broke|not working|isnt working|not on|stopped( working)?|died|quit|went out|gone out|blowing cold|not coming on|wont (turn on|start|come on|kick on|work|light)|doesnt (turn on|work|come on))',
      '(sin|no (hay|tenemos|funciona la|sirve la|prende la)) (calefaccion|calentador|calor)|(calefaccion|calentador|caldera) (no (funciona|sirve|prende|calienta)|se (descompuso|apago))',
    ),
    unless: wholeWords('water heater|hot water|agua caliente|calentador de agua|boiler inspection'),
    when: (message) => isCold(message) || isVulnerableHousehold(message),
  },
  {
    hazard: 'no_cooling',
    sign: sign(
      'no (ac|a c|air|air conditioning|cooling|aire|aire acondicionado|clima)(?! (filter|fresheners?|pressure))',
      '(ac|a c|air conditioning|air conditioner|central air|hvac|cooling|air|mini ?split|swamp cooler|aire acondicionado|aire|clima|minisplit) (unit |system )?(is |has |just )?(out|off|dead|broken|broke|not working|isnt working|stopped( working)?|died|quit|went out|not cooling|isnt cooling|blowing (hot|warm)|wont (turn on|cool|work|start|come on|kick on)|doesnt (cool|work|turn on)|no (funciona|sirve|enfria|prende)|se (descompuso|apago))',
    ),
    when: (message) =>
      isDangerouslyHot(message) || (isVulnerableHousehold(message) && /\b(hot|calor|heat)\b/.test(message)),
  },
  {
    // Power cut alone is a repair (or the utility's outage); it is an emergency when someone depends on power.
    hazard: 'electrical',
    sign: sign(
      'no (power|electricity)|(power|electricity) (is |has been |went |keeps going )?(out|off)|lost (all )?power|(power|electricity) (outage|cut)',
      'sin (luz|electricidad|corriente)|no (hay|tenemos) (luz|electricidad|corriente)|se fue la luz|nos cortaron la luz',
    ),
    when: needsPoweredMedicalEquipment,
  },
  // A home that cannot be secured.
  {
    hazard: 'unsecured_unit',
    sign: sign(
      'break ins?|broke in(to)?|broken into|burglar\\w*|robbed|robbery|intruders?|someone (got|came|broke|tried to get) in|kicked (in|open|down)|forced (entry|open|in|the door)|pried open',
      'entraron a robar|nos robaron|se metieron|forzaron (la )?(puerta|ventana|cerradura|chapa)',
    ),
    unless: wholeWords(
      'cars?|vehicles?|trucks?|mailbox\\w*|storage (unit|locker)|lockers?|neighbou?rhood|area|nearby|down the street|other (units|apartments|buildings)|building next door|carro|coche|vecindario|buzon',
    ),
  },
  {
    hazard: 'unsecured_unit',
    subject: subject(
      'doors?|deadbolts?|locks?|door ?knobs?|latch|strike plate|frame|puerta|cerradura|chapa|seguro',
    ),
    sign: sign(
      `(wont|will not|doesnt|does not|cant|cannot|can not|unable to|no longer|isnt|is not|wouldnt) ${gap(1)}(lock|latch|close|shut|catch|secure|stay (closed|shut|locked)|be locked)`,
      '(cant|cannot|can not|unable to) (lock|secure|close) (it|the door|up|our|my)',
      '(is |are |was |got )?(broken|busted|kicked in|smashed|split|off (its|the) hinges|hanging off|ripped off|pried|wide open|falling off)',
      'no (cierra|se puede cerrar|tiene seguro|asegura|traba|podemos cerrar|puedo cerrar)|(esta |quedo )?(rota|quebrada|forzada|arrancada)',
    ),
    unless: wholeWords(
      'closet|bedroom|bathroom|cabinet|cabinets|shower|oven|dishwasher|fridge|refrigerator|freezer|pantry|laundry|dryer|washer|car|mailbox\\w*|storage|screen|storm|gate|locker|opener|remote|medicine|drawer|sliding closet|bifold|interior|room door|puerta del (bano|closet|cuarto|recamara)|gabinete|ropero|sometimes|hard to|takes a (few|couple) (tries|times)|jiggle',
    ),
  },
  {
    hazard: 'unsecured_unit',
    subject: subject('windows?|ventanas?|sliding glass|patio door|slider'),
    sign: sign(
      `(wont|will not|doesnt|does not|cant|cannot|can not) ${gap(1)}(lock|latch|close|shut)`,
      '(is |was |got |were )?(smashed|shattered|broken|broken out|busted( out)?|kicked in)|smashed|shattered',
      'no (cierra|se puede cerrar)|(rota|quebrada|estrellada)',
    ),
    unless: wholeWords(
      'crank|blinds?|screen|cracked|crack|seal|draft\\w*|fog\\w*|condensation|persiana|mosquitero',
    ),
  },
  // Structure giving way.
  {
    hazard: 'structural',
    subject: subject(
      'ceilings?|celings?|cielings?|roof|drywall|plaster|stairs?|staircase|steps?|balcon(y|ies)|deck|porch|railings?|handrails?|banister|landing|floors?|joists?|walls?|beams?|foundation',
      'techo|plafon|escaleras?|balcon|barandal|barandilla|terraza|piso|pared(es)?|viga',
    ),
    sign: sign(
      'bulg\\w*|sagg\\w*|sags|bow(ing|ed)|buckl\\w*|cav(ing|ed) in|caving|collaps\\w*|fell|falling|came down|coming down|gave way|giving way|gave out|giving out|about to fall|crumbl\\w*|broke through|pulling away|pulled away|came off|coming off|detach\\w*|separating|shifting|moving|sinking|leaning|swaying|wobbl\\w* (badly|a lot|when)',
      `(crack|cracks|cracking) ${gap(4)}(growing|getting bigger|spreading|widening|moving|opened up|longer)`,
      `hundi\\w*|cay(o|endo)|se cae|colaps\\w*|pandea\\w*|abombad\\w*|cedi(o|endo)|se (desprendio|solto|rompio)|grietas? ${gap(3)}(crece|creciendo|mas grandes?)`,
    ),
    unless: wholeWords(
      `(light|lamp|fixture|fan|blinds?|curtain|rod|shelf|shelves|towel bar|gutter|shingles?|paint|tiles?|wallpaper|picture|mirror|smoke detector|caulk|trim|baseboard|outlet cover|cover plate) ${gap(3)}(fell|falling|came|coming|off)|fell asleep|falling asleep|moving (in|out|truck|day|company)|mudanza|moving forward|keep moving`,
    ),
  },
  // Someone trapped.
  {
    hazard: 'trapped',
    sign: sign(
      '(stuck|trapped|locked|shut) (inside |in )(the |an |my |our |a )?(elevator|lift|bathroom|room|bedroom|apartment|unit|house|closet|garage|stairwell)',
      `(elevator|lift) ${gap(3)}(stuck|stopped) ${gap(4)}(with (someone|somebody|people|my|a|an|\\w+) (inside|in it|in there)|people inside)`,
      `(cant|cannot|can not|unable to) get out( of)? ${gap(1)}(the |my |our )?(bathroom|room|bedroom|apartment|unit|house|elevator)`,
      '(atrapad[oa]s?|encerrad[oa]s?) en (el |la )?(elevador|ascensor|bano|cuarto|departamento|recamara)|no (puedo|podemos|puede|pueden) salir',
    ),
    unless: wholeWords('locked out|traffic|stuck in (my|the) (ways?|head)'),
  },
];
