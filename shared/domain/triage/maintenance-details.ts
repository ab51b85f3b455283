import type { EmergencyHazard, IssueType, SafetyFlag } from '#vocabulary/triage.ts';
import { cues } from '../classification/cue.ts';
import { normalise, stripQuotedReply } from '../classification/normalise.ts';
import { anyFound, near } from './phrases.ts';
import type { MaintenanceDetails } from './triage.ts';

/**
 * What a repair is about: the trade (issueType), where (room and fixture, in English for the
 * people who dispatch) and the safety flags a technician must know before going in. English and
 * Spanish, over `normalise`d new text.
 */

/** Most specific first: a water heater is plumbing too, a smoke detector is electrical too. */
const ISSUE_PHRASES: readonly (readonly [IssueType, string])[] = [
  [
    'gas',
    'gas (smell|leak|line|meter|valve)|smell(s|ing)? (of |like )?gas|rotten eggs?|olor a gas|fuga de gas',
  ],
  [
    'fire_safety',
    'smoke (detector|alarm)s?|co (detector|alarm)s?|carbon monoxide|fire (alarm|extinguisher|sprinkler)s?|sprinklers?|detector de (humo|monoxido)|alarma de (humo|incendio)|extintor',
  ],
  ['water_heater', 'water heater|hot water( tank)?|no hot water|calentador( de agua)?|boiler|agua caliente'],
  ['elevator', 'elevators?|lift|ascensor|elevador'],
  ['roof', 'roof(ing)?|gutters?|shingles?|tejado|canaletas?'],
  ['mold', 'mold|mould|mildew|moho|hongos'],
  [
    'pest',
    'roach(es)?|cockroach(es)?|mice|mouse|rats?|rodents?|bed ?bugs?|ants|termites?|pests?|wasps?|bees|fleas|cucarachas?|ratas?|ratones|chinches|hormigas|plagas?|termitas',
  ],
  [
    'appliance',
    'fridge|refrigerator|freezer|dishwasher|washer|dryer|washing machine|stove|oven|range|microwave|(garbage )?disposal|range hood|ice maker|refrigerador|nevera|congelador|lavaplatos|lavavajillas|lavadora|secadora|estufa|horno|microondas',
  ],
  [
    'hvac',
    'ac|a c|air condition\\w*|hvac|furnace|heat(er|ing)?|thermostat|heat pump|vents?|(exhaust |ceiling |bathroom )?fan|no (heat|cooling)|aire acondicionado|calefaccion|termostato|clima|ventilador',
  ],
  [
    'electrical',
    'outlets?|outlit|plugs?|breakers?|breaker box|electrical panel|panel|wiring|wires?|gfci|light (switch|fixture)s?|switch(es)?|lights?|power|electric\\w*|sparks?|enchufes?|contactos?|toma ?corriente|electricidad|luz|luces|cables?|apagador',
  ],
  [
    'plumbing',
    'leak\\w*|pipes?|toilet|sink|faucet|drain\\w*|clog\\w*|tub|bathtub|shower|sewage|sewer|water|flood\\w*|plumb\\w*|backed up|backing up|fuga|gotera|tuberias?|tubos?|inodoro|excusado|lavabo|fregadero|llave|regadera|ducha|drenaje|tapad[oa]|agua|inundacion|caneria',
  ],
  [
    'doors_locks',
    'doors?|locks?|lock(ed)? out|deadbolt|keys?|door ?knob|latch|puertas?|cerradura|chapa|llaves|cerrojo',
  ],
  ['windows', 'windows?|window screen|glass|blinds|ventanas?|vidrio|persianas?'],
  [
    'structural',
    'foundation|structural|collaps\\w*|sagging|beam|balcony|railing|stairs?|staircase|cimientos|balcon|barandal|escaleras?',
  ],
  ['walls_ceiling', 'ceiling|celing|walls?|drywall|paint|crack(s|ed)?|techo|pared(es)?|pintura|grietas?'],
  ['flooring', 'floor(s|ing)?|carpet|tiles?|laminate|piso|alfombra|azulejos?'],
  [
    'exterior_grounds',
    'yard|lawn|tree|parking lot|sidewalk|fence|gate|landscap\\w*|snow|ice|driveway|patio|jardin|arbol|cerca|reja|banqueta|estacionamiento',
  ],
  [
    'common_area',
    'hallway|lobby|laundry room|mailbox(es)?|mail room|stairwell|common area|clubhouse|pool|gym|trash (room|chute)|dumpsters?|pasillo|buzon(es)?|lavanderia|alberca|piscina|area comun',
  ],
];
const ISSUE_CUES = ISSUE_PHRASES.map(([issue, phrases]) => [issue, cues(1, [phrases])] as const);

/**
 * The trades a hazard can belong to, most specific first; the last is the answer when the words
 * name none of them (water through a ceiling is the water heater's, the roof's, an appliance's
 * or the plumbing's — never the furnace's).
 */
const HAZARD_TRADES: Record<EmergencyHazard, readonly IssueType[]> = {
  gas: ['gas'],
  carbon_monoxide: ['fire_safety'],
  fire: ['fire_safety'],
  smoke: ['fire_safety'],
  electrical: ['electrical'],
  flooding: ['water_heater', 'roof', 'appliance', 'plumbing'],
  active_leak: ['water_heater', 'roof', 'appliance', 'plumbing'],
  sewage: ['plumbing'],
  no_heat: ['hvac'],
  no_cooling: ['hvac'],
  no_water: ['water_heater', 'plumbing'],
  unsecured_unit: ['windows', 'doors_locks'],
  structural: ['roof', 'walls_ceiling', 'structural'],
  trapped: ['elevator', 'doors_locks'],
};

