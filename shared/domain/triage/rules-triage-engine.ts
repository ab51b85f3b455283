import { dangerFindings } from '../classification/danger-model.ts';
import { detectHazards, type HazardFinding } from '../classification/hazards.ts';
import { normalise, stripQuotedReply } from '../classification/normalise.ts';
import { classifyByRules } from '../classification/rules-classifier.ts';
import type { Classification } from '../classification/taxonomy.ts';
import { extractEntities } from './entities.ts';
import { detectLanguage } from './language.ts';
import { maintenanceDetails } from './maintenance-details.ts';
import { modelExcerpt } from './model-excerpt.ts';
import { routeFor } from './routing.ts';
import { detectSentiment } from './sentiment.ts';
import { suggestActions } from './suggested-actions.ts';
import { summarise } from './summary.ts';
import type { EmergencySource, MessageToTriage, Triage, TriageEngine } from './triage.ts';
import { findEvidence } from './triage-evidence.ts';
import { applyTriagePolicy } from './triage-policy.ts';

/**
 * The deterministic TriageEngine: the rules classifier's category, urgency and confidence, the
 * hazard detector's emergencies, and everything else the Triage schema asks for, in English and
 * Spanish. It answers when Claude is not configured or fails, and it decides emergencies before
 * Claude is asked, so it must never throw and must always return a valid Triage.
 */

const MAX_REASONS = 12;
const MAX_REASON_LENGTH = 300;

/** Confidence when only the hazard detector saw the emergency: its finding is the strongest evidence the rules have. */
const HAZARD_CONFIDENCE = 0.9;

/**
 * Characters of message text the word rules read at most: the beginning and the end of a longer
 * text around a marked cut (the same excerpt a model reads, 5× larger). Their passes cost
 * seconds on 100 kB of hostile text, which arrives only in junk or attacks: real mail after its
 * quotes is a few kB (the longest labelled message is under 1 kB), so it is never cut. The
 * evidence (injection and concerns) still reads the whole text: it is linear, and the policy
 * reads it the same way for Claude's answer.
 */
export const RULES_TEXT_CHARS = 32_000;

/** A hazard happening now makes the message an emergency, whatever the word weights said. */
function withHazards(classification: Classification, hazards: readonly HazardFinding[]): Classification {
  if (hazards.length === 0 || classification.category === 'maintenance_emergency') return classification;
  return {
    ...classification,
    category: 'maintenance_emergency',
    urgency: 'emergency',
    confidence: Math.max(classification.confidence, HAZARD_CONFIDENCE),
    reasons: [`emergency by hazard, over ${classification.category}`, ...classification.reasons],
  };
}

/**
 * Who decided the rules' emergency, from the detectors themselves. The classifier asks the safety
 * net only where the hand rules found nothing (findEmergencies), so on the same text the net
 * decided exactly when the hand rules found no hazard and the net finds one; asked only then.
 */
function emergencySourceOf(
  urgency: Triage['urgency'],
  handHazards: readonly HazardFinding[],
  detected: string,
): EmergencySource | undefined {
  if (urgency !== 'emergency') return undefined;
  return handHazards.length === 0 && dangerFindings(detected).length > 0 ? 'safety_net' : 'rules';
}

export function triageByRules(message: MessageToTriage): Triage {
  const { subject } = message;
  const text = modelExcerpt(message.text, RULES_TEXT_CHARS);
  // What the hazard detectors read: the classifier's findEmergencies reads the same.
  const detected = `${subject}\n${text}`;
  const hazards = detectHazards(detected);
  const classification = withHazards(classifyByRules({ from: message.from, subject, text }), hazards);
  const { category } = classification;
  const newText = `${subject}\n${stripQuotedReply(text)}`;
  const content = normalise(newText);
  const language = detectLanguage(newText).language;
  const entities = extractEntities(text);
  const maintenance =
    category === 'maintenance_request' || category === 'maintenance_emergency'
      ? maintenanceDetails(
          subject,
          text,
          hazards.map((h) => h.hazard),
        )
      : undefined;
  const found = findEvidence(message);
  const triage: Triage = {
    category,
    urgency: classification.urgency,
    confidence: classification.confidence,
    sentiment: detectSentiment(newText, hazards.length > 0),
    language,
    summary: summarise({ category, hazards: hazards.map((h) => h.hazard), maintenance, entities, language }),
    entities,
    ...(maintenance === undefined ? {} : { maintenance }),
    routeTo: routeFor(category),
    suggestedActions: suggestActions({
      category,
      content,
      maintenance,
      paymentDetailsChange: found.evidence.paymentDetailsChange,
    }),
    needsHuman: false,
    needsHumanReasons: [],
    engine: 'rules',
    reasons: [
      ...hazards.map((h) => `hazard ${h.hazard}: "${h.evidence}"`),
      ...found.reasons,
      ...classification.reasons,
    ]
      .slice(0, MAX_REASONS)
      .map((reason) => reason.slice(0, MAX_REASON_LENGTH)),
    emergencySource: emergencySourceOf(classification.urgency, hazards, detected),
  };
  return applyTriagePolicy(triage, found.evidence);
}

/** The rules as the TriageEngine port: the only engine without a key, the fallback behind Claude. */
export const rulesTriageEngine: TriageEngine = {
  triage: async (message) => triageByRules(message),
};
