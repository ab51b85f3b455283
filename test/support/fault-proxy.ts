import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP proxy in front of an emulator that answers chosen requests with an AWS error
 * instead of forwarding them, so the real SDK sees (and retries) what the service would send.
 * It speaks the AWS JSON protocols (DynamoDB, SQS): the operation is the `x-amz-target` header.
 */

/** An AWS JSON-protocol error answer. */
export interface Fault {
  readonly status: number;
  /** `__type` of the error body; the SDK names the thrown error after its last part. */
  readonly type: string;
  readonly message: string;
}

/** What DynamoDB answers when a table is throttled; the SDK retries it with backoff. */
export const DYNAMODB_THROTTLING: Fault = {
  status: 400,
  type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
  message: 'The level of configured provisioned throughput for the table was exceeded (injected)',
};

/** A DynamoDB error the SDK does not retry: one injected fault is one failed call (a crash). */
export const DYNAMODB_REFUSED: Fault = {
  status: 400,
  type: 'com.amazonaws.dynamodb.v20120810#ValidationException',
  message: 'The request was refused (injected)',
};

/** An SQS error the SDK does not retry, so one injected fault is one failed send. */
export const SQS_SEND_REFUSED: Fault = {
  status: 400,
  type: 'com.amazonaws.sqs#QueueDoesNotExist',
  message: 'The specified queue does not exist (injected)',
};

export interface ProxiedRequest {
  /** e.g. `PutItem`, `UpdateItem`, `SendMessage`. */
  readonly operation: string;
  /** The request body (JSON text), to aim a fault at one table or one item. */
  readonly body: string;
}

/** True: answer this request with the fault instead of forwarding it. */
export type FaultRule = (request: ProxiedRequest) => boolean;

export const forwardEverything: FaultRule = () => false;

/**
 * Faults about `fraction` of the requests for the given operations, from a seeded generator so
 * a failing run can be repeated.
 */
export function faultFraction(fraction: number, operations: readonly string[], seed = 1): FaultRule {
  const next = mulberry32(seed);
  return (req) => operations.includes(req.operation) && next() < fraction;
}

/** Faults the first `times` requests that match, then forwards everything. */
export function faultTimes(times: number, matches: FaultRule): FaultRule {
  let left = times;
  return (req) => {
    if (left <= 0 || !matches(req)) return false;
    left -= 1;
    return true;
  };
}

export interface FaultProxy {
  readonly url: string;
  /** Requests answered with the fault / forwarded, per operation. */
  readonly injected: ReadonlyMap<string, number>;
  readonly forwarded: ReadonlyMap<string, number>;
  setRule(rule: FaultRule): void;
  stop(): Promise<void>;
}

export async function startFaultProxy(opts: {
  readonly target: string;
  readonly fault: Fault;
  readonly rule?: FaultRule;
}): Promise<FaultProxy> {
  const target = new URL(opts.target);
  let rule = opts.rule ?? forwardEverything;
  const injected = new Map<string, number>();
  const forwarded = new Map<string, number>();
  const count = (map: Map<string, number>, operation: string) =>
    map.set(operation, (map.get(operation) ?? 0) + 1);

  const server = createServer((req, res) => {
    readAll(req).then(
      (body) => {
        const operation =
          String(req.headers['x-amz-target'] ?? '')
            .split('.')
            .pop() ?? '';
        if (rule({ operation, body: body.toString('utf8') })) {
          count(injected, operation);
          answerFault(res, opts.fault);
          return;
        }
        count(forwarded, operation);
        forward(req, body, target, res);
      },
      () => res.destroy(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    injected,
    forwarded,
    setRule(next) {
      rule = next;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function answerFault(res: ServerResponse, fault: Fault): void {
  const body = JSON.stringify({ __type: fault.type, message: fault.message });
  res.writeHead(fault.status, {
    'content-type': 'application/x-amz-json-1.0',
    'content-length': Buffer.byteLength(body),
    'x-amzn-requestid': 'injected-fault',
  });
  res.end(body);
}

function forward(req: IncomingMessage, body: Buffer, target: URL, res: ServerResponse): void {
  const upstream = request(
    {
      hostname: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, host: target.host },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => res.destroy());
  upstream.end(body);
}

/** A small seeded PRNG (public domain), enough to spread faults reproducibly. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
