import { mergeWithRules, type TriagePolicy } from '#domain/triage/merge-with-rules.ts';
import type { MessageToTriage, Triage, TriageEngine } from '#domain/triage/triage.ts';
import { fallbackReasonFor } from './anthropic/claude-failures.ts';
import { recordTriageUsage } from './triage-usage-metrics.ts';

/** The rules engine as the composition uses it: synchronous, deterministic, never failing. */
export interface RulesTriage {
  readonly triage: (message: MessageToTriage) => Triage;
  /** The platform's triage policy (needsHuman reasons, routing of legal and accommodation matters). */
  readonly policy: TriagePolicy;
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
      return mergeWithRules(await this.claude.triage(message), byRules, this.rules.policy);
    } catch (error) {
      return { ...byRules, fallbackReason: fallbackReasonFor(error, 'triage') };
    }
  }
}
