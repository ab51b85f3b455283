import { cues } from '../classification/cue.ts';
import { phrasesFound } from './phrases.ts';

/**
 * What makes a person look at a message whatever its category: legal consequence, a
 * discrimination claim, a disability-related request, a change to where money goes, a threat.
 * Each detector reads `normalise`d new text (English and Spanish) and returns the phrase that
 * decided it, or undefined.
 */

type Detector = (content: string) => string | undefined;

const firstOf =
  (list: ReturnType<typeof cues>): Detector =>
  (content) =>
    phrasesFound(list, content, 1)[0];

/** Lawyers, courts, claims and formal notices that carry legal consequence. */
export const legalMatter: Detector = firstOf(
  cues(1, [
    '(?<!power of )attorneys?|lawyers?|law (firm|office|offices)|legal counsel|counsel for|esq|our client',
    'this firm represents|on behalf of (my|our) client|lawsuit|(will|going to|gonna|to) sue',
    'sue (you|the|your|them|for)|suing|small claims|in court|housing court|courtroom',
    'court (date|case|order|hearing|filing|papers|appearance)|hearing (is )?(set|scheduled)',
    'judge|subpoena\\w*|summons|complaint (was |has been )?filed|litigation|legal action',
    'take (legal )?action against|cease and desist|demand letter|demand for (return|payment)',
    'notice of (claim|violation|lien|default|intent)|preservation (demand|notice|letter)',
    'code enforcement|code violation|citation|lien',
    'eviction (complaint|hearing|case|lawsuit|filing)|unlawful detainer|retaliat\\w*',
    'liability (insurance|carrier|claim)|personal injury|hud complaint',
    'fair housing (complaint|claim)|abogad[oa]s?|demanda(r|remos)?|tribunal|juez|juicio',
    'foreclos\\w*|trustees? sale|sheriffs? sale|notice of (sale|foreclosure)|ejecucion hipotecaria|embargo',
    'executor|executrix|estate of|probate|letters testamentary|albacea|sucesion testamentaria',
    '(complaint|claim) with (hud|the city|the state|the county|fair housing|the attorney general)',
    'report\\w* (you|this|it|the landlord|the company) to (hud|the city|code enforcement|the housing authority|the attorney general|the state)',
    'juzgado|citacion (judicial|del juzgado)|demanda (judicial|legal)|(queja|denuncia) (ante|con) (hud|la ciudad|el estado|vivienda justa)',
    'citatorio|accion legal|acciones legales|aviso legal|audiencia|represalia\\w*',
  ]),
);

/** Unfavourable treatment, which turns "because of my disability" from a request into a claim. */
const TREATED_WORSE =
  '(denied|refused|rejected|turned (us |me )?down|treated (us |me )?(differently|unfairly|worse)|singled (us |me )?out|evicted|harass\\w*|charged (us |me )?more|(wont|would not|will not|dont|do not|doesnt|does not) rent|negaron|rechazaron|tratan (diferente|mal)|trataron (diferente|mal)|no (nos |me )?quieren rentar)';
const PROTECTED =
  '(race|religion|disability|national origin|color|colou?r|sex|gender|familial status|kids|children|accent|skin|black|hispanic|latin[oa]|mexican|asian|muslim|jewish|disabled|pregnant|a woman|a single mother|gay|trans\\w*|an immigrant|raza|religion|discapacidad|nacionalidad|origen|hijos|ninos|acento|latin[oa]s?|mexican[oa]s?|hispan[oa]s?|negr[oa]s?|inmigrantes?|embarazada)';

/** Groups a refusal may name: protected classes, and source of income where states protect it. */
const GROUPS =
  '(families with (kids|children|babies)|people with|familias con (bebes|ninos|hijos)|(people|tenants|anyone|those|personas|gente) (on|using|receiving|with|con) (\\w+ )?(disability|ssi|social security|vouchers?|housing vouchers?|section 8|public assistance|benefits|vales|seccion 8|discapacidad|ayuda del gobierno)|immigrants|section 8|single (mothers|moms|parents)|pregnant|(black|hispanic|latino|mexican|asian|muslim|jewish|disabled|gay) (people|families|tenants)|familias con (ninos|hijos)|inmigrantes|latinos|mexicanos|personas con)';

