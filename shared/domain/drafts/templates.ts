import { z } from 'zod';
import { ROLE_NAMES } from '#vocabulary/access.ts';
import { CATEGORIES } from '#vocabulary/classification.ts';
import type { DraftLanguage } from '#vocabulary/triage.ts';
import { DEPARTMENTS, ROLES } from '../roles/registry.ts';
import type { Triage } from '../triage/triage.ts';
import data from './data/templates.json' with { type: 'json' };
import { FACT_TOPIC_NAMES } from './fact-topics.ts';
import { CueWords, folded, Localized, mentionsAny } from './localized.ts';

/** The reply templates (data/templates.json), checked once at load: every category, both languages. */

const Parts = z.object({
  acknowledgment: z.string().min(1),
  nextSteps: z.string().min(1),
  timeline: z.string().min(1),
});
const CategoryTemplate = z.union([
  z.object({ en: Parts, es: Parts } satisfies Record<DraftLanguage, typeof Parts>),
  z.object({ acknowledgmentOnly: Localized }),
  z.null(),
]);

const Topic = z.object({
  categories: z.array(z.enum(CATEGORIES)),
  cues: CueWords,
  facts: z.array(z.enum(FACT_TOPIC_NAMES)).min(1),
  check: Localized,
});

const Templates = z.object({
  greeting: Localized,
  signOff: Localized,
  reviewAcknowledgment: Localized,
  emergencyResponse: Localized,
  troubleshootingIntro: Localized,
  troubleshootingOutro: Localized,
  teams: z.record(z.enum(DEPARTMENTS), Localized),
  roleTitles: z.object({ es: z.record(z.enum(ROLE_NAMES), z.string().min(1).max(80)) }),
  topics: z.record(z.string().regex(/^[a-z_]+$/), Topic),
  facts: z.record(z.enum(FACT_TOPIC_NAMES), Localized),
  workOrderStatuses: z.record(z.string(), Localized),
  categories: z.record(z.enum(CATEGORIES), CategoryTemplate),
});

export const DRAFT_TEMPLATES = Templates.parse(data);
export type DraftTopic = z.infer<typeof Topic> & { readonly name: string };

/** Needs a person before anything beyond "received, a manager will review and respond". */
const REVIEW_ONLY_REASONS: readonly Triage['needsHumanReasons'][number][] = [
  'accommodation_request',
  'legal_matter',
  'fair_housing_concern',
];

/** Spam gets no reply at all. */
export const needsReplyDraft = (triage: Pick<Triage, 'category'>): boolean =>
  DRAFT_TEMPLATES.categories[triage.category] !== null;

/** The acknowledgment that is the whole reply, for accommodation requests and legal matters. */
export function acknowledgmentOnly(triage: Triage, language: DraftLanguage): string | undefined {
  const template = DRAFT_TEMPLATES.categories[triage.category];
  if (template && 'acknowledgmentOnly' in template) return template.acknowledgmentOnly[language];
  return triage.needsHumanReasons.some((reason) => REVIEW_ONLY_REASONS.includes(reason))
    ? DRAFT_TEMPLATES.reviewAcknowledgment[language]
    : undefined;
}

/** The routed role's title, as the sender reads it. */
export const roleTitle = (role: Triage['routeTo'], language: DraftLanguage): string =>
  language === 'es' ? DRAFT_TEMPLATES.roleTitles.es[role] : ROLES[role].title;

/** Who answers an emergency: the routed role's department's on-call team. */
export const onCallTeam = (role: Triage['routeTo'], language: DraftLanguage): string =>
  DRAFT_TEMPLATES.teams[ROLES[role].department][language];

/** What the message asks about that records could answer: by its category, or by its words. */
export function topicsAsked(triage: Triage, messageText: string): DraftTopic[] {
  const text = folded(messageText);
  return Object.entries(DRAFT_TEMPLATES.topics)
    .filter(([, topic]) => topic.categories.includes(triage.category) || mentionsAny(text, topic.cues))
    .map(([name, topic]) => ({ ...topic, name }));
}
