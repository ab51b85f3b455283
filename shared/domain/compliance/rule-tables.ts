import { z } from 'zod';
import { CATEGORIES } from '#vocabulary/classification.ts';
import { REGION } from '#vocabulary/orgs.ts';
import { FINDING_SEVERITIES } from '#vocabulary/triage.ts';
import languageRulesData from './data/language-rules.json' with { type: 'json' };
import protectedClassesData from './data/protected-classes.json' with { type: 'json' };

/**
 * The compliance rule tables, as data (./data/*.json) validated here when the module loads: a
 * malformed table fails every test and every cold start instead of silently checking nothing.
 */

const Pattern = z
  .string()
  .min(1)
  .max(600)
  .refine((source) => {
    try {
      new RegExp(source);
      return true;
    } catch {
      return false;
    }
  }, 'not a valid regular expression');

export const LegalSource = z.object({ citation: z.string().min(1).max(300), url: z.url() });
export type LegalSource = z.infer<typeof LegalSource>;

/** A family of phrases a reply must not contain (steering, tenants' rights, promises). */
const LanguageRule = z.object({
  rule: z.string().regex(/^[a-z_]+\.[a-z_]+$/),
  severity: z.enum(FINDING_SEVERITIES),
  suggestion: z.string().min(1).max(500),
  patterns: z.array(Pattern).min(1),
  /** Sentences that match one of these are not findings ("available in English only"). */
  unless: z.array(Pattern).optional(),
  /** Message categories where the phrase is legitimate (entry without notice in an emergency). */
  skipCategories: z.array(z.enum(CATEGORIES)).optional(),
});
export type LanguageRule = z.infer<typeof LanguageRule>;

const StateAddition = LegalSource.extend({ region: z.string().regex(REGION) });

/** A protected class: its words about the reader, the questions it forbids, where it is protected. */
const ProtectedClass = z.object({
  id: z.string().regex(/^[a-z_]+$/),
  label: z.string().min(1),
  /** Protected by the federal Fair Housing Act everywhere; otherwise only in `states`. */
  federal: z.boolean(),
  source: LegalSource,
  states: z.array(StateAddition),
  about: z.array(Pattern),
  inquiries: z.array(Pattern),
  unless: z.array(Pattern),
  suggestion: z.string().min(1).max(500),
});
export type ProtectedClass = z.infer<typeof ProtectedClass>;

const ProtectedClassTable = z.object({
  personReference: Pattern,
  benign: z.array(Pattern).min(1),
  classes: z.array(ProtectedClass).min(7),
});

export const LANGUAGE_RULES: readonly LanguageRule[] = z
  .object({ rules: z.array(LanguageRule).min(1) })
  .parse(languageRulesData).rules;

export const PROTECTED_CLASSES = ProtectedClassTable.parse(protectedClassesData);
