import { z } from 'zod';
import { type DraftLanguage, EMERGENCY_HAZARDS, ISSUE_TYPES, SAFETY_FLAGS } from '#vocabulary/triage.ts';
import type { Triage } from '../triage/triage.ts';
import data from './data/troubleshooting.json' with { type: 'json' };
import { CueWords, folded, Localized, mentionsAny, wordPositions } from './localized.ts';

/**
 * The curated self-help library (data/troubleshooting.json): offered only for routine
 * maintenance, never when the message carries a hazard or any exclusion holds.
 */

const Steps = z.array(z.string().min(1).max(400)).min(1).max(8);

const Entry = z.object({
  /** The issue types the entry may be offered for (when triage named one). */
  issueTypes: z.array(z.enum(ISSUE_TYPES)).min(1),
  /** Words that name the problem: one must be in the message. */
  cues: CueWords,
  excludedWords: CueWords,
  title: Localized,
  steps: z.object({ en: Steps, es: Steps } satisfies Record<DraftLanguage, typeof Steps>),
});

/** Water near electricity is not an emergency hazard, but no self-help is safe near it either. */
const NEVER_WITH = [...EMERGENCY_HAZARDS, 'water_near_electricity'] as const;

const Library = z.object({
  always: z.object({
    excludedSafetyFlags: z
      .array(z.enum(SAFETY_FLAGS))
      .refine((flags) => NEVER_WITH.every((flag) => flags.includes(flag)), {
        message: 'every emergency hazard and water near electricity must exclude self-help',
      }),
    excludedIssueTypes: z.array(z.enum(ISSUE_TYPES)),
    excludedWords: CueWords,
    waterNearElectricity: z.object({
      withinWords: z.number().int().min(1).max(40),
      water: CueWords,
      electrical: CueWords,
    }),
  }),
  entries: z.record(z.string().regex(/^[a-z_]+$/), Entry),
});

export const TROUBLESHOOTING_LIBRARY = Library.parse(data);

export interface Troubleshooting {
  readonly id: string;
  readonly title: string;
  readonly steps: readonly string[];
}

const phrases = (words: CueWords) => [...words.en, ...words.es];

/** Whether a water word stands within a few words of an electrical thing ("the sink overflowed onto the outlet"). */
function waterNearElectricity(foldedText: string): boolean {
  const { withinWords, water, electrical } = TROUBLESHOOTING_LIBRARY.always.waterNearElectricity;
  const wet = wordPositions(foldedText, phrases(water));
  if (wet.length === 0) return false;
  const powered = wordPositions(foldedText, phrases(electrical));
  return wet.some((w) => powered.some((e) => Math.abs(w - e) <= withinWords));
}

/** Why nothing may be offered for this message, whatever it says; undefined when something may. */
function troubleshootingExcluded(triage: Triage, messageText: string): string | undefined {
  const { always } = TROUBLESHOOTING_LIBRARY;
  if (triage.category !== 'maintenance_request' || triage.urgency === 'emergency') return 'not routine';
  const flags = triage.maintenance?.safetyFlags ?? [];
  const flag = flags.find(
    (f) => (NEVER_WITH as readonly string[]).includes(f) || always.excludedSafetyFlags.includes(f),
  );
  if (flag) return `safety flag ${flag}`;
  const issueType = triage.maintenance?.issueType;
  if (issueType && always.excludedIssueTypes.includes(issueType)) return `issue type ${issueType}`;
  const text = folded(messageText);
  if (waterNearElectricity(text)) return 'water near electricity';
  const word = mentionsAny(text, always.excludedWords);
  return word ? `mentions "${word}"` : undefined;
}

/**
 * The one entry a routine maintenance message may be offered, in its language: the first whose
 * cue the message names, whose issue type fits, and none of whose exclusions hold.
 */
export function troubleshootingFor(
  triage: Triage,
  messageText: string,
  language: DraftLanguage,
): Troubleshooting | undefined {
  if (troubleshootingExcluded(triage, messageText) !== undefined) return undefined;
  const text = folded(messageText);
  const issueType = triage.maintenance?.issueType;
  for (const [id, entry] of Object.entries(TROUBLESHOOTING_LIBRARY.entries)) {
    if (issueType && issueType !== 'other' && !entry.issueTypes.includes(issueType)) continue;
    if (!mentionsAny(text, entry.cues) || mentionsAny(text, entry.excludedWords)) continue;
    return { id, title: entry.title[language], steps: entry.steps[language] };
  }
  return undefined;
}
