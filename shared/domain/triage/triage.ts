import { z } from 'zod';
import { ROLE_NAMES } from '#vocabulary/access.ts';
import {
  CHANNELS,
  ISSUE_TYPES,
  LANGUAGE,
  NEEDS_HUMAN_REASONS,
  SAFETY_FLAGS,
  SENTIMENTS,
  SUGGESTED_ACTIONS,
} from '#vocabulary/triage.ts';
import { Category, Engine, Urgency, urgencyFitsCategory } from '../classification/taxonomy.ts';

/**
 * What the platform understands about one inbound message: the one schema every engine answers
 * with (the rules, Claude, Claude merged with the rules), stored with the message, shown by
 * `GET /v1/emails/{id}` and printed by `aictive classify`.
 */

export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;
export const Sentiment = z.enum(SENTIMENTS);
export const SafetyFlag = z.enum(SAFETY_FLAGS);
export const IssueType = z.enum(ISSUE_TYPES);
export const SuggestedAction = z.enum(SUGGESTED_ACTIONS);
export const NeedsHumanReason = z.enum(NEEDS_HUMAN_REASONS);
export const RoleName = z.enum(ROLE_NAMES);

export const TriageEntities = z.object({
  /** Names of people mentioned (not the sender's address). */
  people: z.array(z.string().max(120)).max(10),
  unit: z.string().max(40).optional(),
  address: z.string().max(200).optional(),
  phones: z.array(z.string().max(40)).max(5),
  /** Amounts as written ("$1,180.00"). */
  amounts: z.array(z.string().max(40)).max(10),
  /** Dates as written ("June 30", "el 5 de marzo"). */
  dates: z.array(z.string().max(60)).max(10),
});
export type TriageEntities = z.infer<typeof TriageEntities>;

export const MaintenanceDetails = z.object({
  issueType: IssueType,
  /** Where in the home or building ("kitchen ceiling", "bedroom outlet"). */
  location: z.string().max(120).optional(),
  safetyFlags: z.array(SafetyFlag).max(SAFETY_FLAGS.length),
});
export type MaintenanceDetails = z.infer<typeof MaintenanceDetails>;

export const TriageUsage = z.object({
  inputTokens: z.number().int().min(0),
  outputTokens: z.number().int().min(0),
  cacheReadTokens: z.number().int().min(0),
});
export type TriageUsage = z.infer<typeof TriageUsage>;

/**
 * Who decided an emergency: the hand rules (hazard rules or word cues), the learned safety net
 * alone, or Claude. Set by the platform from its detectors (triageByRules, mergeWithRules),
 * never from a model's answer or from reason text, which a model can write.
 */
export const EmergencySource = z.enum(['rules', 'safety_net', 'claude']);
export type EmergencySource = z.infer<typeof EmergencySource>;

export const Triage = z
  .object({
    category: Category,
    urgency: Urgency,
    /** Probability the category is right; below the platform's threshold a person looks. */
    confidence: z.number().min(0).max(1),
    sentiment: Sentiment,
    language: z.string().regex(LANGUAGE),
    /** One sentence, in English, for the people who route the message. */
    summary: z.string().min(1).max(300),
    entities: TriageEntities,
    /** Present when the message is about a repair (routine or emergency). */
    maintenance: MaintenanceDetails.optional(),
    /** The role that acts first (shared/domain/roles/registry.ts). */
    routeTo: RoleName,
    suggestedActions: z.array(SuggestedAction).max(SUGGESTED_ACTIONS.length),
    needsHuman: z.boolean(),
    needsHumanReasons: z.array(NeedsHumanReason).max(NEEDS_HUMAN_REASONS.length),
    engine: Engine,
    /** Short, human-readable reasons (matched rules, or the model's rationale). */
    reasons: z.array(z.string().max(300)).max(12),
    /** Present on an emergency: who decided it (older stored triages lack it). */
    emergencySource: EmergencySource.optional(),
    /** Model id when engine is claude. */
    model: z.string().optional(),
    /** Why Claude was not used, when it was configured but the rules answered. */
    fallbackReason: z.string().optional(),
    /** Tokens the model call consumed, when Claude ran. */
    usage: TriageUsage.optional(),
  })
  .refine(urgencyFitsCategory, {
    message: 'urgency "emergency" goes with category "maintenance_emergency" and only with it',
    path: ['urgency'],
  })
  .refine((t) => t.needsHuman === t.needsHumanReasons.length > 0, {
    message: 'needsHuman is true exactly when there is a reason',
    path: ['needsHuman'],
  });
export type Triage = z.infer<typeof Triage>;

/** One message as the triage engines see it: text already extracted from HTML, quotes and signature stripped. */
export const MessageToTriage = z.object({
  from: z.string().min(1).max(320),
  subject: z.string().max(998),
  text: z.string().max(100_000),
  channel: Channel.default('email'),
});
export type MessageToTriage = z.input<typeof MessageToTriage>;

/** Port: anything that can triage a message (the rules, Claude, Claude merged with the rules). */
export interface TriageEngine {
  triage(message: MessageToTriage): Promise<Triage>;
}
