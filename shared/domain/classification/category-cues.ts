import { type Cue, type CueOptions, cues } from './cue.ts';
import type { Category } from './taxonomy.ts';

/** Emergencies are decided by the situation (hazards.ts), never by word weights. */
export type RoutineCategory = Exclude<Category, 'maintenance_emergency'>;

/** Category cues read plurals too: people write "units available" and "departamentos disponibles". */
const signs = (weight: number, phrases: readonly string[], options: CueOptions = {}): Cue[] =>
  cues(weight, phrases, { ...options, plurals: true });

/**
 * A problem reported as over ("the leak is fixed, thanks", "todo bien ya"): evidence of a thank-you
 * or a heads-up, and the repair words around it are history, not a request — unless it came back.
 */
export const RESOLVED_CUES: readonly Cue[] = signs(
  4,
  [
    '(is|are|was|were|got|been|has been|have been) (all )?(fixed|repaired|resolved|taken care of)|(great|excellent|quick|fast) (service|job|work|turnaround)|all (fixed|resolved|good|set)|ya (quedo|lo arreglaron|la arreglaron|esta arreglad[oa])',
    '(everything|all|it|todo) (is |s |esta )?(fine|good|ok|okay|working|dry|bien) (now|again|ahora|ya)|(came|come) back on',
    // Thanks for a repair done quickly, or a problem that stayed away: "everything's" reads "everythings".
    // A person who "hasn't come back" or a repair still wanted "fixed quickly" is no thank-you.
    '(leak|drip|problem|issue|smell|noise|mold|clog|bugs|roaches|it)( \\w+){0,10} (hasnt|has not) come back|no ha (vuelto|regresado)|everythings (fine|good|dry|working) (now|again)',
    // A thank-you for a repair, or a report that it works since: "thanks for fixing the dryer", "ya enfria bien".
    '(thanks|thank you|gracias) (so much |a lot |mucho |(to|al|a la) \\w+ )?(for|por) (fixing|repairing|arreglar|reparar)|(working|works|running|runs) (great|fine|perfectly|well) (since|after) (the|your|you|they) (repair|fix|fixed|visit|came)|ya (enfria|calienta|funciona|prende|sirve)|ya no (huele|gotea|hace ruido)',
    '(arreglaron|repararon) (\\w+ ){0,4}(muy )?rapido|(he|she|they|you|tech|technician|guy|plumber|crew|team|maintenance) (\\w+ )?(fixed|repaired) (\\w+ ){0,4}(so |super |really )?(quick|quickly|fast|right away|same day)',
  ],
  { unless: 'again|otra vez|de nuevo|still|sigue|todavia|came back(?! on)|volvio|but now|pero ahora' },
);

/**
 * Evidence for each category, in English and Spanish, as a property manager would phrase it.
 * Weights: 5-6 = nearly settles it, 4 = strong, 3 = typical, 2 = supporting, 1 = weak hint.
 */
