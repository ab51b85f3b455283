import { wholeWords } from './cue.ts';
import { POISONING_SYMPTOMS } from './hazard-words.ts';

/**
 * Clauses that mention a hazard without reporting one happening now: a question about what to do
 * if it ever happens, work on the safety equipment itself, or something already over. Each test
 * reads one `normalise`d clause (see clauses.ts).
 */

/** "what if", "in case of", "si pasa", "en caso de": a question or a plan, not a report. */
const HYPOTHETICAL = wholeWords(
  [
    'what (if|happens if|would happen|should (i|we) do if|do (i|we) do if)',
    '(just )?in case( of)?',
    'in the event( of| that)?',
    'if (there (is|was|were|ever|s)|theres|ever|it ever|we ever|i ever|you ever|a fire|a leak|the power|the pump|it (goes|stops|breaks|happens|gets))',
    '(can|could|might|may|would) (\\w+ )?(flood|catch fire|burst|leak|spark|collapse|freeze|start a fire)',
    '(supposed|meant|need|needs|have) to do if|way out if',
    'should there (be|ever)',
    // "does the policy cover us if a hurricane floods the ground floor": a question about a risk.
    'if (a|an|the) (\\w+ ){0,2}(floods|hits|strikes|comes through|knocks out|takes out)',
    'suppose|supposing|hypothetically',
    '(would|could|might) (cause|start|lead to)',
    'emergency (plan|procedures?|contacts?|numbers?|preparedness|kit)',
    'what (is|s) the (procedure|protocol|plan)',
    '(que|como) (pasa|hago|hacemos|debo hacer|hacer) (si|en caso)',
    'en caso de',
    'si (pasa|llega a|alguna vez|hubiera|hay un|hay una|ocurre)',
    'por si( acaso)?',
    // Prevention: what to do so that it does not happen.
    '(keep|prevent|stop|protect)s? (the |our |my )?(\\w+ )?from (freezing|bursting|flooding|leaking)|to prevent (freezing|frozen pipes|a leak|leaks|flooding|a fire)|(so|so that) (the )?pipes? (dont|do not|wont) freeze',
    'va(n|mos)? a (estar|quedar|haber) sin|(estara|estaran|estaremos|quedara|quedaran) sin|(corte|suspension) programad[oa]',
    // Whether something goes on working through an outage: a plan, not a report.
    '(does|do|will|would|can|could) (the |our |my )?(\\w+ ){0,3}(still )?(work|run|function) without|prone to|(risk|chance|history|danger) of|tends? to|likely to|propens[oa] a',
    // A utility's notice of a cut to come ("they'll cut off our power Friday for nonpayment"); a cut
    // already made for nonpayment ("shut off the gas for non payment") is a present outage.
    '(will|theyll|they will|going to|gonna) (cut|shut|turn) off (our|the|my) (power|electric\\w*|lights|gas|water|service)|(van a|va a) (cortar|desconectar)',
    '(we ll|well|we will|you ll|youll|will|going to) be without|(scheduled|planned) (outage|shut ?off|shutdown|interruption)|(will|is going to) be (shut|turned) off',
    '(has|have|had) (\\w+ )?ever (had|been)|(has|have) there ever|alguna vez (ha|han|hubo|hay)',
    // A hazard named as the topic of a question ("Power outage question", "Pregunta sobre gas").
    '^(a |quick |one |another |general )?(question|inquiry|pregunta|duda)s? (about|regarding|re|on|sobre|acerca de)|(question|questions|inquiry|faq|pregunta|duda)$',
  ].join('|'),
);

/**
 * A warning of what may come ("don't wait until there's a flood", "fix it before there is a
 * fire"): the warned-of hazard is not reported, but the rest of the clause may report one
 * ("don't wait for Monday, water is pouring through the ceiling"). Up to the next comma.
 */
const WARNING_WORDS =
  '((dont|do not) wait (until|till|for)|(until|till|before) there (is|s) (a|an|any))( [^,]*)?';
const WARNING = wholeWords(WARNING_WORDS);
const EVERY_WARNING = wholeWords(WARNING_WORDS, 'g');
/** An advertisement's pitch beside such a warning: the whole clause sells, it reports nothing. */
const SALES_PITCH = wholeWords(
  'protect (your|you|yourself)|book (your|a|an|now|today|online)|buy|order (now|today|yours|online)|call (us|today|now)|sign up|schedule (your|a|an)|(annual|yearly|free) (inspection|check|checkup|service)|discount|special offer|(\\d+ )?(percent|%) off',
);

