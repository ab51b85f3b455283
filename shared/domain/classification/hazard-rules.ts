import type { EmergencyHazard } from '#vocabulary/triage.ts';
import { wholeWords } from './cue.ts';
import {
  ABOVE_OR_THROUGH,
  ACTIVE_WATER,
  anyOf,
  BACKING_UP,
  BURNING,
  CHILD,
  CO_DETECTOR,
  DRAIN,
  DRAIN_FIXTURE,
  ELECTRICAL_THING,
  FOUL_WATER,
  GAS,
  HEAT_SOURCE,
  INTERIOR,
  OVERHEATING,
  PERSON_INSIDE,
  POISONING_SOURCE,
  POISONING_SYMPTOMS,
  RISING_SEWAGE,
  SEWAGE,
  SMELLING,
  SOUNDING,
  SPREADING_WATER,
  WATER,
} from './hazard-words.ts';
import {
  isCold,
  isDangerouslyHot,
  isHotInside,
  isVulnerableHousehold,
  needsPoweredMedicalEquipment,
} from './living-conditions.ts';
import { gap, isNegatedAt } from './negation.ts';

/** A test of one clause; a RegExp is one, and so is a pair of them (see `butNot`). */
export interface ClauseTest {
  test(clause: string): boolean;
}

/**
 * `shown` in the clause and `cancelled` nowhere in it. Two patterns rather than one with a
 * lookahead over the whole clause (`^(?!.*X).*Y`), which takes quadratic time on a long run-on word.
 */
const butNot = (shown: RegExp, cancelled: RegExp): ClauseTest => ({
  test: (clause) => shown.test(clause) && !cancelled.test(clause),
});
const eitherOf = (...tests: readonly ClauseTest[]): ClauseTest => ({
  test: (clause) => tests.some((one) => one.test(clause)),
});

/**
 * What makes a situation dangerous, as rules over one `normalise`d clause: a thing (an outlet, a
 * ceiling, a door) together with a sign that it is dangerous now (hot, dripping, will not lock).
 * A sign is ignored when negated (negation.ts); the clause is skipped when hypothetical, about
 * equipment work or over (statement-markers.ts).
 */
export interface HazardRule {
  readonly hazard: EmergencyHazard;
  /** What the clause is about (an outlet, a child); found anywhere in the clause. */
  readonly subject?: RegExp;
  /** The sign that it is dangerous now; must be found not negated. */
  readonly sign: RegExp;
  /** The clause is not this hazard when this appears in it ("closet door"). */
  readonly unless?: ClauseTest;
  /** The message is not this hazard when this appears anywhere in it (a neighbour's cigarette). */
  readonly unlessMessage?: ClauseTest;
  /** The whole message must also show this (freezing weather for a heating failure). */
  readonly when?: (message: string) => boolean;
  /** A report about the equipment itself: skipped when the clause is about installing or inspecting it. */
  readonly equipmentNamed?: boolean;
}

const subject = (...parts: readonly string[]): RegExp => wholeWords(anyOf(...parts));
const sign = (...parts: readonly string[]): RegExp => wholeWords(anyOf(...parts), 'g');
/** The message says this somewhere, not negated ("nobody is inside" does not count). */
const mentions = (...parts: readonly string[]): ((message: string) => boolean) => {
  const pattern = wholeWords(anyOf(...parts), 'g');
  return (message) => [...message.matchAll(pattern)].some((found) => !isNegatedAt(message, found.index));
};

/** A burner's flame described (colour, pilot): a combustion question, not a fire. */
const BURNER_FLAME =
  'pilot( light)?|(small|little|low|tiny|weak|short) flames?|(orange|yellow|blue|lazy) flames?|flames? (look|looks|are|is|were) (\\w+ )?(orange|yellow|blue|lazy)';

/** Tobacco, cooking and candles: smoke and a burnt smell without a fire. */
const HARMLESS_SMOKE = anyOf(
  'neighbou?rs? (\\w+ ){0,3}smok\\w*|smoking (on|in|outside|at) (the|his|her|their) (patio|balcony|porch|hallway|stairwell|car|yard)',
  '(people|someone|they|he|she) (is |are |keep |keeps )?smoking|smokes|smoker|smokers|cigar\\w*|weed|marijuana|cannabis|vap(e|es|ing)|tobacco|hookah|pot smoke|ashtray',
  '(smoke|humo) (\\w+ ){0,3}(neighbou?rs?|next door|vecinos?)|(it was|it s|its|turned out to be|was just|was only|came from) (just |only )?(\\w+ ){0,3}(barbecue|bbq|grill\\w*|toast|candles?|fireplace|cooking|food|popcorn|incense|burning dust)|non ?smoking|smoke ?free|smoking (policy|area|allowed|rules?)|(sensitive|allergic) to (cigarette )?smoke|wildfire\\w*|fires? (nearby|outside|in the area)|fuma\\w*|cigarr\\w*|marihuana|mariguana|mota|tabaco|burn(s|ing)? (their |the |his |her )?(trash|leaves|garbage|brush|yard waste)|(trash|leaf|burn) (barrels?|piles?)|quema(n|ndo)? (la |su )?(basura|hojas|hierba)',
);
/** Dust burning off a heater after the summer. */
const BURNING_DUST =
  'burn(ing|t|ed) (off )?(the )?dust|dust (burning|burnt|burned|burns)( off)?|dusty (burning )?(smell|odou?r)|dusty burn\\w*|polvo quemado|olor a polvo|first time (\\w+ )?(turning|turned|turn|using|running|ran) (on )?(the |our |my )?(heat|heater|furnace)';
const HARMLESS_BURNING_EXCEPT_DUST = anyOf(
  BURNER_FLAME,
  'toast|popcorn|food|cooking|cooked|dinner|bacon|incense|candles?|fireplace|bbq|barbecue|grill(ing)?|wood stove|sage|burn ban',
  'sunburn|heartburn|burn(ed|t)? out|bulbs? (is |are |was )?(burnt|burned)|quemaduras?|(se|esta) quemad[oa] (el|la) (foco|bombilla)',
  'burn marks? (on|from)|old burn|chimney|chimenea',
  // A fire long over: "the house that burned in August", "se quemó hace meses".
  '(burned|burnt|se quemo) (down )?(in|last|back in) (january|february|march|april|may|june|july|august|september|october|november|december|the (spring|summer|fall|winter))|(burned|burnt) (down )?(\\w+ )?(months|weeks|years) ago',
  'haze on|hazy (glass|window|windows|film|mirror|panes?)|(glass|window|windows|mirror|shower door|panes?) (\\w+ )?(is |are |looks? )?hazy|condensation',
);
/** A small spark as a plug goes in is the load starting, unless something is scorched. */
const PLUG_IN_SPARK = butNot(
  wholeWords(
    '((tiny|little|small|quick) (bits?|spark(s|ing)?|flash(es|ing)?)|spark(s|ed|ing)? (a )?(tiny|little|small) (bit )?) when (i |you |we )?(plug|unplug)',
  ),
  /black|melt|smok|burn|scorch|quem/,
);
/** Dust burning off smells and hazes; smoke that is dark or thick is something else burning. */
const DUST_ONLY = butNot(
  wholeWords(BURNING_DUST),
  wholeWords('dark|black|thick|heavy|gr[ae]y smoke|(negro|oscuro|espeso)|humo (negro|oscuro|espeso)'),
);
const HARMLESS_BURNING = eitherOf(DUST_ONLY, wholeWords(HARMLESS_BURNING_EXCEPT_DUST), PLUG_IN_SPARK);

/** The building's own wiring, where no heat or smell is ever normal. */
const FIXED_WIRING =
  'outlets?|receptacles?|sockets?|(light )?switch(es)?|(breaker|electrical|electric|fuse|circuit) (box|panel)|breakers?|fuse box|junction box|wiring|enchufes?|contactos?|tomacorrientes?|apagador(es)?|tablero( electrico)?|caja de (fusibles|breakers|luz)|pastillas|centro de carga|cableado';

/** A fire somebody means to light ("we'd like to have a fire on Christmas Eve"): a hearth, not a hazard. */
const FIRE_ON_PURPOSE =
  '(like|want|wanted|love|plan|planning|hoping|hope) to (have|light|make|build|start) a (\\w+ )?fire|(have|light|make|build) a fire in (the|our|a) (hearth|stove|wood stove)';

/** The sender smells nothing in this clause; somebody else may smell it in another. */
const NOT_SMELLED =
  'no (huelo|olemos|se siente|se huele) nada|(i|we) (dont|do not|cant|cannot|no longer) smell (anything|it|gas|a thing)|ya no (huele|se siente)';
/** The whiff a burner gives for a second before it lights. */
const A_WHIFF =
  '(for a|un) (second|moment|sec|segundo|momento) (when|before|until|cuando|antes)|before it (lights|catches|ignites)|(goes away|stops|se quita|se va) (once|when|after|cuando) (it )?(lights|ignites|catches|prende)';
/** In the same clause, the smell goes on or grows, or a hiss is heard. */
const SMELLED_NOW =
  'now|still|reeks?|reeking|stinks?|strong(er|ly)?|worse|hiss\\w*|ahora|sigue|todavia|fuerte|peor|apesta|silb\\w*';

/** Someone else smells it ("she says it smells of gas", "dice que huele a gas"). */
const SMELLED_BY_ANOTHER = 'says|said|told|reports?|smells (like|of)|dice|dijo|huele (a|mucho)|olor a';

/** What the police are called for: a 911 call about it is not a fire. */
const POLICE_MATTER =
  'police|cops?|sheriff|fight(ing|s)?|domestic|assault\\w*|yelling|screaming|threaten\\w*|break ins?|broke in|robbed|policia|patrulla|pelea\\w*';

const FIRE_EQUIPMENT =
  'fire (hazard|alarm|drill|extinguisher|inspection|code|safety|escape|pit|place|marshal|exit|door|sprinkler)|fireplace|fire pit|fuego artificial|fuegos artificiales|chimenea|parrilla|asador|fogata|candle|bbq|grill';

/** A vehicle's window or door, broken or open: not the home's. */
const VEHICLE_PART =
  '(car|truck|van|vehicle|carro|coche|auto|camioneta)s? (\\w+ )?(windows?|windshield|doors?|locks?)|(ventana|vidrio|puerta|parabrisas) del (carro|coche|auto|camion)';
/** The state a home was in when the tenant moved in: a charge disputed, not a door broken now. */
const AT_MOVE_IN =
  '(already|was|were) (\\w+ ){0,2}when (i|we) moved in|ya (estaba|venia) \\w+ cuando (me|nos) mud(e|amos)';
/**
 * Unable to go out for an errand (shopping, work): hard going, not shut in. Only the errand the
 * going out is for ("can't get down to buy food"), not a later duty ("stuck, he has to go to work at 6").
 */
const AN_ERRAND =
  '(out|down|bajar|salir) (to|a|para|for|por) (buy|shop|get groceries|go shopping|go to work|comprar|hacer (el )?mandado|trabajar|groceries|my shift|work|la despensa|el mandado)';
/** Parked in: the car cannot leave, the people can. */
const BLOCKED_IN_BY_A_VEHICLE =
  '(parks?|parked|parking) (\\w+ ){0,4}(across|behind|in front of|blocking)|(blocks?|blocked|blocking) (\\w+ ){0,2}(drive|driveway|car|truck)';

/** What holds a home up or keeps people from falling. */
const STRUCTURE =
  'sidewalks?|walkways?|driveways?|ground|pavement|parking (lot|area)|ceilings?|celings?|cielings?|roof|drywall|plaster|stairs?|staircase|stairway|steps?|treads?|stringers?|balcon(y|ies)|deck|porch|railings?|handrails?|guard ?rails?|banister|landing|floors?|joists?|walls?|beams?|rafters?|trusses|foundation|patio cover|awning|carport|canopy|overhang|posts?|columns?|supports?|cover|chimney|slab';

/** Trees and their parts, by kind too: what falls on a house in a storm. */
const TREE =
  'trees?|branch(es)?|limbs?|trunk|oak|pine|maple|elm|cottonwood|cedar|palm|pecan|magnolia|sycamore|poplar|hickory|willow|arbol|rama|tronco|palmera';

/** A stain is the trace of a leak, unless the same clause says water is moving now. */
const ONLY_A_STAIN = butNot(
  wholeWords('stain(s|ed)?|mancha'),
  // Or that the stain is growing: water is still feeding it.
  /dripping|pouring|gushing|streaming|coming (through|down)|getting (faster|worse|bigger)|growing|spreading|onto (my|the|our) (bed|floor|couch|carpet)|\b(sale|saliendo|gotea\w*|cae|cayendo|chorrea\w*|crece|creciendo)\b/,
);

