import type { ComplianceFinding } from '../drafts/draft.ts';
import type { ComplianceContext, ComplianceReviewer } from '../drafts/ports.ts';
import { protectedClassFindings } from './fair-housing.ts';
import { distinctFindings } from './findings.ts';
import { phraseFindings } from './phrase-rules.ts';
import { stateLawFindings } from './state-checks.ts';
import { plainText, sentencesOf } from './text.ts';

/**
 * The rule tables' review of a draft: protected classes, steering, tenants' rights, promises,
 * and the org's state facts. Deterministic and offline, so it always runs, before and
 * regardless of any second review.
 */
export function reviewByRules(text: string, context: ComplianceContext): ComplianceFinding[] {
  const plain = plainText(text);
  const sentences = sentencesOf(plain);
  return distinctFindings([
    ...protectedClassFindings(text, sentences, context.region),
    ...phraseFindings(text, sentences, context),
    ...stateLawFindings(text, plain, sentences, context),
  ]);
}

/** The ComplianceReviewer port over the rule tables. */
export const rulesComplianceReviewer: ComplianceReviewer = {
  review: async (text, context) => reviewByRules(text, context),
};
