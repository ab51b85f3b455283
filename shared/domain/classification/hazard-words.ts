import { gap } from './negation.ts';

/**
 * The vocabulary the hazard rules (hazard-rules.ts) are written in: things in a home and the
 * signs that they are dangerous, in `normalise`d English and Spanish with common typos. Each is a
 * regular-expression alternation, combined into whole-word patterns by the rules.
 */
export const anyOf = (...parts: readonly string[]): string => parts.join('|');

// ---- Electricity and heat sources ------------------------------------------------------------

export const ELECTRICAL_THING = anyOf(
  'outlets?|outlits?|outets?|oulets?|receptacles?|sockets?|plugs?|plugged|power strips?|surge protectors?|gfci|gfi|gfcis|(cover|wall|face|switch|outlet) ?plates?|junction box|thermostat wires?',
  '(light )?switch(es)?|swich\\w*|dimmers?|(breaker|electrical|electric|fuse|circuit) (box|panel)|breakers?|panel|fuse box|fuses?|meter',
  'wir(e|es|ing)|cords?|extension cords?|chargers?|light fixtures?|fixtures?|ceiling (light|fan)|lights?|lamps?|bulbs?',
  'electrical|electric|electricity|power',
  'enchufes?|contactos?|tomacorrientes?|tomas? de corriente|apagador(es)?|interruptor(es)?|pastillas?|caja de (fusibles|breakers|luz)',
  'tablero( electrico)?|centro de carga|cables?|cableado|extension|lamparas?|focos?|medidor|electricidad|corriente',
);

export const HEAT_SOURCE = anyOf(
  'dryer|stove|oven|range|cooktop|burners?|heaters?|space heater|furnace|boiler|water heater|baseboards?|radiators?',
  'microwave|toaster|fridge|refrigerator|freezer|washer|washing machine|dishwasher|appliances?|(ac|a c|hvac) unit|air conditioner|fan|motor|compressor',
  'air handler|blower|condenser|heat pump|garbage disposal|disposal|sump pump|well pump|elevator|exhaust fan|vent fan',
  'secadora|estufa|horno|calentador|calefactor|boiler|microondas|refri\\w*|lavadora|lavaplatos|aire acondicionado|ventilador|motor',
);

/** Burning, melting, smoke, sparks: a sign on any electrical thing or heat source. */
export const BURNING = anyOf(
  'burn(ing|t|ed|s)?|scorch\\w*|charr(ed|ing)|singed|melt(ed|ing|s)?|smok(e|ing|y|ey)(?! (detectors?|alarms?|ones?))|haze|hazy|spark(s|ed|ing|y|d)?|flames?|on fire',
  'arc(ing|ed|s)?|sizzl\\w*|fishy (smell|odou?r)|smells? (like )?(fish|fishy)|shock(ed|ing|s)? me|got (a )?shock(ed)?|zapp?(ed|ing)? me',
  'quemad[oa]s?|quemando|se quem\\w*|humito|humillo|humeando|echando humo|oliendo a (quemado|plastico)|derreti\\w*|chispas?|chispea\\w*|chisporrote\\w*|humo|olor a (quemado|plastico)|huele a (quemado|plastico)|toques|me dio (un )?toque|descarga',
);

/** Overheating signs that are normal for a stove or heater but not for an outlet, switch or cord. */
export const OVERHEATING = anyOf(
  `(is|are|its|s|feels?|felt|was|were|gets?|getting|got|so|very|really|too|super|burning|extremely|running) ${gap(1)}hot`,
  `hot (to the touch|to touch)|warm (to the touch|to touch)|(is|are|its|s|feels?|felt|gets?|getting|got|was) ${gap(1)}warm|heating up|heats up|blackened|melted looking`,
  `(is|are|turned|turning|gone|went|looks?|got|getting|has|have|all) ${gap(1)}(black|brown|discolou?red)|black(ened)? (marks?|spots?|stuff|soot|residue|around)|brown (marks?|spots?|around)|discolou?r(ed|ation)|black and (hot|warm)`,
  'buzz(es|ing|ed)?|crackl(e|es|ing|ed)|popp(ing|ed)|pops|loud pop|humming loud(ly)?',
  'calient(e|es)|calentando|se calienta|negr[oa]s?|ennegrecid[oa]|zumb\\w*|truena|tron(o|ando|ido)',
);

