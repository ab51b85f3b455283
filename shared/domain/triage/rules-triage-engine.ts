import { detectEmergencies, type Emergencies } from '../classification/emergency-text.ts';
import { normalise, stripQuotedReply } from '../classification/normalise.ts';
import { classifyWithEmergencies, emergencyText } from '../classification/rules-classifier.ts';
import { extractEntities } from './entities.ts';
import { withoutInstructionsToTheMachine } from './injection.ts';
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

/**
 * Characters of message text the word rules read at most: the beginning and the end of a longer
 * text around a marked cut (the same excerpt a model reads, 5× larger). Their passes cost
 * seconds on 100 kB of hostile text, which arrives only in junk or attacks: real mail after its
 * quotes is a few kB (the longest labelled message is under 1 kB), so it is never cut. The
 * evidence (injection and concerns) still reads the whole text: it is linear, and the policy
 * reads it the same way for Claude's answer.
 */
export const RULES_TEXT_CHARS = 32_000;

/** Who decided the rules' emergency: the detector that found it, or the category rules without one. */
function emergencySourceOf(
  urgency: Triage['urgency'],
  emergencies: Emergencies,
): EmergencySource | undefined {
  if (urgency !== 'emergency') return undefined;
  return emergencies.detector ?? 'rules';
}

export function triageByRules(message: MessageToTriage): Triage {
  const { subject } = message;
  const text = modelExcerpt(message.text, RULES_TEXT_CHARS);
  const email = { from: message.from, subject, text };
  // Detected once: the classifier, the details and the emergency's source all read these findings.
  const emergencies = detectEmergencies(emergencyText(email));
  const hazards = emergencies.findings;
  const found = findEvidence(message);
  // What the message is about is decided without the sentences written to the machine.
  const topic = found.evidence.injection ? withoutInstructionsToTheMachine(text) : undefined;
  const classification = classifyWithEmergencies({ ...email, text: topic ?? text }, emergencies);
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
    emergencySource: emergencySourceOf(classification.urgency, emergencies),
  };
  return applyTriagePolicy(triage, found.evidence);
}

/** The rules as the TriageEngine port: the only engine without a key, the fallback behind Claude. */
export const rulesTriageEngine: TriageEngine = {
  triage: async (message) => triageByRules(message),
};