/** "Told us it was taken", then shown to someone else: a refusal that names who got it instead. */
const UNAVAILABLE_TO_US = cues(
  1,
  [
    '(told|tell|telling|said to) (us|me) (it|the unit|the apartment|the house|the place) (was|is|had been) (already )?(taken|rented|gone|not available|unavailable|leased)',
    '(nos|me) (dijo|dijeron|dicen) que (ya )?(estaba|esta) (rentad[oa]|ocupad[oa]|tomad[oa]|no disponible)',
  ],
  {
    requires:
      '(white|black|hispanic|latino|latina|asian|american|christian|muslim|jewish|younger|blanc[oa]s?|negr[oa]s?|american[oa]s?|gringo)( \\w+)? (couple|family|guy|man|woman|people|applicants?|pareja|familia|senor|senora)',
  },
);

/** A home that vanished once the sender said who they are: "after I mentioned my wheelchair…". */
const GONE_ONCE_TOLD = cues(
  1,
  [
    '(after|once|as soon as|when) (i|we) (mentioned|said|told \\w+|disclosed|brought up|asked about)( (my|our|that|about|we have|i have|i use|we use))?( \\w+){0,2} (wheelchair|disability|kids|children|baby|pregnan\\w*|religion|church|mosque|synagogue|accent|voucher|section 8|service (dog|animal)|support animal|girlfriend|boyfriend|wife|husband|nationality|immigration)',
  ],
  {
    requires:
      '(no longer|not|wasnt|was not) available|was taken|(suddenly|then) (rented|gone|unavailable|taken)|denied|rejected|turned (us|me) down|raised the (rent|deposit)|changed (the|their|his|her) (story|answer|mind)',
  },
);

/** An allegation of unequal treatment for who someone is (the Fair Housing Act's protected classes). */
export const discrimination: Detector = firstOf([
  ...cues(1, [
    'discriminat\\w+|discrimina\\w+|fair housing (complaint|claim|violation)|hud complaint|racis[mt]\\w*|racista',
    // Steering: being talked out of a home for who you are, however politely.
    'steer(ed|ing)|(not|isnt|arent|wasnt) (really )?(set up|suited|a good fit|right|meant) for (big |large )?(families|kids|children)',
    '(would be|be|feel) happier (somewhere|elsewhere)|(no es|no son) (para|lugar para) familias|estarian mas (comodos|felices) en otro',
    // Being told to speak English to be served is national-origin discrimination in all but name.
    '(told|tells|telling) (me|us) to (learn|speak) english|(learn|speak) english (first|before|or)|you people|your kind|people like you',
    '(me|nos) (dijo|dijeron|dice|dicen) que (aprend|habl)\\w+ ingles|que (aprenda|aprendamos|hable|hablemos) ingles',
    // Refusing a whole group outright, familial status included ("no kids upstairs").
    `(dont|do not|doesnt|does not|wont|will not|would not|refuse(d|s)? to) (rent|lease|show|sell|accept|allow|take)\\w*( [a-z0-9]+){0,6} (to )?${GROUPS}`,
    `(no|sin) (kids|children|families with (kids|children)|ninos|familias con (ninos|hijos)) (allowed|permitted|permitidos|upstairs)`,
    `no (le |les |nos |me )?(renta|rentan|quiere rentar|quieren rentar|acepta|aceptan|permiten)( \\w+){0,3} (a )?${GROUPS}`,
    // A preference for who the tenant is: religion, marriage, children, origin.
    '(prefer|prefers|preferred|only (want|wants|rent|rents|accept|accepts)) (\\w+ ){0,2}(tenants|people|residents|applicants|renters|families|couples)( \\w+){0,3} (who|that|without|with no) (\\w+ ){0,3}(church|christian|muslim|jewish|kids|children|married|english|american|citizens|young|disab\\w*|accent)',
    '(adults|adult) only( \\w+){0,6} (kids|children|ninos)( \\w+){0,2} (cannot|cant|can not|are not allowed|arent allowed|not allowed|no pueden)',
    // Advances from staff.
    '(asking|asks|asked|invites|invited|wants|wanted) me (to come over|out|on a date|for (a )?drinks?|to (his|her) (place|apartment|unit))',
    // Harassment by someone with power over the home: sexual comments, touching, questions about pregnancy.
    '(comments?|remarks?|jokes?) about my (body|looks|appearance|chest|figure)|comentarios sobre mi (cuerpo|apariencia|figura)',
    'sexual(ly)? (harass\\w*|comments?|advances?|remarks?)|acoso sexual|(touched|grabbed|groped) me|me (toco|toca|manosea|manoseo)',
    '(asked|asks|asking) (me |us )?(whether|if) (i|we|my wife|my partner) (plan|planned|are planning|intend|want)\\w* to (get pregnant|have (kids|children|a baby|more kids))',
    `${TREATED_WORSE}( [a-z0-9]+){0,10} (because|since|for being|por|porque) (of )?(my |our |i am |im |we are |were |we have |i have |having |mi |nuestra |nuestro |soy |somos |tengo |tenemos )?${PROTECTED}`,
  ]),
  ...UNAVAILABLE_TO_US,
  ...GONE_ONCE_TOLD,
]);

