/**
 * What Claude's second compliance review is sent and may answer, offline: the real prompt
 * builder and SDK against the local fake Anthropic server, which records each request.
 *   node --import tsx bench/review.ts
 * Drafts: the template reply to every message of the dev fixture and the tune sets that gets one
 * (what the reviewer reads: the drafter's body), and the largest body Claude may write (4,000
 * characters) beside the longest message excerpt. Tokens are estimates for Haiku 5.5's
 * tokenizer (model-traits.ts). Then the time an answer takes at the output speeds this machine
 * cannot measure (no key), against the review's budget. Prints figures only.
 */
import { REVIEW_CALL } from '#adapters/anthropic/call-profiles.ts';
import { ClaudeComplianceReviewer } from '#adapters/anthropic/claude-compliance-reviewer.ts';
import { createClaudeGateway } from '#adapters/anthropic/claude-gateway.ts';
import { COMPLIANCE_SYSTEM_PROMPT } from '#adapters/anthropic/compliance-prompt.ts';
import { estimateTokens, type TokenEstimate } from '#adapters/anthropic/model-traits.ts';
import { draftLanguageFor } from '#domain/drafts/compose.ts';
import { templateReplyDrafter } from '#domain/drafts/template-drafter.ts';
import { needsReplyDraft } from '#domain/drafts/templates.ts';
import { triageByRules } from '#domain/triage/rules-triage-engine.ts';
import { REVIEW_TIMEOUT_MS } from '#platform/config.ts';
import { startFakeAnthropic } from '#test/support/fake-anthropic.ts';
import { BENCH_FILES, BENCH_MESSAGES } from './tune-messages.ts';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';

const files = BENCH_FILES;
const messages = BENCH_MESSAGES;

const fake = await startFakeAnthropic();
const reviewer = new ClaudeComplianceReviewer(
  createClaudeGateway({ apiKey: 'bench-not-a-key', baseURL: fake.baseURL, retries: 0 }),
);
const empty = { findings: [] };
let reviewed = 0;
for (const message of messages) {
  const triage = triageByRules(message);
  if (!needsReplyDraft(triage)) continue;
  const language = draftLanguageFor(triage);
  const body = await templateReplyDrafter.draft({ message, triage, language, facts: [] });
  fake.script({ json: empty });
  await reviewer.review(body.text, {
    language,
    category: triage.category,
    region: 'US-TX',
    message: { subject: message.subject, text: message.text },
    draftBody: body.text,
  });
  reviewed += 1;
}
const typical = fake.requests.map((request) => JSON.stringify(request.body).length);
// The largest a review is sent: a 4,000-character body and a message cut to its excerpt.
fake.script({ json: empty });
const longest = 'x '.repeat(50_000);
await reviewer.review('y'.repeat(4_000), {
  language: 'en',
  category: 'maintenance_request',
  region: 'US-CA',
  message: { subject: 's'.repeat(200), text: longest },
  draftBody: 'y'.repeat(4_000),
});
const largest = JSON.stringify(fake.requests.at(-1)?.body).length;
await fake.close();

const sorted = [...typical].sort((a, b) => a - b);
const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const range = (t: TokenEstimate) => `≈ ${t.likely} tokens (${t.floor}–${t.ceiling})`;
const finding = {
  family: 'promise',
  severity: 'blocking',
  excerpt: 'e'.repeat(300),
  suggestion: 's'.repeat(500),
};
const answers = {
  'no finding': JSON.stringify(empty).length,
  'two findings of 150 characters': JSON.stringify({
    findings: [1, 2].map(() => ({ ...finding, excerpt: 'e'.repeat(60), suggestion: 's'.repeat(90) })),
  }).length,
  'twenty findings at their limits': JSON.stringify({ findings: Array.from({ length: 20 }, () => finding) })
    .length,
};

console.log(`review bench on ${reviewed} template drafts (${files.join(', ')})`);
console.log(
  `  call: effort ${REVIEW_CALL.effort}, thinking ${REVIEW_CALL.thinking}, max_tokens ${REVIEW_CALL.maxTokens}`,
);
console.log(
  `  system prompt (cached)         ${COMPLIANCE_SYSTEM_PROMPT.length} chars ${range(estimateTokens(COMPLIANCE_SYSTEM_PROMPT.length))}`,
);
console.log(`  request, median                ${at(0.5)} chars ${range(estimateTokens(at(0.5)))}`);
console.log(`  request, p95                   ${at(0.95)} chars ${range(estimateTokens(at(0.95)))}`);
console.log(`  request, largest possible      ${largest} chars ${range(estimateTokens(largest))}`);
for (const [name, chars] of Object.entries(answers))
  console.log(`  answer: ${name.padEnd(30)} ${chars} chars ${range(estimateTokens(chars))}`);

// Time to the last token = time to the first + output tokens / speed. Thinking is output too.
const TTFT_S = 0.6;
const SPEEDS = [50, 100, 150];
const budgetS = REVIEW_TIMEOUT_MS.default / 1_000;
console.log(
  `  seconds to answer (${TTFT_S} s to the first token, then at ${SPEEDS.join(' / ')} output tokens/s):`,
);
for (const tokens of [300, 1_000, 2_000, 4_000, REVIEW_CALL.maxTokens]) {
  const times = SPEEDS.map((speed) => TTFT_S + tokens / speed);
  console.log(
    `    ${String(tokens).padStart(5)} output tokens (thinking included)  ${times.map((s) => s.toFixed(1).padStart(6)).join('')}`,
  );
}
const fits = (budget: number) => SPEEDS.map((speed) => Math.floor((budget - TTFT_S) * speed));
console.log(
  `  output tokens that fit 15 s           ${fits(15)
    .map((n) => String(n).padStart(6))
    .join('')}`,
);
console.log(
  `  output tokens that fit ${budgetS} s (review) ${fits(budgetS)
    .map((n) => String(n).padStart(6))
    .join('')}`,
);