/** An inspector's or a seller's note of a leak that is over: "evidence of a prior roof leak, dry at time of inspection". */
const PAST_LEAK = butNot(
  wholeWords(
    `(past|prior|previous|former|earlier|historic(al)?|old) (roof |plumbing |ceiling |window )?(leak(s|ed|ing|age)?|water (damage|intrusion|stains?))|(water mitigation|remediation|dry ?out) ${gap(10)}(complete|completed|done|finished)|dry at (the )?time|moisture (meter|readings?) (\\w+ )?(normal|dry|ok|fine)|(stain|area|spot) (is |was )?dry`,
  ),
  /again|back|still|now|sigue|otra vez/,
);

/** A leak that comes with rain, said on a dry day: a repair, unless the clause says it is raining now. */
const ONLY_WHEN_IT_RAINS = butNot(
  wholeWords('(when|whenever|every time|cada vez que|cuando) (it )?(rains|llueve)'),
  /now|today|tonight|currently|at the moment|ahorita|ahora|hoy/,
);

/**
 * Water held in a fixture or an appliance that will not drain ("an inch of water in the bottom of
 * the dishwasher", "la lavadora se queda llena de agua"): a repair, unless the clause has it on
 * the floor or going over.
 */
const HELD_IN_A_FIXTURE = butNot(
  wholeWords(
    '(washer|washing machine|dishwasher|lavadora|lavaplatos|tub|bathtub|tina|sink|fregadero|lavabo)s? (\\w+ ){0,3}(wont|will not|doesnt|does not|isnt|not|no) (drain|draining|drains|saca|desagua)|in the bottom|se queda (llena|lleno|adentro)|solo se queda adentro',
  ),
  /floor|piso|carpet|alfombra|everywhere|todos lados|hall|pasillo|overflow|desbord|spill|into the|al piso/,
);

/** Grass or snow up to the knees is a depth, not water's. */
const NOT_WATER_DEEP =
  '(grass|weeds|lawn|snow|brush|hierba|pasto|zacate|maleza|nieve) (\\w+ ){0,5}(up to|hasta|(knee|ankle) (deep|high))';

/** An amount said to be small: a spill to wipe up, not a flood. */
const A_LITTLE = 'a (little|bit|tiny bit)|(a )?few drops|slightly|un poco|poquit[oa]|unas gotas';

/** Water from a pipe or an appliance that nobody can stop: a flow, not a drip ("won't stop leaking"). */
const UNSTOPPABLE_WATER = anyOf(
  'no (para|deja) de (salir|caer|correr|tirar)|a chorros?|no (se|sabemos) (donde|como) se (cierra|apaga|corta) (el agua|la llave)|no (encuentro|encontramos|sabemos donde esta|se donde esta) la (llave|valvula) de paso|sigue (saliendo|cayendo|corriendo|tirando)|no (se|sabemos|se como|sabemos como) (cerrarlo|cerrarla|apagarlo|apagarla|cerrar (el agua|la llave|la valvula))',
  '(wont|will not|cant|can not|cannot|couldnt|could not) (stop|shut off|turn off) (it|the (water|flow)|spraying|pouring|gushing|coming)|keeps (pouring|gushing|spraying|coming out|running out|shooting)|(spraying|gushing|shooting) (out|water|everywhere|all over)|pouring (out of|water|everywhere|all over)|(dont|do not|cant|cannot) (know how to|find the (valve|shut ?off)) (shut|turn|to shut|to turn)',
);

/** Flooding as a habit of the place ("floods every winter", "se inunda siempre"): a reason to move or to repair, unless it is happening now. */
const FLOODS_HABITUALLY = butNot(
  wholeWords(
    'every (winter|spring|summer|fall|year|storm|time it rains)|each (winter|spring|summer|fall|year)|whenever it rains|siempre|cada (invierno|ano|tormenta|vez que llueve)|todos los (inviernos|anos)',
  ),
  // "Where I live now" is not "now": only a time that says it is happening today.
  wholeWords(
    'right now|today|tonight|again|this (morning|week)|ahorita|ahora mismo|hoy|otra vez|(is|are|s) (flooding|flooded) now',
  ),
);

/** Flooding as a word in insurance and maps ("flood is separate", "we're in a flood zone"). */
const FLOOD_POLICY = wholeWords(
  'insurance|insured|(flood|tsunami|evacuation) zones?|aseguranza|seguro contra',
);

/** A drip only while the air conditioning runs is its condensate, not water from a pipe or the roof. */
const CONDENSATE =
  '(when|while|whenever|cuando) (the |el )?(ac|a c|air conditioner|air conditioning|aire|clima|minisplit) (runs|is on|is running|turns on|kicks on|prende|esta prendido)';

/** Water that stays outside the walls: a gutter, a downspout, the yard. */
const OUTSIDE_WATER = 'off the roof|from the gutters?|gutters?|downspouts?|canaleta|bajante';
const STAYS_OUTSIDE =
  'not (getting|coming|going|leaking|seeping) (in|inside|into)|nothing (is )?(getting|coming) in|(didnt|did not|hasnt|has not|never) (get|got|come|came|gone) (in|inside)|no (entra|entro|se mete|se metio) (el agua|a la casa|adentro)';
/** Ground outside that floods (a drive, a yard, the road): a repair outside, unless the water comes in. */
const GROUND_FLOODS = butNot(
  wholeWords(
    `(drive|driveway|yard|lawn|road|street|field|pasture|ditch|parking (lot|area)|camino|calle|jardin|patio|estacionamiento) (that |which |que )?(\\w+ ){0,3}(floods?|flooded|flooding|se (inunda|inundo))`,
  ),
  wholeWords('into|inside|indoors|basement|garage|adentro|dentro|entra(ndo)?|se mete'),
);

/** A hairline crack, or the house settling: a patch, not a structure moving. */
const COSMETIC_SURFACE = 'hairline|settl(e|es|ed|ing)|(se )?(esta )?asentando';

/** A state the sender has lived with for a long time ("since we moved in", "over the past year"). */
const LONG_STANDING =
  '(has|have|s) (always )?(been|looked) (like (that|this)|there)|since (we|i) (moved|got here|moved in)|always (been|was|had)|for (many |several |a few |\\d+ |two |three )?years|over the (past|last) (few |couple of |\\d+ )?(years?|months)|desde que (nos )?(mudamos|llegamos|entramos)|siempre ha (estado|sido)|hace (\\d+ |varios |muchos )?anos';

/** Words that say a long-standing state changed: "for years, but now it dropped". */
const CHANGED_NOW = wholeWords(
  'now|today|tonight|this (morning|week)|suddenly|all of a sudden|worse|more and more|ahora|hoy|de repente|peor|cada vez mas',
);

/**
 * The sender says it has held steady: a repair to book, unless something changed now. Not "it
 * hasn't given way yet": a structure expected to give way is the emergency.
 */
const HOLDS_STEADY = butNot(
  wholeWords(
    '(hasnt|has not|havent|have not) (moved|shifted|dropped|sunk|sagged|changed|gotten (any )?worse)( any ?more| since| at all)|no se ha (movido|hundido|caido) mas',
  ),
  CHANGED_NOW,
);

/** A person who fell on the stairs ("se cayó en la escalera"), unless the clause says the stairs gave way. */
const PERSON_FELL = butNot(
  wholeWords(
    '(me|se|nos) (cai|cayo|caimos|cayeron|resbalo|resbale) (en|de|por) (la|las|el|los) (escaleras?|escalones?)|(i|he|she|we|they|someone) (fell|tripped|slipped) (down|on|in) (the )?(stairs|steps|staircase)',
  ),
  wholeWords('collaps\\w*|gave way|broke|snapped|se (rompio|hundio|vencio)|cedio|colaps\\w*'),
);

/** What hangs over people: a cracking or popping noise from it is the structure giving. */
const OVERHEAD =
  'ceilings?|roof|beams?|joists?|rafters?|trusses|balcon(y|ies)|deck|carport|techo|vigas?|plafon';

/** One tap named ("in the kitchen sink only"): that fixture's valve or cartridge, not the supply. */
const ONE_FIXTURE =
  '(in|at|from|out of|en|de|del) (the |my |our |one |el |la |mi )?(kitchen |bathroom |bath |laundry |utility |master |guest |upstairs |downstairs )?(sink|faucet|tap|tub|bathtub|shower|basin|lavabo|fregadero|regadera|tina|llave|lavamanos)|(sink|faucet|tap|tub|shower|kitchen|bathroom) only|only (in|at|from) (the|one)|(solo|nada mas|unicamente) (en|de|del) (el|la)';

/** "No hot water" is the water heater; "no heat or hot water" is both. */
const NOT_SPACE_HEATING = wholeWords(
  'water heater|(?<!(heat|heating|calefaccion) (or|and|ni|y|o|nor) (no )?)(hot water|agua caliente)(?! (or|and|ni|y|o|nor) (heat|heating|calefaccion))|calentador de agua|boiler inspection|heat (index|wave|advisory)',
);

/** Heat indoors said in words rather than degrees. */
const HOT_INSIDE =
  '(so|too|very|really|extremely|unbearably|super|dangerously) hot (in here|inside|in the (apartment|house|unit|bedroom|room|place|trailer))|(like )?(an oven|a sauna|an oven|a furnace) (in here|inside)|hace (mucho|muchisimo) calor (adentro|aqui|en la casa)|(hot|calor) (\\w+ ){0,3}(no|without|sin) (ac|a c|air|aire)';

/** Who lives with a tenant: "my wife", "mi abuela" (not "my car", "my phone"). */
const HOUSEHOLD = anyOf(
  CHILD,
  'mom|mother|dad|father|wife|husband|partner|grand\\w+|nephew|niece|brother|sister|aunt|uncle|cousin|friend|guest|roommate|boyfriend|girlfriend',
  'mama|papa|esposa?o?|abuel[oa]|herman[oa]|tia|tio|sobrin[oa]|prim[oa]|amig[oa]|novi[oa]|suegr[oa]',
);

/** A person, named or not, who could be on the other side of a door. */
const SOMEONE = anyOf(
  HOUSEHOLD,
  'someone|somebody|people|person|we|they|he|she|neighbou?r|tenant|resident|family|hear|heard|hearing|banging|knocking|yelling|shouting|voices?|alguien|gente',
);

const HEATING =
  'heat ?strips?|heating (elements?|strips?)|heat|heating|furnace|heater|boiler|radiators?|heat pump|baseboards?|vents?|calenton|calentones';
const COOLING =
  'ac|a c|acs|a cs|air condition|air con|aircon|air conditioning|air conditioner|central air|hvac|cooling|air|mini ?split|swamp cooler|window (unit|ac|a c)|aire acondicionado|aire|clima|minisplit|cooler|(aparato|unidad) (de|del) (la )?(ventana|aire|clima)';
/** Where the unit is, between it and its failure ("the AC at my unit stopped", "el aire que no enfría"). */
const UNIT_PLACE = `((at|in|on|for|of|upstairs|downstairs|de|del|en) ${gap(3)}|que )?`;
const FAILED = anyOf(
  'out|off|dead|broken|broke|not work(s|ing)?|no work(s|ing)?|dont work|not functioning|keeps (shutting|turning|cutting) (off|out)|shuts (itself )?off|cuts out|conked out|crapped out|pooped out|gave up|kaput|bit the dust|is shot|is toast|fried|not working|isnt working|not on|stopped( working)?|died|quit|went out|gone out|gave out|failed|not coming on|never (comes|kicks|turns) on|(havent|hasnt|have not|has not|did not|didnt) (come|came|kicked|turned) on|gone cold|(is |are )?cold',
  'wont (turn on|start|come on|kick on|work|light|cool|run)|doesnt (turn on|work|come on|cool|run)|not (cooling|heating|running)|isnt (cooling|heating|running)',
  'no (esta )?(funciona|funcionando|sirve|sirviendo|enfria|enfriando|calienta|calentando|prende|jala)|se (descompuso|apago|murio)|dejo de (funcionar|servir|enfriar|calentar)',
  '(stopped|quit|not|isnt) (blowing|putting out|pushing|making) (cold|cool)|(only )?(blows|blowing|putting out|pushing) (room temperature|hot|warm)|(barely|hardly) (cools|cooling|works|blowing)',
);
/** Spanish puts the failure first: "se descompuso el aire". */
const FAILED_FIRST =
  'se (descompuso|apago|murio|desconfiguro)|dejo de (funcionar|servir)|(no|ya no) (funciona|sirve|prende|jala)';

const DOOR_OR_LOCK = 'puerta|chapa|cerradura|seguro|pestillo|cerrojo|marco|bisagras?';