// ---- Water ------------------------------------------------------------------------------------

export const WATER = anyOf(
  'water|watter|wter|waters|leak\\w*|leek\\w*|drip\\w*|drops|soak(ed|ing)|liquid|moisture',
  'agua|fuga|goter\\w*|gotea\\w*|filtra\\w*|escurr\\w*|chorre\\w*',
);

/** Places water must never come through: above, beside or below the home's living space. */
export const ABOVE_OR_THROUGH = anyOf(
  'ceilings?|celings?|cielings?|ceilling|roof|skylights?|(elevator )?shaft|light fixtures?|(ceiling )?lights?|fixtures?|(ceiling |exhaust |bathroom |vent )?fans?|smoke detector|vents?|upstairs|(unit|apartment|neighbou?rs?) above|above (us|me)',
  'walls?|outlets?|electrical|(unit|apartment|condo|neighbou?r|floor) below|downstairs|below (us|me)|into the (hallway|hall|unit|apartment|bedroom|kitchen|living room|garage)',
  'techo|pared(es)?|plafon|lampara|foco|contacto|enchufe|extractor|(departamento|apartamento|vecino|piso) de (abajo|arriba)|(?<!por )abajo(?! del? )|arriba|pasillo',
);

export const ACTIVE_WATER = anyOf(
  'pour\\w*|gush\\w*|spray\\w*|stream\\w*|rush\\w*|raining|running|runs|coming|comming|comes|came|leak(s|ed|ing)?|drip(s|ped|ping)?|seep\\w*|trickl\\w*',
  'soak(ed|ing)|spread\\w*|pool(ing|ed)|puddl\\w*|ris(ing|en)|wont stop|will not stop|cant stop|keeps|bulg\\w*|sagg\\w*|dropping|full of|fill(ing|ed)? (up )?with|llen[oa] de|llenando',
  'cae|cayendo|sale|saliendo|pasando|se pasa|escurr\\w*|gotea\\w*|chorre\\w*|filtra\\w*|empapad\\w*|se mete|entra|entrando|no para|brota|baja|bajando|corre|corriendo',
);

/** Openings in the shell of the home that let outside water in: under a door, round a window. */
export const ENVELOPE_OPENING = anyOf(
  'doors?|doorways?|threshold|sliders?|sliding (glass )?doors?|windows?|window sills?|walls?|foundation|baseboards?|garage|slab',
  'puertas?|ventanas?|pared(es)?|cimientos?|zoclos?|marco',
);

/** A floor or a whole room that, wet end to end, is a flood rather than a drip (a bathroom is wet by design). */
const WHOLE_ROOM = anyOf(
  'floors?|carpets?|rugs?|kitchen|living room|bedroom|basement|downstairs|hallway|apartment|unit|house|garage',
  'piso|alfombra|cocina|sala|recamara|cuarto|sotano|pasillo|casa|departamento|apartamento|cochera',
);

/** Outside water that rises: a creek, the surge, the street. */
const RISING_OUTSIDE_WATER =
  'storm surge|surge water|creek|river|bayou|lake|canal|ditch|flood ?waters?|high water|rising water|storm ?water|run ?off|tide|street|arroyo|rio|marea|agua de (la calle|lluvia|la inundacion)';
/** The inside of a home, where water from outside has no business. */
const INDOORS = anyOf(
  WHOLE_ROOM,
  'units?|homes?|trailer|mobile home|first floor|ground floor|lobby|building|bedrooms|crawl ?space|recamaras|cuartos',
);

/** Where people live (not a basement, crawl space or garage, where some water is common). */
const LIVING_SPACE =
  'living room|bedrooms?|kitchen|hallway|house|home|trailer|mobile home|apartment|unit|first floor|ground floor|lobby';

