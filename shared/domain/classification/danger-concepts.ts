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
const thing = (name: string, family: EmergencyHazard, ...parts: readonly string[]): DangerConcept => ({
  ...concept(name, family, ...parts),
  thing: true,
});

const STRUCTURE_PART =
  'ceilings?|roof|stairs?|staircase|steps?|balcon(y|ies)|deck|porch|floor ?boards?|subfloor|joists?|beams?|walls?|foundation|chimney|railings?|techo|escaleras?|balcon|pared(es)?|piso';

export const DANGER_CONCEPTS: readonly DangerConcept[] = [
  concept('gas', 'gas', GAS, 'gas leak|fuga de gas|huele a gas|hiss\\w*|silb\\w*|siseo'),
  concept('smell', undefined, SMELLING, 'olor|huele|apesta'),
  concept(
    'lighter smell',
    'gas',
    'lighter|(un ?lit|unlit) (burner|stove)|like (a )?(match|matches|lighter)|chemical smell|cerillos?|fosforos?|encendedor|huevos?',
  ),
  concept('co alarm', 'carbon_monoxide', CO_DETECTOR, 'carbon monoxide|monoxide|monoxido'),
  concept('alarm sounding', undefined, SOUNDING, 'alarms?|detectors?|beep\\w*|chirp\\w*|alarma'),
  concept('poisoning symptoms', 'carbon_monoxide', POISONING_SYMPTOMS),
  concept('burning', 'fire', BURNING, 'fire|fuego|incendio|llamas?'),
  concept('smoke', 'smoke', 'smok(e|ing|y)(?! (detectors?|alarms?|free))|humo(?! de cigarro)|haze|hazy|soot'),
  thing('electrical thing', 'electrical', ELECTRICAL_THING),
  thing('heat source', 'electrical', HEAT_SOURCE),
  concept(
    'overheating',
    'electrical',
    OVERHEATING,
    'brown|browned|turn(ed|ing) brown|discolou?r\\w*|sizzl\\w*|tripp\\w*|trips',
  ),
  thing('water', 'active_leak', WATER),
  concept('water moving', undefined, ACTIVE_WATER),
  concept('above or through', undefined, ABOVE_OR_THROUGH),
  concept(
    'spreading water',
    'flooding',
    SPREADING_WATER,
    'rising|across the (floor|room|hall|hallway)|over the (edge|rim|side)',
  ),
  concept('sewage', 'sewage', SEWAGE, FOUL_WATER, 'smells? like (a )?sewer|sewer (smell|gas)'),
  thing('drain', 'sewage', DRAIN, DRAIN_FIXTURE),
  concept(
    'no heat',
    'no_heat',
    '(no|without) (heat|heating|hot air|calefaccion)|(heat|heating|furnace|boiler|heater|calefaccion) (\\w+ ){0,3}(out|off|dead|broken|not working|stopped|quit|died|wont (turn|come) on|blowing cold)',
  ),
  concept(
    'no cooling',
    'no_cooling',
    '(no|without) (ac|a c|air|air conditioning|aire)|(ac|a c|air conditioning|air conditioner|aire( acondicionado)?|cooling) \\w* ?(out|off|dead|broken|not working|stopped|quit|died|blowing (hot|warm))',
  ),
  concept(
    'no water',
    'no_water',
    'no (running )?water|without water|(a|one) (single )?drop (out of|from) the (taps?|faucets?)|(taps?|faucets?) (are |is )?dry|well pump|water (is |was )?(off|shut off|cut off)|(nothing|no water) (comes|coming) out|no (hay|tenemos) agua|sin agua',
  ),
  thing(
    'way in',
    'unsecured_unit',
    'doors?|front door|back door|deadbolts?|locks?|latch|windows?|sliders?|sliding (glass )?doors?|patio doors?|puertas?|cerradura|chapa|ventanas?',
  ),
  concept(
    'cannot secure',
    'unsecured_unit',
    '(wont|will not|cant|cannot|doesnt|does not) (lock|latch|close|shut|secure)|off (its|the) (track|hinges?)|wide open|kicked in|broken into|break in|pried|smashed|shattered|intruders?|no (cierra|asegura)',
  ),
  concept(
    'structure giving way',
    'structural',
    `(${STRUCTURE_PART}) \\w* ?\\w* ?(sag\\w*|bulg\\w*|collaps\\w*|cav\\w* in|gave way|giving way|crack\\w*|split|buckl\\w*|fell|falling|coming down)`,
    'collaps\\w*|cav(ed|ing) in|gave way|giving way|se (cayo|esta cayendo|hundio)',
  ),
  concept(
    'confinement',
    'trapped',
    'stuck|trapped|locked in|shut in|jammed|wedged|between floors|(wont|will not|cant|cannot|can not) open|(cant|cannot|can not|unable to) get (out|in)|get (him|her|them) out|atrapad[oa]s?|encerrad[oa]s?|atorad[oa]|no (abre|se abre)',
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
    'elderly|senior|grand\\w+|oxygen|disabled|wheelchair|pregnant|alone|by (myself|himself|herself)|asthma|infant|newborn|oxigeno|abuel[oa]|embarazada|sol[oa]',
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
  concept(
    'vomiting or confused',
    'carbon_monoxide',
    'vomit\\w*|throwing up|threw up|confused|disoriented|lethargic|wont wake|not making sense',
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
  const features = new Set<string>();
  const affirmedAnywhere = new Set<string>();
  for (const clause of splitClauses(reported)) {
    const excluded = exclusionOf(clause);
    const here: string[] = [];
    for (const { name, family, pattern } of DANGER_CONCEPTS) {
      if (!seenIn(pattern, clause)) continue;
      if (!affirmedIn(pattern, clause)) {
        features.add(`n:${name}`);
        continue;
      }
      if (excluded !== undefined) {
        if (family !== undefined) features.add(`x:${excluded}`);
        continue;
      }
      here.push(name);
      affirmedAnywhere.add(name);
    }
    for (const [index, first] of here.entries())
      for (const second of here.slice(index + 1)) features.add(`p:${first}+${second}`);
  }
  for (const name of affirmedAnywhere) features.add(`c:${name}`);
  const message = normalise(reported);
  if (isForYourRecords(message)) features.add('m:for the records');
  if (isCold(message)) features.add('m:cold');
  if (isDangerouslyHot(message)) features.add('m:hot');
  if (isVulnerableHousehold(message)) features.add('m:vulnerable household');
  if (needsPoweredMedicalEquipment(message)) features.add('m:medical equipment');
  const quotedOnly = DANGER_CONCEPTS.some(
    ({ family, pattern }) =>
      family !== undefined && seenIn(pattern, normalise(raw)) && !seenIn(pattern, message),
  );
  if (quotedOnly) features.add('m:hazard only quoted');
  return [...features].sort();
}

/** The hazard concepts affirmed in reportable clauses: the net only speaks when there is one. */
export const hazardConceptsIn = (features: readonly string[]): string[] =>
  DANGER_CONCEPTS.filter(({ name, family }) => family !== undefined && features.includes(`c:${name}`)).map(
    ({ name }) => name,
  );
