import { normalise, stripQuotedReply } from '../classification/normalise.ts';
import { accommodation, discrimination, legalMatter, paymentDetailsChange, threat } from './concerns.ts';
import { detectInjection } from './injection.ts';
import type { MessageToTriage } from './triage.ts';
import type { TriageEvidence } from './triage-policy.ts';

/**
 * The evidence the triage policy needs, read from the message itself so every engine is held
 * to the same rules (Claude's merge calls this on the same message): booleans for the policy,
 * and short reasons saying which words decided each.
 */
export interface EvidenceFound {
  readonly evidence: TriageEvidence;
  readonly reasons: readonly string[];
}

const clip = (phrase: string): string => phrase.slice(0, 60);

export function findEvidence(message: Pick<MessageToTriage, 'subject' | 'text'>): EvidenceFound {
  // Concerns are about what the sender says now; an injection counts anywhere in the text.
  const content = normalise(`${message.subject}\n${stripQuotedReply(message.text)}`);
  const injection = detectInjection(message.subject, message.text);
  const concerns = {
    legalMatter: legalMatter(content),
    discrimination: discrimination(content),
    accommodation: accommodation(content),
    paymentDetailsChange: paymentDetailsChange(content),
    threat: threat(content),
  };
  return {
    evidence: {
      injection: injection.detected,
      legalMatter: concerns.legalMatter !== undefined,
      discrimination: concerns.discrimination !== undefined,
      accommodation: concerns.accommodation !== undefined,
      paymentDetailsChange: concerns.paymentDetailsChange !== undefined,
      threat: concerns.threat !== undefined,
    },
    reasons: [
      ...injection.evidence.map((found) => `injection: ${found}`),
      ...Object.entries(concerns).flatMap(([what, phrase]) =>
        phrase === undefined ? [] : [`${what}: "${clip(phrase)}"`],
      ),
    ],
  };
}
