import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MODEL_TRAITS, OLD_TOKENIZER_CHARS_PER_TOKEN } from '#adapters/anthropic/model-traits.ts';

/**
 * A scripted stand-in for the Anthropic Messages API (POST /v1/messages) on 127.0.0.1:0, so the
 * real SDK can be exercised offline: successes, HTTP errors, slow answers and broken output.
 * GET /v1/models answers a one-model list (reachability probes), or as `models()` says.
 * It bills a token per 4 characters of the request and of the answer's text (the older
 * tokenizer's rule, a floor for Haiku 5.5's). A system prompt marked `cache_control` is billed as
 * a cache write the first time it is seen and as a cache read after that
 * (`cache_read_input_tokens`), as the prompt cache would — but, like Anthropic, only when those
 * tokens reach the requested model's minimum cacheable length (model-traits.ts); a shorter one is
 * silently billed as plain input. Entries never expire here (the real TTL is 5 minutes).
 */

export type FakeReply = (
  | { readonly json: unknown } // a text block holding this value as JSON (structured output)
  | { readonly text: string } // a text block with exactly this text
  | { readonly status: number; readonly retryAfterMs?: number } // an API error with that HTTP status
  | { readonly refusal: true } // a safety classifier's decline: no content, stop_reason "refusal"
) & {
  /** Wait this long before answering (to trip client timeouts). */
  readonly delayMs?: number;
  /** Begin the answer with a thinking block, empty with only a signature (Haiku 5.5's default display). */
  readonly thinkingFirst?: boolean;
};

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Record<string, unknown>;
}

export interface FakeAnthropic {
  /** Pass as the SDK's `baseURL`. */
  readonly baseURL: string;
  readonly requests: readonly RecordedRequest[];
  /** Queues replies, answered in order; with the queue empty the fake answers 500. */
  script(...replies: FakeReply[]): void;
  /** How GET /v1/models answers from now on: an error status and/or a delay (default: the list at once). */
  models(reply: { readonly status?: number; readonly delayMs?: number }): void;
  /** Forgets requests and pending replies between tests. */
  reset(): void;
  close(): Promise<void>;
}

/** The API's error `type` for the statuses tests use. */
const ERROR_TYPES: Readonly<Record<number, string>> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

const FAKE_MODEL = {
  type: 'model',
  id: 'claude-haiku-5-5',
  display_name: 'Claude Haiku (fake)',
  created_at: '2026-01-01T00:00:00Z',
};

/** The text of a system prompt given as blocks whose last one is marked cacheable, if it is. */
function cacheableSystem(system: unknown): string | undefined {
  if (!Array.isArray(system)) return undefined;
  const blocks = system as { text?: string; cache_control?: unknown }[];
  if (!blocks.at(-1)?.cache_control) return undefined;
  return blocks.map((block) => block.text ?? '').join('');
}

/** Tokens the fake bills for text. */
const billed = (text: string) => Math.ceil(text.length / OLD_TOKENIZER_CHARS_PER_TOKEN);

/** The marked prefix, when the model would cache it: long enough for its minimum (none for an unknown model). */
function cachedPrefix(body: Record<string, unknown>): string | undefined {
  const prefix = cacheableSystem(body.system);
  if (prefix === undefined) return undefined;
  const minimum = MODEL_TRAITS[String(body.model)]?.minCacheablePromptTokens ?? 0;
  return billed(prefix) >= minimum ? prefix : undefined;
}

