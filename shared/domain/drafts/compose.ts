import { DRAFT_LANGUAGES, type DraftLanguage } from '#vocabulary/triage.ts';
import type { ShutOffNote } from '../orgs/org-settings.ts';
import type { Triage } from '../triage/triage.ts';
import { type GroundedFact, ReplyDraft } from './draft.ts';
import { fill } from './localized.ts';
import type { DraftBody } from './ports.ts';
import { hasEmergencyHazard, SAFETY_INSTRUCTIONS, safetyInstructionsFor } from './safety-instructions.ts';
import { acknowledgmentOnly, DRAFT_TEMPLATES, onCallTeam, roleTitle } from './templates.ts';
import { troubleshootingFor } from './troubleshooting.ts';

/**
 * A reply as a person will review it: the fixed safety instructions first when the message is an
 * emergency (no drafter can change them), who is coming and when, the drafter's body, safe
 * self-help for routine repairs, the routed role's signature and the AI disclosure. Pure.
 */

export interface ComposeInput {
  readonly triage: Triage;
  readonly message: { readonly subject: string; readonly text: string };
  readonly body: DraftBody;
  /** The facts the drafter was given: every fact the body cites must be one of them. */
  readonly facts: readonly GroundedFact[];
  /**
   * The emergency was decided by the learned safety net alone (safety-net-emergency.ts): the
   * general instructions only, whatever hazard the triage names.
   */
  readonly safetyNetDecided?: boolean;
  readonly language: DraftLanguage;
  /** What the org's settings say about emergencies (shared/domain/orgs/org-settings.ts). */
  readonly safety?: {
    /** Where the water shut-off is, from the org's settings (the property's own, else the org's). */
    readonly shutOffLocation?: ShutOffNote;
    /** How soon the on-call team answers an emergency, from the org's settings; else the data file's default. */
    readonly responseWindowMinutes?: number;
  };
  /** The AI-assistance disclosure, when the org's state requires one (the compliance rules give it). */
  readonly disclosure?: string;
  readonly orgName?: string;
  readonly now: Date;
}

/** The message's language when replies can be drafted in it, English otherwise. */
export const draftLanguageFor = (triage: Pick<Triage, 'language'>): DraftLanguage =>
  (DRAFT_LANGUAGES as readonly string[]).includes(triage.language)
    ? (triage.language as DraftLanguage)
    : 'en';

/** Whether the draft must open with safety instructions: an emergency, or any emergency hazard named. */
export const isEmergencyDraft = (triage: Triage): boolean =>
  triage.urgency === 'emergency' || hasEmergencyHazard(triage.maintenance?.safetyFlags ?? []);

function responseWindowText(minutes: number, language: DraftLanguage): string {
  const [count, unit] = minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
  const words = {
    en: { hour: ['hour', 'hours'], minute: ['minute', 'minutes'] },
    es: { hour: ['hora', 'horas'], minute: ['minuto', 'minutos'] },
  }[language][unit as 'hour' | 'minute'];
  return `${count} ${count === 1 ? words[0] : words[1]}`;
}

const sameFact = (a: GroundedFact, b: GroundedFact): boolean =>
  a.topic === b.topic &&
  a.value === b.value &&
  a.citation.kind === b.citation.kind &&
  a.citation.id === b.citation.id;

export function composeReplyDraft(input: ComposeInput): ReplyDraft {
  const { triage, language, body } = input;
  const invented = body.cited.find((fact) => !input.facts.some((given) => sameFact(fact, given)));
  if (invented) throw new Error(`the draft cites a fact it was not given (${invented.topic})`);

  const flags = triage.maintenance?.safetyFlags ?? [];
  const emergency = isEmergencyDraft(triage);
  const instructed = input.safetyNetDecided ? [] : flags;
  const preamble = emergency
    ? safetyInstructionsFor(instructed, language, { shutOffLocation: input.safety?.shutOffLocation }).join(
        '\n\n',
      )
    : undefined;
  const opening = emergency
    ? fill(DRAFT_TEMPLATES.emergencyResponse[language], {
        team: onCallTeam(triage.routeTo, language),
        window: responseWindowText(
          input.safety?.responseWindowMinutes ?? SAFETY_INSTRUCTIONS.defaultResponseWindowMinutes,
          language,
        ),
      })
    : DRAFT_TEMPLATES.greeting[language];
  const selfHelp =
    emergency || acknowledgmentOnly(triage, language) !== undefined
      ? undefined
      : troubleshootingFor(triage, `${input.message.subject}\n${input.message.text}`, language);
  const signature = [DRAFT_TEMPLATES.signOff[language], roleTitle(triage.routeTo, language), input.orgName]
    .filter((line) => Boolean(line))
    .join('\n');
  const text = [
    preamble,
    opening,
    body.text.trim(),
    selfHelp &&
      [
        fill(DRAFT_TEMPLATES.troubleshootingIntro[language], { title: selfHelp.title }),
        ...selfHelp.steps.map((step, index) => `${index + 1}. ${step}`),
        DRAFT_TEMPLATES.troubleshootingOutro[language],
      ].join('\n'),
    signature,
    input.disclosure,
  ]
    .filter((part): part is string => Boolean(part))
    .join('\n\n');

  return ReplyDraft.parse({
    text,
    language,
    role: triage.routeTo,
    engine: body.engine,
    status: 'pending_approval',
    ...(preamble ? { safetyPreamble: preamble } : {}),
    ...(input.disclosure ? { disclosure: input.disclosure } : {}),
    ...(selfHelp ? { troubleshooting: selfHelp.title } : {}),
    citations: body.cited,
    findings: [],
    createdAt: input.now.toISOString(),
    ...(body.usage ? { usage: body.usage } : {}),
  });
}
