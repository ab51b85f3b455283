import type { Category } from '#vocabulary/classification.ts';
import type { EmergencyHazard, IssueType } from '#vocabulary/triage.ts';
import type { MaintenanceDetails, TriageEntities } from './triage.ts';

/**
 * The one-sentence English summary the routing people read, built from a template and the
 * entities the rules extracted — never copied from the message, so nothing the sender wrote
 * (an SSN, a bank account, an instruction to the reader) can reach it.
 */

const OPENING: Record<Category, string> = {
  maintenance_emergency: 'Emergency repair',
  maintenance_request: 'Repair request',
  rent_payment: 'Rent payment question',
  payment_arrangement: 'Request for a payment arrangement',
  lease_renewal: 'Lease renewal question',
  lease_termination: 'Move-out or lease termination',
  move_in: 'Move-in question',
  leasing_inquiry: 'Leasing inquiry from a prospect',
  complaint: 'Complaint',
  owner_inquiry: 'Owner inquiry',
  vendor_billing: 'Vendor bill or quote',
  legal_notice: 'Legal matter',
  accommodation_request: 'Accommodation request',
  general_inquiry: 'General inquiry',
  spam: 'Likely spam or phishing',
};

const MONEY: readonly Category[] = ['rent_payment', 'payment_arrangement', 'vendor_billing', 'owner_inquiry'];
const DATED: readonly Category[] = ['lease_termination', 'move_in', 'lease_renewal', 'legal_notice'];

const LANGUAGE_NAMES: Record<string, string> = {
  es: 'Spanish',
  fr: 'French',
  pt: 'Portuguese',
  de: 'German',
  it: 'Italian',
  zh: 'Chinese',
  ja: 'Japanese',
  ko: 'Korean',
  ru: 'Russian',
  ar: 'Arabic',
};

export interface SummaryFacts {
  readonly category: Category;
  readonly hazards: readonly EmergencyHazard[];
  readonly maintenance?: MaintenanceDetails;
  readonly entities: TriageEntities;
  readonly language: string;
}

/** "apartamento 307", "Unit 212" and "#118" all read "unit 307" / "unit 212" / "unit #118". */
const unitPhrase = (unit: string): string => `unit ${unit.split(/\s+/).at(-1) ?? unit}`;

const list = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** Trades as the dispatchers say them. */
const TRADE: Partial<Record<IssueType, string>> = {
  hvac: 'heating or cooling',
  walls_ceiling: 'walls or ceiling',
  doors_locks: 'doors or locks',
  fire_safety: 'fire safety equipment',
  exterior_grounds: 'exterior or grounds',
  common_area: 'common area',
  water_heater: 'water heater',
};

export function summarise(facts: SummaryFacts): string {
  const { category, hazards, maintenance, entities, language } = facts;
  const details: string[] = [];
  if (hazards.length > 0) details.push(list(hazards.map((h) => h.replaceAll('_', ' '))));
  if (maintenance !== undefined && maintenance.issueType !== 'other') {
    details.push(TRADE[maintenance.issueType] ?? maintenance.issueType);
  }
  if (maintenance?.location !== undefined) details.push(maintenance.location);
  if (entities.unit !== undefined) details.push(unitPhrase(entities.unit));
  if (MONEY.includes(category) && entities.amounts.length > 0) {
    details.push(`amounts ${list(entities.amounts.slice(0, 3))}`);
  }
  if (DATED.includes(category) && entities.dates.length > 0) details.push(`date ${entities.dates[0]}`);
  const written =
    language === 'en' ? '' : ` (written in ${LANGUAGE_NAMES[language] ?? `language "${language}"`})`;
  const unique = [...new Set(details)];
  const sentence = `${OPENING[category]}${unique.length > 0 ? `: ${unique.join(', ')}` : ''}${written}.`;
  return sentence.length <= 300 ? sentence : `${sentence.slice(0, 296).trimEnd()}….`;
}
