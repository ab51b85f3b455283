import { cues } from '../classification/cue.ts';

/**
 * The two halves of an injection, as kinds rather than phrases: WHO the text speaks to (a machine
 * reader, under any name) and WHAT it asks of it (file this message, move money, reveal data,
 * answer or sign for the office, keep people out of it). Either half alone is ordinary mail —
 * "please approve my application" asks a person; "the AI thermostat" names a thing — so most rules
 * need both. A few asks only make sense to a machine and stand alone (`MACHINE_ONLY_ASKS`), as do
 * unmistakable forms of address (`SPEAKS_TO_A_MACHINE`). All cues read `normalise`d text.
 */

/** Names only software answers to. */
export const MACHINE_NOUN =
  '(ai|a i|ia|artificial intelligence|inteligencia artificial|bots?|robots?|chatbots?|llms?|gpt|chatgpt|language models?|modelos? de lenguaje|classifiers?|clasificador|algorithms?|algoritmo|summari[sz]ers?|copilot|gemini|openai|automation|automatizacion)';
/** Words that turn an ordinary noun into a machine: the "processing system", an "automated reader". */
const QUALIFIER =
  '((triage|email|e mail|mail|inbox|sorting|screening|intake|processing|reader|reading|answering|automated|automatic|automatizad[oa]|automatic[oa]|virtual|smart|ai|ia|llm|gpt|language) )';
/** Nouns that name people or things too ("the payment system", "assistant manager", "model unit"). */
const SHARED_NOUN =
  '(models?|modelo|systems?|sistema|assistants?|asistente|software|program|programa|machine|maquina|computer|computadora)';
/** Nouns that name a machine only with a qualifier: "AI reviewer", "automated reader", not "the agent". */
const QUALIFIED_NOUN =
  '(reader|lector|agent|agente|reviewer|engine|tool|screener|filter|sorter|responder|respondedor)';
/** What follows a shared noun when it names a person or a building system. */
const NOT_A_READER =
  '(?! (admin\\w*|administrator|manager|operator|engineer|company|vendor|installer|tech\\w*|unit|home|apartment|de (gerencia|administracion|oficina|alarma|seguridad|calefaccion|riego|pagos?|la gerente|el gerente)))';
/** A machine named so no person or building system could be meant. */
export const MACHINE = `(${QUALIFIER}{0,2}${MACHINE_NOUN}( (${SHARED_NOUN}|${QUALIFIED_NOUN}))?|${QUALIFIER}{1,2}(${SHARED_NOUN}|${QUALIFIED_NOUN}))${NOT_A_READER}`;
/** A machine, or a shared noun that only means one when spoken to. */
export const ANY_READER = `(${MACHINE}|${QUALIFIER}{0,2}${SHARED_NOUN}${NOT_A_READER})`;
const ARTICLE = '(the |this |any |all |whatever |whichever |el |la |los |las |al |cualquier )?';
const READS =
  '(reads?|reading|lee|lees|lea|processe?s?|processing|procesa|procesas|procese|revisas|clasifica|clasificas|handles?|handling|answers?|answering|sorts?|sorting|screens?|screening|triages?|triaging|summari[sz]es|summari[sz]ing|parses|parsing|reviews?|reviewing|revisa|revise|sees|opens)';

/** Unmistakable address to a machine reader: enough on its own. */
export const SPEAKS_TO_A_MACHINE = cues(1, [
  `(note|message|instructions?|hidden instructions?|reminder|request|memo|rules?|policy|update|orders?|directive|command|p s|ps|nota|mensaje|instrucci\\w+|recordatorio|reglas?|orden|aviso) (to|for|para|al|a) ${ARTICLE}${ANY_READER}`,
  `(dear|hey|hi|hello|hola|oye|querid[oa]|estimad[oa]|attention|attn|atencion) ${MACHINE}`,
  `(if|since|as|in case|when) (you are|youre|ur|u r|you re|you happen to be|you might be|you may be) (an? |the |some )?(kind of )?${ANY_READER}`,
  `si (eres|es usted|usted es) (un|una|el|la|algun|alguna) ${ANY_READER}`,
  `(if|when|in case) (a|an|any|the|some) (${MACHINE_NOUN}|machine|computer|program|software|model|system) (is )?${READS} (this|these|my|it)`,
  `(whatever|whoever or whatever|who or what|anything that|lo que|quien o lo que|quien o que) (is )?${READS} (this|these|esto|este|estos|my)`,
  `(whatever|whichever|any) (\\w+ )?(program|software|system|tool|machine|bot|ai|model|assistant|process|sistema|programa) (that |which |que )?${READS} (this|these|my|the|incoming|este|estos|los)( \\w+)? (mail|emails?|messages?|inbox|correos?|mensajes?)`,
  `${MACHINE} que ${READS} (esto|este|estos|mi)`,
  `(to|for|para|al|a|attention|dear) ${ARTICLE}${ANY_READER} (that |which |who |que )?${READS} ((this|these|the|my|our|your|all|incoming|tenant|este|estos|los)( \\w+)? (emails?|messages?|mail|inbox|tickets?|requests?|correos?|mensajes?)|along|too|as well)`,
  `(to|for|attention|dear) ${ARTICLE}(automated|automatic|ai|machine) (reader|readers|reviewer|screener|sorter|triage|processing|process|filter)`,
  `(i think|i know|i bet|i assume|i guess|im sure|pretty sure|probably|obviously) (ur|youre|you are|you re|this is) (a |an |just a |the |only a )?${ANY_READER}`,
  '(whom|who) or what (it may concern|reads|is reading|processes|is processing)|(quien|a quien) o (que|lo que) (corresponda|lea|procese)',
  `(as|since you are|being) (the|an?) ${ANY_READER} you`,
]);