/** Water on the floor of one room is a repair; water spreading, rising or everywhere is a flood. */
export const SPREADING_WATER = anyOf(
  // "insurance that covers flooding" is a question about a policy.
  '(?<!(covers?|covered|covering|coverage (for|of)|insurance (for|against)|insured (for|against)|(policy|coverage|insurance) (with|for)) )flood(s|ed|ing)?(?! (sensors?|detectors?|alerts?|barriers?|vents?|insurance|zone|lights?|plain|warning|watch|riders?|polic(y|ies)|coverage|maps?|risk|certificate|disclosure|history|season|of (calls|emails|messages)))|flodd?ing',
  'standing water (on|in|across|throughout) (the |my |our )?(floor|floors|kitchen|basement|living room|bedroom|hallway|apartment|unit|house|garage|carpet|whole)|inches of (standing )?water|(an|one|two|three|\\d+) inch(es)? (of water|deep|across)|(a|one|two|three|half a|\\d+) (foot|feet|ft) (of (standing )?water|deep)',
  // A depth across the floor, or still rising: "about 3 inches and it keeps coming", "2 inches on my floor and rising".
  '(\\d+|one|two|three|a few|several|an) inch(es)? (of water )?(on|across|covering|over) (the |my |our )?(whole |entire )?(floor|floors|basement|carpet)|(\\d+|one|two|three|a few|several|an) inch(es)? (and|y) (it )?(keeps|is still|still|rising|coming)|(covering|covers|covered) (the |my |our )?(entire|whole) (floor|basement|apartment|unit)|and rising|y sigue subiendo',
  'water (is )?(everywhere|all over|over the (whole |entire )?(floor|place|kitchen|bathroom|basement))|water (all )?(throughout|across) the',
  // A room filling, or water up to the ankles: a depth said by the body.
  '(unit|basement|apartment|house|room|garage|kitchen|bedroom|crawl ?space) (is |s )?(filling|filled) (up )?with water|(at|up to|past|over) (my|our|the|his|her) (ankles|knees|shins)|water (is |s )?(ankle|knee|shin) (deep|high)|se (esta )?llen(ando|o) de agua|(llega|llego|nos llega) (a|hasta) (los |las )?(tobillos|rodillas)',
  `water ${gap(8)}(keeps |is |still )?(rising|spreading)|(keeps|is|still) rising|across the (whole|entire) (place|floor|apartment|unit|house|basement)`,
  '(into|in) (the )?(several|multiple|other|all the|every|two|three|2|3) rooms?|(several|multiple|two|three) rooms',
  `water ${gap(3)}(in|into|under|through) (the )?(hallway|hall(?! (bathroom|bath|closet|light|sink|toilet|tub|shower))|next room|other rooms?|bedroom door)|agua ${gap(2)}(en|hasta) el pasillo`,
  `water ${gap(5)}(coming|pouring|getting|seeping|rushing|leaking|running|pushing|flowing) in (under|through|from|around|at) ${gap(3)}(${ENVELOPE_OPENING})`,
  `(se (esta )?(mete|metio|metiendo)|(esta |sigue )?entr(a|o|ando)|se (esta )?(filtra|filtro|filtrando)) ${gap(2)}(el |la |mucha )?(agua|lluvia) ${gap(2)}por (debajo|abajo|bajo|la|el|las|los|entre) ${gap(4)}(${ENVELOPE_OPENING})`,
  `(whole|entire|all the|all of the) (?!(bathroom|bath|shower|laundry) )${gap(2)}(${WHOLE_ROOM}) ${gap(3)}(is |are |got |now )*(wet|soaked|soaking|drenched|under water|underwater)|(todo|toda) (el|la) (${WHOLE_ROOM}) ${gap(3)}(esta |quedo )?(mojad[oa]|empapad[oa]|encharcad[oa])`,
  `(spread\\w*|creep\\w*|mov(ing|ed)|getting|going|flowing|running|seeping|draining) ${gap(3)}(in)?to (the |our |my )?(hallway|hall|next room|other rooms?|bedrooms?|living room|kitchen|carpet|unit below|downstairs|neighbou?rs?)`,
  '(seep\\w*|bubbl\\w*|coming|welling|pushing|rising) (up )?(through|from under|out of|between) (the )?(\\w+ )?(floor|floors|hardwood|carpet|baseboards?|tiles?|slab|grout|boards|floorboards|planks|cracks?|seams?|joints?)|coming up (through|from) the (floor|slab|hardwood|carpet)',
  `(burst|busted|broken|broke|split|exploded|ruptured|bursted) ${gap(1)}(water )?(pipes?|lines?|supply lines?|hoses?|main)`,
  `(pipes?|supply lines?|water lines?|hoses?|water main) ${gap(3)}(burst|broke|busted|split|exploded|ruptured|bursted|came (off|apart|loose))`,
  `(pipes?|supply lines?|water lines?|hoses?|valves?|fittings?|sprinkler heads?) ${gap(4)}(is |are |s )?(spraying|gushing|shooting|pouring|blasting)`,
  'water (is |keeps )?(pouring|gushing|spraying|rushing|shooting|streaming|blasting)',
  `(overflow\\w*|running over) ${gap(6)}(wont stop|will not stop|cant stop|keeps|nonstop|non stop|sin parar|everywhere|into the)`,
  `se (esta )?(sale|saliendo) (el |mucha )?agua|(agua|water) ${gap(5)}(llego|llega|llegando|reached|reaching|got into|getting into) (a|hasta|the) (la|el|los|las)?`,
  '(up to|hasta) (my|our|the|his|her|los|las|mis) (ankles?|knees?|shins?|tobillos?|rodillas?)|(ankle|knee|shin) deep|(few|couple|several|\\d+) inches (of water|deep)|soaked all the way|(all the way|clear) (to|into) the (bedroom|hall|hallway|living room|kitchen|next room)',
  '(llen[oa]|lleno) de agua|(saliendo|sale|salia|escurriendo|tirando) (agua )?por todas partes|(\\d+|unas?|varias|dos|tres) pulgadas|(sigue|va|esta) subiendo|agua a chorro|(va|se va|esta llegando|llego|llega) (para|a|hacia|hasta) (la|el) (sala|cocina|recamara|cuarto|pasillo|puerta|comedor)',
  `(tuberia|tubo|cano|manguera)s? ${gap(4)}se (rompio|reviento|revento|quebro|solto|zafo)`,
  `(basement|room|apartment|unit|floor|garage|kitchen|bathroom|bedroom|house|hallway|sotano|cuarto|casa|cocina|sala) ${gap(3)}((is|are) )?(filling|filled|fills) (up )?with water|(sotano|cuarto|casa|cocina|sala|bano|departamento) ${gap(2)}(se (esta )?)?llenando de agua`,
  '(se (esta )?moj(ando|o)|empapad[oa]s?) (toda|todo|todas|todos) (la|el|las|los)',
  `(steam|vapor|hot water|agua caliente) ${gap(3)}(spraying|pouring|gushing|shooting|blasting|filling|saliendo a chorro)`,
  `(${RISING_OUTSIDE_WATER}) (water )?${gap(2)}(is |s |has |keeps )?(coming|came|getting|got|pouring|rushing|seeping|rising|risen|flowing|pushing|backing|entering|entered|reached|reaching|entrando|entro|se (metio|mete|esta metiendo)|llego) (up |back )?(in|into|inside|over|through|a|al|hasta) (the |our |my |el |la |los |las |nuestr[oa] )?${gap(2)}(${INDOORS})`,
  `water (is |s |got |has gotten |came |is coming |is getting )?(in|into|inside) (the |our |my )?(${LIVING_SPACE})(?! (closet|window|sink|cabinet|ceiling|wall|light|dishwasher|toilet|tub))`,
  `(water|it) ${gap(2)}(is |s )?(already |now )?(over|above|up to|covering) (the )?(outlets|floor vents|baseboards|bottom (step|stair)|first (step|stair)|door ?sills?|threshold)`,
  // Water compared to a body of water is never a drip.
  'like a (river|lake|waterfall|fountain|geyser|faucet|hose)|como (un )?(rio|cascada|fuente|lago|manguera)',
  `se (metio|mete|esta metiendo|entro|esta entrando) (el |mucha |la )?(agua|lluvia) ${gap(4)}(a|en|hasta) (la |el |las |los |nuestra |mi )?(${INDOORS})|agua ${gap(3)}(ya )?(esta|llego|entro) (en|a|hasta) (la |el |las |los |nuestra |mi )?(recamaras?|cuartos?|sala|cocina|casa|departamento)`,
  '(?<!(zona|seguro|aseguranza|riesgo) (de|contra) )inundacion(?! (zone|zona))|inundad[oa]s?|inundando|se (inundo|inunda|esta inundando)|agua por todos lados|agua por todas partes|se sale el agua|sale (mucha|muchisima) agua|(?<!(gasta|gastando|gastar|usa|usando|consume|consumiendo|desperdicia|desperdiciando|tira|tirando|pierde|perdiendo) )mucha agua',
  '(tuberia|tubo|cano|manguera)s? (rot[oa]|reventad[oa]|quebrad[oa])|se (rompio|reviento|revento) (la|el|una|un) (tuberia|tubo|cano|manguera)',
  'agua (hasta|por) (el|los|la) (tobillos?|piso|pasillo|cuartos?)',
  `agua ${gap(3)}se (esta )?pasando (al|a la|a los|hasta el) (cuarto|sala|recamara|pasillo|cocina|departamento|vecino)`,
  `agua ${gap(3)}por (toda|todo) (la|el) (casa|cocina|sala|departamento|apartamento|piso|cuarto|bano)`,
);