/**
 * Installing, inspecting, testing or servicing the equipment ("CO detector installation", "gas
 * line inspection", "fire alarm test"): the equipment is named, no hazard is reported.
 */
const EQUIPMENT_WORK = wholeWords(
  [
    'install(ing|ed|ation|ations|s)?',
    'inspect(ing|ed|ion|ions|or|s)?',
    'test(ing|ed|s)?',
    'drill',
    'upgrad(e|es|ed|ing)',
    '(annual|routine|scheduled|yearly|preventive|preventative) (maintenance|service|check|visit)',
    'certif(y|ied|ication)',
    'instala(r|cion|ron|do)',
    'inspeccion(es)?',
    'revision',
    'prueba',
  ].join('|'),
);

/** The water stopped by itself: "entró agua pero ya paró", "it has already stopped". */
const STOPPED_BY_ITSELF =
  'ya (se )?(paro|detuvo|dejo de (entrar|salir|gotear|caer))|(has |it )?already stopped|(it|the water|the leak|the dripping) (has )?stopped (now|on its own|by itself)';

/** Something that was a hazard and is over now ("was fixed", "ya lo arreglaron", "last year"). */
const RESOLVED = wholeWords(
  [
    '(was|were|got|has been|have been|had been|been|is|are|its|all) (fixed|repaired|resolved|handled|taken care of|patched|sorted)',
    '(fixed|repaired|resolved|patched|replaced|swapped out|rewired|snaked|unclogged|capped( off)?) (it|that|the|this|a|an|both|all|new|\\w+ (lines?|pipes?|breakers?|valves?|outlets?|switch(es)?|wiring|hoses?|parts?|panel|stabs?|fittings?|seals?|cords?|units?))',
    '(you|they|maintenance|the plumber|the electrician|the tech|someone) (fixed|repaired|came and fixed)',
    '(at|in) (my|our) (old|last|previous|former) (place|apartment|house|home|unit|building)|(months|years|weeks) ago|in (19|20)\\d\\d|en (19|20)\\d\\d',
    // A subject line that closes its own topic: "Burnt smell - resolved", "leak fixed".
    '(smell|odou?r|leak|smoke|problem|issue|outage|olor|fuga|problema) (now |is |was )?(resolved|fixed|solved|resuelto|arreglad[oa]|solucionad[oa])',
    'responded to|(was|were) (called|dispatched) (out )?(for|to)|(heat|power|water|service|system|everything) (is |was |has been )?(restored|back on|back to normal)',
    '(smell|odou?r|leak|water|smoke|haze|problem|issue|it|that) (is|are|s|has|have) (finally |now |completely )?gone(?! (out|off|up|down|cold|bad))|sorry (for|about) (calling|the (call|calls))|(installed|put in) (a |the )?new|replaced (it|them|the \\w+) with|all resolved|(we|i|they|he|she|someone|the fire department|firefighters) (put|got) (it|the fire|them) out|(was|were|got) put out|extinguished|lo apagamos|(previous|prior|former|old) (tenants?|owners?|residents?|occupants?) (said|told|mentioned|says|warned|had)|(i|we|he|she) (put|pushed|screwed|clamped|tightened|reattached|reconnected|hooked) (it|them|the \\w+) back( on| in| up)?|(said|says|told (us|me)|confirmed|checked and said) (that )?(it|everything|all|the \\w+) (was|is|s|were|are) (fine|ok|okay|safe|normal|nothing)|false alarm|(found|detected) nothing|no leaks? (was |were )?found|todo (estaba|esta) bien|falsa alarma|(had|have|got) (it|that|them|this) (fixed|repaired|patched)|(been|stayed) dry|ya no (huele|gotea)|ya no sale (el |la )?(humo|olor|gas|agua (por|del|de la) (techo|pared|tubo))|went away|gone away|se (quito|fue el olor)|no further (odou?r|smell|leak\\w*)|leak tested|made safe|pumped out|dried out|(thanks|thank you|gracias)( so much| very much| again| a lot| mil| por todo)? (for|por) (getting|fixing|sending|taking care|handling|coming|arreglar|mandar|venir)|(all|everything( is)?|its) (good|fine|ok|okay|safe) now|(todo|ya todo) (bien|esta bien) (ahora|ya)',
    'last (year|summer|winter|spring|fall|autumn|month|january|february|march|april|may|june|july|august|september|october|november|december)|(back )?when (we|i|they) had',
    'back in (january|february|march|april|may|june|july|august|september|october|november|december|the (spring|summer|fall|winter))',
    'ya (lo |la |los |las |se )?(arreglaron|arreglo|reparo|repararon|esta arreglad[oa]|quedo|resolvio|resolvieron)',
    '(fue|esta|quedo) (arreglad[oa]|reparad[oa]|resuelt[oa])|ya (esta|quedo) bien',
    'hace (meses|anos|semanas)',
    'el (ano|mes) pasado',
    STOPPED_BY_ITSELF,
  ].join('|'),
);

