import { blocks, type ComplianceReview, mergeFindings } from '#domain/compliance/findings.ts';
import { rulesComplianceReviewer } from '#domain/compliance/rules-reviewer.ts';
import type { ComplianceFinding } from '#domain/drafts/draft.ts';
import type { ComplianceContext, ComplianceReviewer } from '#domain/drafts/ports.ts';
import { REVIEW_TIMEOUT_MS } from '#platform/config.ts';
import { logger } from '#platform/observability.ts';
import { REVIEW_CALL } from './call-profiles.ts';
import { ModelCallError } from './claude-failures.ts';
import type { ClaudeGateway } from './claude-gateway.ts';
import { ClaudeComplianceReview, COMPLIANCE_SYSTEM_PROMPT, fenceReview } from './compliance-prompt.ts';

/**
 * The review's own breaker key: its calls are long (thinking is output) and can time out where
 * triage's would not, and a review that fails only marks itself missing, so its failures must
 * not open the circuit that sends triage and drafting to the rules.
 */
export const REVIEW_CIRCUIT_KEY = 'review';

/**
 * Claude as a second compliance reviewer: the draft and the message it answers, fenced, and an
 * answer restricted to the rules' families and severities. It answers only with Claude's
 * findings and throws the gateway's ModelCallError otherwise. Its call has a budget of its own
 * (ANTHROPIC_REVIEW_TIMEOUT_MS), longer than the gateway's: its thinking is output.
 */
export class ClaudeComplianceReviewer implements ComplianceReviewer {
  constructor(
    private readonly gateway: ClaudeGateway,
    private readonly timeoutMs: number = REVIEW_TIMEOUT_MS.default,
  ) {}

  async review(text: string, context: ComplianceContext): Promise<ComplianceFinding[]> {
    const { data } = await this.gateway.structured({
      schema: ClaudeComplianceReview,
      system: COMPLIANCE_SYSTEM_PROMPT,
      // The same instructions on every review (the draft, message and state facts travel in the
      // user turn): read from the prompt cache after the first within 5 minutes.
      cacheSystem: true,
      user: fenceReview(text, context),
      call: REVIEW_CALL,
      timeoutMs: this.timeoutMs,
      circuitKey: REVIEW_CIRCUIT_KEY,
    });
    return data.findings.map(({ family, ...finding }) => ({ rule: family, ...finding, source: 'claude' }));
  }
}

/** Marks a review that had only the rules: visible to the person who approves, never silent. */
function secondReviewMissing(reason: string): ComplianceFinding {
  return {
    rule: 'review.second_review_unavailable',
    severity: 'warning',
    excerpt: '',
    suggestion: `The Claude second review did not run (${reason}); only the rule tables checked this draft. Read it with care.`,
    source: 'rules',
  };
}

/**
 * The rule tables first, always, on the whole text; then Claude on the drafter's body (the whole
 * text when none is named), whose findings are merged in (it can add findings or raise a
 * severity, never remove the rules'). When Claude fails the review says so, with the rules'
 * findings and a warning that the second review is missing.
 */
export class ComplianceReviewWithClaude implements ComplianceReviewer {
  constructor(
    private readonly rules: ComplianceReviewer,
    private readonly claude: ComplianceReviewer,
  ) {}

  async assess(text: string, context: ComplianceContext): Promise<ComplianceReview> {
    const ruleFindings = await this.rules.review(text, context);
    try {
      // Claude reads the drafter's body when the caller names it, never the fixed parts around it.
      const claudeFindings = await this.claude.review(context.draftBody ?? text, context);
      return { findings: mergeFindings(ruleFindings, claudeFindings), secondReview: 'completed' };
    } catch (error) {
      const reason = error instanceof ModelCallError ? error.reason : 'claude_error: unexpected';
      // Never the draft, the message or the error text: all of them can carry personal details.
      logger.warn('Claude compliance review unavailable, rules findings only', {
        reason,
        blocked: blocks(ruleFindings),
      });
      return {
        findings: [...ruleFindings, secondReviewMissing(reason)],
        secondReview: 'unavailable',
        unavailableReason: reason,
      };
    }
  }

  async review(text: string, context: ComplianceContext): Promise<ComplianceFinding[]> {
    return (await this.assess(text, context)).findings;
  }
}

/** The rule tables with Claude's second review on a gateway other callers may share (its breaker is its own). */
export const rulesThenClaude = (
  gateway: ClaudeGateway,
  reviewTimeoutMs: number = REVIEW_TIMEOUT_MS.default,
): ComplianceReviewWithClaude =>
  new ComplianceReviewWithClaude(
    rulesComplianceReviewer,
    new ClaudeComplianceReviewer(gateway, reviewTimeoutMs),
  );
