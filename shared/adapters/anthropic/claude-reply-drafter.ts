import { isEmergencyDraft } from '#domain/drafts/compose.ts';
import type { GroundedFact } from '#domain/drafts/draft.ts';
import { ungroundedStatements } from '#domain/drafts/grounding-check.ts';
import type { DraftBody, DraftRequest, ReplyDrafter } from '#domain/drafts/ports.ts';
import { promisesIn } from '#domain/drafts/promises.ts';
import { NoReplyDraftError } from '#domain/drafts/template-drafter.ts';
import { acknowledgmentOnly, needsReplyDraft } from '#domain/drafts/templates.ts';
import { logger } from '#platform/observability.ts';
import { DRAFT_CALL } from './call-profiles.ts';
import { ModelCallError } from './claude-failures.ts';
import type { ClaudeGateway } from './claude-gateway.ts';
import { ClaudeReplyBody, MAX_FACTS, REPLY_SYSTEM_PROMPT, replyTurn } from './reply-draft-prompt.ts';

/**
 * Reply bodies written by Claude through the gateway. An answer is accepted only when every fact
 * it cites was given, it makes no promise (promises.ts) and every amount or date it states is
 * held by a fact it cites (ungroundedStatements): anything else is invalid output, a
 * ModelCallError like any other, and the templates answer instead (ReplyDrafterWithFallback).
 */
export class ClaudeReplyDrafter implements ReplyDrafter {
  constructor(private readonly gateway: ClaudeGateway) {}

  async draft(request: DraftRequest): Promise<DraftBody> {
    const facts = request.facts.slice(0, MAX_FACTS);
    // The facts an answer cites, or undefined when it cites one it was not given.
    const citedBy = (answer: ClaudeReplyBody): GroundedFact[] | undefined => {
      const cited = [...new Set(answer.citedFacts)].map((index) => facts[index]);
      return cited.every((fact) => fact !== undefined) ? cited : undefined;
    };
    const { data, usage } = await this.gateway.structured({
      schema: ClaudeReplyBody,
      system: REPLY_SYSTEM_PROMPT,
      // The same rules on every call: read from the prompt cache after the first.
      cacheSystem: true,
      user: replyTurn(request, facts),
      call: DRAFT_CALL,
      accepts: (answer) => {
        const cited = citedBy(answer);
        return (
          cited !== undefined &&
          promisesIn(answer.body).length === 0 &&
          ungroundedStatements(answer.body, cited).length === 0
        );
      },
    });
    return {
      text: data.body,
      engine: 'claude',
      cited: citedBy(data) ?? [],
      usage: {
        inputTokens: usage.inputTokens,
        outputTokens: usage.outputTokens,
        cacheReadTokens: usage.cacheReadTokens,
      },
    };
  }
}

/**
 * The drafter port composed: Claude writes, and on any failure (down, slow, open circuit, or an
 * answer refused as ungrounded or promising) the templates write instead, saying why.
 * Three kinds of message never reach a model: emergencies (their reply never waits on one, and
 * no model's words sit beside the safety instructions), accommodation requests and legal matters
 * (their reply is the fixed acknowledgment). Spam gets no draft.
 */
export class ReplyDrafterWithFallback implements ReplyDrafter {
  constructor(
    private readonly primary: ReplyDrafter,
    private readonly fallback: ReplyDrafter,
  ) {}

  async draft(request: DraftRequest): Promise<DraftBody> {
    if (!needsReplyDraft(request.triage))
      throw new NoReplyDraftError(`no reply is drafted for ${request.triage.category}`);
    if (
      isEmergencyDraft(request.triage) ||
      acknowledgmentOnly(request.triage, request.language) !== undefined
    )
      return this.fallback.draft(request);
    try {
      return await this.primary.draft(request);
    } catch (error) {
      const fallbackReason = error instanceof ModelCallError ? error.reason : 'claude_error: unexpected';
      // Never the message or the model's text: both can carry the sender's words.
      logger.warn('Claude reply draft unavailable, using templates', { fallbackReason });
      return { ...(await this.fallback.draft(request)), fallbackReason };
    }
  }
}