/** Words that keep a past clause alive ("since last month", "again", "still"). */
const STILL_HAPPENING = wholeWords(
  // "fixed now", "fine now" close a report; "now" alone keeps it open.
  'still|again|(?<!(dry|fine|ok|okay|good|quiet) )since(?= \\w)|keeps?|right now|(?<!(fixed|fine|ok|okay|good|working|resolved|repaired|normal|gone|safe|dry|better) )now(?! (its|it s|it is|everything|all|todo) (\\w+ )?(gone|fine|ok|okay|good|normal|fixed|working|bien))|worse|(?<!(never|not|didnt|hasnt|havent) )(is|its|came) back|returned|todavia|sigue|otra vez|de nuevo|(?<!(bien|normal) )desde(?! entonces)|peor|volvio|regreso',
);

/** A short clause that says the one before it is over ("but they fixed it", "pero ya la arregló"). */
const BACK_REFERENCE = wholeWords('it|that|this|them|lo|la|los|las|eso');
/** "ya paró" needs no pronoun to refer back: the stopping is the previous clause's. */
const STOPPED = wholeWords(STOPPED_BY_ITSELF);
/** "Turned out to be lint", "resultó ser el vecino": the cause found, so the previous clause is explained. */
const EXPLAINED = wholeWords('turned out (to be|it was)|resulto (ser|que era)');
/** "Ya no, ya está bien": a clause that opens with "no longer" answers the one before it. */
const NO_LONGER = /^(ya no|not any ?more|no longer) (,|$)/;
export const closesPrevious = (clause: string): boolean =>
  ((BACK_REFERENCE.test(clause) || STOPPED.test(clause)) &&
    clause.split(' ').length <= 12 &&
    isResolved(clause)) ||
  ((EXPLAINED.test(clause) || NO_LONGER.test(clause)) && isResolved(clause));

/**
 * A sender who says all is well now, or that they only ask ("ahorita todo está bien, solo quiero
 * saber", "nothing has happened, just asking"): a hazard named in the subject line is the topic
 * of the question, not a report.
 */
const ALL_IS_WELL = wholeWords(
  [
    '(right now|for now|at the moment|ahorita|ahora|por ahora|por el momento|hoy) (ya )?(everything|all|todo) (is |s |esta |seems |seems to be |parece |looks )?(fine|ok|okay|good|normal|bien|tranquilo)',
    '(everything|todo) (is |s |esta |seems |seems to be |parece |looks )?(fine|ok|okay|good|normal|bien) (right now|for now|at the moment|ahorita|ahora|por ahora|now)',
    '(everything|todo) (seems|looks|parece|seems to be) (fine|ok|okay|normal|bien)|ya todo (esta )?bien|nothing (has )?happened|no ha pasado nada',
  ].join('|'),
);
/** A request for someone to come: whatever else the body says, the subject's hazard stands. */
const ASKS_FOR_HELP = wholeWords(
  [
    'please (come|send|check|hurry|help|look)|(need|needs) help|help (us|me|please)|asap|(?<!(not|no es) )urgent(e|ly)?',
    '(can|could|would) (someone|somebody|you) (\\w+ )?(come|check|send|look|take a look)|(have|send|get) (someone|somebody|a tech\\w*|a plumber|maintenance) (to )?(come|look|check|out)|look at (it|this|that)|take a look',
    // Spanish asks with the verb aimed at the reader ("revisen", "¿pueden venir?"), not "vino a revisar".
    'ayuda|vengan|manden a alguien|lo antes posible|revisen|chequen|(pueden|puede|podrian) (venir|checar|revisar)',
  ].join('|'),
);
/** It comes back: the calm the sender describes is between two episodes. */
const RECURS = wholeWords(
  'again|(comes|came|keeps coming|is|its) back|comes and goes|on and off|off and on|(every|each) (night|day|morning|evening|time)|otra vez|de nuevo|(vuelve|volvio|regresa|regreso)|va y viene|cada (noche|dia|manana|rato)',
);
/** Someone already made ill by it: no longer a question, whatever the sender calls it. */
const SOMEONE_ILL = wholeWords(POISONING_SYMPTOMS);
export const saysAllIsWell = (text: string): boolean =>
  ALL_IS_WELL.test(text) && !ASKS_FOR_HELP.test(text) && !RECURS.test(text) && !SOMEONE_ILL.test(text);
