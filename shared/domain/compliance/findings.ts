import { z } from 'zod';
import { FINDING_SEVERITIES, type FindingSeverity } from '#vocabulary/triage.ts';
import type { ComplianceFinding } from '../drafts/draft.ts';
import { plainText } from './text.ts';

/**
 * Findings from several reviewers, as one list: the rules' always kept, a second reviewer's
 * added when they say something new, and whether any of them stops the draft.
 */

/** The rule families a second reviewer (Claude) may name: the rules' own areas. */
export const COMPLIANCE_RULE_FAMILIES = [
  'fair_housing.protected_class',
  'fair_housing.steering',
  'tenant_rights',
  'promise',
  'state_law',
  'ai_disclosure',
] as const;
export type ComplianceRuleFamily = (typeof COMPLIANCE_RULE_FAMILIES)[number];

/** A second reviewer's finding before it is tagged with its source. */
export const ReviewerFinding = z.object({
  family: z.enum(COMPLIANCE_RULE_FAMILIES),
  severity: z.enum(FINDING_SEVERITIES),
  /** The draft's words that raise it, quoted. */
  excerpt: z.string().max(300),
  suggestion: z.string().max(500),
});
export type ReviewerFinding = z.infer<typeof ReviewerFinding>;

/** The area a rule id belongs to: `fair_housing.familial_status` and `fair_housing.steering` share one. */
function area(rule: string): string {
  const head = rule.split('.')[0] ?? rule;
  return head === 'state_law' || head === 'ai_disclosure' ? 'state' : head;
}

const SEVERITY_RANK: Readonly<Record<FindingSeverity, number>> = { info: 0, warning: 1, blocking: 2 };

const maxSeverity = (a: FindingSeverity, b: FindingSeverity): FindingSeverity =>
  SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b;

const squash = (text: string) =>
  plainText(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Two findings are one when they are in the same area and quote overlapping words. */
function sameFinding(a: ComplianceFinding, b: ComplianceFinding): boolean {
  if (area(a.rule) !== area(b.rule)) return false;
  const [x, y] = [squash(a.excerpt), squash(b.excerpt)];
  return x === y || (x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x)));
}

/**
 * The rules' findings, each kept (a second reviewer may raise its severity, never lower or drop
 * it), then the second reviewer's findings that are not already there.
 */
export function mergeFindings(
  rules: readonly ComplianceFinding[],
  second: readonly ComplianceFinding[],
): ComplianceFinding[] {
  const merged = rules.map((finding) => ({ ...finding }));
  for (const finding of second) {
    const same = merged.find((kept) => sameFinding(kept, finding));
    if (same) same.severity = maxSeverity(same.severity, finding.severity);
    else merged.push({ ...finding });
  }
  return merged;
}

/** A draft with a blocking finding is `blocked` and goes to a person to edit. */
export const blocks = (findings: readonly ComplianceFinding[]): boolean =>
  findings.some((finding) => finding.severity === 'blocking');

/** Drops exact repeats (the same rule quoting the same words) within one reviewer's list. */
export function distinctFindings(findings: readonly ComplianceFinding[]): ComplianceFinding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.rule}\u0000${squash(finding.excerpt)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What a review produced, and whether its second opinion ran. */
export interface ComplianceReview {
  readonly findings: ComplianceFinding[];
  /** `completed`: Claude reviewed too; `unavailable`: it failed and only the rules' findings are here. */
  readonly secondReview: 'completed' | 'unavailable';
  /** Why the second review is missing (`timeout`, `invalid_output`, …): stable, safe to store. */
  readonly unavailableReason?: string;
}
