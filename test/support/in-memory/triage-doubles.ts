import { ReplyTextPreparer } from '#adapters/message-text/prepared-text.ts';
import { classifyByRules } from '#domain/classification/rules-classifier.ts';
import type { ComplianceFinding, GroundedFact } from '#domain/drafts/draft.ts';
import type {
  ComplianceReviewer,
  DraftBody,
  DraftRequest,
  GroundingQuery,
  GroundingSource,
  ReplyDrafter,
} from '#domain/drafts/ports.ts';
import { ROLES } from '#domain/roles/registry.ts';
import type { MessageToTriage, Triage, TriageEngine } from '#domain/triage/triage.ts';
import type { TriageMessageDeps } from '#usecases/triage-message.ts';
import { InMemoryOrgSettingsStore } from './org-stores.ts';

/**
 * Small, honest stand-ins for the triage ports, for tests of the pipeline around them (the real
 * engines, drafters and reviewers have their own tests). Each does what it says and records
 * what it was asked, so a test can prove what the pipeline called and what it did not.
 */

function roleFor(category: Triage['category']): Triage['routeTo'] {
  const found = Object.entries(ROLES).find(([, role]) =>
    (role.handles as readonly string[]).includes(category),
  );
  return (found?.[0] ?? 'property_manager') as Triage['routeTo'];
}

/** The rules classifier's verdict as a Triage with plain defaults for what it does not decide. */
export class ClassifierTriageEngine implements TriageEngine {
  readonly seen: MessageToTriage[] = [];

  async triage(message: MessageToTriage): Promise<Triage> {
    this.seen.push(message);
    const verdict = classifyByRules({ from: message.from, subject: message.subject, text: message.text });
    const emergency = verdict.urgency === 'emergency';
    return {
      category: verdict.category,
      urgency: verdict.urgency,
      confidence: verdict.confidence,
      sentiment: emergency ? 'distressed' : 'neutral',
      language: /[¿¡ñ]|\b(hola|gracias|tengo)\b/i.test(message.text) ? 'es' : 'en',
      summary: `A ${verdict.category.replaceAll('_', ' ')} message.`,
      entities: { people: [], phones: [], amounts: [], dates: [] },
      routeTo: roleFor(verdict.category),
      suggestedActions: emergency
        ? ['send_safety_instructions', 'dispatch_emergency_vendor']
        : ['acknowledge'],
      needsHuman: emergency,
      needsHumanReasons: emergency ? ['emergency'] : [],
      engine: 'rules',
      reasons: verdict.reasons.slice(0, 12),
    };
  }
}

/** A template-like drafter: an acknowledgment that states exactly the facts it was given. */
export class AcknowledgingDrafter implements ReplyDrafter {
  readonly requests: DraftRequest[] = [];

  constructor(private readonly body: (request: DraftRequest) => string = acknowledgment) {}

  async draft(request: DraftRequest): Promise<DraftBody> {
    this.requests.push(request);
    return { text: this.body(request), engine: 'template', cited: request.facts };
  }
}

function acknowledgment(request: DraftRequest): string {
  const facts = request.facts.map((fact) => fact.statement).join(' ');
  const greeting =
    request.language === 'es'
      ? 'Gracias por su mensaje. Lo revisaremos y le responderemos.'
      : 'Thank you for your message. We will review it and get back to you.';
  return facts ? `${greeting} ${facts}` : greeting;
}

/** A reviewer with a phrase table: each phrase found is a finding of the given severity. */
export class PhraseComplianceReviewer implements ComplianceReviewer {
  readonly reviewed: string[] = [];

  constructor(
    private readonly phrases: readonly {
      phrase: RegExp;
      rule: string;
      severity: ComplianceFinding['severity'];
    }[] = [
      {
        phrase: /\b(adults only|no (?:kids|children))\b/i,
        rule: 'fair_housing.familial_status',
        severity: 'blocking',
      },
    ],
  ) {}

  async review(text: string): Promise<ComplianceFinding[]> {
    this.reviewed.push(text);
    return this.phrases.flatMap(({ phrase, rule, severity }) => {
      const found = phrase.exec(text);
      return found
        ? [
            {
              rule,
              severity,
              excerpt: found[0],
              suggestion: 'Remove this wording.',
              source: 'rules' as const,
            },
          ]
        : [];
    });
  }
}

/** Facts by sender address, as a synced tenant record would give them. */
export class FactsBySender implements GroundingSource {
  readonly queries: GroundingQuery[] = [];

  constructor(private readonly facts: Readonly<Record<string, GroundedFact[]>> = {}) {}

  async factsFor(query: GroundingQuery): Promise<GroundedFact[]> {
    this.queries.push(query);
    return this.facts[query.from] ?? [];
  }
}

/** The triage use case's dependencies over an in-memory platform, with these doubles unless given. */
export function triageDependencies(
  platform: Pick<TriageMessageDeps, 'emails' | 'queue' | 'clock'>,
  over: Partial<TriageMessageDeps> = {},
): TriageMessageDeps {
  return {
    emails: platform.emails,
    queue: platform.queue,
    clock: platform.clock,
    text: new ReplyTextPreparer(),
    engine: new ClassifierTriageEngine(),
    drafter: new AcknowledgingDrafter(),
    compliance: new PhraseComplianceReviewer(),
    grounding: new FactsBySender(),
    orgSettings: new InMemoryOrgSettingsStore(),
    ...over,
  };
}