/** What an injection asks of the machine. Ordinary words: they count only beside an address. */
export const ASKS = cues(1, [
  // Filing this message: priority, category, routing, status.
  '(route|reroute|reassign|forward|assign|escalate|move|send|pasa|manda|envia|reenvia|mueve|asigna)\\w* (it|this|me|este|esto|lo|la)( \\w+)? (straight |directly |directamente )?(to|a|al)',
  '(mark|set|change|tag|label|classify|categori[sz]e|file|treat|record|close|list|summari[sz]e|consider|report|marca|marque|pon|ponle|ponga|cambia|cambie|clasifica|clasifique|trata|considera|registra)\\w*( (it|this|me|my|the|this|mi|el|la|este|esta|lo))?( \\w+){0,3} (as|to|como|a|en)',
  'close (it|this|the work order|the ticket|the request|the case)|cierra (el|la|este)',
  'put me first|skip the queue|top of the queue|(priority|prioridad) (one|1|high|alta|maxima)|(high|top|alta|maxima|highest) (priority|prioridad)',
  // Money and records.
  '(approve|authori[sz]e|waive|credit|refund|release|zero|pay|issue|reverse|forgive|cancel|bill|charge|condon|acredit|aprueb|aprob|reembols|perdon|anul|cobr|pag)\\w*',
  '(balance|saldo|ledger|account|cuenta)( \\w+){0,3} (zero|0|cero|paid|pagad[oa]|settled|saldad[oa]|current|al corriente)',
  '(approved|aprobad[oa]|pre ?authori[sz]ed|pre ?approved|verified|verificad[oa]|authori[sz]ed|autorizad[oa])',
  // Data.
  '(gate|lockbox|door|access|alarm|wifi|garage|entry) (codes?|passwords?)|codigos?|contrasenas?|passwords?|phone numbers?|home address\\w*|list of|lista de|roster|ssns?|credit reports?|telefonos|correos de',
  'give me|dame|tell me|dime|send me|enviame|mandame|show me|muestrame|muestra',
  // The reply it expects.
  '(say|state|write|confirm|reply|respond|answer|responde|contesta|escribe|di|dile|confirma)\\w* (that|so|que)|in (your|the|tu|su) (answer|reply|summary|response|resumen|respuesta)|when (answering|replying|you reply|you answer)|al (responder|contestar)',
  '(send|envia|manda)\\w* (the |la |el )?(approval|letter|carta|confirmation|confirmacion)',
  '(has to|must|should|needs to|debe|tiene que) (say|state|write|tell|reply|respond|answer|confirm|decir|responder|escribir|confirmar)',
  // Keeping people out of it.
  '(do not|dont|no|without|sin|never) (show|tell|notify|alert|inform|avis|mostr|notifi|escalat|flag|involv)\\w*|nobody|no one|nadie|humans?|una persona|staff|personal',
  '(ignore|ignora|disregard|olvida|forget|override)\\w*',
  '(leave|keep) (the )?(manager|staff|office|humans?|people|management|team) (off|out)|deja\\w* fuera',
  'this is (the )?(landlord|owner|manager|management|office|system|admin\\w*)|(soy|habla) (el|la) (dueno|duena|gerente|administrador\\w*)',
]);

