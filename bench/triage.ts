/**
 * What a triage costs and how fast it is, offline: Claude through the real SDK against the local
 * fake Anthropic server (known latency), and the rules engine alone.
 *   npm run bench:triage
 * Messages: the dev fixture and test/fixtures/triage/*-tune.jsonl when present (never a holdout).
 * Tokens are estimated at 4 characters a token (Anthropic's rule of thumb for English; the fake
 * server bills the same way, so its usage figures are estimates too). Prints figures only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_CLAUDE_MODEL } from '#adapters/anthropic/claude-gateway.ts';
import { estimatedCostUsd } from '#adapters/anthropic/model-prices.ts';
import { TRIAGE_SYSTEM_PROMPT } from '#adapters/anthropic/triage-prompt.ts';
import { claudeTriageWithRules, TRIAGE_RULES } from '#adapters/triage-engine.ts';
import type { MessageToTriage, Triage } from '#domain/triage/triage.ts';
import { parseLabelledMessages, toMessageToTriage } from '#domain/triage/triage-evaluation.ts';
import { startFakeAnthropic } from '#test/support/fake-anthropic.ts';

// Metrics are for the functions: here stdout is the report.
process.env.POWERTOOLS_METRICS_DISABLED = 'true';

const FIXTURES = 'test/fixtures';
const TUNE_DIR = join(FIXTURES, 'triage');
const files = [
  join(FIXTURES, 'emails-dev.jsonl'),
  ...(existsSync(TUNE_DIR)
    ? readdirSync(TUNE_DIR)
        .filter((name) => name.endsWith('-tune.jsonl'))
        .map((name) => join(TUNE_DIR, name))
    : []),
];
const messages: MessageToTriage[] = files.flatMap((file) =>
  parseLabelledMessages(readFileSync(file, 'utf8')).map(toMessageToTriage),
);
const CHARS_PER_TOKEN = 4;
const tokens = (chars: number) => Math.ceil(chars / CHARS_PER_TOKEN);
const FAKE_LATENCY_MS = 40;

/** A realistic answer for the fake to give: the rules' triage in Claude's output shape. */
function answerLike(triage: Triage) {
  return {
    category: triage.category,
    urgency: triage.urgency,
    confidence: triage.confidence,
    sentiment: triage.sentiment,
    language: triage.language,
    summary: triage.summary,
    entities: {
      ...triage.entities,
      unit: triage.entities.unit ?? null,
      address: triage.entities.address ?? null,
    },
    maintenance: triage.maintenance
      ? { ...triage.maintenance, location: triage.maintenance.location ?? null }
      : null,
    routeTo: triage.routeTo,
    suggestedActions: triage.suggestedActions.slice(0, 6),
    needsHumanReasons: triage.needsHumanReasons.slice(0, 6),
    reasons: (triage.reasons.length > 0 ? triage.reasons : ['as the rules read it'])
      .slice(0, 3)
      .map((r) => r.slice(0, 200)),
  };
}

// Rules throughput: one unmeasured pass (JIT warm-up), then enough passes for a steady figure.
for (const message of messages) TRIAGE_RULES.triage(message);
const passes = Math.max(1, Math.ceil(5_000 / messages.length));
const rulesStarted = performance.now();
for (let pass = 0; pass < passes; pass += 1) for (const message of messages) TRIAGE_RULES.triage(message);
const rulesPerSecond = (passes * messages.length) / ((performance.now() - rulesStarted) / 1_000);

// Claude through the real SDK and the whole composition, against the fake with a known latency.
const fake = await startFakeAnthropic();
const engine = claudeTriageWithRules({ apiKey: 'bench-not-a-key', baseURL: fake.baseURL, retries: 0 });
const byRules = messages.map((message) => TRIAGE_RULES.triage(message));
const asked = messages.filter((_, i) => byRules[i]?.urgency !== 'emergency');
const overheadsMs: number[] = [];
let outputChars = 0;
for (const [i, message] of messages.entries()) {
  const rules = byRules[i];
  if (!rules || rules.urgency === 'emergency') continue;
  const answer = answerLike(rules);
  outputChars += JSON.stringify(answer).length;
  fake.script({ json: answer, delayMs: FAKE_LATENCY_MS });
  const started = performance.now();
  const triage = await engine.triage(message);
  overheadsMs.push(performance.now() - started - FAKE_LATENCY_MS);
  if (triage.engine !== 'claude')
    throw new Error(`bench: expected a claude triage, got ${triage.fallbackReason}`);
}
const requestChars = fake.requests.map((request) => JSON.stringify(request.body).length);
await fake.close();

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : sum(xs) / xs.length);
const sorted = [...overheadsMs].sort((a, b) => a - b);
const quantile = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

const systemChars = TRIAGE_SYSTEM_PROMPT.length;
const meanRequestChars = mean(requestChars);
const inputTokens = tokens(meanRequestChars);
const systemTokens = tokens(systemChars);
const outputTokens = tokens(outputChars / Math.max(1, asked.length));
// Emergencies never reach Claude: $ per 1,000 messages counts only the share that does.
const callShare = asked.length / messages.length;
const per1000 = (usage: { inputTokens: number; cacheReadTokens: number }) => {
  const perCall = estimatedCostUsd(DEFAULT_CLAUDE_MODEL, { ...usage, outputTokens });
  return perCall === undefined ? 'unknown' : `$${(perCall * callShare * 1_000).toFixed(3)}`;
};
const fmt = (x: number) => x.toFixed(2);

console.log(`triage bench on ${messages.length} messages (${files.join(', ')})`);
console.log(`  rules engine throughput        ${Math.round(rulesPerSecond)} messages/s`);
console.log(
  `  sent to Claude                 ${asked.length} (${(callShare * 100).toFixed(1)}%; rules emergencies never are)`,
);
console.log(`  request per message (mean)     ${Math.round(meanRequestChars)} chars ≈ ${inputTokens} tokens`);
console.log(`    system prompt (stable)       ${systemChars} chars ≈ ${systemTokens} tokens`);
console.log(`    cacheable share              ${((systemChars / meanRequestChars) * 100).toFixed(1)}%`);
console.log(`  answer per message (mean)      ≈ ${outputTokens} tokens`);
console.log(
  `  $ per 1,000 messages (${DEFAULT_CLAUDE_MODEL}, list price, ${(callShare * 1000).toFixed(0)} calls): ` +
    `no cache ${per1000({ inputTokens, cacheReadTokens: 0 })}, ` +
    `cache hits ${per1000({ inputTokens: inputTokens - systemTokens, cacheReadTokens: systemTokens })}`,
);
console.log(
  `  triage overhead beyond the model's ${FAKE_LATENCY_MS} ms: mean ${fmt(mean(overheadsMs))} ms, ` +
    `p50 ${fmt(quantile(0.5))} ms, p95 ${fmt(quantile(0.95))} ms (SDK, local HTTP, rules, redaction, merge)`,
);