// ---- Sewage -----------------------------------------------------------------------------------

export const SEWAGE = anyOf(
  'sewage|sewer water|raw sewage|poop|feces|fecal|excrement|waste ?water|black water|toilet water|dirty water',
  'aguas? negras?|aguas? residuales?|agua sucia|caca|heces|agua del (excusado|inodoro|bano|drenaje)',
);

export const BACKING_UP = anyOf(
  'coming|came|comes|backing|backed|back up|pool(ing|ed|s)|puddl(ing|ed|es)|overflow\\w*|bubbl\\w*|gurgl\\w*|on the floor|onto the floor|in (the|my) (tub|bathtub|shower|basement|floor|sink)|everywhere|spread\\w*|flood\\w*|pour\\w*',
  'sale|saliendo|subiendo|sube|regres\\w*|por todo|al piso|en el piso|entrando|entra|desbord\\w*|se (esta )?pasando',
);

/** Sewage said verb first ("está saliendo agua negra"). */
export const RISING_SEWAGE = anyOf(
  `(saliendo|sale|subiendo|sube|brotando|regresando|regresa|devolviendo|echando|coming up|bubbling up|backing up|pouring out|spilling out|overflowing|spilling|gushing|bringing up|pushing up|spitting (up|out)) ${gap(2)}(${SEWAGE})`,
);

