import { type Cue, cues } from './cue.ts';

/**
 * Life-safety and property-at-risk cues (English and Spanish), tuned for recall: a missed
 * emergency costs far more than a property manager glancing at a false alarm. Each one alone
 * outweighs any ordinary category evidence.
 */
const DECISIVE = 8;

/** Freezing weather or someone who cannot weather a cold night: what turns "no heat" into an emergency. */
const COLD_OR_VULNERABLE = [
  'freezing',
  'below (zero|freezing)',
  'sub ?zero',
  'minus \\d+',
  'single digits',
  '(so|very|really|extremely|bitter(ly)?) cold',
  'cold (outside|tonight|weather|snap)',
  'pipes? (may|might|could|will|are going to) freeze',
  'thermostat (says|reads|shows|is at) [1-5]\\d',
  '[1-5]\\d (degrees|f) inside',
  'baby|infant|newborn|toddler|\\d+ (year|month) old|elderly',
  'frio|helando|congela\\w*|bajo cero|grados|bebe|ninos?|ninas?|anciano\\w*',
].join('|');

/** Tobacco or cannabis smoke (a neighbour complaint) and detector chirps are not a fire. */
const NOT_A_FIRE = [
  'smok(es|ing|er|ers)',
  'cigar\\w*',
  'weed',
  'marijuana',
  'cannabis',
  'vap(e|es|ing)',
  'chirp\\w*',
  'low batter(y|ies)',
  'fuma\\w*',
  'fumar',
  'cigarr\\w*',
  'marihuana',
].join('|');

export const EMERGENCY_CUES: readonly Cue[] = [
  // Gas and carbon monoxide.
  ...cues(DECISIVE, [
    'gas (smell|odou?r|leak|leaking)',
    '(smell|smells|smelling|smelled|odou?r) (of |like )?(natural )?gas',
    'gas (is )?leaking',
    'rotten eggs?',
    'carbon monoxide',
    'co (alarm|detector|monitor)s?',
    'fuga de gas',
    '(huele|olor) (a|de) gas',
    'monoxido de carbono',
  ]),
  // Fire and smoke.
  ...cues(DECISIVE, [
    'on fire',
    'caught fire',
    '(a|small|house|kitchen|grease|electrical|dryer|stove) fire',
    'fire (department|dept|truck)s?',
    '(called|calling|call) 911',
    'incendio',
    'fuego',
    'llamas',
  ]),
  ...cues(DECISIVE, ['flames?'], { unless: 'flame (retardant|resistant)' }),
  ...cues(DECISIVE, ['smoke', 'humo'], { unless: NOT_A_FIRE }),
  // Water where it must not be.
  ...cues(DECISIVE, [
    'burst (pipe|water line)',
    'pipes? (burst|broke|split|exploded)',
    'busted pipe',
    'water (is )?(pouring|gushing|spraying|rushing|streaming)',
    'water (is )?(coming|leaking|dripping|pouring) (in )?(through|from|out of) the (ceiling|walls?|light|floor)',
    'water everywhere',
    'ceiling (is )?(leaking|dripping|sagging|caving)',
    'inundacion',
    'inundad[oa]',
    'se (inundo|esta inundando)',
    '(tuberia|tubo|cano) (rot[oa]|reventad[oa])',
    'se (rompio|reviento) (la|el|una|un) (tuberia|tubo|cano)',
  ]),
  ...cues(DECISIVE, ['flood(s|ed|ing)?'], { unless: 'flood (insurance|zone|lights?)' }),
  // Structure.
  ...cues(DECISIVE, [
    'ceiling (just )?(fell|came down|collapsed|caved in|is falling)',
    '(roof|ceiling) collapse',
    'se cayo (el|parte del) techo',
    'techo (se cayo|colapso)',
  ]),
  // Sewage.
  ...cues(DECISIVE, [
    'sewage',
    'sewer (is )?(backing up|backed up|backup|back up)',
    '(toilet|tub|bathtub|drain|shower)s? (is |are )?(backing up|overflowing)',
    'aguas negras',
  ]),
  // Essential services.
  ...cues(DECISIVE, [
    'no (running )?water( at all)?',
    '(dont|do not) have (any )?(running )?water',
    'no (power|electricity)',
    'no hay agua',
    'sin agua',
    'no (tenemos|hay) (nada de )?agua',
    'no sale agua',
    'no (hay|tenemos) (luz|electricidad)',
  ]),
  ...cues(
    DECISIVE,
    [
      'no heat',
      'heat (is )?(out|off|not working|isnt working|stopped working|stopped|went out)',
      '(furnace|heater|boiler) (is )?(out|not working|isnt working|died|stopped|quit|went out)',
      'sin calefaccion',
      'no (hay|tenemos|funciona la|sirve la) calefaccion',
      'calefaccion no (funciona|sirve)',
    ],
    { requires: COLD_OR_VULNERABLE },
  ),
  // Electrical.
  ...cues(DECISIVE, [
    'spark(s|ed|ing)?',
    'burning (plastic |electrical |rubber )?smell',
    'smell(s|ing)? (like )?(something )?burning',
    'smell of (something )?burning',
    'scorch(ed|ing)?( marks?)?',
    '(exposed|live|bare) wires?',
    'wires? (are |is )?exposed',
    '(outlet|plug|switch|panel) (is )?(smoking|melting|melted)',
    'chispas?',
    '(olor a|huele a) quemado',
    'cables? (expuestos?|pelados?)',
  ]),
  // Security and people in danger.
  ...cues(DECISIVE, [
    'break in',
    'broke in',
    'broken into',
    'burglar(y|ized|s)?',
    'kicked in',
    'forced (entry|open|the door)',
    '(stuck|trapped) in (the )?elevator',
    'entraron a robar',
    'forzaron la puerta',
  ]),
];