/** A request tied to a disability: a reasonable accommodation in all but name. */
export const accommodation: Detector = firstOf(
  cues(1, [
    'reasonable accommodation|accommodation (request|for (my|a|her|his) disability)',
    'service (dog|animal)|emotional support (animal|dog|cat)|support animal|assistance animal',
    'esa (letter|animal)|(my|a|her|his) disabilit(y|ies)',
    'disabled (veteran|son|daughter|mother|father|husband|wife|child|tenant)',
    '(i am|im) disabled|mobility (aid|scooter|device)',
    'accessible (parking|space|unit|entrance)',
    '(handicap|handicapped|disability|ada) (parking|space|spot|placard|access\\w*)|grab bars?',
    'live in (aide|caregiver)|wheelchair ramp|hearing impaired|visually impaired',
    '(i am|im) (deaf|blind)|legally blind|ajuste razonable|acomodo razonable',
    '(perro|gato|animal) de apoyo( emocional)?|apoyo emocional|perro guia',
    'acomodacion razonable|animal de (servicio|apoyo emocional|asistencia)',
    'perro de (servicio|asistencia)|discapacidad|discapacitad[oa]|silla de ruedas',
    'barras de apoyo|rampa|cuidador(a)? (que vive|interno)',
  ]),
);

const SEND =
  '(send|pay|remit|deposit|wire|transfer|direct|issue|make|mail|route|mand|envi|deposit|transfier|transfir|paguen|pague|pagar)\\w*';
const MONEY =
  '(refund|deposit refund|security deposit|deposit|distributions?|payments?|rent|proceeds|draws?|funds|disbursements?|remittances?|money|check|reembolso|deposito|renta|pagos?|dinero|cheque)';
const ACCOUNT =
  '(account|accounts|bank|routing|zelle|venmo|cash ?app|paypal|wallet|crypto\\w*|bitcoin|cuenta|banco|billetera)';
const PAYEE =
  '(daughter|son|wife|husband|brother|sister|mother|father|mom|dad|friend|partner|cousin|aunt|uncle|company|llc|hija|hijo|esposa|esposo|hermano|hermana|mama|papa|amig[oa]|prim[oa]|tia|tio)s?( (instead|account|bank|s account))';

/**
 * The sender saying they made the change themselves (on the portal, the app, online): nothing for
 * the office to act on, however the new account is described. It wins over every "new account"
 * cue; money pointed at someone or somewhere new is still found.
 */
const SELF_SERVICE =
  '(i|we|ive|weve)( \\w+){0,8} (on|in|through|via|using) (the |your |my |our )?(\\w+ )?(portal|app|website)|(i|we|ive|weve)( \\w+){0,8} online|(set|did|done|changed|updated|entered|added|fixed)( \\w+){0,3} (myself|ourselves)|already (updated|fixed|changed|set)|ya (lo |la |el |mi )?(actualice|cambie|configure|arregle)\\w*';

