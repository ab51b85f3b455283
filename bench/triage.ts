/**
 * What a triage costs and how fast it is, offline: Claude through the real SDK against the local
 * fake Anthropic server (known latency), and the rules engine alone.
 *   npm run bench:triage
 * Messages: the dev fixture and test/fixtures/triage/*-tune.jsonl when present (never a holdout).
 * Tokens are estimates for Haiku 5.5's tokenizer (model-traits.ts: a floor at 4 characters a
 * token, the likely count 30 % above it, a ceiling at 2.5), from the characters of the request
 * the SDK sent (system prompt, JSON schema, fenced message) and of the answer. Costs at list
 * price (model-prices.ts), with the prompt cache's 5-minute TTL: a call whose previous call with
 * the same prefix started less than 5 minutes earlier reads the cache, any other writes it.
 * Last, hostile text (test/support/hostile-text.ts) at 25, 50 and 100 kB: ms for the whole rules
 * triage and for injection detection (which reads the whole text); linear cost shows as a
 * 100 kB / 25 kB ratio near 4 or, where the rules' bound cuts, near 1.
 * Prints figures only.
 */
import { performance } from 'node:perf_hooks';
import { CACHED_SYSTEM_PROMPTS } from '#adapters/anthropic/cached-prompts.ts';
import { TRIAGE_CALL } from '#adapters/anthropic/call-profiles.ts';
import { DEFAULT_CLAUDE_MODEL } from '#adapters/anthropic/claude-gateway.ts';
import { MODEL_PRICES } from '#adapters/anthropic/model-prices.ts';
import { estimateTokens, MODEL_TRAITS, type TokenEstimate } from '#adapters/anthropic/model-traits.ts';
import { TRIAGE_SYSTEM_PROMPT } from '#adapters/anthropic/triage-prompt.ts';
import { claudeTriageWithRules, TRIAGE_RULES } from '#adapters/triage-engine.ts';
import { detectInjection } from '#domain/triage/injection.ts';
import type { Triage } from '#domain/triage/triage.ts';
import { startFakeAnthropic } from '#test/support/fake-anthropic.ts';
import { HOSTILE_SHAPES } from '#test/support/hostile-text.ts';
import { BENCH_FILES, BENCH_MESSAGES } from './tune-messages.ts';

// Metrics are for the functions: here stdout is the report.
process.env.POWERTOOLS_METRICS_DISABLED = 'true';

const files = BENCH_FILES;
const messages = BENCH_MESSAGES;
const FAKE_LATENCY_MS = 40;
const CACHE_TTL_MINUTES = 5;

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
const fmt = (x: number) => x.toFixed(2);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const range = (t: TokenEstimate) => `≈ ${t.likely} tokens (${t.floor}–${t.ceiling})`;

const model = DEFAULT_CLAUDE_MODEL;
const price = MODEL_PRICES[model];
const minimum = MODEL_TRAITS[model]?.minCacheablePromptTokens;
const request = estimateTokens(mean(requestChars));
const prefix = estimateTokens(TRIAGE_SYSTEM_PROMPT.length);
const answer = estimateTokens(outputChars / Math.max(1, asked.length));
const prefixCached = minimum !== undefined && prefix.floor >= minimum;
// Emergencies never reach Claude: $ per 1,000 messages counts only the share that does.
const callShare = asked.length / messages.length;

/** Dollars per 1,000 messages when a share `warm` of calls reads the prefix and the rest write it. */
function per1000(warm: number | 'no marker'): string {
  if (!price) return 'unknown';
  const rest = request.likely - prefix.likely;
  const prefixCost =
    warm === 'no marker' || !prefixCached
      ? prefix.likely * price.inputPerMTok
      : prefix.likely * (warm * price.cacheReadPerMTok + (1 - warm) * price.cacheWritePerMTok);
  const perCall = (rest * price.inputPerMTok + prefixCost + answer.likely * price.outputPerMTok) / 1_000_000;
  return `$${(perCall * callShare * 1_000).toFixed(3)}`;
}

/**
 * The share of calls that find the prefix warm when messages arrive at random (Poisson) at
 * `perHour`: the previous call with the same prefix started within the TTL. The cache belongs to
 * the API key's workspace, not to an org, so every org on one key adds to the rate.
 */
const warmShare = (messagesPerHour: number) =>
  1 - Math.exp(-((messagesPerHour * callShare) / 60) * CACHE_TTL_MINUTES);
// The marker pays when warm·read + (1 − warm)·write < input, i.e. above this warm share.
const breakEven = price
  ? (price.cacheWritePerMTok - price.inputPerMTok) / (price.cacheWritePerMTok - price.cacheReadPerMTok)
  : undefined;
