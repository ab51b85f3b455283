import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { type ApiResponse, notFound, rentvineApi } from './api.ts';
import { type FaultAction, Faults } from './faults.ts';
import { isLaterPage } from './paging.ts';
import { Portfolio } from './portfolio.ts';
import { seedPortfolio } from './seed.ts';
import { type WebhookDelivery, WebhookSender, type WebhookTarget } from './webhooks.ts';

export type { ActiveFault, Fault, FaultMatch, Faults } from './faults.ts';
export type {
  ChangeOptions,
  LeasePatch,
  NewWorkOrder,
  Portfolio,
  PortfolioChange,
  WorkOrderPatch,
} from './portfolio.ts';
export { MANAGER_USER_ID, UnknownRecordError } from './portfolio.ts';
export * from './records.ts';
export { WEBHOOK_EVENT_TYPES, type WebhookDelivery, type WebhookTarget } from './webhooks.ts';

export interface RentvineCredentials {
  readonly accessKey: string;
  readonly secret: string;
}

export interface RentvineSimulatorOptions {
  /** The portfolio's seed: the same seed and sizes give the same records. Default 1. */
  readonly seed?: number;
  /** Properties, default 20. */
  readonly properties?: number;
  /** Units in total over the properties (a mix of homes and buildings), default 300. */
  readonly units?: number;
  /** Every property gets this many units instead. */
  readonly unitsPerProperty?: number;
  /** Default 127.0.0.1; port default 0 (a free one). */
  readonly host?: string;
  readonly port?: number;
  /** The one API key the account accepts; random when absent. */
  readonly credentials?: RentvineCredentials;
  /** The Rentvine user id of that API key: writes through the API are attributed to it. */
  readonly apiUserId?: string;
  /** Time of modifications and webhook timestamps; the wall clock by default. */
  readonly clock?: () => Date;
  /** The day the seeded portfolio is "as of" (its dates lie before it); fixed by default, for determinism. */
  readonly asOf?: Date;
  readonly webhooks?: readonly WebhookTarget[];
  /** Delay before a webhook is sent (Rentvine: about 1 s). Default 0. */
  readonly webhookLatencyMs?: number;
  /** First retry delay of a failed delivery, doubling after; default 500 ms. */
  readonly webhookRetryDelayMs?: number;
  /** Attempts per delivery, default 4. */
  readonly webhookAttempts?: number;
  /** Requests kept in `requests` (the oldest dropped first); default 10,000. */
  readonly maxLoggedRequests?: number;
}

/** One request as the simulator saw it. */
export interface SimulatorRequest {
  readonly method: string;
  /** Under the base URL, e.g. `/leases/export` (the full path when outside it). */
  readonly path: string;
  readonly query: Readonly<Record<string, string | string[]>>;
  /** The request carried the account's Basic credentials. */
  readonly authorized: boolean;
  /** The answer; 0 for a dropped connection. */
  status: number;
  /** The parsed JSON body of a POST. */
  readonly body?: unknown;
}

export interface RentvineSimulator {
  /** `http://127.0.0.1:PORT/api/manager`. */
  readonly baseUrl: string;
  readonly port: number;
  readonly credentials: RentvineCredentials;
  readonly apiUserId: string;
  readonly faults: Faults;
  readonly requests: SimulatorRequest[];
  readonly portfolio: Portfolio;
  readonly webhooks: {
    readonly deliveries: readonly WebhookDelivery[];
    addTarget(target: WebhookTarget): void;
    /** The next `count` deliveries arrive twice with the same body (at-least-once). */
    duplicateNext(count?: number): void;
    /** Resolves when every queued delivery is delivered or has given up. */
    idle(): Promise<void>;
  };
  close(): Promise<void>;
}

/**
 * The Rentvine simulator: Rentvine's Manager API as docs/RENTVINE.md describes it, on loopback,
 * over a seeded portfolio, for the client's contract tests, the sync's tests and bench, and
 * `npm start` without an account. Where Rentvine's behaviour is unknown the simulator picks one
 * plausible answer, in one place each: paging header names (paging.ts), event type strings and
 * the `changes` format (webhooks.ts), contact type ids and status ids (records.ts), owners as the
 * list whose rows come bare (api.ts). Timestamps are "YYYY-MM-DD HH:MM:SS", UTC.
 */
const BASE_PATH = '/api/manager';
/** The fixed "as of" day of seeded data: the same seed gives the same portfolio on any day. */
const DEFAULT_AS_OF = new Date('2026-11-01T12:00:00Z');
const MAX_BODY_BYTES = 1_000_000;