/** "We moved banks", "my new bank account": news to act on, unless the sender already did it themselves. */
const NEW_ACCOUNT_NEWS = cues(
  1,
  [
    '(moved|switched|transferred|changed) (my|our) (accounts?|banking|bank)|changed (banks|bank accounts|financial institutions)|(cambie|cambiamos|cambio) de banco',
    '(new|different) (checking|savings|bank|business) account',
    '(update|change|changed|switch|new|updated|revised|confirm|re ?confirm|verify) (our |my |your |their |the )?(bank|banking|ach|wire|remittance|payment|deposit|direct deposit|account) (details|information|info|instructions|account|accounts|address|form|letter|authorization)',
    'nueva cuenta (bancaria)?|cuenta nueva',
  ],
  { unless: SELF_SERVICE },
);
/** Told to pay rent by a new channel: the scam a tenant asks about. */
const NEW_CHANNEL = cues(
  1,
  [
    '(pagar|pague|paguen|pay|send|paid|pagues)( \\w+){0,2} (la |the |my |mi )?(renta|rent)( \\w+){0,2} (por|con|via|through|with|by|to|a|en) (\\w+ )?(western union|moneygram|gift cards?|tarjetas? de regalo|zelle|venmo|cash ?app|bitcoin|crypto\\w*|otra cuenta|another account|a new account|una cuenta nueva)',
  ],
  {
    requires:
      '(now|ahora|from now on|going forward|hay que|must|have to|tienen que|deben|told (me|us)|says|dice|dicen|dijeron|letter|carta|text|mensaje|notice|aviso)',
  },
);
/** Money for a relative: a new payee when money is what is sent. */
const RELATIVE_PAYEE = cues(
  1,
  [
    `${SEND}( \\w+){0,3} to (my|our) (daughter|son|wife|husband|brother|sister|mother|father|mom|dad|friend|partner|cousin|aunt|uncle)`,
    `(manda|envia|deposita|paga)\\w*( \\w+){0,3} a (mi|nuestr[oa]) (hija|hijo|esposa|esposo|hermano|hermana|mama|papa|amig[oa]|prim[oa]|tia|tio)`,
  ],
  {
    requires:
      '(refund|deposit|distributions?|rent|payments?|proceeds|check|funds|half|reembolso|deposito|pagos?|dinero|cheque|mitad)',
  },
);

/** Someone asking to send money somewhere new: the classic vendor and landlord payment fraud. */
export const paymentDetailsChange: Detector = firstOf([
  ...NEW_ACCOUNT_NEWS,
  ...NEW_CHANNEL,
  ...RELATIVE_PAYEE,
  ...cues(1, [
    '(new|different|updated) (bank )?account (number|below|details|for (payments|distributions|deposits|rent|remittances?))',
    '(send|remit|wire|direct|make|deposit|pay) (all |future |the |any |my |our |owner )*(payments?|funds|rent|remittances?|distributions?|proceeds|deposits?)( for [a-z0-9 ]{1,40})? (to|into) (the |our |this |a |my )?(new|different|following|updated|below)',
    '(do not|dont|please do not|no longer) (send|pay|remit|deposit|wire)\\w* (it |them |anything |payments? |funds )?(to |into )?(the |my |our )?old account',
    '(cambiar|cambiamos|cambio|actualizar|actualicen) (de )?(la |los |nuestra |mi )?(cuenta bancaria|datos bancarios|banco|informacion bancaria)',
    '(envien|enviar|depositen|depositar) (los |el |todos los )?(pagos?|renta|dinero) a (la |esta |otra |una )?(nueva|otra|siguiente)',
    // Money pointed at an account, a wallet or another person: "send my refund to my daughter".
    `${SEND} (all |future |the |my |our |any |her |his |this |mis? |el |la |los |las )*${MONEY}( \\w+){0,3} (to|into|in|a|en) (the |this |that |my |our |her |his |a |an |la |el |mi |esta |una )?(\\w+ )?(${ACCOUNT}|${PAYEE})`,
    `${MONEY}( \\w+){0,3} (to|into) (my |our |the )?${PAYEE}`,
    '(new|updated|different|changed) (remit ?to|payee|beneficiary|remittance|pay ?to)|(remit ?to|remittance|routing|account ending)( \\w+){0,3} (below|attached|instead|as follows)',
    `${MONEY}( \\w+){0,4} (be|been|are|is|must be|should be|will be|to be) (sent|paid|made|remitted|deposited|wired|directed|mailed)( \\w+){0,2} (to|into) (\\w+ ){0,2}(new|different|updated|following|another)`,
    `${SEND}( \\w+){0,8} (to|into) (my|our|the|a) (new|different) (po box|p o box|address|mailing address|account|bank)( \\w+){0,4} instead`,
    'change of (bank|banking|payment|remittance|remit to) (instructions|details|information|account)',
    `(make|made|issue|write|cut)( the| my| our)? ${MONEY}( check)? (payable|out) to`,
    `${SEND} (all |future |the |my |our |any |this )*((owner|monthly|quarterly|security|rent) )*${MONEY}( \\w+){0,3} to (the |my |our |a )?(\\w+ ){0,2}${ACCOUNT} (ending|number|no)`,
    // Being told the money now goes elsewhere: the scam a tenant asks about.
    `(rent|payments?|renta|pagos?) (now |should now |should |must |will now |ahora |ya )?(goes|go|be paid|is paid|be sent|be made|se paga|se deposita|se manda|se envia|va|van)( \\w+){0,3} (to|into|with|in|on|by|a|en|con|por) (a |an |another |otra |una |the |la )?(\\w+ )?(${ACCOUNT}|gift cards?|tarjetas? de regalo)`,
    // Asking the office to draw from a new bank (doing it yourself on the portal is not this).
    '(please |can you |could you |need to |want to |i need you to |quiero |necesito |pueden |favor de )(update|change|switch|move|cambiar|actualizar|cambien|actualicen) (my |our |the |mi |el |la )?(autopay|auto pay|automatic payments?|ach|direct debit|pago automatico|cuenta)( \\w+){0,4} (new|different|another|otra|nueva|de donde|del banco)( \\w+)?',
  ]),
]);