/** Water that is not clean: what comes up a drain when the sewer line backs up. */
export const FOUL_WATER = anyOf(
  '(dark|brown|black|murky|gr[ae]y|dirty|filthy|smelly|stinky|foul|nasty|stinking|disgusting) (water|liquid|sludge|gunk|muck)|sludge',
  'agua (negra|oscura|cafe|sucia|apestosa|puerca)|lodo',
);

/** The fixtures a blocked sewer line comes back up through. */
export const DRAIN_FIXTURE = anyOf(
  'toilets?|tubs?|bathtubs?|showers?|shower pans?|floor drains?|drains?|sinks?|basins?',
  'excusados?|inodoros?|tinas?|regaderas?|coladeras?|lavabos?|fregaderos?',
);

export const DRAIN = anyOf(
  'septic( tank| system)?|drain ?field|leach field|lift station|grinder pump|ejector pump|sewer|sewer line|sewage|main line|main drain|floor drains?|all (the |of the |my )?drains|every drain|cleanout',
  'drenaje|coladera|registro|alcantarilla|excusado|inodoro|fosa septica|pozo septico',
);

// ---- Gas and carbon monoxide ------------------------------------------------------------------

export const GAS =
  '(?<!sewer )(?<!sewage )(?<!tear )(gas|gass|propane|natural gas|rotten eggs?|sulfur|sulphur)(?! (station|bill|mileage|prices?|can|company will|line inspection))';

export const SMELLING = 'smell?(s|ed|ing|y|t)?|odou?rs?|whiff|stinks?|stench|reeks?|scent|fumes?';