export const CATEGORY_CUES: Readonly<Record<RoutineCategory, readonly Cue[]>> = {
  maintenance_request: [
    ...signs(3, [
      '(lost|lose|need) (my |a |an )?(new |extra |spare |replacement )?(mailbox |door |front door )?keys?|(new|replacement|spare) (mailbox )?key|copy of (the |my )?key',
      '(bangs?|banging|rattl\\w*|knock\\w*|hiss\\w*|squeal\\w*|grind\\w*|clank\\w*) (\\w+ ){0,4}(every time|when|whenever)|(radiator|pipes?|fan|furnace|heater|fridge|dryer|washer) (\\w+ ){0,3}(noise|bangs?|banging|rattl\\w*|loud)',
      'chirp\\w*|expired|(bring|need|install|replace) (\\w+ )?(a )?new one',
      'pitido|pitando|(hace|hacen) (un )?(pitido|bip)|toilet (\\w+ ){0,2}(running|runs)|(keeps|kept) running',
      'no (prende|calienta|enfria|exprime|jala|drena|desagua|baja)|(se come|se traga) (las )?monedas|(hornillas?|quemadores?) no',
      'lavadora|secadora|estufa|horno|refri\\w*|calentador|boiler|sotano|aspersores|riego',
      '(pueden|puede|podrian) (revisar|arreglar|ajustar|cambiar|venir)\\w*|ajustar',
      '(adjust|check|look at|take a look( at)?|come (look|out|fix)|inspect) (the|my|it|them|this|that)|could someone (check|look|come|inspect|replace|fix)',
      'sprinklers?|irrigation|puddl\\w*|charco',
      // Fuel the home runs on, refilled by the landlord in rural rentals.
      'propane|propano|heating oil|fuel oil|(tank|tanque) (\\w+ )?(filled|refill\\w*|llenar|lleno)',
      'moho|hongos?|humedad|pilot( light)?|piloto|(hook|hooked|hooking) (it |them |\\w+ )?up',
      // An appliance's noise is a repair, not a neighbour's.
      '(ventilador|extractor|refri\\w*|lavadora|secadora|calentador|tuberias?|tubos|boiler|calefaccion|motor|abanico) (\\w+ ){0,3}(hace|hacen) (mucho )?ruido',
    ]),
    ...signs(4, ['work orders?', 'orden de (trabajo|servicio)', 'pest control', 'exterminator']),
    // Locked out of one's own home: a door to open, not a hazard (the home stays secure).
    ...signs(4, [
      'locked (myself |ourselves )?out|lock ?outs?|keys? (is |are )?(locked )?inside|(me quede|nos quedamos|quede|quedamos) (afuera|fuera)|(deje|dejamos) (las |mis )?llaves (adentro|dentro)',
      '(change|changed|rekey|re key)\\w* (my |the |our |all )?(locks?|door locks?)|(cambiar|cambien|cambie) (la |las |mi |mis )?(chapa|cerradura)s?',
    ]),
    ...signs(3, [
      '(send|have|get) (someone|somebody|a tech|a technician|maintenance|a plumber|an electrician)',
      '(not|isnt|doesnt|does not|dont|do not|wont|will not|stopped) (work|working|cooling|heating|draining|flushing|spinning|turning on|turn on|turn|spin|drain|flush|close|open|latch|lock)',
      'stopped (working|cooling|heating|draining)',
      '(leak|leaks|leaking|drip|drips|dripping|clogged|backed up|off (its|the) track)',
      'roach(es)?|cockroach(es)?|mice|rats?|bed ?bugs|ants|termites|mold',
      'no hot water',
      '(light|lights|bulb|light pole|lamp)( (at|in|on|by|over|outside|near)( \\w+){1,3})? (is |are |has been |have been |went |keeps going )?(out|burned out|flickering)',
      'no funciona|no sirve|se descompuso|esta descompuest[oa]',
      'no cierra|no abre|gotea|tapad[oa]|se queda corriendo',
      '(mandar|manden|mande|envien) a alguien',
      'reparacion(es)?|arreglar|revisar(lo|la)?',
      'cucarachas?|ratones|plaga',
    ]),
    ...signs(2, [
      // Asking, not reporting work done: "was fixed" is a thank-you or a bill.
      'fix|fixing',
      '(faucet|sink|toilet|shower|tub|disposal|dishwasher|refrigerator|fridge|freezer|stove|oven|microwave|washer|dryer|furnace|water heater|thermostat|outlet|breaker|window|blinds?|cabinet|closet door|garage door)',
      '(ac|a c|air conditioning|air conditioner|hvac|heat|heater|heating)',
      'stain(s|ed)?|crack(s|ed)?|peeling|loose|squeak\\w*|rattl\\w*|weak',
      'jammed|stuck|atascad[oa]|trabad[oa]|atorad[oa]',
      '(exhaust|bathroom|ceiling) fan',
      '(smoke|co) (detector|alarm)s?|towel (bar|rack)|handles?|knobs?|hinges?|drawers?|railing|screen door|doorbell|locks?',
      '(fell|fallen|came|coming|pulled) off',
      'se (cayo|rompio|despego)|gabinete|perilla|manija|cerradura|chapa',
      'inodoro|lavabo|regadera|estufa|refrigerador|calentador|ventana|puerta del bano|persianas?|mosquiteros?',
      // A fixture reported broken: "the blind in the living room is broken", "la del baño está rota".
      '(is|are|esta|estan) (broken|rot[oa]s?|quebrad[oa]s?)',
      'foco|bombilla|bombillo|foquito|lampara',
      '(replace|change|swap|cambiar|cambien|cambie)\\w* (the |a |my |el |la |los |las )?(\\w+ )?(bulbs?|light bulbs?|filters?|batteries|screens?|filtros?|pilas|baterias)',
    ]),
    ...signs(1, ['maintenance', 'mantenimiento', 'broken', 'roto']),
  ],

  rent_payment: [
    ...signs(4, [
      'zelle|venmo|cash ?app|money order|cashiers check|paypal',
      '(water|sewer|utility|trash)( sewer)? (charge|bill)|charge (on|in) my (ledger|account|statement)',
      '(mande|mandamos|envie|pague|deposite) (la )?renta|(confirmar|confirmen|confirma) (que )?(les )?(llego|recibieron)|did you (get|receive) (my|the) (rent|payment|check)',
    ]),
    ...signs(4, [
      'autopay',
      '(charged|billed) twice|double charged|duplicate (charge|payment|withdrawal)s?',
      'late fee',
      'ledger',
      'rent receipts?',
      '(pay|paying|paid|sent|send|mailed|dropped off|deposited|submitted|transferred) (my |our |the )?(\\w+ )?rent',
      'rent payments?',
      'payment (method )?(was )?(declined|failed|rejected|bounced)',
      'cuanto debo',
      'pagar (la )?renta',
    ]),
    ...signs(3, [
      'portal',
      'balance',
      'receipts?',
      'refund(ed)?',
      'posted',
      'bank transfer',
      'overdrawn|overdraft',
      'withdrawals?',
      'cargo|recibo|saldo',
      '(water|gas|electric|utility|trash|sewer) (bill|charge)s?',
    ]),
    ...signs(1, ['rent', 'renta', 'payment', 'pago']),
  ],

  payment_arrangement: [
    ...signs(5, [
      'no (me|nos) alcanza|(dar|pagar) (la )?mitad|half (now|today|this week)|renta completa|(the )?full rent (this|on)',
    ]),
    ...signs(5, [
      'split (\\w+ ){0,2}(in|into) (two|2|three|3) (payments|parts)|(more|extra|a few more|couple more) days to pay|(paycheck|check|pay) (is |was |got )?(delayed|late)|\\d+ days late',
      '(unos|algunos|mas) dias (mas )?para pagar|dias mas|(pagar|pago) (tarde|despues)|(emergencia|gastos) medic\\w*',
    ]),
    ...signs(5, [
      '(i|we) can (do|pay|send) \\$?\\d+ (now|of|on|today|this|next|by|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|the (rest|remainder|balance|other \\$?\\d+) (by|on|when|next)',
      '(can|could|may) (i|we) (pay|send) (\\w+ ){0,3}(then|on the \\d+|by the \\d+|late|later|next (week|friday)|in (two|2|parts|installments))|rent (will|is going to) be late|pay (it )?off by adding',
      '(without|no|avoid|waive|pause|paused|hold|hold off on) (a |the |any )?late fees?|late fees? (being )?(paused|waived)',
      '(hours|pay) (got |were |was )?(cut|reduced)|(stole|stolen|froze|frozen) (\\w+ ){0,3}(card|account)',
      'pagos? (semanales|quincenales|en partes|de a poquito)|(pagar|pago) (de a poquito|en partes|cada (semana|viernes|quincena))|(chan[cs]e|plazo|oportunidad) (hasta|para)|hasta el \\d+ para pagar',
      'no (voy|vamos) a poder pagar|(me|nos) (atrase|atrasamos)|sin (recargo|cargo por atraso)|no quiero (q|que) me cobren|me quede sin trabajo|me pagan (ese|el)',
      'catch(ing)? up|still owe|on the plan|fell behind',
      // Someone else (a charity, a church, an agency) covering part of the rent.
      '(pledged?|committed|agreed) (\\d+ )?(toward|towards|to cover|to pay)|(toward|towards) (\\w+ ){0,2}(rent|balance)',
    ]),
    ...signs(5, [
      'payment (plan|arrangement)',
      'spread (it|this|that|the (\\w+ )?(balance|charge|bill|amount)) (out )?over',
      '(pay|paying|pagar|pago) (\\w+ ){0,3}(on|by|el) (the )?\\d+(st|nd|rd|th)? (instead|en vez|en lugar)',
      'partial (rent |payment)',
      '(cant|cannot|wont be able to|will not be able to|unable to) (do|pay|afford|make) (the )?(full|all|whole)',
      'pay or quit',
      'plan de pagos?',
      'pago parcial',
      'no (puedo|podemos) pagar',
    ]),
    ...signs(4, [
      'rental assistance',
      'payday|pay ?day (moved|changed)|dia de pago|me pagan (hasta|el)|(i|we) (dont )?get paid (on|until|till|next|this|friday|the)',
      '(asistencia|ayuda|apoyo) (de|para|con) (la )?renta|carta de atraso|late (notice|letter)|(can|could) you wait|(pueden|puede|podrian) esperar',
      '(cant|cannot|can not|unable to) afford|arrears|back rent|atrasos?|adeudo',
      'hardship',
      '(fell|fallen|are|were|am|got) behind',
      'laid off|lost (my|his|her) job|unemployment',
      'split it|split (the )?(rent|payment) (in|into)',
      '(half|rest|remaining|remainder|balance|the other) (now|on the|by the|later|when)',
      '(i can|we can|can i|could i) pay \\d+',
      'catch(ing)? up|caught up',
      'hold off',
      '(check|paycheck|pay) was short|short (this|on) (month|rent)',
    ]),
    ...signs(2, ['extension', 'hospital bills?', 'medical bills?']),
  ],

  lease_renewal: [
    ...signs(5, [
      '(nos )?queremos quedar(nos)?|quedarnos (otro|un) ano|contrato nuevo|stay (another|one more) year|(want|like|plan|hope) to stay(?! with)',
    ]),
    ...signs(4, [
      'when (we|i) renew|cuando renovemos|agregar a (mi|un) \\w+ al contrato|add (my |a )?\\w+ to (the|our|my) lease',
    ]),
    ...signs(5, ['renew(al|ing)?', 'renovar|renovacion', 'month to month', 'mes a mes']),
    // Staying on, said beside the lease: "ours runs out next month and we're staying".
    ...signs(
      4,
      [
        '(we re|were|we are|i m|im|i am|we will be|well be|ill be) staying|nos vamos a quedar|me voy a quedar',
      ],
      {
        requires: 'lease|contrato',
      },
    ),
    ...signs(3, [
      '(another|a new|an additional) (\\d+|twelve|full|one) (month|year)',
      '(sign|signing) (another|a new)',
      'lease (is )?up',
      '(want|like|plan) to stay(?! with)',
      'rent increase|new rent',
      '\\d+ month term',
    ]),
  ],

  lease_termination: [
    ...signs(5, [
      '(dar|doy|damos) (el )?aviso|tiempo de aviso|salirme|salirnos|irme del|irnos del|ya (le |les )?avise|(me|nos) (voy|vamos) (el \\d+|a fin de mes|de la casa|del (apartamento|departamento))',
    ]),
    ...signs(5, [
      '(wants?|get|gets|getting|come|coming|taken|take|taking) (me |him |her |them )?off (the |my |our )?lease|remove (me|him|her|them) from (the )?lease|roommate (is )?(moving|leaving)',
    ]),
    ...signs(5, [
      'get out of (the |my |our )?lease|out of (the |my |our )?lease early|early termination|terminate (early|my lease)|(transferring|relocating|transferred) (me|us)',
    ]),
    ...signs(5, [
      '(will be|are|we re|were|am|i m) (leaving|moving) (at the end|on|by|in)|give (our |my )?notice|bought a (house|home)',
      'nos vamos (a ir|del|de la)|me voy (a ir|del|de la)|dejar (el|la) (departamento|apartamento|casa)|entregar (el|la) (departamento|apartamento|casa)',
    ]),
    ...signs(5, [
      'end (her|his|my|our|their|the) lease|(terminar|termino|terminamos|romper|rompo|rompe|rompemos|rompa|rompi|rompimos|rompiera|salir del|salgo del|salimos del|cancelar|cancelo|cancelamos) (mi |el |su |nuestro )?contrato',
      'passed away|fallecio|murio|executor|estate|assisted living|nursing home|protective order|orden de proteccion|violencia (familiar|domestica)|domestic violence',
      'wont be coming back|no va a regresar',
    ]),
    ...signs(5, [
      'notice to vacate',
      '\\d+ day notice (that|of|to) (i|we|my|our)',
      'vacat(e|ing)',
      'break(ing)? (my |our |the )?lease|lease break',
      'terminat(e|ing|ion) (of )?(my |our |the )?lease|lease termination',
      'move out (inspection|walkthrough|checklist)',
      'moved out',
      'aviso de (mudanza|salida)',
      'nos vamos a mudar|vamos a desocupar|desocupar',
    ]),
    ...signs(3, [
      'move out|moving out',
      'forwarding address',
      '(final )?(walkthrough|walk through)',
      'deposit back|deposit returned|(send|mail|return) (me )?my deposit',
      'itemiz\\w+',
      'last day',
      'turned in (the )?keys',
      'servicemembers civil relief|scra|pcs orders|military orders|change of station',
      'relocation|relocat(e|ing) for (a |my )?(job|work)',
      'mudarnos|nos mudamos',
      'deposito',
      'multa|penalidad|penalty|(break|termination|buyout|buy out) (fee|clause|option)',
    ]),
    ...signs(5, ['(devuelv|regres)\\w* (el |mi |nuestro )?deposito|devolucion (del|de mi) deposito']),
  ],

  move_in: [
    ...signs(4, [
      'moving hours|(\\d+ )?(ft|foot) truck|moving truck|where (should|can|do) (the|our|my) (truck|movers)',
    ]),
    ...signs(5, [
      'moving van|service elevator|get (the|my|our) keys|before (move ?in|moving in)|move ?in (day|date)',
    ]),
    ...signs(5, [
      '(recoger|pasar por) (las )?llaves|caja de (las )?llaves|codigo de la caja|camion de (la )?mudanza|(me|nos) (mudo|mudamos) (manana|el|este)|mudarme un dia antes|(ya )?firm(e|amos) el contrato',
      '(moving|move) (truck|in day)|gate code|(just )?moved in(to)? (\\w+ ){0,3}(last|this|yesterday)',
      'contrato empieza|lease (starts|begins)|(i|we) move in (on |next |this |tomorrow|the \\d+)',
      // Just arrived: what is missing or unclear in a new home is part of moving in.
      '(entramos|llegamos|nos mudamos|me mude) (ayer|hoy|esta semana|el (lunes|martes|miercoles|jueves|viernes|sabado|domingo))',
    ]),
    ...signs(5, [
      '(moving|move) (in|into)(?! with) (to )?(\\w+ ){0,3}(on|next|this|tomorrow)',
      '(move|moving) in (day|date|inspection|checklist|condition)',
      'key pick ?up|pick up (the |my )?keys',
      'lockbox',
      'freight elevator|loading dock',
    ]),
    ...signs(3, ['utilit(y|ies)|electric company|internet provider'], {
      unless: 'move out|moving out|moved out|vacat\\w*|(me|nos) (salgo|salimos|vamos)',
    }),
    ...signs(5, [
      'antes de (que )?(se|me|nos|te) mud\\w*|before (i|we|he|she|they) move in',
      '(nos mudamos|me mudo|nos mudaremos|me mudare|nos cambiamos|me cambio) (a|al) (la |el )?(\\d+|casa|departamento|apartamento|unidad|depa)',
    ]),
    ...signs(3, [
      // "Mom is moving in with me" joins a household; it is not a move-in.
      '(move|moving) in(?! with)|moving into|move into|moved in(?! with)',
      'set up (an )?account',
      'certificate of insurance',
      'measure|medir',
      'on record',
    ]),
  ],

  leasing_inquiry: [
    ...signs(4, ['aplicar|requisitos|rentar (una|un|la|el)|en renta|para rentar']),
    // A prospect weighing what a place would cost to run.
    ...signs(3, [
      'average (\\w+ )?(bills?|utilit\\w*)|(what|which) utilities|utilities (would )?(run|cost)|heated (with|by)',
    ]),
    ...signs(4, [
      '(do you|tienen|have you got) (have )?(any|anything|algo)|rent to own|rent range|available for|me interesa (rentar|el|la)|interesad[oa] en',
      '\\d (cuartos|recamaras|habitaciones)|casa (para rentar|en renta)|itin|talones de pago|aplicacion|solicitud de renta',
    ]),
    ...signs(5, [
      'still available|is (it|this|that) (still )?available|(anything|any|units?|apartments?|homes?|one|some) available',
      'availability',
      '(schedule |book )?(a |the )?(virtual |video |in person )?tour|(schedule|book|set up|arrange) (a )?(\\w+ )?showing|(a|the) showing',
      'application (status|fee)|my application|application for',
      'income requirement|proof of income|guarantor|credit (score|check)',
      'pet (policy|deposit|rent)|breed restrictions|weight limit|pets? allowed|(allow|accept) (\\w+ ){0,2}(dogs?|cats?|pets?)',
      'section 8|voucher|seccion 8|vales',
      'move in specials?',
      'disponible|recamaras|estoy buscando',
      '(still |currently )?for rent|se renta|(esta|estan) en renta',
      'cosigner|co signer|aval|fiador',
      'wait ?list|waiting list|lista de espera|age requirement|(senior|55 plus|over 55) (community|living|apartments?|cottages?)',
      '(see|view|look at|visit) (it|the (unit|place|house|home|apartment|townhouse|townhome|duplex))|is it (rented|taken|leased) yet|ya (se )?rent(o|aron|ada|ado)',
    ]),
    ...signs(3, [
      '(looking|searching) (at|for) (the |a |an )?(\\w+ )?(apartments?|units?|townhomes?|homes?|places?|one bedroom)',
      'listing',
      '\\d (bd|br|bed|bedroom)s?|one bedroom|two bedroom|three bedroom',
      'price|how much is (the )?rent',
      'apply|applied|application',
      'interested in',
      'prospective|prospect',
      'cuanto es la renta',
    ]),
  ],

  complaint: [
    ...signs(5, [
      '(dumpsters?|trash|garbage|basura) (\\w+ ){0,5}(overflowing|piling|piled|everywhere|llen[oa]s?)',
      '(se estaciono|se estacionan|estacionarse|estacionan) en mi (lugar|cajon|espacio)|ya van (tres|dos|cuatro|\\d+|varias) veces|otra vez (alguien|los|el|la)',
    ]),
    ...signs(5, [
      'quej\\w*|amenaz\\w*|humillad\\w*|exijo|no hacen caso|nadie hace nada|todo volumen|musica (muy )?alta',
      'last warning|regret it|i know where|violated|unsafe|rude|disrespect\\w*|unprofessional|without notice|no one notified|felt (violated|unsafe|disrespected)',
      'isnt (really )?set up for|families with (kids|children)|big families|steer\\w*',
      'keeps? (leaving|using|parking|blocking)|havent been (cleaned|vacuumed|mopped)|(mess|dirty|filthy) again',
      '(la|los|el|las) del \\d+\\w?|the (tenant|people|guy|lady|man|woman|folks) (in|from) \\d+\\w?',
    ]),
    ...signs(5, [
      'threaten(ed|ing|s)?|harass(ed|ing|ment)?',
      'noise|noisy|too loud|stomping|barking|barks',
      'quiet hours(?! (are|is))',
      '(file|filing|make|making|submit|submitting) a (formal )?complaint(?! (with|ante|en))',
      '(my|our) (assigned )?(parking )?(spot|space)',
      'non smoking|smokes|smoking',
      '(disappointed|unacceptable|disgusting|frustrated|fed up|ridiculous)',
      '(no one|nobody) (has )?(called|gotten|got|written) (me )?back',
      // Asked again and again without an answer: the grievance is the handling, not the repair.
      '(asked|called|emailed|requested|reported|texted|written|told (you|them|the office)) (\\w+ ){0,6}(three|four|five|six|several|multiple|many|\\d+) times',
      '(call|speak|talk) (from|with|to) a manager',
      '(dumpsters?|trash|garbage) (is |are )?(overflowing|piling|piled)',
      'queja|ruido|molest\\w+',
    ]),
    ...signs(3, [
      'neighbou?rs?|vecin[oa]s?',
      'tow (it|them|the car)|towed',
      'police report',
      'dont feel safe',
      'complain\\w*',
      // A discrimination claim is a complaint when a tenant writes it, a legal notice when an agency or lawyer does.
      'discrimin\\w*',
      'pick up after',
      'i expect better',
      'every (night|day|weekday|morning|storm|snow|weekend)',
      '(\\d+(st|nd|rd|th)|third|fourth|fifth) time',
      'please (address|talk to them|do something)|can you do something',
    ]),
  ],

  owner_inquiry: [
    ...signs(5, ['occupancy|payout|my building|my (units|homes|houses|properties)']),
    // Tenants live in duplexes too: the building type hints at an owner, no more.
    ...signs(3, ['fourplex|triplex|duplex']),
    ...signs(5, [
      'go ahead (with|and)|(if|as long as) (it s|its|it is) (under|below|less than)|hold off on (the )?(repair|work)',
    ]),
    ...signs(5, [
      'soy (el |la )?(dueno|duena|propietari[oa])|my (tenant|tenants|duplex|rental|property|units?|house)\\b',
      '(as|i am|i m|im) (the|an) (property |home )?owner\\b',
      'rent roll|comps|market rent|comparable|listing price|rent ready|make ready|vacan(t|cy)|been empty|showings',
      'refinanc\\w*|lender|flood insurance|insurance (agent|renewal|questionnaire|policy)|property taxes?|escrow',
      '(fire|replace|find) (the |another |a new )?(landscap\\w*|company|vendor|contractor|cleaners)|(two|2|other|another) (bids|quotes)',
      'manage (it|my|the|our)|management fee|your fee|take it over|closed on',
      'distribucion|estado de cuenta|mi contador|depositen la renta|(annual|yearly) inspection (report)?|inspection report|photos of the units',
      'inquilino del|reserva|la propiedad',
      '(dueno|duena|propietari[oa]) (de|del)|mis (unidades|casas|propiedades|departamentos|inquilinos)',
      'what (do you|would you) recommend',
    ]),
    ...signs(5, [
      'owner (statement|distribution|draw|portal|packet)',
      '(annual|monthly|year end) (owner )?statement',
      'distribution',
      '1099',
      'management agreement',
      'reserve (balance|amount)',
      '(sell|selling|sale of) (the |my )?(property|house|home)|planning to sell',
      'second (bid|quote)',
      '(approve|approval|authorize) (anything|up to|the (repair|quote|work))|before i approve',
    ]),
    ...signs(3, [
      'my (cpa|accountant)',
      // An owner setting a spending limit or paying the building's dues.
      'go ahead|(if|when) (it s|its|it is|they re|it comes in|it goes) (\\w+ )?(more|over|higher) than|(call|check with|ask) me (first )?(if|before)|anything (over|above|more than) \\d+',
      'hoa (dues|fees)|my condos?|out of my (account|reserves?|funds|distribution)',
      'quoted|(is that|that s|thats|seems) (reasonable|fair|a fair price)',
      'my tenant',
      'comparable rentals|rent comps',
      'quote you forwarded|the quote',
      'my (property|rental|rental property)',
      'reserve',
    ]),
    // "the tenant" is the owner's word for someone else, unless the writer is that tenant.
    ...signs(3, ['the tenant'], { unless: '(i m|im|i am) (the|a) tenant' }),
    ...signs(5, ['the (tenant|tenants) (at|in)'], { unless: '(i m|im|i am|we are|were) (the|a) tenants?' }),
    ...signs(5, ['(i m|im|i am) the (owner|landlord|property owner)|owner of (\\w+ ){1,3}here']),
  ],

  vendor_billing: [
    ...signs(5, [
      'cotizacion|presupuesto|mano de obra|materiales?|le (envio|mando) (la|el) (factura|cotizacion|presupuesto)',
      // A contractor unpaid for a finished job, or a delivery billed by the gallon.
      'no (me|nos) han pagado|(hice|hicimos|termine|terminamos) (el|los) trabajos?|(havent|have not|still not|never) been paid for (the|my|our) (work|job)|delivered \\d+ gallons?|delivery (statement|ticket)',
    ]),
    ...signs(4, [
      '(maintenance|service) (agreement|contract) (\\w+ ){0,3}renews|sign and return|service rate|for 20\\d\\d',
    ]),
    ...signs(5, [
      'invoice',
      'factura',
      'remit(tance)?',
      'net 30|net 15|due upon receipt|total due',
      'past due',
      '(our|this) (bid|estimate|proposal)',
      'work performed',
      'turnover (complete|paint)',
    ]),
    ...signs(3, [
      'labor',
      'parts',
      'bid|estimate',
      'total',
      'price good for',
      'w ?9',
      'ready for (cleaners|move in|paint)',
      'finished|complete|completed',
      '(our|my|this|the attached|the enclosed) (bill|statement) (for|is)|bill for (the )?(labor|parts|materials|work|repairs?)',
      'thank you for your business',
      '(work|job|cleaning|repair|install\\w*|service) we (did|completed|performed|finished)|we (did|completed|performed|finished) (at|on|for) (unit|apartment|apt|the)',
      '(call out|service call|trip) (fee|charge)',
    ]),
  ],

  legal_notice: [
    ...signs(6, ['liens?|mechanics lien|intent to (file|sue|lien)|served with|cease and desist']),
    ...signs(6, [
      'represent(o|a|amos) a|servicios legales|no se comuniquen|juez|juzgado|corte(?! de (agua|luz|gas|electricidad|energia|servicio|pelo|cabello))|audiencia|desalojo|demandaron',
      'tax lien|foreclosure|delinquent (property )?taxes|trustees? sale|public auction|notice to (owner|contractor)|statutes?|hereby',
    ]),
    ...signs(6, [
      'subpoena',
      'writs? (of|de) \\w+|small claims|estoppel|we represent (the|a|an) (buyer|seller|tenant|owner|lender|client)|retencion de (la )?renta|rent (withholding|escrow)',
      // A landlord's statutory notice (not a tenant's own 30 days): the step before an eviction suit.
      'unlawful detainer|notice to (quit|cure)|proof of service',
      'notice of (violation|claim|hearing|lien|default)',
      'code enforcement',
      'eviction (complaint|hearing|case|filing)',
      'hearing (is )?set',
      '(this|our) (office|firm) represents',
      'our client',
      'demand (is hereby made|for return|letter)',
      'file suit|lawsuit|summons',
      'preserv(e|ation) (all )?(evidence|demand)',
      'case (no|number)',
      'esq|attorneys? at law|law (office|firm|group)',
      'demanda|citatorio|abogad[oa]',
      '(filed|file|filing|presentado|presento|presentar) (a |an |una |un )?(formal )?(complaint|charge|queja|denuncia|demanda|reclamacion) (with|ante|en)',
    ]),
    ...signs(3, [
      'attorney|counsel',
      'liability (insurance|carrier)',
      'court|courtroom',
      'citations?|fines',
      'records custodian',
      'injur(y|ies)',
      're inspection',
    ]),
  ],

  accommodation_request: [
    ...signs(5, [
      '(knee|back|heart|medical|health|mobility|hip|lung|breathing) (condition|issues?|problems?|injury|surgery)|can no longer (climb|walk|use|reach|see|hear)|(ground|first) floor (unit|apartment)',
    ]),
    ...signs(5, [
      'artritis|barras de (agarre|seguridad)|agarraderas|movilidad reducida|discapacitad[oa]|andador|barras de apoyo|(silla|sillas) de ruedas|audifono|sordo|ciego|apoyo emocional',
    ]),
    ...signs(6, [
      'acomodo razonable|acomodacion razonable|silla de ruedas|autismo|large print|eyesight|macular|blind(?!s)|deaf|hard of hearing|walker|cane|baston|stroke|derrame',
      'marked accessible|assigned space|closer to (my|the) (door|entrance)|neurologist|carta (del|de la) (doctor|terapeuta|medico)|su terapeuta|my (neurologist|therapist|doctor) can write',
    ]),
    ...signs(6, [
      'reasonable accommodation',
      'emotional support (animal|cat|dog)',
      'service (dog|animal)',
      'disabilit(y|ies)|disabled',
      'grab bars?',
      'live in (aide|caregiver)|caregiver|home health aide',
      'accessible (parking|spot|space|unit)|handicap\\w*|placard',
      'wheelchair|ramp',
      'animal de (apoyo|servicio)|discapacidad',
    ]),
    ...signs(3, [
      'my (therapist|doctor|physician|physical therapist)|(doctor|therapist)s? (note|letter)|wrote me a letter',
      'anxiety|depression|ptsd|seizures?|parkinsons|multiple sclerosis|i have ms',
      'chemo\\w*|quimio\\w*|cancer|dementia|alzheimer\\w*|dialysis|dialisis|memory (loss|disorder|problems?|issues?)|(vision|hearing) loss|low vision',
      'oxygen|oxigeno|cpap|insulin|insulina|mobility scooter|power chair',
      '(spot|space|parking|lugar|cajon) (\\w+ )?(right )?(by|near|next to|closer to|close to|cerca de|junto a) (the |my |la |mi )?(door|entrance|building|puerta|entrada)',
      'accommodations?|acomodo|ajuste razonable',
      'surgery|rehab\\w*|discharged',
      'medical(ly)?',
    ]),
  ],

  general_inquiry: [
    ...signs(4, [
      'am i allowed|(is it|are we) (ok|okay|allowed)|(what s|whats|what is) (your|the) policy|policy on|(can|may) (i|we) (put|install|hang|have|paint|mount)',
      'bikes?|satellite|doorbell camera|ring doorbell|shutters|storage|planning ahead|who (do|should) i call|a quien llamo|soy nuev[oa]',
      // Asking what a rule is, or leave to do something: the Spanish twin of "can I put".
      '(what|when) (are|is) (the )?(quiet hours|pet policy|guest policy|rules?)|which (bin|day|dumpster)|recycling (day|schedule|rules|pick ?up)|bicicletas?|(puedo|podemos) (guardar|poner|tener|instalar|colgar|pintar)|(pedir|pido|pedirle|pedirles) permiso|permiso para (poner|tener|instalar|pintar|colgar|guardar|plantar|construir)',
    ]),
    ...signs(4, [
      'office hours|office (be )?(open|closed)|is the (leasing )?office open',
      // Who to reach and when: an office's number or hours, in either language.
      'horario de (la )?(oficina|atencion)|numero (de|para) (la oficina|emergencias|mantenimiento)|(despues|fuera) de (horas|horario)|after hours (number|line|contact)|(office|emergency|after hours|maintenance) (phone )?number',
      'packages?|parcel|lockers?|pickup code',
      'parking (pass|permit|sticker)|guest pass',
      'clubhouse|amenit(y|ies)|pool|gym|fitness|grill',
      'reserv(e|ing) the (clubhouse|pool|party room|community room|grill)|reservation',
      'name change|changed my (last )?name|update (my )?(name|email|phone|contact)',
    ]),
    ...signs(3, [
      'guests?|visitors?|visiting|visitas?|huespedes|(stay|staying|quedarse|quedar) (with|conmigo|con nosotros)',
      '(is|are) (\\w+ ){1,2}included|(esta|estan) incluid[oa]s?',
      'renters (insurance|policy)|seguro de (inquilino|renta)|declarations page|proof of (renters )?insurance',
    ]),
    // A tenant's own paperwork: the lender or employer asking is not the owner's business.
    ...signs(5, [
      '(reference|referencia) (letter|de renta)|carta de (referencia|recomendacion)|rental (history|reference)|(landlord|rental) (reference|verification)|verification of (rent|residency|tenancy)',
    ]),
    ...RESOLVED_CUES,
    ...signs(1, ['question', 'pregunta']),
  ],

  spam: [
    ...signs(6, ['fast cash|(business|personal) loans?|no credit check|get approved (for|today)']),
    ...signs(6, [
      'security alert|unusual (sign ?in|login|activity)|confirm your (identity|account|details)|avoid (suspension|deactivation)|account (suspended|locked|disabled)',
    ]),
    ...signs(6, [
      'new bank (account|details)|kindly (update|remit|send|confirm)|update (the )?payment (details|info|to)',
    ]),
    ...signs(6, [
      'investors?|for cash|no repairs needed|close in \\d+ days|boost your|free consultation|ai powered|syndication|increase your (occupancy|revenue|leads)',
    ]),
    ...signs(6, [
      'gift card|you (have been|ve been|were) selected|congratulations|claim your|prize|winner|sweepstakes|free (cruise|trip)',
      'felicidades|usted gano|premio|tarjeta de regalo|reclamar su|datos bancarios|crucero gratis|pre ?aprobado|prestamo|responda (baja|alto)|para no recibir',
      'trading|crypto\\w*|apy|earn(ing)? (daily|up to)|spots are limited|limited spots|register today|sign up in',
      'domain (listing|name|expir\\w*)|solicitation|search engine|book a demo|(15|30) minute demo|demo (next|today)|(fill|filling) vacancies|renter leads|qualified leads|partnership',
      'compramos su (casa|propiedad)|en efectivo|cuenta (ha sido|fue) bloqueada|actividad sospechosa|ingrese aqui|haga clic',
      // Credentials asked for, or a switch of supplier sold: phishing and marketing in either language.
      '(sign|log) in with your (email )?password|enter your (email )?password|(ingrese|ingresa|escriba) su (usuario|contrasena)|usuario y contrasena|(mailbox|inbox|buzon)( de correo)? (\\w+ ){0,2}(full|lleno|limite|limit)|responda si|para inscribirse|ahorre (hasta )?(un )?\\d+',
    ]),
    ...signs(6, [
      'unsubscribe|to stop receiving|opt out|reply (stop|remove|yes)',
      'promo(cion)?|special offer|limited time|oferta (especial|limitada)|llamenos|rapido y barato|call us today',
      'cash offer|we (buy|want to buy) (houses|homes|your)|buy your (property|house|home)',
      'seo|first page|ranked|triple (your|their) leads|free audit',
      'verify your (account|email|mailbox|password|identity)',
      'password (expires|will expire)|suspension of your account',
      '(changed|change|update|updated) (our|the) (bank|ach|wire|remittance|payment) (details|account|information|info)?',
      '(update|change) our ach',
      '(we|company|management|firm|office) (has|have) changed banks|our (company s |companys )?bank (has )?changed',
      '(send|wire|remit|deposit)\\w* (all )?(future )?(\\w+ ){0,3}(to|into) (our|the) new (bank )?account',
    ]),
    ...signs(3, ['kindly', 'no obligation', 'click (here|the link)', 'dear user']),
  ],
};

/** Who sent it: company-style sender names are a hint for bills and legal mail. */
export const SENDER_CUES: Readonly<Partial<Record<RoutineCategory, readonly Cue[]>>> = {
  vendor_billing: signs(2, [
    'plumbing|painting|mechanical|electric(al)?|roofing|landscaping|lawn|paving|pest|cleaning|hvac|heating|services|llc|inc',
  ]),
  legal_notice: signs(3, ['law|legal|esq|attorneys?|code enforcement|court|litigation']),
};
