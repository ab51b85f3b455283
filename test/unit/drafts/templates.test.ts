import { describe, expect, it } from 'vitest';
import safetyFile from '#domain/drafts/data/safety-instructions.json' with { type: 'json' };
import templatesFile from '#domain/drafts/data/templates.json' with { type: 'json' };
import troubleshootingFile from '#domain/drafts/data/troubleshooting.json' with { type: 'json' };
import { groundedFact } from '#domain/drafts/facts.ts';
import { ungroundedStatements } from '#domain/drafts/grounding-check.ts';
import { promisesIn } from '#domain/drafts/promises.ts';
import { NoReplyDraftError, templateReplyDrafter } from '#domain/drafts/template-drafter.ts';
import { DRAFT_TEMPLATES, needsReplyDraft } from '#domain/drafts/templates.ts';
import { ROLES } from '#domain/roles/registry.ts';
import { CATEGORIES, type Category } from '#vocabulary/classification.ts';
import { DRAFT_LANGUAGES } from '#vocabulary/triage.ts';
import { templateDraftOf, triage } from './triages.ts';

/** Every string a data file holds (comments aside): what could end up in a reply. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, member]) => (key === '$comment' ? [] : stringsOf(member)));
  return [];
}

const ROUTED: Record<Category, keyof typeof ROLES> = Object.fromEntries(
  CATEGORIES.map((category) => [
    category,
    (Object.keys(ROLES) as (keyof typeof ROLES)[]).find((role) =>
      (ROLES[role].handles as readonly string[]).includes(category),
    ) ?? 'resident_services_rep',
  ]),
) as Record<Category, keyof typeof ROLES>;

const triageFor = (category: Category, language: 'en' | 'es') =>
  triage({
    category,
    urgency: category === 'maintenance_emergency' ? 'emergency' : 'medium',
    language,
    routeTo: ROUTED[category],
    ...(category === 'accommodation_request' || category === 'legal_notice'
      ? {
          needsHuman: true,
          needsHumanReasons: [category === 'legal_notice' ? 'legal_matter' : 'accommodation_request'],
        }
      : {}),
  });

const anything = {
  subject: 'Question',
  text: 'What is my balance, when does my lease end, and any update on the work order?',
};

describe('reply templates', () => {
  it('the promise list catches promises of outcomes, amounts, dates and legal positions', () => {
    for (const promise of [
      'Your sink will be fixed by Friday.',
      'We guarantee a technician.',
      'You will get a refund of $200.',
      'We will waive the late fee.',
      'There will be no late fee this month.',
      'You have the right to withhold rent.',
      'Your application has been approved.',
      'We will credit your account.',
      'Garantizamos la reparación.',
      'Le reembolsaremos el depósito.',
      'Quedará reparado para el lunes.',
      'Usted tiene derecho a una rebaja.',
    ])
      expect(promisesIn(promise), promise).not.toEqual([]);
    expect(promisesIn('We will contact you to schedule a visit.')).toEqual([]);
  });

  it('no data file holds a promise, or an amount or date the grounding check would block', () => {
    for (const file of [templatesFile, troubleshootingFile, safetyFile])
      for (const text of stringsOf(file)) {
        expect(promisesIn(text), text).toEqual([]);
        expect(ungroundedStatements(text, []), text).toEqual([]);
      }
  });

  it.each(CATEGORIES.flatMap((c) => DRAFT_LANGUAGES.map((l) => [c, l] as const)))(
    '%s in %s: in the routed role’s voice, no promise, or no draft for spam',
    async (category, language) => {
      const t = triageFor(category, language);
      if (category === 'spam') {
        expect(needsReplyDraft(t)).toBe(false);
        await expect(
          templateReplyDrafter.draft({
            message: { from: 'x@example.com', ...anything },
            triage: t,
            language,
            facts: [],
          }),
        ).rejects.toBeInstanceOf(NoReplyDraftError);
        return;
      }
      const draft = await templateDraftOf(t, anything);
      expect(promisesIn(draft.text)).toEqual([]);
      expect(ungroundedStatements(draft.text, draft.citations)).toEqual([]);
      const title = language === 'en' ? ROLES[t.routeTo].title : DRAFT_TEMPLATES.roleTitles.es[t.routeTo];
      expect(draft.text).toContain(`\n${title}\nOak Street Property Co.`);
      expect(draft.role).toBe(t.routeTo);
      expect(draft.status).toBe('pending_approval');
      expect(draft.engine).toBe('template');
    },
  );

  it('accommodation requests and legal matters: an acknowledgment only, whatever the records hold', async () => {
    const facts = [groundedFact('balance_due', '900', { kind: 'lease', id: '1' })];
    for (const category of ['accommodation_request', 'legal_notice'] as const)
      for (const language of DRAFT_LANGUAGES) {
        const draft = await templateDraftOf(triageFor(category, language), anything, { facts });
        const template = DRAFT_TEMPLATES.categories[category];
        const ack =
          template && 'acknowledgmentOnly' in template ? template.acknowledgmentOnly[language] : '?';
        const [greeting, body, signature] = draft.text.split('\n\n');
        expect([greeting, body]).toEqual([DRAFT_TEMPLATES.greeting[language], ack]);
        expect(signature?.startsWith(DRAFT_TEMPLATES.signOff[language])).toBe(true);
        expect(draft.text).not.toContain('$900');
        expect(draft.citations).toEqual([]);
      }
    // A legal matter raised inside another category gets the same treatment.
    const complaint = triage({
      category: 'complaint',
      routeTo: 'resident_services_manager',
      needsHuman: true,
      needsHumanReasons: ['fair_housing_concern'],
    });
    const draft = await templateDraftOf(complaint, anything, { facts });
    expect(draft.text).toContain(DRAFT_TEMPLATES.reviewAcknowledgment.en);
    expect(draft.text).not.toContain('look into it');
  });

  it('adds the AI disclosure it is given, last', async () => {
    const disclosure = 'This reply was prepared with the help of AI and reviewed by our staff.';
    const draft = await templateDraftOf(triageFor('general_inquiry', 'en'), anything, { disclosure });
    expect(draft.text.endsWith(`\n\n${disclosure}`)).toBe(true);
    expect(draft.disclosure).toBe(disclosure);
  });
});
