import { rulesComplianceReviewer } from '#domain/compliance/rules-reviewer.ts';
import type { ComplianceReviewer, ReplyDrafter } from '#domain/drafts/ports.ts';
import { templateReplyDrafter } from '#domain/drafts/template-drafter.ts';
import type { TriageEngine } from '#domain/triage/triage.ts';
import type { CircuitRecorder } from '#platform/resilience/circuit.ts';
import { anthropicApiKey } from './anthropic/anthropic-api-key.ts';
import type { AnthropicSettings } from './anthropic/anthropic-settings.ts';
import { rulesThenClaude } from './anthropic/claude-compliance-reviewer.ts';
import { createClaudeGateway } from './anthropic/claude-gateway.ts';
import { ClaudeReplyDrafter, ReplyDrafterWithFallback } from './anthropic/claude-reply-drafter.ts';
import { ClaudeTriageEngine } from './anthropic/claude-triage-engine.ts';
import { RulesFirstTriage, TRIAGE_RULES } from './triage-engine.ts';

/** The parts of the inbox pipeline a model may take part in. */
export interface InboxModels {
  readonly engine: TriageEngine;
  readonly drafter: ReplyDrafter;
  readonly compliance: ComplianceReviewer;
}

/** The rules, the templates and the rule tables: what answers with no model at all. */
export const RULES_ONLY: InboxModels = {
  engine: new RulesFirstTriage(TRIAGE_RULES),
  drafter: templateReplyDrafter,
  compliance: rulesComplianceReviewer,
};

/**
 * Triage, drafting and compliance review for the classifier function: with an Anthropic key,
 * Claude behind one gateway (triage and drafting share one circuit, recorded for the readiness
 * check; the review has its own) with the rules, the templates and the rule tables always
 * behind it; without a key, those alone.
 */
export async function inboxModelsFrom(
  config: AnthropicSettings,
  options: { circuitJournal?: CircuitRecorder } = {},
): Promise<InboxModels> {
  const apiKey = await anthropicApiKey(config);
  if (!apiKey) return RULES_ONLY;
  const gateway = createClaudeGateway({
    apiKey,
    baseURL: config.ANTHROPIC_BASE_URL,
    model: config.ANTHROPIC_MODEL,
    recorder: options.circuitJournal,
  });
  return {
    engine: new RulesFirstTriage(TRIAGE_RULES, new ClaudeTriageEngine(gateway)),
    drafter: new ReplyDrafterWithFallback(new ClaudeReplyDrafter(gateway), templateReplyDrafter),
    compliance: rulesThenClaude(gateway, config.ANTHROPIC_REVIEW_TIMEOUT_MS),
  };
}
