import { mergeWithRules } from '#domain/triage/merge-with-rules.ts';
import { triageByRules } from '#domain/triage/rules-triage-engine.ts';
import { type MessageToTriage, Triage, type TriageEngine } from '#domain/triage/triage.ts';
import { findEvidence } from '#domain/triage/triage-evidence.ts';
import type { TriageEvidence } from '#domain/triage/triage-policy.ts';
import type { CircuitRecorder } from '#platform/resilience/circuit.ts';
import { anthropicApiKey } from './anthropic/anthropic-api-key.ts';
import type { AnthropicSettings } from './anthropic/anthropic-settings.ts';
import { fallbackReasonFor } from './anthropic/claude-failures.ts';
import { type ClaudeGatewayConfig, createClaudeGateway } from './anthropic/claude-gateway.ts';
import { ClaudeTriageEngine } from './anthropic/claude-triage-engine.ts';
import { recordTriageUsage } from './triage-usage-metrics.ts';

/** The rules engine as the composition uses it: synchronous, deterministic, never failing. */
export interface RulesTriage {
  readonly triage: (message: MessageToTriage) => Triage;
  /** What the message itself shows (injection, legal matter, …), for the policy Claude's answer goes through. */
  readonly evidence: (message: MessageToTriage) => TriageEvidence;
}

/**
 * The TriageEngine port composed, rules first: the rules triage every message; an emergency they
 * find is answered at once, without asking Claude (it never waits on a model). Otherwise Claude
 * triages and its answer is merged with the rules' (mergeWithRules: Claude never lowers an
 * emergency, the rules' evidence and the policy always apply). Any Claude failure — error,
 * timeout, invalid output twice, open circuit — answers the rules' triage, saying why in
 * `fallbackReason`. Without Claude (no key) the rules answer alone.
 */
export class RulesFirstTriage implements TriageEngine {
  constructor(
    private readonly rules: RulesTriage,
    private readonly claude?: TriageEngine,
  ) {}

  async triage(message: MessageToTriage): Promise<Triage> {
    const triage = await this.decide(message);
    recordTriageUsage(triage);
    return triage;
  }

  private async decide(message: MessageToTriage): Promise<Triage> {
    const byRules = this.rules.triage(message);
    if (byRules.urgency === 'emergency' || !this.claude) return byRules;
    try {
      const claude = await this.claude.triage(message);
      // Checked once more as a whole: whatever the merge made of it, only a valid Triage leaves.
      return Triage.parse(mergeWithRules(claude, byRules, this.rules.evidence(message)));
    } catch (error) {
      return { ...byRules, fallbackReason: fallbackReasonFor(error, 'triage') };
    }
  }
}

/** The rules engine and the evidence the triage policy reads from a message (#domain/triage). */
export const TRIAGE_RULES: RulesTriage = {
  triage: triageByRules,
  evidence: (message) => findEvidence(message).evidence,
};

/** Claude behind the gateway, composed rules first. */
export function claudeTriageWithRules(config: ClaudeGatewayConfig): RulesFirstTriage {
  return new RulesFirstTriage(TRIAGE_RULES, new ClaudeTriageEngine(createClaudeGateway(config)));
}

/**
 * The triage engine for a function or the CLI: rules first with Claude when an Anthropic key is
 * configured (ANTHROPIC_API_KEY locally, Secrets Manager in AWS; model from ANTHROPIC_MODEL), the
 * rules alone otherwise. With a journal, the Claude circuit's transitions are recorded for the
 * readiness check.
 */
export async function triageEngineFrom(
  config: AnthropicSettings,
  options: { circuitJournal?: CircuitRecorder } = {},
): Promise<TriageEngine> {
  const apiKey = await anthropicApiKey(config);
  if (!apiKey) return new RulesFirstTriage(TRIAGE_RULES);
  return claudeTriageWithRules({
    apiKey,
    baseURL: config.ANTHROPIC_BASE_URL,
    model: config.ANTHROPIC_MODEL,
    recorder: options.circuitJournal,
  });
}