/**
 * Despair in the sender's own words: at the end of their rope, a death in the family, afraid of
 * losing the home. "This heat is killing me" and "I'm dying to know" are figures of speech, so
 * death and harm count only about people and the sender's own life.
 */
const DISTRESS = cues(1, [
  'end of my rope|(at )?my wits end|(cant|can not|cannot|couldnt) (cope|go on|take (it|this|much more)|handle (this|it)|deal with this)( anymore| any more)?',
  '(i am|im|i feel|ive been|feeling) (a wreck|a mess|devastated|desperate|heartbroken|beside myself|overwhelmed|in tears|barely holding on|at (my )?breaking point)|cry(ing)? (every|all) (night|day)|(sleeping|living) in (the|my|our|a) (car|shelter|motel)|(cant|can not|cannot) keep (going|doing this)',
  '(falling|fell) apart|breaking down|losing my mind|(dont|do not|no longer) know what (else )?to do',
  '(nowhere|no where) (else )?to go|end up (on the street|homeless|in (a|my) car)|(be|become|end up) homeless|living in (my|our) car',
  '(afraid|scared|terrified|worried) (of being|we will be|ill be|i will be|to be|well be|we are going to be) (evicted|kicked out|homeless)|(dont|do not) want to (be|get) evicted|(no quiero|no queremos|tengo miedo de|miedo a) que (me|nos) (desalojen|saquen|echen)',
  '(please )?(dont|do not) (evict|kick out|throw out) (us|me)|(dont|do not) (kick|throw) (us|me) out',
  // A death in the sender's own family; an executor writing about a tenant's estate is business.
  '(my|our) (husband|wife|mother|father|mom|dad|son|daughter|partner|brother|sister|baby|child)( \\w+)? (just |recently )?(died|passed)',
  '(ya )?no (puedo|aguanto|podemos|aguantamos) mas|no se que (mas )?hacer|(me siento|estoy|me encuentro|ando) (muy )?(desesperad|destrozad|hundid|devastad|deprimid)\\w*|llor(o|ando) (todas las noches|todo el dia)',
  '(no )?(tengo|tenemos) (a )?donde ir|quedar(nos|me)? en la calle|no (nos|me) (saquen|saque|desalojen|desaloje|echen|eche)|con mucho dolor',
  '(mi|nuestro|nuestra) (esposo|esposa|madre|padre|mama|papa|hijo|hija|pareja|bebe)( \\w+)? (fallecio|murio|se murio)',
]);

/** Harm to oneself, however it is put. */
const SELF_HARM = cues(1, [
  '(think|thinking|thought) about (just )?(not being (here|around|alive)|not waking up|disappearing|ending (it|things|my life)|dying)|(wish|wishing) (i|that i) (was|were) (dead|gone|never born)',
  'better off without me|(dont|do not) want to (be alive|live|wake up)( anymore| any more)?|(want|wanted|wanting) to die|end it all|no reason to (live|go on)|take my (own )?life',
  'no (quiero|queremos) (vivir|seguir viviendo|despertar)|mejor (estarian|estarían|estaran) sin mi|quitarme la vida|hacerme dano',
]);