const breakEvenPerHour =
  breakEven === undefined ? undefined : (-Math.log(1 - breakEven) * 60) / CACHE_TTL_MINUTES / callShare;

console.log(`triage bench on ${messages.length} messages (${files.join(', ')})`);
console.log(`  rules engine throughput        ${Math.round(rulesPerSecond)} messages/s`);
console.log(
  `  sent to Claude                 ${asked.length} (${pct(callShare)}; rules emergencies never are)`,
);
console.log(
  `  call (${model})      effort ${TRIAGE_CALL.effort}, thinking ${TRIAGE_CALL.thinking}, max_tokens ${TRIAGE_CALL.maxTokens}`,
);
console.log(`  request per message (mean)     ${Math.round(mean(requestChars))} chars ${range(request)}`);
console.log(`    system prompt (stable)       ${TRIAGE_SYSTEM_PROMPT.length} chars ${range(prefix)}`);
console.log(`    cacheable share              ${pct(prefix.likely / request.likely)}`);
console.log(`  answer per message (mean)      ${range(answer)} (no thinking)`);
console.log(
  `  cacheable prefixes against ${model}'s minimum of ${minimum ?? 'unknown'} tokens (floor estimate):`,
);
for (const [name, text] of Object.entries(CACHED_SYSTEM_PROMPTS)) {
  const tokens = estimateTokens(text.length);
  const verdict =
    minimum === undefined
      ? 'unknown'
      : tokens.floor >= minimum
        ? `cached, ${fmt(tokens.floor / minimum)}× the minimum`
        : 'NOT cached';
  console.log(`    ${name.padEnd(28)} ${text.length} chars ${range(tokens)}: ${verdict}`);
}
console.log(
  `  $ per 1,000 messages (list price, ${(callShare * 1000).toFixed(0)} calls, cache write ` +
    `${price?.cacheWritePerMTok ?? '?'} / read ${price?.cacheReadPerMTok ?? '?'} / input ${price?.inputPerMTok ?? '?'} $/MTok):`,
);
console.log(`    no cache marker              ${per1000('no marker')}`);
console.log(`    every call writes (cold)     ${per1000(0)}`);
console.log(`    every call reads (warm)      ${per1000(1)}`);
for (const [label, perHour] of [
  ['1 message/minute, one org', 60],
  ['1 message/hour, one org', 1],
  ['20 orgs at 1/hour, one key', 20],
] as const) {
  const warm = warmShare(perHour);
  console.log(`    ${label.padEnd(28)} ${per1000(warm)} (${pct(warm)} of calls warm)`);
}
if (breakEven !== undefined && breakEvenPerHour !== undefined)
  console.log(
    `    the marker pays above        ${pct(breakEven)} warm, i.e. ${breakEvenPerHour.toFixed(1)} messages/hour on one key`,
  );
console.log(
  `  triage overhead beyond the model's ${FAKE_LATENCY_MS} ms: mean ${fmt(mean(overheadsMs))} ms, ` +
    `p50 ${fmt(quantile(0.5))} ms, p95 ${fmt(quantile(0.95))} ms (SDK, local HTTP, rules, redaction, merge)`,
);

// Hostile text: the median of three runs per shape and size, after one unmeasured run.
const HOSTILE_SIZES = [25_000, 50_000, 100_000] as const;
function medianMs(run: () => unknown): number {
  run();
  const times = [0, 1, 2].map(() => {
    const started = performance.now();
    run();
    return performance.now() - started;
  });
  return times.sort((a, b) => a - b)[1] ?? 0;
}
const cells = (times: readonly number[]) =>
  `${times.map((ms) => fmt(ms).padStart(9)).join('')}   ×${fmt((times.at(-1) ?? 0) / Math.max(times[0] ?? 0, 0.01))}`;
console.log(
  `  hostile text, ms at ${HOSTILE_SIZES.map((size) => `${size / 1_000} kB`).join(' / ')} (× = 100 kB over 25 kB):`,
);
for (const [shape, make] of Object.entries(HOSTILE_SHAPES)) {
  const texts = HOSTILE_SIZES.map((size) => make(size));
  const whole = texts.map((text) =>
    medianMs(() => TRIAGE_RULES.triage({ from: 'x@example.com', subject: 'x', text })),
  );
  const injection = texts.map((text) => medianMs(() => detectInjection('x', text)));
  console.log(`    ${shape.padEnd(28)} rules triage ${cells(whole)}`);
  console.log(`    ${''.padEnd(28)} injection    ${cells(injection)}`);
}
