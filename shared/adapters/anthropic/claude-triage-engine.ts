import { urgencyFitsCategory } from '#domain/classification/taxonomy.ts';
import { type MessageToTriage, Triage, type TriageEngine } from '#domain/triage/triage.ts';
import { TRIAGE_CALL } from './call-profiles.ts';
import type { ClaudeGateway } from './claude-gateway.ts';
import { ClaudeTriageOutput, fenceMessage, TRIAGE_SYSTEM_PROMPT } from './triage-prompt.ts';

/** The JSON schema cannot say it: an answer breaking the Triage rules is invalid output (asked again once). */
const fitsTriage = (output: ClaudeTriageOutput): boolean => urgencyFitsCategory(output);

/** Claude's answer as a Triage: nulls dropped, needsHuman from its reasons, the call's model and usage. */
export function triageFromClaude(
  output: ClaudeTriageOutput,
  call: { readonly model: string; readonly usage: Triage['usage'] },
): Triage {
  const { entities, maintenance, needsHumanReasons, ...rest } = output;
  return Triage.parse({
    ...rest,
    entities: {
      people: entities.people,
      phones: entities.phones,
      amounts: entities.amounts,
      dates: entities.dates,
      ...(entities.unit ? { unit: entities.unit } : {}),
      ...(entities.address ? { address: entities.address } : {}),
    },
    ...(maintenance
      ? {
          maintenance: {
            issueType: maintenance.issueType,
            safetyFlags: [...new Set(maintenance.safetyFlags)],
            ...(maintenance.location ? { location: maintenance.location } : {}),
          },
        }
      : {}),
    suggestedActions: [...new Set(output.suggestedActions)],
    needsHumanReasons: [...new Set(needsHumanReasons)],
    needsHuman: needsHumanReasons.length > 0,
    engine: 'claude',
    model: call.model,
    usage: call.usage,
  });
}

/**
 * Triage as one caller of the Claude gateway: the stable, cacheable system prompt, the message
 * redacted and fenced, an answer of enums and bounded strings. It answers only with Claude's
 * triage and throws the gateway's ModelCallError otherwise; the rules and the merge are composed
 * at the port (#adapters/triage-engine.ts), not here.
 */
export class ClaudeTriageEngine implements TriageEngine {
  constructor(private readonly gateway: ClaudeGateway) {}

  async triage(message: MessageToTriage): Promise<Triage> {
    const { data, usage, model } = await this.gateway.structured({
      schema: ClaudeTriageOutput,
      system: TRIAGE_SYSTEM_PROMPT,
      cacheSystem: true,
      user: fenceMessage(message),
      accepts: fitsTriage,
      call: TRIAGE_CALL,
    });
    return triageFromClaude(data, { model, usage });
  }
}