export const CO_DETECTOR =
  '(carbon monoxide|co|c o|monoxide|monoxido( de carbono)?) (alarm|detect[oe]r|monitor|sensor)s?|(alarma|detector|sensor) del? (co|monoxido( de carbono)?)';

export const SOUNDING = anyOf(
  `going off|goes off|went off|(went|go|goes|gone) into (full )?alarm|full alarm|siren|continuous(ly)?|keeps? going off|sound(s|ing|ed)|beep(s|ing|ed)? ${gap(1)}(constantly|nonstop|non stop|loud|over and over|and wont stop)|beep\\w* (4|four) times|(4|four) (quick |loud )?beeps|over and over|again and again|repeatedly|alarming|blaring|screaming|wont (stop|shut up|turn off)|will not stop`,
  // A reading is a level; an error code ("says ERR", "shows END") is the unit failing.
  `(reading|reads|says|saying|showing|shows|displaying) ${gap(1)}(\\d+|co|high|danger|alarm|warning|peak|carbon)|\\d+ ppm|detect(ed|s|ing)|(is )?(red|flashing)`,
  // "No para" alone is the alarm; "no para de gotear" is a tap.
  'suena|sonando|sono|no para de (sonar|pitar)|no para(?! de)|no deja de (sonar|pitar)|se activo|marca',
);

/** Signs of carbon-monoxide (or gas) poisoning. */
export const POISONING_SYMPTOMS = anyOf(
  'headaches?|dizz\\w*|nause\\w*|vomit\\w*|threw up|throwing up|lightheaded|light headed|passed out|faint\\w*|drowsy',
  'sleepy|groggy|disoriented|confused(?! (about|by|as|on|why|what|how|with|because|if|whether))|hard to (wake|rouse)|(cant|cannot|couldnt) (wake|rouse)',
  'dolor(es)? de cabeza|(duele|dolia|duelen) (mucho )?la cabeza|mare(o|os|ad[oa]s?)|nauseas?|vomit\\w*|desmay\\w*|somnolient[oa]|adormilad[oa]|confundid[oa]|desorientad[oa]',
);

/** What, in the same message, makes those symptoms point at a burner or its alarm. */
export const POISONING_SOURCE = anyOf(
  'furnace|heater|boiler|water heater|fumes|exhaust|generator|gas|alarm|detector|beep\\w*|carbon monoxide|co',
  'calentador|calefaccion|caldera|alarma|detector|suena|sonando|monoxido',
);

// ---- A home that cannot be secured, someone trapped -------------------------------------------

export const INTERIOR = anyOf(
  'closet|bedroom|bathroom|cabinet|cabinets|shower|oven|dishwasher|fridge|refrigerator|freezer|pantry|laundry|dryer|washer|car|mailbox\\w*|storage',
  'screen (door|doors)|storm (door|doors)|gate|locker|opener|remote|medicine|drawer|bifold|interior|room door|windows?',
  'panel door|(breaker|electrical|fuse|meter) (box|panel)|access (door|panel)|attic|crawl ?space|hatch|utility closet',
  'puerta (del?|de la) (bano|closet|cuarto|recamara|estufa|horno|refri\\w*|lavadora|secadora|lavaplatos|microondas|alacena)|gabinete|ropero|ventana|buzon(es)?|casillero',
  // An appliance's own door (a wood stove's, an oven's) keeps nobody out.
  'stove|wood ?stove|fireplace|grill|smoker',
);

export const PERSON_INSIDE = anyOf(
  '(is|are|was|were|still|someone|somebody|people|person|she s|he s|shes|hes|theyre|they re|\\w+) (inside|in it|in there|trapped)',
  'adentro|dentro|atrapad[oa]s?|encerrad[oa]s?',
);

export const CHILD =
  // An age, not a duration: "tiene 3 años", "de 8 meses" (not "llevo 5 años aquí").
  'kids?|child|children|toddler|son|daughter|baby|\\d+ (year|yr) old|(tiene|tienen|(?<!(mas|menos) )de|cumple|cumplio) \\d+ (anos|meses)|nin[oa]s?|hij[oa]s?|bebe|chiquit[oa]';
