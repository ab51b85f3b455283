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
  '(families with (kids|children)|people with|immigrants|section 8|single (mothers|moms|parents)|pregnant|(black|hispanic|latino|mexican|asian|muslim|jewish|disabled|gay) (people|families|tenants)|familias con (ninos|hijos)|inmigrantes|latinos|mexicanos|personas con)';

/** An allegation of unequal treatment for who someone is (the Fair Housing Act's protected classes). */
export const discrimination: Detector = firstOf(
  cues(1, [
    'discriminat\\w+|discrimina\\w+|fair housing (complaint|claim|violation)|hud complaint|racis[mt]\\w*|racista',
    // Steering: being talked out of a home for who you are, however politely.
    'steer(ed|ing)|(not|isnt|arent|wasnt) (really )?(set up|suited|a good fit|right|meant) for (big |large )?(families|kids|children)',
    '(would be|be|feel) happier (somewhere|elsewhere)|(no es|no son) (para|lugar para) familias|estarian mas (comodos|felices) en otro',
    // Being told to speak English to be served is national-origin discrimination in all but name.
    '(told|tells|telling) (me|us) to (learn|speak) english|(learn|speak) english (first|before|or)|you people|your kind|people like you',
    '(me|nos) (dijo|dijeron|dice|dicen) que (aprend|habl)\\w+ ingles|que (aprenda|aprendamos|hable|hablemos) ingles',
    // Refusing a whole group outright, familial status included ("no kids upstairs").
    `(dont|do not|doesnt|does not|wont|will not|would not|refuse(d|s)? to) (rent|lease|show|sell)\\w*( [a-z0-9]+){0,6} to ${GROUPS}`,
    `(no|sin) (kids|children|families with (kids|children)|ninos|familias con (ninos|hijos)) (allowed|permitted|permitidos|upstairs)`,
    `no (les |nos |me )?(rentan|quieren rentar|aceptan) a ${GROUPS}`,
    `${TREATED_WORSE}( [a-z0-9]+){0,10} (because|since|for being|por|porque) (of )?(my |our |i am |im |we are |were |we have |i have |having |mi |nuestra |nuestro |soy |somos |tengo |tenemos )?${PROTECTED}`,
  ]),
);

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

/** Someone asking to send money somewhere new: the classic vendor and landlord payment fraud. */
export const paymentDetailsChange: Detector = firstOf(
  cues(1, [
    '(update|change|changed|switch|new|updated|revised|confirm|re ?confirm|verify) (our |my |your |their |the )?(bank|banking|ach|wire|remittance|payment|deposit|direct deposit|account) (details|information|info|instructions|account|accounts|address)',
    '(new|different|updated) (bank )?account (number|below|details|for (payments|distributions|deposits|rent|remittances?))',
    '(new|different) (checking|savings|bank|business) account|(moved|switched|transferred) (my|our) (accounts?|banking) to',
    '(send|remit|wire|direct|make|deposit|pay) (all |future |the |any |my |our |owner )*(payments?|funds|rent|remittances?|distributions?|proceeds|deposits?)( for [a-z0-9 ]{1,40})? (to|into) (the |our |this |a |my )?(new|different|following|updated|below)',
    '(do not|dont|please do not|no longer) (send|pay|remit|deposit|wire)\\w* (it |them |anything |payments? |funds )?(to |into )?(the |my |our )?old account|changed (our|my) bank',
    '(cambiar|cambiamos|cambio|actualizar|actualicen) (de )?(la |los |nuestra |mi )?(cuenta bancaria|datos bancarios|banco|informacion bancaria)',
    'nueva cuenta (bancaria)?|cuenta nueva|(cambie|cambiamos|cambio) de banco',
    '(envien|enviar|depositen|depositar) (los |el |todos los )?(pagos?|renta|dinero) a (la |esta |otra |una )?(nueva|otra|siguiente)',
  ]),
);

/** Threats against someone, or someone afraid for their life or safety. */
export const threat: Detector = firstOf(
  cues(1, [
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
);