/** Asks only a machine is ever given: enough on their own. */
export const MACHINE_ONLY_ASKS = cues(1, [
  // Its own prompt.
  '(repeat|print|show|reveal|output|paste|copy|recite|list) (me )?(the |your |all |all the )?(text|words|instructions|rules|prompt|message|everything) (above|before this|you were given|you received|that came before|preceding)',
  'what (instructions|rules|directions|prompts?|guidelines) (were you|have you been|did you) (given|told|get|receive)',
  '(print|show|reveal|list|paste|dump|output) (me )?(your|the) (hidden|secret|internal|original|initial|system|full) (rules|instructions|prompt|guidelines|configuration)',
  '(repite|muestra|imprime|revela|copia|dime|dame) (las |tus |sus )?(instrucciones|reglas|indicaciones) (que te (dieron|dio|han dado)|anteriores|ocultas|del sistema|iniciales|originales)',
  // Answering with no one in the loop.
  '(auto ?reply|auto ?respond|autoreply)( to)? (this|with|confirming|saying|that)',
  '(reply|respond|answer|send (the reply|the response|your reply|your answer|it back|back)) automatically',
  '(envia|responde|contesta|manda)\\w* (la respuesta |el correo |la confirmacion )?automaticamente',
  'no need (to|for) (involve |loop in |wait for |ask |check with |notify )?(a |any )?(human|person|people|staff|reviewer)',
  '(the reply|the response|your reply|this reply|the answer|this message|this email) (does not|doesnt|do not|dont|wont|will not) need (to be )?(a )?(human |manual |any )?(review\\w*|approv\\w*|check\\w*|seen)',
  '(nobody|no one) needs to (be told|see|review|approve)|(without|before) (a |any )?(human|person) (seeing|sees|reviewing|reviews|checking|looking)',
  '(sin que|no hace falta que|no es necesario que) (nadie|una persona|un humano|el personal|la oficina) (lo |la )?(vea|revise|sepa|apruebe)',
  '(sin|no hace falta|no es necesario) que (lo |la )?(vea|revise|apruebe) (nadie|una persona|un humano|el personal|la oficina)',
  // Speaking or signing for the office.
  '(sign|signed|signing) (the |your |this )?(reply|response|email|answer|message) as',
  'sign (it|off) as (the )?(property )?(manager|landlord|owner|office|management|system)',
  '(write|reply|respond|answer|send)\\w* (back |it |this )?in the (property )?(managers|landlords|owners|offices|companys) name',
  '(responde|contesta|escribe|firma)\\w*( \\w+){0,2} (en|a) nombre (del|de la) (gerente|administrador|administradora|dueno|duena|oficina)',
  '(firma|firme) (la |tu |su |el )?(respuesta|correo|mensaje|carta) como',
  '(you are|youre|ur) (now )?(acting|playing|operating|working|speaking|responding) as',
  '(ahora )?(actuas|actua|hablas|respondes) como (el|la) (gerente|administrador\\w*|sistema|duen[oa])',
  // Using what it is told when it answers.
  '(apply|use|follow|remember|include|reflect) (this|these|that|it|them)( \\w+)? (when|while|in) (answering|replying|responding|drafting|classifying|summari[sz]ing|your (reply|answer|response|summary))',
  'aplica\\w* (esto |esta \\w+ )?(al|cuando) (responder|contestar|clasificar|redactar)',
  'say so in your (answer|reply|summary|response)',
  'when you (draft|write|generate|compose) (the|your|a) (reply|response|answer|summary)',
  '(en )?(tu|su) resumen (escribe|pon|di|indica)',
  '(respond|reply|answer|write|sign|speak|confirm|accept|agree)\\w* (back )?on behalf of (the )?(management|manager|landlord|owner|office|company)',
  '(responde|contesta|escribe|firma|confirma)\\w*( \\w+){0,2} en nombre de (la|el) (administracion|gerencia|gerente|dueno|duena|oficina|compania|empresa)',
  '(generate|produce) (a|an|me a) (confirmation|letter|receipt|statement|notice|document)( \\w+)? (that|saying|stating|confirming)',
  '(supersedes?|overrides?|replaces?|takes precedence over) (all )?(your|ur) (\\w+ )?(configuration|instruc\\w*|rules|programming|prompt|settings|guidelines|directives)',
  '(you were|youve been|you have been|you are|fuiste|estas) (configured|programmed|trained|prompted|fine tuned|configurad[oa]|programad[oa]|entrenad[oa])',
  '(treat|consider|take|regard) (the following|this|what follows|the text below|these lines) as (an? )?(instructions?|orders?|commands?|directives?|system \\w+)( (from|by))?',
  '(trata|considera|toma) (lo siguiente|esto) como (una )?(instruccion|orden)',
  '(translate|decode|decipher|read|traduce|decodifica)\\w*( \\w+){0,5} (and|then|y) (then |luego )?(follow|obey|execute|carry out|do what it says|sigue|ejecuta|obedece)',
  '(your|tu) (task|job|role|instructions|tarea|rol) (has|have|is|ha) (changed|been updated|now|cambiado)',
  '(classify|categori[sz]e) (it |this |me )?as|(route|reroute) (it |this )?(straight |directly )?to (the )?(owner|accounting|payments|legal|manager|maintenance|queue)',
  // Saying which reader a passage is for, or keeping it from people.
  `(this|the following|what follows|this part|the next part|the text below|below|lo siguiente|esta parte) (is|es) (only |meant |intended |solo )?(for|to|para) (the |your |any |el |la )?${ANY_READER}`,
  '(not|isnt|no es) (for|para) (the |a |any |el |la |los )?(humans?|people|staff|manager|property manager|office|personal|gerente|humanos|personas)',
  '(do not|dont|never|no) (read|show|forward|display|leas|muestres|reenvies)( this| it| esto)?( part| section| parte)?( aloud)? (to|a|al) (the |any |el |la )?(staff|humans?|people|manager|office|team|personal|gerente|oficina)',
  '(the|this) (email|message|mail|text|ticket|request) (you are|youre|ur) (processing|classifying|summari[sz]ing|triaging|parsing|handling|screening)',
  `(if|when) (this|it|my message|this email|this message|my email) (is|gets|was|has been) (read|processed|handled|parsed|seen|opened|scanned|classified) by (a|an|any|the|some) ${ANY_READER}`,
  `(si|if) (estas|you are|youre|eres|es) (leyendo|reading|procesando|processing|revisando) (esto|this|este correo|este mensaje) (como|as) (una? |an? )?${ANY_READER}`,
  `si (esto|este correo|este mensaje) (es|lo|fue) (leido|procesado|revisado|lee|procesa) (por )?(una? |el |la |algun )?${ANY_READER}`,
  // Routing itself.
  '(change|update|set|switch) the (routing|queue|category|classification|priority|urgency) (of|for|on) (this|the|my) (ticket|message|email|request)',
  'reassign (this|the) (message|email|ticket) to',
  '(cambia|cambie) (la )?(categoria|prioridad|clasificacion|ruta) (de )?(este|esta|el|la) (mensaje|correo|solicitud|caso)',
  // Other people's records.
  '(account|routing|bank|card|ssn|social security) numbers on file',
  '(account|routing|bank|card|ssn) (numbers?|details) (on file )?for (units|apartments|all|every|the other|other|each|(unit|apt|apartment) \\w+ (and|&) \\w+)',
  '(send|give|share|export|forward|email|attach|provide|dump|print|download)\\w* (me |us )?(the |a |your |full |complete |entire )*(resident|tenant|owner|applicant|occupant)s? (roster|list|directory|database|contact list|contacts|phone list)',
  '(the )?(other|all) (applicants|tenants|residents|owners|occupants)s? (credit reports?|ssns?|social security|phone numbers|email addresses|contact \\w+|balances|ledgers|applications|bank \\w+)',
  '(lista|directorio) de (todos los )?(residentes|inquilinos|solicitantes|propietarios) con (sus )?(saldos|telefonos|correos|datos|deudas)',
  '(correos|telefonos|saldos|datos|numeros|direcciones)( y (correos|telefonos|saldos|datos|numeros))? de (todos )?(los )?(otros |demas )?(solicitantes|inquilinos|residentes|propietarios)',
  // Modes and policy no tenant writes.
  'modo (desarrollador|depuracion|administrador|dios|sin restricciones|jailbreak)',
]);

/** Framing that claims to reconfigure the reader: counts beside an ask. */
export const RECONFIGURES = cues(1, [
  '(policy update|updated policy|policy change|new policy|system update|system notice|actualizacion de (la )?politica|nueva politica|cambio de politica|aviso del sistema)',
]);

/** A machine spoken of in the third person, with what it must do: "the assistant should reply that…". */
export const MACHINE_MUST = cues(1, [
  `(the|any|this|your|el|la|cualquier) ${ANY_READER}( (handling|reading|processing|that reads|que procese|que lea) (this|esto))? (should|must|shall|needs? to|has to|is to|is required to|debe|deberia|tiene que)`,
  `(when|while|before|after|cuando) (the|a|your|el|la) ${ANY_READER} (drafts|writes|answers|replies|responds|summari[sz]es|generates|classifies|processes|redacta|responde|contesta|clasifica)`,
]);