/** It comes back (see RECURS). */
export const recurs = (text: string): boolean => RECURS.test(text);
export const asksForHelp = (text: string): boolean => ASKS_FOR_HELP.test(text);

/** A reply that says its news is about something else than the thread it answers. */
const OTHER_TOPIC = wholeWords(
  'different (issue|question|topic|matter|thing)|(unrelated|separate) (issue|question|topic|matter|note)|not (about|related to) (that|this|the)|otro (tema|asunto)|(tema|asunto) (diferente|distinto)',
);
export const changesTopic = (text: string): boolean => OTHER_TOPIC.test(text);

/** A forward or note sent only to inform: "FYI", "for your records". */
const FOR_THE_RECORDS = wholeWords(
  'fyi|for your (records|files?|information|info)|for the (records|file)|no action (needed|required)|para su (informacion|conocimiento|archivo)',
);

export const isForYourRecords = (text: string): boolean => FOR_THE_RECORDS.test(text);

/** A friend's or a colleague's home: a hazard there is not this home's. */
const ELSEWHERE = wholeWords(
  // Not "my office" or "another property": a manager or owner reports hazards from there.
  '(my|our|a) (coworkers?|co workers?|colleagues?|friends?|boss|cousins?)s? (house|home|place|apartment)|(casa|departamento) de (mi|una|un) (amig[oa]|companer[oa]|prim[oa])',
);
export const isElsewhere = (clause: string): boolean => ELSEWHERE.test(clause);

/**
 * A legal filing's list of alleged conditions: a claim to answer, not a report of a hazard now.
 * Complaints or a failure to repair only count as one in a legal letter: a tenant's "despite my
 * numerous complaints, water is pouring in" reports the water now.
 */
const ALLEGED = wholeWords('alleg(ing|es|ed|ation|ations) (\\w+ ){0,4}(failure|conditions|violations|that)');
const CLAIMED = wholeWords(
  'failure to (repair|maintain|fix|remedy)|defective conditions|(repeated|unrepaired|prior|previous|multiple|numerous) (\\w+ ){0,3}complaints',
);
const LEGAL_LETTER = wholeWords(
  'our client|attorneys?|lawyers?|counsel|law (firm|office)|legal (notice|action)|court|lawsuit|demand (letter|for)|plaintiffs?|defendants?|pursuant|habitability|abogad[oa]s?|demanda|tribunal|juzgado|aviso legal',
);
/** `clause` of `message`: an allegation when it alleges, or claims in a message that is a legal letter. */
export const isAllegation = (clause: string, message: string): boolean =>
  ALLEGED.test(clause) || (CLAIMED.test(clause) && LEGAL_LETTER.test(message));

/** A statement dated in the past ("yesterday", "on Monday", "hubo"): under "FYI" it is a record. */
const PAST_DATED = wholeWords(
  [
    'yesterday|last (night|week|weekend|month|year|winter|summer)|(\\d+|a|two|three|four|a few|several|couple of) (days|weeks|months|years) ago',
    'on (monday|tuesday|wednesday|thursday|friday|saturday|sunday)|earlier (this|last) (week|month)|over the weekend|there (was|were)',
    'ayer|anoche|antier|anteayer|la semana pasada|el (lunes|martes|miercoles|jueves|viernes|sabado|domingo)( pasado)?|hace (unos |varios |dos |tres )?(dias|semanas|meses)|hubo|habia|tuvimos|tuvieron',
  ].join('|'),
);
export const isPastDated = (statement: string): boolean =>
  PAST_DATED.test(statement) && !STILL_HAPPENING.test(statement);
export const isHypothetical = (clause: string): boolean =>
  HYPOTHETICAL.test(clause) || (WARNING.test(clause) && SALES_PITCH.test(clause));
/** The clause without its warning of what may come (see WARNING). */
export const withoutWarning = (clause: string): string =>
  clause.replace(EVERY_WARNING, '').replace(/ {2,}/g, ' ').trim();
export const isAboutEquipmentWork = (clause: string): boolean => EQUIPMENT_WORK.test(clause);
/** Words saying something reported before goes on ("still", "again", "sigue"). */
export const isStillHappening = (text: string): boolean => STILL_HAPPENING.test(text);
/** Mentions something fixed or over, whatever else it says. */
export const mentionsResolution = (text: string): boolean => RESOLVED.test(text);
export const isResolved = (clause: string): boolean => RESOLVED.test(clause) && !STILL_HAPPENING.test(clause);
