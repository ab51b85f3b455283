import { z } from 'zod';
import { EMERGENCY_RESPONSE_MINUTES } from '#vocabulary/orgs.ts';
import { type DraftLanguage, EMERGENCY_HAZARDS, type SafetyFlag } from '#vocabulary/triage.ts';
import type { ShutOffNote } from '../orgs/org-settings.ts';
import data from './data/safety-instructions.json' with { type: 'json' };
import { fill, Localized, localizedShape } from './localized.ts';

/**
 * The fixed safety instructions of emergencies (data/safety-instructions.json): read and checked
 * once at load, so a file missing a hazard, a language or a block fails at start, never in a reply.
 */

/** The flags with instructions: every emergency hazard, and water near electricity. */
const INSTRUCTED_FLAGS = [...EMERGENCY_HAZARDS, 'water_near_electricity'] as const;
type InstructedFlag = (typeof INSTRUCTED_FLAGS)[number];

const Block = z.object({ ...localizedShape, rank: z.number().int().min(1).max(1000) });

const SafetyInstructions = z
  .object({
    shutOffDefault: Localized,
    /** The line quoting a plain note (no known language) after a block; `{note}` is the note. */
    shutOffAsWritten: Localized,
    /** The line quoting an English-only note after a block in another language; `{note}` is the note. */
    shutOffInEnglish: z.object({ es: z.string().min(1).max(300) } satisfies Record<
      Exclude<DraftLanguage, 'en'>,
      z.ZodString
    >),
    defaultResponseWindowMinutes: z
      .number()
      .int()
      .min(EMERGENCY_RESPONSE_MINUTES.min)
      .max(EMERGENCY_RESPONSE_MINUTES.max),
    blocks: z.record(z.string().regex(/^[a-z_]+$/), Block),
    flags: z.record(z.enum(INSTRUCTED_FLAGS), z.string()),
  })
  .refine((file) => 'general' in file.blocks, { message: 'a "general" block is required' })
  .refine((file) => Object.values(file.flags).every((block) => block in file.blocks), {
    message: 'every flag names a block of the file',
  });

export const SAFETY_INSTRUCTIONS = SafetyInstructions.parse(data);

const isInstructed = (flag: string): flag is InstructedFlag =>
  (INSTRUCTED_FLAGS as readonly string[]).includes(flag);

export interface SafetyOptions {
  /** Where the water shut-off is, from the org's or property's record, when known. */
  readonly shutOffLocation?: ShutOffNote;
}

/** Bounded: the note is the org's free text, and the preamble has a size limit (stored notes are checked nonblank). */
const bounded = (text: string): string => text.trim().slice(0, 200);

/**
 * What a reply in `language` says about the shut-off: `inSentence` goes inside the
 * instructions' sentence ("turn off the water at …"), `apart` follows the block, in the same
 * paragraph. No sentence mixes languages: only a note in the reply's language goes in the
 * sentence. A plain note has no known language (older orgs wrote them in English or Spanish), so
 * the sentence names the generic shut-off and the note is quoted apart, labelled as the
 * manager's words; an English-only note in a Spanish reply is quoted apart, marked as English.
 */
export function shutOffTextFor(
  note: ShutOffNote | undefined,
  language: DraftLanguage,
): { readonly inSentence: string; readonly apart?: string } {
  const generic = SAFETY_INSTRUCTIONS.shutOffDefault[language];
  if (note === undefined) return { inSentence: generic };
  if (typeof note === 'string') {
    return {
      inSentence: generic,
      apart: fill(SAFETY_INSTRUCTIONS.shutOffAsWritten[language], { note: bounded(note) }),
    };
  }
  if (language === 'en') return { inSentence: bounded(note.en) };
  const own = note[language];
  return own !== undefined
    ? { inSentence: bounded(own) }
    : {
        inSentence: generic,
        apart: fill(SAFETY_INSTRUCTIONS.shutOffInEnglish[language], { note: bounded(note.en) }),
      };
}

/**
 * The instructions for these flags, each block once, most dangerous first; the general block
 * when none of the flags has instructions of its own (an emergency named by no known hazard).
 */
export function safetyInstructionsFor(
  flags: readonly SafetyFlag[],
  language: DraftLanguage,
  options: SafetyOptions = {},
): string[] {
  const named = [...new Set(flags.filter(isInstructed).map((flag) => SAFETY_INSTRUCTIONS.flags[flag]))];
  const blocks = (named.length > 0 ? named : ['general']).map((id) => {
    const block = SAFETY_INSTRUCTIONS.blocks[id];
    if (!block) throw new Error(`no safety block ${id}`);
    return block;
  });
  const { inSentence, apart } = shutOffTextFor(options.shutOffLocation, language);
  return blocks
    .sort((a, b) => a.rank - b.rank)
    .map((block) => {
      const text = fill(block[language], { shutOff: inSentence });
      return apart !== undefined && block[language].includes('{shutOff}') ? `${text} ${apart}` : text;
    });
}

/** Whether a message's flags call for safety instructions even when its urgency does not say emergency. */
export const hasEmergencyHazard = (flags: readonly SafetyFlag[]): boolean =>
  flags.some((flag) => (EMERGENCY_HAZARDS as readonly string[]).includes(flag));
