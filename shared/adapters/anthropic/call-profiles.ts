/**
 * How hard the model works on each kind of call: effort, thinking and the output cap. Sent only
 * to models that take effort and thinking (model-traits.ts); each stays fixed per kind of call,
 * because changing effort or thinking between requests invalidates cached prompt content
 * (https://platform.claude.com/docs/en/build-with-claude/prompt-engineering/prompting-claude-haiku-5-5#use-effort-to-control-thinking).
 *
 * The guide's levels: `low` for "simple, high-volume requests", `medium` (the API default) to
 * start most work, `high` for knowledge work and strict instruction following. Thinking is on by
 * default, counts toward `max_tokens`, and can be turned off at `high` or below; replies users
 * read carry reasoning-like text more often with thinking off or at `low`.
 */
export interface CallProfile {
  readonly effort: 'low' | 'medium' | 'high';
  readonly thinking: 'adaptive' | 'disabled';
  /** Output cap, thinking included: room for the largest answer the schema allows. */
  readonly maxTokens: number;
}

/**
 * Triage: a bounded record of enums, on every inbound message. `low` effort with thinking off:
 * the answer is no prose a person reads, the call has no tools of its own (the guide's one
 * warning about JSON output with thinking off concerns skipped tool calls), latency and output
 * stay bounded, and no thinking can use up the cap and turn the answer into a fallback.
 * Emergencies are decided by the rules before and regardless of this call. The schema's
 * largest answer is about 4,600 characters, some 1,850 tokens at 2.5 characters a token (the
 * 1,024 sized for the older tokenizer could cut it off); a cap costs nothing unless used.
 */
export const TRIAGE_CALL: CallProfile = { effort: 'low', thinking: 'disabled', maxTokens: 3_072 };

/**
 * A reply body: prose a tenant reads. Adaptive thinking at `medium` (the default, sent
 * explicitly), since reasoning-like text leaks into replies more often with thinking off or at
 * `low`; the cap leaves room for thinking beside a 4,000-character body (≤ 1,600 tokens).
 */
export const DRAFT_CALL: CallProfile = { effort: 'medium', thinking: 'adaptive', maxTokens: 4_096 };

/**
 * The second compliance review, behind the rule tables. Adaptive thinking at `medium`, the
 * guide's starting point; `high` (its advice for strict instruction following) is the level to
 * compare on a labelled set, since its longer thinking competes with the review's own budget
 * (ANTHROPIC_REVIEW_TIMEOUT_MS, 20 s by default: docs/CLAUDE-CALLS.md measures why 15 s is too
 * short). A review that does not answer in time is marked missing, never silent. The cap leaves
 * room for thinking beside a long list of findings (20 at most, about 900 characters each).
 */
export const REVIEW_CALL: CallProfile = { effort: 'medium', thinking: 'adaptive', maxTokens: 8_192 };
