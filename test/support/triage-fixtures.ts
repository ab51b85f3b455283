import type { ReplyDraft } from '#domain/drafts/draft.ts';
import type { TriageResult } from '#domain/emails/email.ts';
import { Triage } from '#domain/triage/triage.ts';

/** A valid triage (parsed by the schema, so a fixture cannot drift from it). */
export function triageOf(
  category: Triage['category'],
  urgency: Triage['urgency'],
  over: Partial<Triage> = {},
): Triage {
  const emergency = urgency === 'emergency';
  return Triage.parse({
    category,
    urgency,
    confidence: 0.8,
    sentiment: 'neutral',
    language: 'en',
    summary: `A ${category} message.`,
    entities: { people: [], phones: [], amounts: [], dates: [] },
    routeTo: emergency || category.startsWith('maintenance') ? 'maintenance_supervisor' : 'property_manager',
    suggestedActions: ['acknowledge'],
    needsHuman: emergency,
    needsHumanReasons: emergency ? ['emergency'] : [],
    engine: 'rules',
    reasons: ['fixture'],
    ...over,
  });
}

export function draftOf(
  status: ReplyDraft['status'] = 'pending_approval',
  over: Partial<ReplyDraft> = {},
): ReplyDraft {
  return {
    text: 'Thank you for your message. We will review it and get back to you.',
    language: 'en',
    role: 'property_manager',
    engine: 'template',
    status,
    citations: [],
    findings:
      status === 'blocked'
        ? [
            {
              rule: 'fair_housing.familial_status',
              severity: 'blocking',
              excerpt: 'adults only',
              suggestion: 'Remove this wording.',
              source: 'rules',
            },
          ]
        : [],
    createdAt: '2026-11-21T10:00:30.000Z',
    ...over,
  };
}

/** A triage result as a triage run saves it: with a draft unless `draft` is null. */
export function triaged(
  category: Triage['category'],
  urgency: Triage['urgency'],
  draft: ReplyDraft | null = null,
  over: Partial<Triage> = {},
): TriageResult {
  return {
    triage: triageOf(category, urgency, over),
    preparedText: 'What triage read.',
    ...(draft ? { draft } : {}),
  };
}