export async function startRentvineSimulator(
  options: RentvineSimulatorOptions = {},
): Promise<RentvineSimulator> {
  const clock = options.clock ?? (() => new Date());
  const properties = options.properties ?? 20;
  const portfolio = new Portfolio(
    seedPortfolio({
      seed: options.seed ?? 1,
      properties,
      units: options.units ?? Math.max(properties, Math.round((300 * properties) / 20)),
      ...(options.unitsPerProperty === undefined ? {} : { unitsPerProperty: options.unitsPerProperty }),
      asOf: options.asOf ?? DEFAULT_AS_OF,
    }),
    clock,
  );
  const credentials = options.credentials ?? {
    accessKey: randomBytes(16).toString('hex'),
    secret: randomBytes(24).toString('base64url'),
  };
  const apiUserId = options.apiUserId ?? '9001';
  const sender = new WebhookSender({
    targets: options.webhooks ?? [],
    latencyMs: options.webhookLatencyMs ?? 0,
    retryDelayMs: options.webhookRetryDelayMs ?? 500,
    maxAttempts: options.webhookAttempts ?? 4,
    clock,
  });
  portfolio.onChange((change) => sender.send(change));
  const faults = new Faults();
  const requests: SimulatorRequest[] = [];
  const maxLogged = options.maxLoggedRequests ?? 10_000;
  const api = rentvineApi(portfolio);
  const expected = Buffer.from(`${credentials.accessKey}:${credentials.secret}`);

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, { status: 500, body: { message: 'Server Error' } });
      else res.destroy(error instanceof Error ? error : undefined);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const method = (req.method ?? 'GET').toUpperCase();
    const inside = url.pathname === BASE_PATH || url.pathname.startsWith(`${BASE_PATH}/`);
    const path = inside ? url.pathname.slice(BASE_PATH.length) || '/' : url.pathname;
    const raw = await readBody(req);
    const body = raw ? parseJson(raw) : undefined;
    const authorized = authorizedBy(req.headers.authorization);
    const entry: SimulatorRequest = {
      method,
      path,
      query: queryRecord(url.searchParams),
      authorized,
      status: 0,
      ...(body === undefined || body === INVALID ? {} : { body }),
    };
    requests.push(entry);
    // Bounded for long `npm start` runs: the oldest entries go first.
    if (requests.length > maxLogged) requests.splice(0, requests.length - maxLogged);
    const fault: FaultAction | undefined = inside
      ? faults.take(method, path, {
          isWrite: method === 'POST',
          laterPage: method === 'GET' && isLaterPage(url.searchParams),
        })
      : undefined;
    if (fault && 'delayMs' in fault && fault.delayMs > 0) await sleep(fault.delayMs);
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    const response = answer();
    entry.status = response.status;
    send(res, response);

    function answer(): ApiResponse {
      if (fault?.kind === 'status')
        return {
          status: fault.status,
          body: { message: fault.status === 429 ? 'Too Many Requests' : 'Server Error' },
          ...(fault.retryAfterSeconds === undefined
            ? {}
            : { headers: { 'retry-after': String(fault.retryAfterSeconds) } }),
        };
      if (!inside) return notFound();
      if (!authorized)
        return {
          status: 401,
          body: { message: 'Unauthorized' },
          headers: { 'www-authenticate': 'Basic realm="Rentvine"' },
        };
      if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body)))
        return { status: 400, body: { message: 'The request body is not a JSON object.' } };
      return api({
        method,
        path,
        query: url.searchParams,
        body: (body ?? {}) as Record<string, unknown>,
        ignoreWrite: fault?.kind === 'ignoreWrite',
        shiftRows: fault?.kind === 'shiftRows' ? fault.rows : 0,
        userID: apiUserId,
      });
    }
  }

  /** HTTP Basic with the account's one key (the scheme name in any case, as HTTP allows). */
  function authorizedBy(header: string | undefined): boolean {
    const encoded = /^basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '')?.[1];
    const given = Buffer.from(encoded ?? '', 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  return {
    baseUrl: `http://${host.includes(':') ? `[${host}]` : host}:${port}${BASE_PATH}`,
    port,
    credentials,
    apiUserId,
    faults,
    requests,
    portfolio,
    webhooks: {
      get deliveries() {
        return sender.deliveries;
      },
      addTarget: (target) => sender.addTarget(target),
      duplicateNext: (count) => sender.duplicateNext(count),
      idle: () => sender.idle(),
    },
    async close() {
      await sender.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const INVALID = Symbol('invalid JSON');

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return INVALID;
  }
}

function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) break;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, response: ApiResponse): void {
  const body = JSON.stringify(response.body);
  res.writeHead(response.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    ...response.headers,
  });
  res.end(body);
}