/** Rooms and fixtures, each with the English word the location is written in. */
const ROOMS: readonly (readonly [string, string])[] = [
  ['kitchen', 'kitchen|cocina'],
  ['bathroom', 'bathroom|bath|restroom|washroom|bano|sanitario'],
  ['bedroom', '(master |second |kids |guest )?bedroom|recamara|habitacion|dormitorio|cuarto'],
  ['living room', 'living room|family room|lounge|sala'],
  ['dining room', 'dining room|comedor'],
  ['laundry room', 'laundry room|laundry|lavanderia'],
  ['hallway', 'hallway|hall|pasillo'],
  ['basement', 'basement|sotano'],
  ['garage', 'garage|cochera'],
  ['attic', 'attic|atico'],
  ['closet', 'closet|armario|ropero'],
  ['balcony', 'balcony|patio|deck|balcon|terraza'],
  ['stairwell', 'stairwell|stairs|stairway|escaleras?'],
  ['parking lot', 'parking lot|parking garage|estacionamiento'],
];
const FIXTURES: readonly (readonly [string, string])[] = [
  ['ceiling', 'ceiling|celing|techo'],
  ['wall', 'walls?|paredes|pared'],
  ['floor', 'floors?|piso'],
  ['toilet', 'toilet|inodoro|excusado'],
  ['sink', 'sink|lavabo|fregadero|lavamanos'],
  ['tub', 'tub|bathtub|tina|banera'],
  ['shower', 'shower|regadera|ducha'],
  ['outlet', 'outlets?|outlit|enchufes?|contactos?'],
  ['electrical panel', 'electrical panel|breaker box|breaker panel|panel'],
  ['light fixture', 'light fixture|lamp|lampara'],
  ['water heater', 'water heater|calentador'],
  ['furnace', 'furnace|boiler'],
  ['stove', 'stove|oven|range|estufa|horno'],
  ['window', 'windows?|ventanas?'],
  ['front door', 'front door|entry door|puerta principal|puerta de entrada'],
  ['back door', 'back door|patio door|sliding door|puerta trasera'],
  ['door', 'doors?|puertas?'],
];

const asCues = (list: readonly (readonly [string, string])[]) =>
  list.map(([name, phrases]) => [name, cues(1, [phrases])] as const);
const ROOM_CUES = asCues(ROOMS);
const FIXTURE_CUES = asCues(FIXTURES);

const place = (list: ReturnType<typeof asCues>, content: string): string | undefined =>
  list.find(([, found]) => anyFound(found, content))?.[0];

function locationIn(content: string): string | undefined {
  const room = place(ROOM_CUES, content);
  const fixture = place(FIXTURE_CUES, content);
  if (room !== undefined && fixture !== undefined) return `${room} ${fixture}`;
  return room ?? fixture;
}

const WATER = cues(1, [
  'water|leak\\w*|drip\\w*|wet|flood\\w*|soak\\w*|puddle|agua|gotea\\w*|fuga|mojad[oa]|inunda\\w*|charco',
]);
const ELECTRIC = cues(1, [
  'outlets?|outlit|plugs?|electrical|electric|panel|breaker\\w*|wiring|wires?|light (fixture|switch)|lights?|switch\\w*|enchufes?|contactos?|cables?|luz|luces|lampara|electricidad|apagador',
]);
const MOLD = cues(1, ['mold|mould|mildew|moho|hongos']);
const VULNERABLE = cues(1, [
  'baby|babies|infant|newborn|toddler|kids|children|child|\\d+ (year|month|yr|mo) old|elderly|senior|pregnant|disabled|disability|wheelchair|oxygen|medical equipment|dialysis|cpap|heart condition|asthma|bebe|nin[oa]s?|ninos chiquitos|hij[oa]s? (pequen|chiquit)\\w*|ancian[oa]s?|persona mayor|embarazada|discapacidad|discapacitad[oa]|silla de ruedas|oxigeno|asma',
]);

const namedIn = (issue: IssueType, content: string): boolean =>
  ISSUE_CUES.some(([named, list]) => named === issue && anyFound(list, content));

function issueTypeIn(content: string, hazards: readonly EmergencyHazard[]): IssueType {
  const [first] = hazards;
  if (first !== undefined) {
    const trades = HAZARD_TRADES[first];
    return trades.find((issue) => namedIn(issue, content)) ?? trades.at(-1) ?? 'other';
  }
  return ISSUE_CUES.find(([, list]) => anyFound(list, content))?.[0] ?? 'other';
}

/** The repair details of a maintenance message; `hazards` are the ones found in its new text. */
export function maintenanceDetails(
  subject: string,
  text: string,
  hazards: readonly EmergencyHazard[],
): MaintenanceDetails {
  const content = normalise(`${subject}\n${stripQuotedReply(text)}`);
  const risks: SafetyFlag[] = [
    ...(near(WATER, ELECTRIC, content) ? (['water_near_electricity'] as const) : []),
    ...(anyFound(MOLD, content) ? (['mold'] as const) : []),
    ...(anyFound(VULNERABLE, content) ? (['vulnerable_occupant'] as const) : []),
  ];
  const location = locationIn(content);
  return {
    issueType: issueTypeIn(content, hazards),
    ...(location === undefined ? {} : { location }),
    safetyFlags: [...new Set<SafetyFlag>([...hazards, ...risks])],
  };
}