export async function startFakeAnthropic(): Promise<FakeAnthropic> {
  const requests: RecordedRequest[] = [];
  const queue: FakeReply[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let messageCount = 0;
  const cachedPrompts = new Set<string>();
  let modelsReply: { readonly status?: number; readonly delayMs?: number } = {};

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = (raw.length > 0 ? JSON.parse(raw) : {}) as Record<string, unknown>;
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      function answerError(status: number, retryAfterMs = 5) {
        const type = ERROR_TYPES[status] ?? 'api_error';
        // A tiny retry-after by default keeps retries fast in tests.
        res.writeHead(status, { 'content-type': 'application/json', 'retry-after-ms': String(retryAfterMs) });
        res.end(JSON.stringify({ type: 'error', error: { type, message: `fake ${status}` } }));
      }
      function answerLater(delayMs: number | undefined, answer: () => void) {
        if (delayMs === undefined) return answer();
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!res.destroyed) answer();
        }, delayMs);
        timers.add(timer);
      }

      const route = `${req.method} ${req.url?.split('?')[0]}`;
      if (route === 'GET /v1/models') {
        answerLater(modelsReply.delayMs, () => {
          if (modelsReply.status !== undefined) return answerError(modelsReply.status);
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              data: [FAKE_MODEL],
              has_more: false,
              first_id: FAKE_MODEL.id,
              last_id: FAKE_MODEL.id,
            }),
          );
        });
        return;
      }
      if (route !== 'POST /v1/messages') {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ type: 'error', error: { type: 'not_found_error', message: 'fake: no route' } }),
        );
        return;
      }
      const reply: FakeReply = queue.shift() ?? { status: 500 };

      const answer = () => {
        if ('status' in reply) return answerError(reply.status, reply.retryAfterMs);
        messageCount += 1;
        const text = 'json' in reply ? JSON.stringify(reply.json) : 'text' in reply ? reply.text : '';
        const cacheable = cachedPrefix(body);
        const cachedTokens = cacheable === undefined ? 0 : billed(cacheable);
        const hit = cacheable !== undefined && cachedPrompts.has(cacheable);
        if (cacheable !== undefined) cachedPrompts.add(cacheable);
        const thinking = reply.thinkingFirst
          ? [{ type: 'thinking', thinking: '', signature: `fake-signature-${messageCount}` }]
          : [];
        const answerBlocks = 'refusal' in reply ? [] : [{ type: 'text', text, citations: null }];
        res.writeHead(200, { 'content-type': 'application/json', 'request-id': `req_fake_${messageCount}` });
        res.end(
          JSON.stringify({
            id: `msg_fake_${messageCount}`,
            type: 'message',
            role: 'assistant',
            model: body.model,
            content: [...thinking, ...answerBlocks],
            stop_reason: 'refusal' in reply ? 'refusal' : 'end_turn',
            stop_sequence: null,
            usage: {
              input_tokens: billed(raw) - cachedTokens,
              output_tokens: billed(text),
              cache_creation_input_tokens: hit ? 0 : cachedTokens,
              cache_read_input_tokens: hit ? cachedTokens : 0,
            },
          }),
        );
      };

      answerLater(reply.delayMs, answer);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}`,
    requests,
    script: (...replies) => {
      queue.push(...replies);
    },
    models: (reply) => {
      modelsReply = reply;
    },
    reset: () => {
      requests.length = 0;
      queue.length = 0;
      modelsReply = {};
      cachedPrompts.clear();
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

/**
 * A well-formed answer to a triage call (the shape of ClaudeTriageOutput), for a fake to give:
 * a routine repair; tests override what they need.
 */
export function triageAnswer(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    category: 'maintenance_request',
    urgency: 'low',
    confidence: 0.93,
    sentiment: 'neutral',
    language: 'en',
    summary: 'A resident reports a dripping bathroom faucet.',
    entities: { people: ['Dana'], unit: '4B', address: null, phones: [], amounts: [], dates: [] },
    maintenance: { issueType: 'plumbing', location: 'bathroom faucet', safetyFlags: [] },
    routeTo: 'maintenance_supervisor',
    suggestedActions: ['create_work_order'],
    needsHumanReasons: [],
    reasons: ['dripping faucet, no hazard'],
    ...overrides,
  };
}

/** A routine answer about something other than a repair: a lease renewal. */
export const RENEWAL_TRIAGE_ANSWER = triageAnswer({
  category: 'lease_renewal',
  summary: 'A resident asks to renew.',
  entities: { people: [], unit: null, address: null, phones: [], amounts: [], dates: [] },
  maintenance: null,
  routeTo: 'leasing_manager',
  suggestedActions: ['send_renewal_offer'],
  reasons: ['renewal'],
});