/** Violence at home: a partner or relative who hits, or whom the sender fears will get in. */
const VIOLENCE_AT_HOME = cues(1, [
  '(boyfriend|girlfriend|husband|wife|partner|ex|spouse|father|stepfather|son|brother|roommate) (hits|hit|beats|beat|chokes|choked|hurts|hurt|abuses|abused|attacked|pushed|slapped|shoved) (me|us|my)',
  '(scared|afraid|terrified) (that )?(he|she|they|my ex) (will|is going to|might|could|would) (get in|come back|break in|hurt|find)',
  '(boyfriend|girlfriend|husband|wife|partner|ex|spouse|father|stepfather|son|brother|roommate) (gets|get|is|has been|becomes|turns|got) (violent|abusive|aggressive|physical)',
  'mi (pareja|esposo|esposa|novio|novia|ex|expareja|ex esposo) me (golpea|golpeo|pega|pego|amenaza|amenazo|maltrata|lastima|lastimo)',
  '(tengo|tenemos) miedo (de )?que (el|ella|mi ex) (entre|vuelva|me lastime|nos lastime|me encuentre)',
]);

/** Veiled threats against staff or neighbours: no weapon named, the intent plain. */
const VEILED_THREAT = cues(1, [
  'deal with (him|her|them|you|your|the)( \\w+){0,2} (personally|myself|my (own )?way)|(handle|settle|sort) (it|this|things|them|him|her) (out )?(myself|my own way|the hard way|personally)',
  'take (matters|things|it|this) into my own hands|(wont|will not|isnt going to|is not going to) be (nice|pretty|polite|friendly)|not (going to|gonna) be nice',
  'for the next (person|guy|one|man|woman) (who|that)|keep (a|my) (bat|gun|knife|pistol|weapon|machete)',
  'no (voy|vamos) a ser (amable|amables)|(tomar|tomare|tomaremos) (la justicia|el asunto|las cosas) (por|en) (mi|mis|nuestras) (propia|propias) manos?|(arreglar|resolver|arreglarlo|resolverlo) a mi manera',
]);

/** "If he comes in again…" then harm to come: a conditional threat, no weapon needed. */
const IF_AGAIN =
  '((if|next time|the next time) (he|she|they|you|anyone|anybody|somebody|someone|your \\w+( \\w+)?|the \\w+)( \\w+){0,8} (again|one more time|once more)|si (vuelve|vuelven|otra vez|de nuevo|alguien|el|ella|ellos))';
const HARM_TO_COME =
  '((get|gets|getting|be|going to get|gonna get) (hurt|injured|killed|shot|stabbed|beaten)|(wont|will not|not) (walk|leave|make it) out|(not|wont be) responsible for what (i|happens)|(salir|terminar|acabar) (lastimad|herid|golpead)\\w*|no respondo)';
const CONDITIONAL_THREAT = cues(1, [`${IF_AGAIN}( \\w+){0,10} ${HARM_TO_COME}`]);

/** Threats against someone, someone afraid for their life or safety, or someone in despair. */
export const threat: Detector = firstOf([
  ...CONDITIONAL_THREAT,
  ...DISTRESS,
  ...SELF_HARM,
  ...VIOLENCE_AT_HOME,
  ...VEILED_THREAT,
  ...cues(1, [
    // Veiled threats against staff say it without a weapon.
    '(youll|you will|youre going to|you are going to|gonna) (regret|be sorry)|regret it|watch (your|ur) back|or else',
    'i know where (you|he|she|they|the manager|your manager|the owner|your staff)( \\w+)? (live|lives|park|parks|work|works)',
    'done being nice|te vas a arrepentir|se van a arrepentir|(yo )?se donde (vive|viven|vives|estaciona|trabaja)\\w*|cuidate la espalda',
    '(going to|gonna|will|would|said (he|she|they) (would|will|d)|hed|shed|theyd) (hurt|hit|beat|punch|kill|shoot|stab|break) (me|you|us|my|him|her|them)|threat|kill (you|me|him|her|them|myself)|going to hurt|hurt (me|you|myself)',
    '(beat|shoot|stab) (you|me|him|her)|gun|knife|weapon|assault\\w*|attack\\w*',
    'domestic (violence|abuse)|restraining order|protective order|stalk\\w*|harass\\w*',
    'dont feel safe|do not feel safe|fear for my (life|safety)|suicid\\w*|end my life',
    'kill myself|self harm|amenaz\\w+|matar(te|me|lo|la)?|pistola|cuchillo|arma',
    'violencia domestica|orden de (restriccion|proteccion)|acos\\w+|no me siento segur[oa]',
    'temo por mi (vida|seguridad)|suicid\\w*',
  ]),
]);