/** The lock itself gone or useless, or the opening gives way from outside: nothing keeps anyone out. */
const LOCK_GONE = anyOf(
  '(latch|latches|lock|locks|deadbolt|catch|bolt|lock cylinder|locking pin) (is |are |was |has |just )*(missing|gone|broken off|snapped( off)?|fell off|came off|ripped off|torn off|pulled out)',
  '(opens|slides|pushes|swings|lifts|pops|slid|pushed|opened|lifted|popped) (right |wide |all the way )?(open |up )?from (the )?outside|(can be|could be|gets) (opened|pushed open|slid open|lifted out|popped open) from (the )?outside',
  `(seguro|pasador|cerrojo|chapa|cerradura|pestillo) ${gap(2)}(se (cayo|rompio|salio|zafo|quebro)|no (esta|hay)|desaparecio|esta (rot[oa]|quebrad[oa]))|se abre (desde )?(afuera|fuera)|se puede abrir (desde )?(afuera|fuera)`,
);

/** The tenant has closed the opening another way (a bar in the slider's track): a repair, not an open home. */
const SECURED_ANOTHER_WAY = anyOf(
  `(broom|broomstick|dowel|stick|rod|bar|board|pole|2 ?x ?4|palo|escoba|tubo)( handle)? ${gap(3)}(in|into|across|en) (the |el |la )?(tracks?|riel|carril)`,
  '(charley|charlie|security|safety|slider) bar|(wedged|jammed|propped) (a |the )?chair (under|against)|(secured|blocked|barred) it (with|by)|(atranc|trab)(o|e|amos|ando) (la |el )?(puerta|ventana)? ?con',
);

/** The sender says it still locks, in whichever sentence ("no cierra bien … pero sí cierra con llave"): a repair. */
const STILL_LOCKS =
  '(si|pero) cierra con (llave|seguro)|(si|pero) se (le )?puede (poner|echar) (el )?(seguro|llave)|(si|pero) (le )?(puedo|podemos) (poner|echar) (el )?(seguro|llave)|(it |but it )?still locks|(can|does) still (lock|be locked)';

const POWER_OUT = sign(
  '(no|without) (power|electricity)|(power|electricity)s? (is |has |been |has been |went |keeps going |is still |still )*(out|off)|lost (all )?power|(power|electricity) (outage|cut)',
  'sin (luz|electricidad|corriente)|no (hay|tenemos) (luz|electricidad|corriente)|se (fue|corto) la (luz|electricidad|corriente)|(la luz|la electricidad|la corriente) se (fue|corto)|(me|nos|le|les) (cortaron|quitaron|desconectaron|suspendieron) (la |el )?(luz|electricidad|corriente|servicio de luz)',
  // Cut off by the utility (an unpaid bill): as dark as a storm outage.
  '(power|electricity|electric) (was |got |has been |have been )?(cut|shut|turned) off(?! (for|tomorrow|on|next|from|between|until|at))|(?<!(will|to|gonna|might|may|would|could) )(cut|shut|turned) off (my|our|the) (power|electricity)|(power|electricity|electric) (was |got |has been )?disconnected',
);

