import { composeReplyDraft, draftLanguageFor } from '#domain/drafts/compose.ts';
import type { GroundedFact } from '#domain/drafts/draft.ts';
import { templateReplyDrafter } from '#domain/drafts/template-drafter.ts';
import { Triage } from '#domain/triage/triage.ts';

/** A valid triage for drafting tests: a routine English maintenance request unless told otherwise. */
export function triage(overrides: Partial<Triage> = {}): Triage {
  const base: Triage = {
    category: 'maintenance_request',
    urgency: 'medium',
    confidence: 0.9,
    sentiment: 'neutral',
    language: 'en',
    summary: 'A repair request.',
    entities: { people: [], phones: [], amounts: [], dates: [] },
    maintenance: { issueType: 'plumbing', safetyFlags: [] },
    routeTo: 'maintenance_supervisor',
    suggestedActions: ['create_work_order'],
    needsHuman: false,
    needsHumanReasons: [],
    engine: 'rules',
    reasons: ['test'],
  };
  return Triage.parse({ ...base, ...overrides });
}

/** An emergency triage with these hazards. */
export const emergency = (safetyFlags: NonNullable<Triage['maintenance']>['safetyFlags'], language = 'en') =>
  triage({
    category: 'maintenance_emergency',
    urgency: 'emergency',
    language,
    maintenance: { issueType: 'other', safetyFlags },
    needsHuman: true,
    needsHumanReasons: ['emergency'],
  });

/** The message, request and composed draft of one template reply: what a reviewer would see. */
export async function templateDraftOf(
  t: Triage,
  message: { subject: string; text: string },
  options: {
    facts?: GroundedFact[];
    shutOffLocation?: string;
    responseWindowMinutes?: number;
    disclosure?: string;
  } = {},
) {
  const language = draftLanguageFor(t);
  const facts = options.facts ?? [];
  const body = await templateReplyDrafter.draft({
    message: { from: 'tenant@example.com', ...message },
    triage: t,
    language,
    facts,
  });
  return composeReplyDraft({
    triage: t,
    message,
    body,
    facts,
    language,
    safety: {
      shutOffLocation: options.shutOffLocation,
      responseWindowMinutes: options.responseWindowMinutes,
    },
    disclosure: options.disclosure,
    orgName: 'Oak Street Property Co.',
    now: new Date('2026-11-27T12:00:00Z'),
  });
}
