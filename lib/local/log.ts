import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The local runtime's own lines, for a person at the terminal: one per request, one per queue
 * message, and its failures, as `time  what  key=value…`. Routine lines go to stdout, failures
 * to stderr, apart from the handlers' structured logs. Stack traces stay here, never in an HTTP
 * response. AICTIVE_LOCAL_LOG_LEVEL: `info` (default) all of them, `error` failures only (the
 * tests: a test that injects a fault captures what it expects), `silent` none.
 */
type Level = 'info' | 'error';

const RANK = { silent: 0, error: 1, info: 2 } as const;

function enabled(level: Level): boolean {
  const wanted = process.env.AICTIVE_LOCAL_LOG_LEVEL?.toLowerCase() ?? 'info';
  return RANK[level] <= (RANK[wanted as keyof typeof RANK] ?? RANK.info);
}

function write(level: Level, text: string, fields: Record<string, unknown> = {}, detail = ''): void {
  if (!enabled(level)) return;
  const line = [new Date().toISOString().slice(11, 23), text, ...pairs(fields)].join('  ');
  (level === 'error' ? process.stderr : process.stdout).write(`${line}${detail}\n`);
}

/** `key=value`, lists joined by commas, absent values left out. */
function pairs(fields: Record<string, unknown>): string[] {
  return Object.entries(fields).flatMap(([key, value]) => {
    if (value === undefined || value === null || value === '') return [];
    const text = Array.isArray(value)
      ? value.join(',')
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
    return [`${key}=${text}`];
  });
}

/** `Name: message`, for an error of any shape. */
export function errorSummary(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** A failure of the runtime or of a function it ran; the stack follows on the next lines. */
export function logError(message: string, fields: Record<string, unknown>, error?: unknown): void {
  const cause = error === undefined ? {} : { error: errorSummary(error) };
  const stack = error instanceof Error && error.stack ? `\n${indent(error.stack)}` : '';
  write('error', `ERROR ${message}`, { ...fields, ...cause }, stack);
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

/** Logs `METHOD path status ms request-id` once the answer has been sent. */
export function logRequestWhenAnswered(req: IncomingMessage, res: ServerResponse): void {
  const started = performance.now();
  res.once('finish', () => {
    const path = (req.url ?? '/').split('?')[0];
    write('info', `${req.method ?? 'GET'} ${path}`, {
      status: res.statusCode,
      ms: Math.round(performance.now() - started),
      requestId: res.getHeader('x-request-id'),
    });
  });
}

export interface ProcessedMessage {
  /** The consuming function. */
  readonly function: string;
  readonly queue: string;
  readonly messageId: string;
  readonly receiveCount: number;
  readonly maxReceiveCount: number;
  /** The ids the message carries (orgId, eventId, emailId…). */
  readonly ids: Record<string, string>;
  readonly ms: number;
  /** Absent when the function handled it. */
  readonly failure?: { readonly cause: unknown };
}

/**
 * One line per message a consumer was handed: done, failed (back after the visibility timeout),
 * or failed for the last time, which SQS answers by moving it to the dead-letter queue.
 */
export function logProcessedMessage(message: ProcessedMessage): void {
  const { failure, receiveCount, maxReceiveCount } = message;
  const fields = {
    queue: message.queue,
    messageId: message.messageId,
    ...message.ids,
    receive: `${receiveCount}/${maxReceiveCount}`,
    ms: Math.round(message.ms),
  };
  if (!failure) {
    write('info', `${message.function} ok`, fields);
    return;
  }
  const outcome =
    receiveCount >= maxReceiveCount
      ? `dead-lettered (to ${message.queue}-dlq; \`aictive dlq redrive --queue ${message.queue} --local\` once fixed)`
      : 'failed, will be retried';
  write('error', `${message.function} ${outcome}`, { ...fields, error: errorSummary(failure.cause) });
}

/**
 * One line per message published to a topic (a workflow notice: who must act on what), as the
 * topic's local queue received it: its attributes and the ids and link it carries.
 */
export function logPublished(topic: string, body: string): void {
  let fields: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(body);
    fields = typeof parsed === 'object' && parsed !== null ? { ...parsed } : { body };
  } catch {
    fields = { body };
  }
  const { kind, ...rest } = fields;
  write('info', `${topic} ${typeof kind === 'string' ? kind : 'message'}`, rest);
}