export const HAZARD_RULES: readonly HazardRule[] = [
  // Gas: a smell of gas or rotten eggs, a hiss at the stove or meter.
  {
    hazard: 'gas',
    sign: sign(
      `${GAS} (${SMELLING}|leak\\w*|escap\\w*)`,
      `(${SMELLING}) ${gap(3)}(of |like )?(${GAS})`,
      '(rotten eggs?|sulfur|sulphur) (smell|odou?r|stench)',
      `(${SMELLING}) ${gap(2)}like (a )?(gas station|gasoline|fuel|propane|natural gas)|olor a gasolina`,
      `(${SMELLING}) ${gap(3)}like (a )?skunk|olor a zorrillo|huele a zorrillo`,
      `hiss\\w* ${gap(5)}(stove|range|oven|burners?|meter|gas|pipe|line|valve|furnace|water heater|dryer|(?<!(toilet|water|fish|septic) )tanks?|cylinders?|regulator)`,
      // Unburnt gas smells like a lighter or a match that did not catch.
      `(${SMELLING}) ${gap(3)}like (a |an )?(\\w+ )?(lighter|match|matches)(?! (fluid|stick))`,
      `(stove|range|oven|burners?|meter|gas (line|pipe)|valve|knob) ${gap(3)}hiss\\w*`,
      `(gas|propane) ${gap(2)}(hiss\\w*|blowing|pouring|escaping|leaking|spewing) (out|from)`,
      `(gas|tanque de gas|cilindro de gas|tanque|cilindro) ${gap(3)}(tiene una fuga|tiene fuga|se (sale|escapa|esta saliendo|esta escapando))|fuga de gas|(huele|huelo|olor|oler|olemos|apesta) ${gap(3)}(, )?(como )?(a|de) (gas|huevos? podridos?|azufre|cerillos?|fosforos?|encendedor|huevos?)|huevos? podridos?`,
      `(silb\\w*|siseo|chifl\\w*) ${gap(7)}(estufa|calentador|medidor|gas|tubo|tuberia|linea|boiler|propano|cilindro)|(estufa|calentador|medidor|tubo|tuberia|boiler|propano|cilindro) ${gap(7)}(silb\\w*|siseo|chifl\\w*)`,
      'se (sale|esta saliendo|escapa|esta escapando) (el )?gas|gas (se sale|se esta saliendo|escapando)',
      // A burner that will not turn off: the valve is stuck open.
      `(burner|hornilla|hornalla|quemador|knob|perilla) ${gap(4)}(wont|will not|doesnt|does not|no se|no) (turn off|shut off|go out|apaga|cierra)|(says|dice|en) off ${gap(2)}(but |pero )?(still|sigue) ${gap(2)}(flame|llama|lit|prendid[oa]|burning)`,
      // The utility found the leak: service cut off for it, or the meter red-tagged.
      `(gas|propane) ${gap(3)}(leak\\w*|escap\\w*)|red ?tag(ged|s)? ${gap(4)}(gas|meter)|(gas|meter) ${gap(3)}red ?tag(ged|s)?|(shut|turned|cut|shutting|turning) off ${gap(3)}gas ${gap(3)}(for|because of|due to) ${gap(1)}leak`,
    ),
    unless: eitherOf(
      wholeWords(
        '(water|tap|faucet|drain|drains|sink|toilet|sewer|shower|tub)s? (\\w+ )?(smells?|tastes?|has|odou?r)|(agua|pozo) (\\w+ ){0,6}(con olor|huele|sabe)|from the (drains?|sinks?|toilets?|sewer|shower)|sewer gas|septic|(check\\w*|test\\w*|look\\w*|sniff\\w*) for (gas )?leaks?|leak (check|test|detector)s?|found no',
      ),
      // The sender smells nothing, or only a whiff: judged per clause, so another clause that
      // smells it (a babysitter, the hallway) or hears a hiss still reports the leak.
      butNot(wholeWords(A_WHIFF), wholeWords(SMELLED_NOW)),
      butNot(wholeWords(NOT_SMELLED), wholeWords(`${SMELLED_NOW}|${SMELLED_BY_ANOTHER}`)),
    ),
    // A burner's whiff explains a smell the subject line asks about, unless the smell goes on or grows.
    unlessMessage: butNot(wholeWords(A_WHIFF), wholeWords(SMELLED_NOW)),
    equipmentNamed: true,
  },
  {
    // A burner still lit with its knob at off, said in another clause: gas flows that nobody can stop.
    hazard: 'gas',
    sign: sign(
      `(sigue|still) ${gap(2)}(flame|llama|burning|lit|prendid[oa]|encendid[oa])|(flame|llama) ${gap(2)}(sigue|still|stays) (prendid[oa]|encendid[oa]|lit|on|burning)`,
    ),
    unless: wholeWords('pilot|piloto'),
    when: (message) =>
      mentions(`(knob|perilla|dial) ${gap(5)}(off|apagad[oa])`)(message) &&
      mentions('burners?|stove|range|cooktop|estufa|hornillas?|hornallas?|quemador(es)?')(message),
  },
  // Carbon monoxide: an alarm sounding (not chirping for a battery), or its symptoms near a burner.
  {
    hazard: 'carbon_monoxide',
    subject: subject(CO_DETECTOR),
    sign: sign(SOUNDING),
    // A chirp for its battery or its age, unless it is also in full alarm.
    unless: butNot(
      wholeWords(
        'chirp\\w*|low batter(y|ies)|batter(y|ies)|bateria|pila|expired|end of life|end|once (a|per|every) minute|every (few )?(minutes?|\\d+ seconds)|caduc\\w*|vencid[oa]',
      ),
      /full alarm|siren|continuous|nonstop|going off|wont stop|(four|4) (times|beeps)|(not|isnt|no es) (the |a |el |la )?(low )?(battery|chirp|bateria|pila)/,
    ),
    equipmentNamed: true,
  },
  {
    hazard: 'carbon_monoxide',
    sign: sign(
      'carbon monoxide(?! (detector|alarm|monitor|sensor)s?)|(?<!(detector|detectores|alarma|alarmas|sensor) de )monoxido de carbono(?! (detector|alarma))|co (poisoning|levels?|leak)',
    ),
    equipmentNamed: true,
  },
  { hazard: 'carbon_monoxide', sign: sign(POISONING_SYMPTOMS), when: mentions(POISONING_SOURCE) },
  // Fire and smoke.
  {
    hazard: 'fire',
    sign: sign(
      'on fire|(caught|catch|catching|caught on) fire|fire (in|started|broke out|is spreading|spread)',
      '(a|small|house|kitchen|grease|electrical|dryer|stove|oven|apartment|unit|building|microwave|chimney|flue|attic|wall|roof|garage|laundry room|trash chute|porch|deck|trailer) fire',
      `(stove ?pipe|flue|chimney|stack|vent pipe|wall|ceiling) ${gap(3)}(glowing|red hot)`,
      'flames|flame (coming|shooting|out)|(called|calling) the fire department|firefighters|bomberos',
      'fire (department|dept|truck|trucks|fighters) (is |was |has been |got )?(are|were|came|come|coming|here|on the way|arrived|just left|put|called)',
      '(se )?(prendio|incendio|quemo) (la|el)|incendio|fuego|en llamas|salen llamas',
      // Catching fire, said of what burns ("prender" alone is also turning a light on).
      '(se (esta|estan)|ya se (esta|estan)) (prendiendo|incendiando) (la |el |los |las |mi |su )?(cerca|barda|pasto|zacate|hierba|arbol|arboles|casa|traila|pared|techo|cortinas?|colchon|sillon|cocina|cuarto|carro)',
    ),
    unless: wholeWords(
      `${FIRE_EQUIPMENT}|${BURNER_FLAME}|${FIRE_ON_PURPOSE}|next door|neighbou?ring (building|house|complex)|across the street|down the (street|road|block)|another building|in the area|de al lado|de enfrente|en la otra cuadra`,
    ),
    equipmentNamed: true,
  },
  {
    // A call to 911 about smoke or flames is the fire brigade's; one for a fall or a fight is no fire.
    hazard: 'fire',
    sign: sign('(called|calling) 911'),
    unlessMessage: wholeWords(POLICE_MATTER),
    when: mentions('smoke|smoky|smokey|flames?|fire|burning|humo|fuego|llamas|incendio'),
  },
  {
    // A 911 call beside a door that will not open (jammed, chained from inside): someone shut in.
    hazard: 'trapped',
    sign: sign('(called|calling) 911|llam\\w* al 911'),
    when: mentions(
      `(doors?|locks?|puertas?|chapa|cerradura) ${gap(4)}(jammed|chained|stuck|wont open|will not open|atorad[oa]|trabad[oa])|(cant|cannot|can not|couldnt|could not) (get|open) (the |her |his |their )?(\\w+ )?door`,
    ),
  },
  {
    hazard: 'smoke',
    sign: sign(
      'smoke(?! (detector|detectors|alarm|alarms|ones?|free|shop|break|ring|signal|((and|or) )?(co|carbon monoxide|c o|fire|heat) (detectors?|alarms?)))|smokey|smoky|smoking (from|out|out of)|humareda',
      '(?<!(detector|detectores|alarma|alarmas|sensor) de )humo(?! de (cigarro|tabaco|marihuana|mariguana))',
      `(${SMELLING}) ${gap(2)}(of |like )?(something )?(burning|burnt|burned|melting|electrical|hot plastic|plastic burning)`,
      '(burn(ing|t|ed)|hot|electrical|melt(ed|ing)|scorched) (plastic |rubber |electrical |wire |hair )?(smell|odou?r|stench)|(smells?|smelled|smelling|reeks?) (like|of) (melt(ed|ing)|burn(ing|t|ed)|hot) (plastic|rubber|wires?|insulation)',
      '(haze|hazy|smoky|smokey)(?! (ipa|beer|day|sky|skies|outside|from the wildfires?))|humareda',
      '(olor|huele|huelo|oliendo|olia) (como )?(a|de) (quemado|plastico quemado|humo)|humito|humillo|humeando',
    ),
    unlessMessage: wholeWords(HARMLESS_SMOKE),
    unless: HARMLESS_BURNING,
    equipmentNamed: true,
  },
  {
    // The smoke alarm sounding and the air stinging eyes or throats: smoke filling the home, whatever lit it (a damper closed too soon).
    hazard: 'smoke',
    sign: sign(
      `(smoke )?(alarms?|detectors?) ${gap(3)}(screaming|blaring|going off|sounding|wont stop|will not stop|(is|are|keeps|keep) going(?! to))|(alarmas?|detector(es)?) de humo ${gap(2)}(suena|suenan|sonando|no para)`,
    ),
    unlessMessage: wholeWords(HARMLESS_SMOKE),
    when: mentions(
      'eyes (are )?(burning|stinging|watering)|(cant|can not|cannot|hard to) breathe|coughing|choking|(room|house|apartment|kitchen|unit|hallway) (is )?(filling|filled)( up)?( with smoke)?|full of smoke|lleno de humo|se (esta )?llenando de humo|(me |nos )?(arden|ardian) (los )?ojos|ojos (me )?(arden|ardiendo)|tosiendo|no (puedo|podemos) respirar',
    ),
  },
  {
    // A cloud inside a home whose alarm is sounding is smoke, whatever the sender calls it.
    hazard: 'smoke',
    sign: sign(
      '(gr[ae]y|black|dark|thick|white) (cloud|clouds|haze|fog|mist)|(cloud|haze|fog|mist) (inside|in (the|their|his|her|my|our) (kitchen|unit|apartment|house|room|living room|bedroom|hallway))',
      '(nube|neblina|niebla) (gris|negra|blanca|espesa|de humo)|(nube|neblina|niebla) (\\w+ )?(adentro|dentro|en (la|el|mi|nuestra|nuestro) (cocina|cuarto|casa|departamento|sala|recamara|pasillo))',
    ),
    // Weather and steam are clouds too.
    unless: wholeWords(
      'sky|skies|storm|rain\\w*|weather|outside|afuera|foggy|clouds? (are )?(rolling|moving|coming) in|cielo|tormenta|lluvia|lluvioso|shower|bathroom|vapor|steam|humidifier|humidificador',
    ),
    // The home's own alarm, not a car's in the street ("car alarm", "la alarma del carro").
    when: mentions(
      `(?<!car )(alarms?|alarma|detectors?|detector)(?! (del|de la|de un|de una|de) (carro|coche|auto|camioneta)) ${gap(4)}(${SOUNDING})`,
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
  {
    hazard: 'electrical',
    subject: subject(HEAT_SOURCE),
    sign: sign(BURNING),
    unless: HARMLESS_BURNING,
    // A fan asked for against a neighbour's cigarette smoke is no appliance burning.
    unlessMessage: wholeWords(HARMLESS_SMOKE),
  },
  {
    // Dust burning off a heater on its first cold night is normal; on a panel or an outlet it is the wiring.
    hazard: 'electrical',
    subject: subject(FIXED_WIRING),
    sign: sign(OVERHEATING, BURNING),
    unless: eitherOf(
      wholeWords(
        anyOf(
          HARMLESS_BURNING_EXCEPT_DUST,
          'heaters?|furnace|radiators?|baseboards?|calentador|calefaccion|calefactor',
        ),
      ),
      PLUG_IN_SPARK,
    ),
  },
  {
    // Heat that changed a thing's colour, or a sizzle from the box in the wall: the wiring is burning,
    // whatever the sender called the part ("the new one got so hot it turned brown").
    hazard: 'electrical',
    sign: sign(
      '(so hot|hot enough) (that )?(it |they )?((turned|went|is turning|are turning) (brown|black)|melted)|(sizzl\\w*|crackl\\w*|buzz\\w*) (noise|sound)s? (coming )?(from|in|inside) (the )?(box|panel|wall|outlet|switch|breaker)',
    ),
    unless: HARMLESS_BURNING,
  },
  {
    // Crackling or a flash at the wiring or a fixture is arcing inside it.
    hazard: 'electrical',
    subject: subject(ELECTRICAL_THING, FIXED_WIRING, '(light )?fixtures?|lamp(ara)?|foco'),
    sign: sign(
      'crackl\\w*|arcing|chisporrote\\w*|truena|tronando|(saw|see|seeing|seen|vi|se ve) (a |an |un )?(little |small |tiny |blue |bright )?(flash|flashes|spark|sparks|destello|chispa|chispazo)',
    ),
    // Sounds that crackle by nature: a fire in the hearth, a speaker, static, frying.
    unless: wholeWords(
      'fireplace|chimenea|fire ?pit|logs?|lena|radio|speakers?|tv|television|static|bacon|frying|freir',
    ),
  },
  {
    // Sparks thrown by anything (a lift, a motor, a box on the wall) are current where it should not be.
    hazard: 'electrical',
    sign: sign(
      '(making|throwing|shooting|giving off|sending|spitting) (out )?sparks|sparks (are |were |keep )?(coming|flying|shooting|falling)|(echando|echa|saca|sacando|avienta|aventando|saltan|saltando) chispas',
    ),
    unless: HARMLESS_BURNING,
  },
  {
    hazard: 'electrical',
    sign: sign(
      '(exposed|live|bare|hanging|dangling) (electrical |electric |live )?wir(e|es|ing)|wir(e|es|ing) (are |is )?(exposed|hanging|dangling|hanging out|sticking out)',
      'cables? (expuestos?|pelados?|colgando|sueltos?)',
    ),
  },
  {
    // Current where it should never be: a shock from a tap, a tub or an appliance.
    hazard: 'electrical',
    sign: sign(
      '(getting|get|gets|got|keep getting|been getting|keeps giving me) (a |an )?(shock|shocks|shocked|zapped|electric shock)|electrocut\\w*',
      `(faucet|tap|tub|shower|sink|fridge|refrigerator|washer|dryer|stove|appliance|metal|water) ${gap(4)}(shocks|shocked|zaps|tingl\\w*)`,
      'me (da|dio|dan|dieron) (toques|descargas|un toque|una descarga)|(toques|descargas) (en|de|con) (la|el) (llave|regadera|lavadora|refri\\w*|estufa|agua)',
    ),
  },
  {
    // A big battery (solar storage, an e-bike's) that swells or hisses is in thermal runaway: a fire before long.
    hazard: 'electrical',
    subject: subject(
      '(solar |lithium |home |backup |storage |ebike |e bike |scooter )?batter(y|ies)|power ?walls?|battery (pack|bank|unit)s?|bateria|baterias',
    ),
    sign: sign(
      'swell\\w*|swollen|bulg\\w*|puff(ed|ing) (up|out)|hiss\\w*|venting|hinchad[oa]|hinchando|inflad[oa]|inflando',
    ),
    unless: wholeWords(
      'phone|laptop|remote|telefono|celular|smoke (detector|alarm)|detector|thermostat|termostato',
    ),
  },
  {
    // Water that has reached something live: the next thing is a shock or a fire.
    hazard: 'electrical',
    subject: subject(WATER),
    sign: sign(
      '(reached|reaching|reaches|got into|getting into|running into|dripping (on|into)|pooling (around|under)|llego a|llegando a|alcanzo|se metio en) (the |an |a |los |las |el |la )?(\\w+ )?(outlets?|outlet strips?|power strips?|plugs?|extension cords?|electrical panel|breaker (box|panel)|wiring|enchufes?|contactos?|cables)',
    ),
  },
  // A power cut alone is a repair or the utility's outage; it is an emergency when someone
  // depends on power (medical equipment) or when it takes the heating or cooling with it.
  { hazard: 'electrical', sign: POWER_OUT, when: needsPoweredMedicalEquipment },
  { hazard: 'no_heat', sign: POWER_OUT, when: isCold },
  { hazard: 'no_cooling', sign: POWER_OUT, when: isDangerouslyHot },
  // Water where it must not be.
  {
    hazard: 'flooding',
    sign: sign(SPREADING_WATER),
    unless: eitherOf(
      wholeWords(`${OUTSIDE_WATER}|${NOT_WATER_DEEP}`),
      HELD_IN_A_FIXTURE,
      FLOODS_HABITUALLY,
      FLOOD_POLICY,
      GROUND_FLOODS,
    ),
    unlessMessage: wholeWords(STAYS_OUTSIDE),
  },
  {
    // Water that cannot be stopped and is already on the floor: a flood in the making.
    hazard: 'flooding',
    subject: subject(UNSTOPPABLE_WATER),
    sign: sign(
      `(se (mojo|mojaron|esta mojando|moja)|mojad[oa]s?|empapad[oa]s?|soak(s|ed|ing)?|wet(ting)?|drench\\w*|all over|puddl\\w*|charcos? en) ${gap(4)}(piso|pisos|alfombra|floor|floors|carpet|pasillo|hallway|rugs?)`,
      `(piso|alfombra|floor|floors|carpet|pasillo|hallway) ${gap(3)}(is |are |esta |estan |getting |got )?(all |todo |toda )?(soaked|soaking|wet|drenched|mojad[oa]s?|empapad[oa]s?|under water|covered)`,
    ),
    // A shower head spraying sideways wets the floor by design of the bath, not a flood.
    unless: wholeWords('shower ?heads?|regadera|showering|when (i|we) (shower|bathe)|ducha'),
    unlessMessage: wholeWords(STAYS_OUTSIDE),
  },
  {
    // A pit, tub or fixture brimming over onto the floor.
    hazard: 'flooding',
    subject: subject(WATER, 'pit|sump'),
    sign: sign(
      `(come|comes|coming|came|spill\\w*|pour\\w*|run(s|ning)?|flow\\w*|go(ing)?) over (onto|on to|into|all over|across) (the )?${gap(2)}(floor|floors|carpet|basement)`,
    ),
    unless: wholeWords(A_LITTLE),
  },
  {
    hazard: 'active_leak',
    subject: subject(WATER),
    sign: sign(
      `(${ABOVE_OR_THROUGH}) ${gap(8)}(${ACTIVE_WATER})`,
      `(${ACTIVE_WATER}) ${gap(6)}(${ABOVE_OR_THROUGH})`,
    ),
    unless: eitherOf(
      wholeWords(`dried|(is|s|are) (all |completely )?dry( now)?|air|aire|${OUTSIDE_WATER}|${CONDENSATE}`),
      ONLY_A_STAIN,
      ONLY_WHEN_IT_RAINS,
      PAST_LEAK,
    ),
    unlessMessage: wholeWords(STAYS_OUTSIDE),
  },
  {
    // Water landing on the bed or the couch is coming through something overhead.
    hazard: 'active_leak',
    subject: subject(WATER, 'goteras?'),
    sign: sign(
      '(falling|dripping|pouring|cayendo|cae|cayo|gotea\\w*|escurre) (onto|on|into|sobre|en) (my|the|our|el|la|mi|los|las) (bed|couch|sofa|furniture|sillon|cama|muebles|alfombra|carpet)',
    ),
  },
  {
    // Water from the home above, whatever the fixture: it comes through the ceiling next.
    hazard: 'active_leak',
    subject: subject(
      'upstairs|(unit|apartment|neighbou?rs?|bathroom|tenants?) (above|upstairs)|de arriba|del piso de arriba',
    ),
    sign: sign(
      `(overflow\\w*|leak(s|ing)|pour\\w*|coming (down|through)|dripping|se (desborda|esta desbordando)|escurre|gotea) ${gap(8)}(into|onto|through|on) (my|our|the) (\\w+ )?(ceiling|bathroom|bedroom|kitchen|bed|floor|fan|lights?|unit|apartment)`,
      `(ceiling|fan|lights?|techo) ${gap(4)}(dripping|pouring|leaking|gotea|escurre)`,
      `(drops|gotas) (falling|cayendo)|(after|every time|whenever|cada vez que) ${gap(4)}(shower|flush\\w*|bana|jala)`,
    ),
    unless: wholeWords('stain(s|ed)? only|old stain|dried|mancha vieja'),
  },
  {
    // Water held in the ceiling (a bubble, a bulge): it comes through next, with the plaster.
    hazard: 'active_leak',
    subject: subject(OVERHEAD, 'drywall|plaster|paint'),
    sign: sign(
      '(bubble|bulge|pocket|blister|belly|balloon|sack) (full )?of water|water (bubble|bulge|pocket|blister|balloon)|(bolsa|burbuja|globo) de agua',
    ),
  },
  {
    // A ceiling swelling and dripping is full of water and can come down with it.
    hazard: 'active_leak',
    subject: subject(OVERHEAD, 'drywall|plaster|paint'),
    sign: sign(
      `(bubbl\\w*|bulg\\w*|balloon\\w*|puff(ed|ing)? (out|up|down)|droop\\w*|sagg\\w*|swell\\w*|belly|burbuja|abombad[oa]|inflad[oa]|inflando|hinchad[oa]|hinchando|pandead[oa]|pandeando) ${gap(10)}(dripping|drips|leaking|gotea\\w*|escurre)`,
      '(drips|dripping|goteo|gotas) (are |is |esta |estan )?(getting |going )?(faster|quicker|mas rapid[oa])',
    ),
    unless: eitherOf(ONLY_A_STAIN, ONLY_WHEN_IT_RAINS, PAST_LEAK),
  },
  {
    // A bucket under it that fills and fills: water coming in faster than anyone can empty it.
    hazard: 'active_leak',
    sign: sign(
      `(bucket|pail|pot|cubeta|balde|cubo|bote|olla) ${gap(8)}(filled|fills|filling|overflow\\w*|se (lleno|llena|esta llenando))`,
    ),
    unless: wholeWords(A_LITTLE),
  },
  {
    hazard: 'active_leak',
    sign: sign(
      '(rain|rainwater|lluvia) (is |keeps )?(coming|pouring|getting|leaking|entering|dripping|blowing|driving|pushing|seeping|soaking) (in|into|inside|through)|(entra|se mete) (la )?lluvia|raining (inside|indoors|in (our|my|the) (kitchen|bathroom|bedroom|living room|apartment|unit|house|closet|hallway))|llueve (adentro|dentro)',
    ),
  },
  // Sewage in the home.
  {
    hazard: 'sewage',
    sign: sign(
      `(${SEWAGE})(?! (smells?|odou?rs?|stench|gas|bill|line inspection)) ${gap(6)}(${BACKING_UP})`,
      RISING_SEWAGE,
      // What a toilet or a floor drain sends up comes from the sewer line.
      `(water|agua) (from|out of|de|del) (the |el |la )?(${DRAIN_FIXTURE}) ${gap(2)}(coming|came|comes|bubbling|welling|backing|rising|sale|saliendo|sube|subiendo) (up|back up|over)`,
      `(${DRAIN}) ${gap(3)}(is |are |keeps |se |esta |se esta )*(backing up|backed up|back up|backup|overflowing|coming up|regurgitat\\w*|regres\\w*|desbord\\w*|sube|subiendo)`,
      `(toilet|tub|bathtub|shower) ${gap(3)}(backing up|backed up|coming up|bubbling up) (into|in|through) (the )?(tub|bathtub|shower|sink|floor)`,
      `flush ${gap(6)}(comes up|coming up|backs up|bubbles up) (in|into|through) the (tub|bathtub|shower|sink)`,
      // One fixture filling from another is the shared line blocked past them both.
      `(tub|bathtub|shower|sink|tina|regadera) ${gap(3)}(fill\\w*|backing up|coming up|se llena\\w*) ${gap(3)}(from|when|every time|cuando|con) ${gap(3)}(toilet|flush\\w*|washer|washing machine|dishwasher|excusado|inodoro|lavadora|jala\\w*)`,
      `(toilets?|inodoro|excusado) ${gap(2)}(keeps |is |are |se )*(overflowing|overflows|overflowed|backing up|backs up|backed up|desborda|desbordo|regresa) ${gap(6)}(every time|whenever|anyone|floor|piso|cada vez|still|sigue|wont stop|will not stop)`,
      `se regresa ${gap(2)}por (la|el) (regadera|tina|excusado|inodoro|coladera)`,
      // What is flushed comes up another drain: the line is blocked past both.
      `(sube|subiendo|brota|brotando|regresa|regresando) ${gap(1)}(por|de) (la |el )?(coladera|regadera|tina|lavabo|drenaje)`,
      `se (esta )?(desbord\\w*|regres\\w*) (el |la |los |las )?(${DRAIN})`,
      `(${DRAIN_FIXTURE}) ${gap(5)}(filling|filled|fills|backing|backed|coming|bubbling|welling|spitting|pushing|se (esta )?llen(a|ando|o)|llen(a|o|ando)|sube|subiendo) (back )?(up )?(with |de |con )?${gap(1)}(${FOUL_WATER})`,
      // Water that comes up out of a drain and over the floor is the line backing up, whatever its colour.
      `(water|agua|it) ${gap(3)}(coming|came|comes|rising|rose|welling|bubbling|pushing|backing) (back )?(up )?(out of|from|through) (the )?${gap(2)}(drains?|toilets?|tub|bathtub|shower|coladera|tina|regadera|inodoro|excusado)s? ${gap(10)}(, ${gap(4)}){0,3}(across|onto|over|all over|spreading (across|over|into)|into) (the )?${gap(2)}(floor|floors|bathroom|hallway|hall|carpet|rooms?|piso)`,
      `(${FOUL_WATER}) ${gap(4)}(came up|comes up|coming up|bubbling up|backing up|welling up|rising|sale|saliendo|sube|subiendo|brota|brotando) ${gap(3)}(in|into|through|out of|from|por|en|de) (the |my |our |el |la |los |las )?${gap(2)}(${DRAIN_FIXTURE})`,
      // A floor drain gives water back only when the line past it is blocked: "sale agua por la rejilla del piso".
      `(sale|salir|saliendo|salio|sube|subir|subiendo|brota|brotar|brotando) ${gap(1)}agua ${gap(6)}por (el |la |los |las )?(rejillas?|coladeras?|desagues?|drenajes?) del piso`,
    ),
    // A smell alone is a drain to clear; a smell with something coming up is the backup itself.
    unless: eitherOf(
      butNot(
        wholeWords('(smell(s|ed|ing|y)?|smells) like|odou?r of|olor a (drenaje|caca)'),
        wholeWords(
          'backing|backed|coming up|coming out|overflow(s|ed|ing)?|bubbling|filling|filled|fills|across|regres(a|o|ando|ar)|sale|saliendo',
        ),
      ),
      butNot(
        wholeWords('(olor|peste|olorcito) (\\w+ )?(sube|subiendo)'),
        wholeWords('agua|aguas|water|desbord(a|o|ando|e)'),
      ),
    ),
  },
  {
    // Foul water across the floor, come up out of a toilet or drain: the line has come back up.
    hazard: 'sewage',
    subject: subject(
      `(${DRAIN_FIXTURE}|${DRAIN}) ${gap(4)}(overflow(s|ed|ing)?|(backing|backed|backs|coming|came|comes|bubbling|bubbled|welling) (up|out)|spill(s|ed|ing)? over|desbord\\w*|regres\\w*|sal(e|io|iendo))`,
      `(coming|came|comes|bubbling|welling|backing) (back )?(up |out )?(of|from|through|out of) (the |my |our )?${gap(1)}(${DRAIN_FIXTURE}|${DRAIN})`,
    ),
    sign: sign(
      `(${FOUL_WATER}) ${gap(3)}(on|all over|across|covering|en|por) (the |todo el |el )?(whole |entire |bathroom )?(floor|piso)`,
    ),
  },
  {
    // Waste across the floor or the yard: the line or the septic tank has come back up, wherever.
    hazard: 'sewage',
    sign: sign(
      `(floor|piso|yard|patio|bathroom|bano) ${gap(3)}(lleno|llena|full|covered|cubierto|cubierta) (de|of|in|with) (${SEWAGE}|excremento|mierda)`,
      `(fosa septica|septic( tank)?) ${gap(2)}(esta |is )?(saliendo|sale|overflowing|coming up|desbordando|brotando)`,
    ),
  },
  // Essential services gone.
  {
    hazard: 'no_water',
    sign: sign(
      'no (running )?water(?! ((is|was|has been) )?(inside|pressure|heater|bill|damage|stain|softener|filter|dispenser|leak\\w*|coming (in|through|from|up)|drip\\w*|on|in the (dishwasher|washer|ice|tank|toilet|bowl)|around|under|near|spots?|marks?|puddles?|problem|issue|anywhere (on|near|under|around)|anywhere (, )?(just|only|but)))',
      'pipes? (are |have |s |got |is )?(frozen|froze)( solid)?|frozen pipes?|(tuberias?|tubos?|pipas?) (estan )?congelad[ao]s|se congelaron (las |los )?(tuberias|tubos|pipas)|zero water|not a drop of water|without (any )?(running )?water|(dont|do not|didnt) have (any )?(running )?water|have no (running )?water',
      `nothing (at all )?(comes|coming|came) out (of )?${gap(3)}(taps?|faucets?|sinks?|shower|llaves?)|(taps?|faucets?) (are|is) (bone )?dry`,
      '(lost|have lost|has lost|losing) (all |our |the |its )?(running )?water(?! (pressure|damage|heater|bill))|water (is|has been|was|got) (completely )?(shut|turned|cut) off(?! (for|tomorrow|on|next|from))|water (is|has been|went) out|water (is|s|has been) (completely |still )?off(?! (for|tomorrow|on|next|from|between|until|at))',
      'sin agua|no (hay|ay|tenemos|tengo|tiene|tienen|sale|llega|nos llega) (nada de )?agua(?! caliente)|nos (cortaron|quitaron) el agua|no hay servicio de agua|no (hay|sale|tenemos) agua (caliente|fria) ni (fria|caliente)',
    ),
    unless: eitherOf(
      wholeWords(
        // A surface that would be wet from a leak: "no water" there denies a leak, not the supply.
        '(?<!any )(?<!every )(kitchen|bathroom|one) (sink|faucet)|ice maker|dishwasher|washer|toilet tank|hose|sprinkler|fridge|refrigerator|hot|caliente|ceiling|stain\\w*|bubbl\\w*|paint|damage|mold|crack\\w*|hairline|slab|carpet|techo|mancha|humedad|grieta',
      ),
      // "Ya no sale agua" after a repair: the leak has stopped, unless it names the taps.
      butNot(
        wholeWords('ya no sale (el )?agua'),
        wholeWords('llaves?|grifos?|regadera|ducha|canillas?|plumas?|nada|ninguna'),
      ),
    ),
  },
  {
    // The whole home is dry: every tap, not one fixture (so none of the single-fixture exceptions apply).
    hazard: 'no_water',
    sign: sign(
      `no water (at all|anywhere|in the (whole|entire) (house|apartment|unit|building))(?! (, )?(just|only|but|solo))(?! (on|near|under|around|by|in the (floor|carpet)))|(taps?|faucets?|sinks?|shower|llaves?) ${gap(5)}(nothing (at all )?(comes|coming|came) out|(cough|spit|sputter)\\w* (air|nothing))|(taps?|faucets?) ${gap(4)}(give|gives|giving|gave) (nothing|no water)|not (even )?a (drop|drip|trickle)|(not|havent|hasnt|have not|has not|didnt|did not|dont|do not|no)( had| have| gotten| got| seen| get| even)* (a|one) (single )?(drop|drip) (out of|from|in) (the |any |our |my )?(taps?|faucets?|sinks?|shower|pipes?)`,
      `(nothing|no water) ${gap(3)}(from|out of) (any|every|all) (of )?(the )?(taps?|faucets?|sinks?)`,
      // Two rooms' taps dry at once ("the kitchen or bathroom faucets"): the supply, not one fixture.
      `(nothing|no water) ${gap(3)}(from|out of) (the |my |our )?(kitchen|bathroom|bath|laundry) (or|and|nor) (the )?(kitchen|bathroom|bath|laundry) (taps|faucets|sinks)`,
      `no (sale|cae|llega) (nada|ni (una )?gota) ${gap(2)}(de )?(ninguna|las|la) (llaves?|grifos?|canillas?|plumas?)|ni (una )?gota`,
      '(havent|hasnt|have not|has not|not)( had| have| gotten| got)+ a (single )?drop(?! of (rain|paint|oil|blood|alcohol))|(?<!(hot|caliente) )waters? (\\w+ ){0,4}(is not|isnt|not) coming out at all',
      'no (sale|cae|llega|hay) ni (una )?gota|no (sale|cae|llega) (agua |nada )?(de|por) (ninguna|ningun) (llave|grifo|canilla|pluma|lado)|(ninguna|ningun) (llave|grifo|canilla|pluma) (sirve|funciona|da agua|tiene agua)',
      // Off since a time this morning and nobody told: a break, not planned work.
      `waters? ${gap(6)}(has been|is|s|was|been) (completely |still )?(off|out) (in the (whole|entire) (building|house|complex|street) )?since|nobody can (flush|drink)|(cant|cannot|can not) (flush|drink) (or|and|nor) (flush|drink|shower|cook)`,
    ),
  },
  {
    // The toilet will not refill and the taps give nothing: the supply is off, not one fixture.
    hazard: 'no_water',
    sign: sign(
      'toilets? (wont|will not|doesnt|does not|isnt|is not|no longer) (re)?fill(ing)?( up)?|(el )?(excusado|inodoro|tanque) no se (llena|rellena)',
    ),
    when: mentions(
      '(and|but) nothing|nothing (at all )?(comes|came|coming)|not (even )?a (drop|trickle)|(taps?|faucets?|sinks?) (are |is )?(dry|give nothing)|no (sale|cae) (nada|agua)',
    ),
  },
  {
    // "Neither hot nor cold": both taps dry is the supply, not the water heater.
    hazard: 'no_water',
    sign: sign(
      '(sin|no (hay|ay|tenemos|tengo|sale|llega)) (nada de )?agua (caliente|fria) ni (fria|caliente)|ni (fria|caliente) ni (caliente|fria)',
      '(no|without|neither) (hot (or|nor|and no) cold|cold (or|nor|and no) hot) water|no water (, )?(hot or cold|cold or hot|neither hot nor cold|either hot or cold)',
    ),
    unless: wholeWords(ONE_FIXTURE),
  },
  {
    // A home on a well or a tank has no water once its pump stops.
    hazard: 'no_water',
    subject: subject(
      // "well" alone is also "we'll" once apostrophes go: only a well someone owns.
      '(well|catchment|booster|jet|submersible|pressure|cistern) (pump|tank)s?|(the|our|my|their) well|bomba (de agua|del pozo)|pozo|cisterna|tinaco',
    ),
    sign: sign(
      `(${FAILED})|(froze|frozen|freezing) (up|solid)?|(is |s )?(empty|dry)|se (seco|congelo|quemo)|(esta |quedo )?(vacio|vacia|seco|seca)`,
    ),
    unless: wholeWords('sump|septic|clicking|noise|ruido|tested|testing|inspection'),
  },
  {
    hazard: 'no_heat',
    sign: sign(
      `(no|without) (heat|heating)|(${HEATING})s? ${UNIT_PLACE}(is |are |has |have |just |been )*(${FAILED})`,
      `(${HEATING}) ${gap(6)}(ice cold|stone cold|freezing|blowing cold|cold air|cold to the touch)`,
      `(${FAILED_FIRST}) (el |la |los |las )?(calefaccion|calentador|caldera|calefactor|radiadores)(?! de agua)`,
      '(sin|no (hay|tenemos|funciona la|sirve la|prende la)) (calefaccion|calentador|calor)',
      `(calefaccion|calentador|calenton|caldera|radiador(es)?|calefactor) ${gap(8)}(${FAILED}|frios?|helad[oa]s?|elad[oa]s?)`,
    ),
    unless: NOT_SPACE_HEATING,
    when: (message) => isCold(message) || isVulnerableHousehold(message),
  },
  {
    // The fuel the furnace burns has run out: no heat until a delivery comes.
    hazard: 'no_heat',
    sign: sign(
      `(propane|heating oil|fuel oil|kerosene|oil tank|propano|gas lp|tanque de gas) ${gap(3)}(ran out|run out|is out|is empty|went empty|se (acabo|termino|vacio))|(out of|ran out of|run out of|sin|se nos acabo el) (propane|heating oil|fuel oil|kerosene|propano|gas lp)`,
    ),
    when: (message) => isCold(message) || isVulnerableHousehold(message),
  },
  {
    // "The furnace clicks but never lights": the failure in its own clause, the heating named elsewhere.
    hazard: 'no_heat',
    sign: sign(
      '(never|wont|will not|doesnt|does not|wouldnt|would not|wont even) (light|lights|ignite|ignites|fire|fires|catch|catches|kick on|kicks on|stay lit|stays lit)|no (enciende|prende) (nunca)?',
    ),
    unless: NOT_SPACE_HEATING,
    when: (message) =>
      isCold(message) &&
      mentions(
        'furnace|boiler|(?<!water )heater|heating|heat pump|pilot|calefaccion|caldera|calentador(?! de agua)',
      )(message),
  },
  {
    hazard: 'no_cooling',
    sign: sign(
      `(no|without) (${COOLING})(?! (filter|fresheners?|pressure))`,
      `(${COOLING})s? (unit |units |system |systems )?${UNIT_PLACE}(is |are |has |just |been |have |had |keeps |still |now |ya |otra vez )*(${FAILED}|blowing (hot|warm)( air)?)`,
      '(echa|sale|tira|avienta) aire caliente|blowing (hot|warm)( air)?|(stopped|quit|no longer|not|isnt|wont) (blowing|putting out) (cold|cool)( air)?|ya no (echa|sale|tira) aire frio',
      `(${FAILED_FIRST}) (el |la )?(aire|clima|minisplit|aire acondicionado|cooler)`,
    ),
    when: (message) =>
      isDangerouslyHot(message) || (isVulnerableHousehold(message) && /\b(hot|calor|heat)\b/.test(message)),
  },
  {
    // The cooling making a bad noise, icing up or running without stopping while the home reads 85 °F or more: it is failing now.
    hazard: 'no_cooling',
    subject: subject(COOLING),
    sign: sign(
      '(grinding|screeching|squealing|rattling|banging|clanking|buzzing|humming|loud|weird|strange|funny) (noises?|sounds?)|(hace|hacen|haciendo) (un )?ruido|(iced|frozen|freezing) (up|over)|(runs|running|corre) (nonstop|non stop|all day|constantly|sin parar)|se congelo',
    ),
    when: isHotInside,
  },
  {
    // Heat illness at home: vomiting, confusion or fainting with the inside too hot.
    hazard: 'no_cooling',
    sign: sign(
      'vomit\\w*|throwing up|threw up|confused(?! (about|by|as|why|what|how))|disoriented|not making sense|passed out|fainted|heat (stroke|exhaustion)|desmay\\w*|vomitando|confundid[oa]',
    ),
    unless: wholeWords('flu|stomach (bug|virus)|food poisoning|morning sickness|gripe|infeccion'),
    when: (message) => isDangerouslyHot(message) || mentions(HOT_INSIDE)(message),
  },
  // A home that cannot be secured.
  {
    hazard: 'unsecured_unit',
    sign: sign(
      'break ins?|broke in(to)?|broken into|burglar\\w*(?! (alarms?|bars|proof|system))|robbed|robbery|intruders?|strangers? (got|came|have been coming|keep coming|are (getting|coming|sleeping)) in(side)?|(personas|gente) extran[oa]s|desconocidos (entraron|han entrado|se metieron|se meten)|(someone|somebody) (got|came|broke|tried to get) in|kicked (in|open|down)|forced (entry|open|in|the door)|pried open',
      '(a stranger|an intruder) (was|has been|had been|is|got) in(side)? (my|our|the) (apartment|unit|house|home|place)|(door|puerta) (was|were|estaba) (wide )?(open|abierta) when (i|we) (got|came) (home|back)|alguien (entro|estuvo|se metio) (a|en) (mi|nuestra|la) (casa|departamento|apartamento)',
      'entraron a robar|nos robaron|se metieron a robar|forzaron (la )?(puerta|ventana|cerradura|chapa)',
    ),
    unless: wholeWords(
      'rekey\\w*|after (the |a )?(break ins?|burglary)|cars?|vehicles?|trucks?|mailbox\\w*|storage (unit|locker)|lockers?|neighbou?rhood|area|nearby|down the street|other (units|apartments|buildings)|building next door|carro|coche|vecindario|buzon',
    ),
  },
  {
    hazard: 'unsecured_unit',
    subject: subject(
      'doors?|deadbolts?|locks?|door ?knobs?|latch|strike plate|frame|puerta|cerradura|chapa|seguro',
    ),
    sign: sign(
      `(wont|will not|doesnt|does not|cant|cannot|can not|unable to|no longer|isnt|is not|wouldnt|would not|couldnt|could not|didnt|did not) ${gap(1)}(lock|latch|close|shut|catch|secure|stay (closed|shut|locked)|be locked)`,
      '(torn|ripped|pulled|busted) (out|off|loose)|swings? (open|free)|off (its|the) (\\w+ )?(track|tracks|rail|rails|rollers)|se (sale|salio|sali) del (riel|carril)|(cant|cannot|can not|unable to|couldnt|could not) get (it|them|the (\\w+ )?(door|slider|window)) to (close|lock|shut|latch)|(has|have) no (lock|deadbolt)|no (lock|deadbolt) (on|at all)|stuck (half |partly |wide )?open',
      '(cant|cannot|can not|unable to) (lock|secure|close) (it|the door|up|our|my)',
      '(is |are |was |got )?(broken|busted|kicked in|smashed|shattered|split|splinter\\w*|off (its|the) hinges|hanging off|ripped off|pried|wide open|standing open|falling off|bent)|(glass|pane) (is |s |was )?(gone|missing|out)',
      // The key turns round and round and nothing catches: the lock no longer locks.
      `(key|llave) ${gap(2)}(spins|keeps (spinning|turning)|turns (freely|all the way around|round and round|and turns)|just turns|(gira|da vueltas) (y (gira|da vueltas)|sin parar|sin (agarrar|abrir|cerrar)|en falso|loca|de mas)|da vueltas)|(llave|chapa|cerradura|seguro|pestillo|cerrojo) ${gap(2)}no (agarra|engancha|atora|traba|asegura)|(doesnt|does not|wont|will not) (catch|engage|grab)( anything)?`,
      // Broken, said verb first: the lock or the door itself ("se rompió la chapa"), not the doorbell.
      `se (quebro|rompio|zafo|salio) (la |el )?(${DOOR_OR_LOCK})|(?<!(timbre|vidrio|manija|perilla|control) (de la|del|de) )(${DOOR_OR_LOCK}) ${gap(2)}se (quebro|rompio)`,
      'no (cierra|se puede cerrar|tiene (seguro|chapa|cerradura)|asegura|traba|podemos cerrar|puedo cerrar|baja ni sube|sube ni baja)|(esta |quedo )?(rota|quebrada|forzada|arrancada)|atorada (abierta|a medio)|(se )?quedo (abierta|atorada)',
      LOCK_GONE,
    ),
    unless: wholeWords(
      `${INTERIOR}|${VEHICLE_PART}|${AT_MOVE_IN}|(trash|garbage|laundry) chute|chute|vacant|boarded|abandoned|desocupad[oa]|abandonad[oa]|building door|lobby door|door ?bells?|peep ?hole|door ?stops?|door ?mats?|timbre|mirilla|(door|lock|deadbolt)s? (is |are |s |still )?(fine|ok|okay|good)|(puerta|entrada) del (edificio|lobby)|left (the )?(\\w+ )?door|dejo la puerta|sometimes|hard to|takes a (few|couple) (tries|times)|jiggle|squeak\\w*|still (locks|latches|closes)|locks? (fine|ok)|si cierra|(?<!no )cierra con (el )?seguro`,
    ),
    unlessMessage: wholeWords(anyOf(SECURED_ANOTHER_WAY, STILL_LOCKS)),
  },
  {
    hazard: 'unsecured_unit',
    subject: subject(
      'windows?|ventanas?|sliding (glass|doors?)|patio doors?|sliders?|(glass|balcony) doors?|puerta (de vidrio|corrediza|del balcon)',
    ),
    sign: sign(
      `(wont|will not|doesnt|does not|cant|cannot|can not) ${gap(1)}(lock|latch|close|shut)`,
      // A plain "broken window" may be a cracked pane; smashed or broken out leaves the home open.
      'smashed|shattered|broken out|busted out|kicked in|blown out|(broke|smashed|shattered) (the |our |my |a )?(\\w+ )?window',
      '(fell|came|falls|fallen) out (of )?((the|its) )?(frame|casing)|se (cayo|salio) del marco|(hole|holes) (in|through) (it|the (glass|pane|window))|(big|huge|large|gaping) hole|broken by (a|some) (rock|ball|brick|bat|stone|branch|bullet)|(glass|pane) (is |s )?(gone|missing|out|fell out)',
      'no (cierra|se puede cerrar|(podemos|puedo|pueden|puede) cerrar\\w*)|(rota|quebrada|estrellada)|se rompio (completa|toda|entera)|no hay forma de cerrar\\w*|no (tengo|tenemos|hay) (como|con que|forma de|manera de) (cerrar|tapar)\\w*',
      '(quebr(o|aron)|rompi(o|eron)|estrell(o|aron)) (la |el |mi |nuestra )?(ventana|vidrio)|(vidrio|cristal) se (cayo|salio)|(hoyo|hueco) (grande|enorme)',
      LOCK_GONE,
    ),
    unless: wholeWords(
      `${VEHICLE_PART}|laundry room|common (area|room)|clubhouse|lavanderia|crank|blinds?|screen|cracked|crack|seal|draft\\w*|fog\\w*|condensation|persiana|mosquitero|cierra bien|si cierra|(?<!no )cierra con (el )?seguro|still (locks|latches)|locks? (fine|ok)`,
    ),
    unlessMessage: wholeWords(
      anyOf(
        '(\\d+(st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|top|upper) (floor|story|storey)|no (fire escape|ledge|balcony)|closes fine|piso (\\d+|alto)',
        SECURED_ANOTHER_WAY,
        STILL_LOCKS,
      ),
    ),
  },
  {
    // An attached garage opens into the home: a garage door that stays open leaves it open.
    hazard: 'unsecured_unit',
    subject: subject('garage doors?|puerta de la cochera|porton'),
    sign: sign(
      `stuck (half |partly |wide )?open|(wont|will not|doesnt|does not|cant|cannot) ${gap(1)}(close|shut|go down|come down)|(stays|is stuck|stuck) open|no (cierra|baja)|se quedo abiert[oa]`,
    ),
    // A detached garage, or the shared gate of a parking lot, does not open into anyone's home.
    unless: wholeWords(
      'by hand|manually|sometimes|hard to|second try|detached|all the way|a veces|a mano|parking (lot|garage|area)|estacionamiento|community|complex|reja',
    ),
  },
  {
    hazard: 'unsecured_unit',
    sign: sign(
      '(anyone|anybody|someone|somebody|people) (can|could) (just )?(walk|get|come|climb|reach) (in|inside|through)|open to the (street|outside|alley|hallway)|(big |huge |large |gaping )?(open )?hole (to|into|onto) (the )?(outside|street|yard|alley)',
      '(cualquiera|cualquier persona|alguien) (puede|podria) (entrar|meterse)|(abiert[oa]|hueco) (a|hacia) la calle',
      // The home itself cannot be shut, whichever part failed.
      '(cant|cannot|can not|unable to|no way to|couldnt|could not) (lock|secure) (up )?((the|my|our) (house|home|apartment|unit|place)|anything)|no (podemos|puedo|pude|pudimos|hay como|hay forma de) (cerrar|asegurar) (la casa|el departamento|el apartamento|la puerta (principal|de (la )?entrada|de enfrente))',
    ),
    // A shared door left open is the building's repair, not one home open.
    unless: wholeWords('building|lobby|edificio|gate|porton|reja'),
  },
  // Structure giving way.
  {
    hazard: 'structural',
    sign: sign(
      `(${STRUCTURE}) ${gap(8)}(bulg\\w*|sag|sagg\\w*|sags|sank|sunk|sunken|heav(ing|ed)|bow(ing|ed)|dropped (\\w+ ){0,2}(inch|inches|feet|foot)|split|splitting|cracked (clean )?through|snapped|torn out|ripped out|(moves|moved|moving|gives|gave) (out|when|under|a few|several|an inch)|bent (down|over)|buckl\\w*|cav(ing|ed) in|caving|collaps\\w*|fell|falling|came down|coming down|gave way|giving way|gave out|giving out|about to fall|came loose|coming loose|pulled loose|(almost|nearly) (fell|collapsed|gave way|came off)|crumbl\\w*|broke through|broke (under|beneath)|fell through|rott(ed|en) (out|through)|pulling away|pulled (away|out)|came off|coming off|detach\\w*|separating|shifting|sinking|leaning|swaying|wobbl\\w* (badly|a lot|when))`,
      `(${OVERHEAD}) ${gap(6)}(cracking|popping|groaning|crujiendo|truena) (noises?|sounds?|ruidos?)|(${OVERHEAD}) ${gap(6)}(making|hear|heard|hace|hacen) (\\w+ )?(cracking|popping|groaning) (noises?|sounds?)`,
      `(car|truck|vehicle|van|suv|driver|carro|camioneta|coche) ${gap(3)}(hit|crashed into|ran into|slammed into|drove into|went through|plowed into|choco contra|se estrello (en|contra)) (the |our |my |el |la |nuestra )?(building|house|wall|unit|apartment|garage|porch|front|edificio|casa|pared|departamento)`,
      `(techo|techito|porche|plafon|escaleras?|escalon(es)?|peldanos?|balcon|barandal|barandilla|terraza|piso|pared(es)?|vigas?|tejaban|cochera|losa|columna|poste) ${gap(6)}(se )?(esta )?(hundi\\w*|hunde|(?<=(se|esta) )(doblando|dobla|doblo)|movio|moviendo|mueve|ladea\\w*|cay(o|endo)|cae|colaps\\w*|pandea\\w*|abombad\\w*|cedi(o|endo)|desprendi\\w*|despeg\\w*|solto|vencid[oa]|inflad[oa]|burbuja|hinch(ando|ad[oa]|a)|separando|quebr(o|ada|ado)|doblad[oa]|rajad[oa])`,
      `(${TREE}) ${gap(3)}(fell|came down|crashed|went|landed|lying|laying|resting|smashed|punched|(?<!(hang|hangs|hanging|hung|lean|leans|leaning|droop\\w*|reach\\w*|grow\\w*) )down|cayo|se cayo) (on|onto|through|into|across|against|sobre|en) (the |our |my |el |la |nuestro )?(roof|house|ceiling|building|unit|apartment|bedroom|techo|casa|cuarto)`,
      '(concrete|plaster|ceiling|drywall|brick|stucco) (chunks|pieces) (fell|falling|on the (ground|floor))|(se (cayeron|caen|estan cayendo|cayo)|caen|cayendo|cayo|cayeron) (unos |varios )?(pedazos|trozos|partes)|(pieces|chunks) of (concrete|plaster|ceiling|drywall|brick) (fell|falling|are falling|came down|coming down|dropping)',
      `se (esta )?(abriendo|abrio|abre) (una |la |otra )?grieta|(tronido|tronidos|crujido|crujidos|truena|cruje)\\w* ${gap(2)}(en )?(el |la |las |los )?(techo|vigas?|plafon|losa)`,
      'sink ?holes?|socavon(es)?|hundimiento',
      `(stringers?|joists?|beams?|rafters?|trusses|treads?|headers?|ledger( board)?|vigas?) ${gap(3)}(cracked|broke|broken|snapped|split|rotted through|se (rompio|quebro|partio))`,
      `(${STRUCTURE}) ${gap(4)}(drops?|dips?|sinks?|gives way) (down )?(when|under|as) (you|i|we|someone|anyone|people|he|she|they) (walk|step|stand|put)`,
      `(crushed|smashed|caved in|punched (a hole in|through)|went through) ${gap(3)}(${STRUCTURE})|(tore|torn|ripped|blew|blown|took) ${gap(3)}(roof|ceiling|wall|porch|carport|awning|siding|balcony) (\\w+ )?off|(roof|ceiling|wall|porch|carport|awning|balcony) ${gap(3)}(tore|torn|ripped|blew|blown) (off|open|away)`,
      `(se )?(cayo|callo|cayeron) (un |una |el |la )?(arbol|rama|tronco|palmera)(es|s)? ${gap(3)}(sobre|en|encima de|encima del) (el |la |nuestra |nuestro |mi )?(casa|techo|cuarto|recamara|departamento|apartamento|edificio)`,
      `(hear|heard|hearing|hears|oigo|oye|se oye|se escucha) ${gap(2)}(${OVERHEAD}) ${gap(3)}(cracking|creaking|popping|groaning|crujir|crujiendo|tronar|tronando)`,
      `se (esta )?(cayendo|cayo|hundiendo|hundio|desprendiendo|desprendio|cae|callendo|rompio|partio|abrio|quebro) ${gap(2)}(el |la |parte del |parte de la |un pedazo del |un pedazo de la )?(techo|plafon|escalera|balcon|barandal|pared|piso)`,
    ),
    unless: eitherOf(
      wholeWords(
        'ceiling fans?|fan wobbl\\w*|moving (in|out|truck|day|company)|mudanza|moving forward|fell asleep|falling asleep|outlet cover|cover plate|(light|lamp|fixture|fan|blinds?|curtain|rod|shelf|shelves|towel bar|gutter|shingles?|paint|tiles?|wallpaper|picture|mirror|caulk|trim|baseboard) (fell|falling|came|coming)',
      ),
      // A sag lived with since moving in is a repair, unless the clause says it changed now.
      butNot(wholeWords(LONG_STANDING), CHANGED_NOW),
      PERSON_FELL,
    ),
    unlessMessage: HOLDS_STEADY,
  },
  {
    // A home come off its supports (blocks, piers, jacks), or something heavy hanging loose over people.
    hazard: 'structural',
    sign: sign(
      `(bases?|bloques|blocks|piers|jacks|soportes|pilotes|tie ?downs?) ${gap(6)}(se (cayo|cayeron|salio|salieron|movio|movieron|vencio)|fell|collapsed|gave way|slipped|kicked out|came out)`,
      `(trailer|traila|mobile home|casa movil|manufactured home) ${gap(2)}(se (bajo|cayo|ladeo|movio|hundio)|dropped|shifted|slid|fell|sank|is leaning) ${gap(2)}(off|de un lado|on one side|to one side|de su base)`,
      '(hanging|leaning|tilting|dangling) (outward|outwards|out over)|(wobbl\\w*|loose|hanging|swinging) (right |directly |just )?(over|above) (the |our |my )?(front |back )?(sidewalk|walkway|street|entrance|entry|doors?|doorway|stairs|steps|driveway|playground|parking)',
    ),
  },
  {
    // The structure named, then "it's sagging": the pronoun carries the subject past other words.
    hazard: 'structural',
    subject: subject(STRUCTURE),
    sign: sign(
      '(it s|its|it is|its now|it has started|it started|se esta|esta) (now |already |visibly |really )?(sagging|bulging|buckling|caving( in)?|collapsing|coming down|falling in|giving way|pulling away|hundiendo|cayendo|pandeando|venciendo)',
      // The structure named far ahead of its verb ("the roof over the carport at number 12 is visibly bowing").
      '(is|are|has been|have been|keeps|started) (now |already |visibly |really |badly |noticeably )?(sagging|bulging|bowing|buckling|caving( in)?|collapsing|giving way|pulling away)',
      // A load-bearing member broken through, or sagging more each day.
      '(is|are|s|has|have)( been)? (cracked|split|broken|snapped) (clean |all the way |right )?(through|in half|in two)|(and|y) (is |esta |now )?(sagging|bowing|hundiendo|pandeando)|(lower|further down|more) than (it was )?(yesterday|before|last (week|night)|this morning)|(sags?|sagging|drops?|dropping|sinks?|sinking) (a little |a bit )?(more|lower|further) (every|each|by the) (day|hour|week)|(mas (bajo|hundido|caido)|se hunde mas) (que|cada) (ayer|antes|dia)',
    ),
    unless: wholeWords(
      'ceiling fans?|fan|blinds?|curtains?|couch|sofa|mattress|bed|shelf|shelves|gutter|mancha',
    ),
  },
  {
    // Signs that build slowly (a crack lengthening, a dip in a ceiling): moving now, unless the
    // sender says it has been so for years or names a cosmetic surface.
    hazard: 'structural',
    sign: sign(
      `(crack|cracks|cracking|split) ${gap(8)}(growing|getting (bigger|wider|longer)|spreading|widening|wider|moving|opened up)`,
      `(crack(s|ed|ing)?|split(s|ting)?|grietas?) ${gap(3)}(more|worse|bigger|wider|longer|mas) (every|each|by the|cada) (day|week|hour|dia|semana)`,
      `grietas? ${gap(3)}(crece|creciendo|mas grandes?|que se (esta )?(abriendo|abre))`,
      `(ceiling|roof|floor|beam|techo) ${gap(6)}(dips|sags|drops) (down )?in the (middle|center)`,
    ),
    unless: eitherOf(wholeWords(COSMETIC_SURFACE), butNot(wholeWords(LONG_STANDING), CHANGED_NOW)),
  },
  {
    // A crack that keeps growing, or that a finger fits into: the structure is moving.
    hazard: 'structural',
    subject: subject('cracks?|grietas?|fisuras?|rajaduras?'),
    sign: sign(
      '(getting|grows|growing|gets|got|se (esta )?(haciendo|hace)|(se )?(esta )?abriendo) (bigger|wider|longer|larger|mas (grande|ancha|larga|abierta))|widening|wider (every|each|than|by the)',
      '(fit|fits|put|stick|cabe|caben|meter|meto) (my |a |the |mi |el |un |la )?(whole )?(finger|fingers|hand|fist|coin|quarter|pencil|dedo|dedos|mano)',
    ),
    // Other things that grow beside a crack, and cracks in what holds nothing up.
    unless: eitherOf(
      wholeWords(
        anyOf(
          'mold|moho|stain|mancha|puddle|charco|windshield|tiles?|azulejos?|phone|screen|mirror|espejo|glass|vidrio|windows?|ventanas?|sidewalk|driveway|banqueta|counter\\w*|tub|bathtub|tina|sink|toilet|paint|pintura|caulk',
          COSMETIC_SURFACE,
        ),
      ),
      butNot(wholeWords(LONG_STANDING), CHANGED_NOW),
    ),
  },
  {
    // A loose railing is a repair at the porch step and a fall hazard on a balcony or upper landing.
    hazard: 'structural',
    sign: sign(
      `(railings?|handrails?|guard ?rails?|banister|barandal|barandilla|glass (panel|panels|pane)) ${gap(6)}(loose|wobbl\\w*|flojo|floja|se mueve|shattered|missing|gone|fell (out|off)|came (out|off)|gave way|broke (out|off)|se (cayo|rompio|quebro))`,
    ),
    unlessMessage: wholeWords(
      'holds? (fine|ok|okay|up|firm)|(still )?(solid|sturdy|secure) when|aguanta bien',
    ),
    when: mentions(
      'balcon(y|ies)|deck|landing|(\\d+(st|nd|rd|th)|second|third|fourth|fifth|upper|top) (floor|story|storey)|balcon|terraza|(segundo|tercer|cuarto) piso',
    ),
  },
  // Someone trapped.
  {
    hazard: 'trapped',
    sign: sign(
      '(stuck|trapped|locked|shut) (inside |in )(the |an |my |our |a )?(laundry |utility |storage |spare |back |front |master |guest |upstairs |downstairs |kids |childrens )?(elevator|lift|bathroom|room|bedroom|apartment|unit|house|closet|garage|stairwell|cellar|storm cellar|storm shelter|shelter|basement|attic|crawl ?space)',
      // Someone in a lift stopped between floors.
      `(im|i am|were|we are|(my|our) \\w+ (is|are)|estoy|estamos|esta|estan) (inside |in |en )(the |el |un |una )?(\\w+ )?(elevator|lift|elevador|ascensor) ${gap(6)}(between|entre) (floors|pisos|(the )?\\d+(st|nd|rd|th)? (and|y) \\d+|el piso)`,
      // A lift is a lift whatever building it serves ("the parking garage elevator").
      '(stuck|trapped|locked|shut) (inside |in )(the |an |my |our |a )?(\\w+ ){0,3}(elevator|lift|elevador|ascensor)',
      `(cant|cannot|can not|unable to) get out( of)? ${gap(1)}(the |my |our )?(bathroom|room|bedroom|apartment|unit|house|elevator)`,
      '(atrapad[oa]s?|encerrad[oa]s?) en (el |la )?(elevador|ascensor|bano|cuarto|departamento|recamara)|no (puedo|podemos|puede|pueden) salir|(quedo|quedaron|esta|estan|estoy|estamos|se quedo|se quedaron) (atrapad[oa]s?|encerrad[oa]s?) (adentro|dentro)',
      // The way out is blocked from inside: a door that will not open for someone behind it.
      `(cant|cannot|can not|unable to|couldnt|could not) (get|pull|push|force|pry|open) (the |her |his |my |our )?(\\w+ )?(door|puerta)( open)? ${gap(3)}(to get out|and get out|to leave|from (the )?inside)`,
      `(door|puerta) ${gap(4)}(wedged|jammed|blocked|stuck|atorad[oa]|trabad[oa]) ${gap(8)}(cant|cannot|can not|unable to|couldnt|could not|no (puedo|puede|podemos|pueden)) (get out|come out|salir)`,
      `no (puedo|podemos|puede|pueden) abrir (la )?puerta ${gap(2)}(para )?salir`,
      `(jammed|stuck|locked|wedged|slammed|trabad[oa]|atorad[oa]) (shut )?(with|con) ${gap(4)}(inside|in there|in it|adentro|dentro)`,
    ),
    unless: wholeWords('locked out|traffic|stuck in (my|the) (ways?|head)'),
  },
  {
    // The door will not open from the inside (a smart lock, a jammed latch): whoever is in cannot leave.
    hazard: 'trapped',
    sign: sign(
      `(door|lock|puerta|cerradura|chapa) ${gap(3)}(wont|will not|doesnt|does not|cant|no) (open|unlock|abre|se abre) ${gap(4)}(from (the )?inside|desde (a)?dentro|por dentro)`,
    ),
    // Someone said to be in there now, not "the inside" of the door.
    when: mentions(
      `(i|we|im|were|she|he|they|theyre|shes|hes|someone|somebody|alguien|(my|our|mi|nuestr[oa]) (${HOUSEHOLD})) (is |are |am |m |re |s |esta |estan )?(still )?(inside|in here|in there|stuck|trapped|adentro|dentro|encerrad[oa]s?|atrapad[oa]s?)|(estoy|estamos) (adentro|dentro|encerrad[oa]s?)`,
    ),
  },
  {
    // "We can't get out" beside a door or lock that will not give: the way out is shut.
    hazard: 'trapped',
    subject: subject(
      'doors?|locks?|exits?|(door ?)?knobs?|door ?handles?|latch|puertas?|chapa|cerradura|manija|perilla|salida',
    ),
    sign: sign(
      '(cant|cannot|can not|unable to|couldnt|could not) (get|go|make it) out(?! of (bed|my lease|the lease|the contract|the car|work|paying))|no (podemos|puedo|puede|pueden) salir',
    ),
    // "The guy next door parks across the drive": a neighbour, not a door; a car blocked in, not a person.
    unless: wholeWords(`locked out|lease|contract|contrato|next door|${BLOCKED_IN_BY_A_VEHICLE}`),
  },
  {
    // "We can't get out", the door or the other exit jammed or blocked in another sentence.
    hazard: 'trapped',
    sign: sign(
      '(cant|cannot|can not|unable to|couldnt|could not) (get|go|make it) out(?! of (bed|my lease|the lease|the contract|the car|work|paying))',
    ),
    unless: wholeWords(`locked out|lease|contract|contrato|${BLOCKED_IN_BY_A_VEHICLE}`),
    when: mentions(
      `(doors?|deadbolts?|locks?|exits?|puertas?|chapa|cerradura|salida) ${gap(6)}(jammed|stuck|snapped|broke|broken|blocked|buried|wedged|frozen shut|wont (open|budge)|will not (open|budge)|atorad[oa]|trabad[oa]|bloquead[oa])`,
    ),
  },
  {
    // Stranded up or down somewhere (an attic whose ladder broke, a crawl space): unable to come down or up.
    hazard: 'trapped',
    sign: sign(
      '(stuck|trapped|stranded) (up|down) (there|here|in the (attic|crawl ?space|loft|well|pit))|(cant|cannot|can not|unable to|couldnt|could not) (come|get|climb) (down|back down|back up|up out)|(no (puede|puedo|pueden|podemos) bajar)|atorad[oa] (arriba|en el atico)',
    ),
    unless: wholeWords(`cat|cats|kitten|gato|gatito|dog|perro|squirrel|raccoon|bird|${AN_ERRAND}`),
  },
  {
    // The way out of the building shut: a fire exit chained, padlocked or blocked.
    hazard: 'trapped',
    sign: sign(
      `(exit|fire|emergency|stairwell|salida) ${gap(2)}(doors?|exits?|puertas?|de emergencia) ${gap(3)}(chained|padlocked|locked shut|blocked|bolted shut|welded|encadenad[oa]|bloquead[oa]|con candado)|chained shut`,
    ),
  },
  {
    hazard: 'trapped',
    sign: sign(
      `(fell|fallen|has fallen) ${gap(4)}and (cant|can not|cannot|couldnt|is unable to) (get|stand) up`,
      'se cayo y no (se )?puede (levantar\\w*|parar\\w*)|locked (in )?from (the )?inside',
    ),
  },
  {
    // Nobody has seen a neighbour for days and they do not answer: they may be down and unable to get up.
    hazard: 'trapped',
    sign: sign(
      '(may|might|could) have fallen|fell and (cant|can not|cannot|couldnt) get up|(se haya|pudo haberse|se pudo haber) caido|(not|isnt|wont|doesnt) (answer|answering|respond|responding)|(hasnt|has not|havent|have not) (answered|responded|opened)|no (contesta|responde|abre|ha (contestado|abierto|respondido))',
    ),
    unless: wholeWords(
      'office|oficina|phones?|telefono|emails?|correos?|calls?|llamadas|messages?|mensajes|management|landlord',
    ),
    when: mentions(
      '(hasnt|has not|havent|have not|no ha|no han) (been seen|seen|come out|left|salido|visto)|(in|for|en) (\\d+|two|three|four|several|a few|dos|tres|cuatro|varios) (days|dias)',
      // The door unanswered for days, or the mail piling up: nobody has been in or out.
      `(hasnt|has not|havent|have not) (answered|responded|opened) ${gap(3)}(in|for) (\\d+|two|three|four|several|a few) days|(mail|newspapers?|packages?) (is |are )?(piling|piled|stacking|stacked) up|(correo|paquetes|periodicos) (acumulad|amontonad)\\w*`,
      // Behind a locked door (a bathroom, a bedroom) and silent: the same danger within the hour.
      '(door|puerta) (is |was |esta )?(locked|cerrada con (llave|seguro))|(bathroom|bedroom|shower|tub|bano|cuarto) (for |an |over an |more than an )?(an? )?(hour|hours|hora|horas)',
    ),
  },
  {
    hazard: 'trapped',
    subject: subject('elevators?|lifts?|elevador(es)?|ascensor(es)?'),
    sign: sign(
      'stuck|stopped|stalled|broke down|between floors|se (paro|detuvo|atoro|trabo|quedo)|atorad[oa]|atascad[oa]|trabad[oa]|entre pisos',
      '(wont|will not|doesnt|does not|isnt|is not|not) (move|moving|open|opening|budge)|no (se mueve|abre|se abre)|se cerro con',
    ),
    when: mentions(PERSON_INSIDE),
  },
  {
    hazard: 'trapped',
    sign: sign(
      '(stopped|stuck|stalled) (between|on the way|in the shaft)|between (floors|levels|stories|storeys|\\d+ and \\d+)|entre (pisos|niveles|el \\d+ y el \\d+)',
    ),
    when: (message) =>
      mentions('elevators?|lifts?|elevador(es)?|ascensor(es)?')(message) &&
      (mentions(
        PERSON_INSIDE,
        '(us|of us|people|we are|were|estamos) (in here|inside|adentro)|in here',
      )(message) ||
        // Its doors shut between floors and someone heard or named: nobody can say it is empty.
        (mentions(
          `doors? ${gap(2)}(shut|closed|wont open|will not open|dont open|stuck|no abren?)|puertas? cerradas`,
        )(message) &&
          mentions(SOMEONE)(message))),
  },
  {
    // A way out that opens one way only (a cellar or shelter hatch, a trap door) jammed with people below.
    hazard: 'trapped',
    subject: subject('hatch(es)?|cellar doors?|shelter doors?|trap ?doors?|escotilla|puerta del sotano'),
    sign: sign(
      `(wont|will not|cant|cannot|can not|doesnt|does not|couldnt|could not) ${gap(2)}(open|budge|lift|push)|jammed|stuck|wedged|atorad[oa]|trabad[oa]|no (abre|se abre)`,
    ),
    when: mentions(
      PERSON_INSIDE,
      `(${SOMEONE}) ${gap(2)}(are|is|am|were|was|m|re|s) (in|inside|down|stuck|still)|down (there|here)|(in|inside) the (cellar|shelter|basement)`,
    ),
  },
  {
    // Someone behind a door that has jammed: shut in, whether or not they said "trapped".
    hazard: 'trapped',
    subject: subject(
      `(doors?|puertas?) (, )?${gap(3)}(jammed|stuck|wedged|wont (open|budge)|will not (open|budge)|atorad[oa]|trabad[oa]|se (trabo|atoro|atasco)|no (abre|se abre))|(jammed|stuck) (door|puerta)`,
      `(cant|cannot|can not|couldnt|could not|unable to) (get|pull|push|pry|force) (the |it )?(\\w+ )?(door )?open|(handles?|knobs?|manija|perilla) ${gap(2)}(broke|came|fell|snapped|se (cayo|rompio|salio)) off`,
    ),
    sign: sign(
      `(${SOMEONE}) ${gap(2)}(is |s |are |re |still |esta |estan |sigue )?(behind|inside|in there|on the other side|adentro|dentro)|(${SOMEONE}) (is |s |are |still )?(in|locked in|stuck in|shut in) (the|his|her|their|a) (\\w+ )?(room|bathroom|bath|pantry|closet|garage|basement|cellar|laundry|bedroom|attic)|(off|broke) (on )?the inside|behind (it|the (\\w+ )?door)|(crying|screaming|banging|llorando) (inside|in there|behind|adentro)`,
    ),
    unless: wholeWords('locked out|cabinet|mailbox|storage (unit|locker)|gabinete'),
  },
  {
    hazard: 'trapped',
    subject: subject(CHILD),
    sign: sign(
      '(locked|shut) (himself|herself|themselves|themself) in|(se )?(metio|encerro|quedo encerrad[oa]) (al|en el|en la) (bano|cuarto|recamara|closet|carro|coche|auto|camioneta)|le puso (el )?seguro',
      // A child shut in a car is in danger within minutes, wherever it is parked.
      '(locked|shut|stuck|trapped) (himself |herself |themselves )?(in|inside) (the |a |my |our |his |her )?(car|truck|van|suv)',
    ),
  },
];
