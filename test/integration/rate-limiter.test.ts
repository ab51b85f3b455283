import { createServer, type Server, type Socket } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { keys } from '#adapters/dynamodb/keys.ts';
import { DynamoRateLimiter } from '#adapters/dynamodb/rate-limiter.ts';
import { type RateLimitDecision, rateLimitHeaders } from '#domain/access/rate-limit.ts';
import { logger, metrics } from '#platform/observability.ts';
import {
  DYNAMODB_REFUSED,
  DYNAMODB_THROTTLING,
  type Fault,
  startFaultProxy,
} from '#test/support/fault-proxy.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

/** A failure on DynamoDB's side, which the SDK retries. */
const DYNAMODB_INTERNAL_ERROR: Fault = {
  status: 500,
  type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
  message: 'Internal server error (injected)',
};

let stack: TestStack;
/** Two limiters with their own clients, as two Lambda instances would have. */
let instanceA: DynamoRateLimiter;
let instanceB: DynamoRateLimiter;
let clientB: DynamoDBDocumentClient;
/** Accepts connections and never answers: a DynamoDB that hangs. */
let silentServer: Server;
const silentSockets = new Set<Socket>();

const LIMIT = 20;
/** 10:00:15 UTC: 45 seconds left in the window that started at 10:00:00. */
const NOW = new Date(Date.UTC(2026, 10, 21, 10, 0, 15));
const WINDOW_START_SECONDS = Date.UTC(2026, 10, 21, 10, 0, 0) / 1000;

function clientAt(endpoint: string): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint,
      region: stack.env.AWS_REGION,
      // The stack's own: DynamoDB Local keeps a separate database per access key.
      credentials: {
        accessKeyId: stack.env.AWS_ACCESS_KEY_ID ?? '',
        secretAccessKey: stack.env.AWS_SECRET_ACCESS_KEY ?? '',
      },
      maxAttempts: 1,
    }),
  );
}

beforeAll(async () => {
  stack = await startTestStack();
  // A generous time budget: these tests count, and a slow machine must not make them fail open.
  instanceA = new DynamoRateLimiter(stack.resources.tables.main, { timeoutMs: 10_000 });
  clientB = clientAt(stack.env.AWS_ENDPOINT_URL_DYNAMODB ?? '');
  instanceB = new DynamoRateLimiter(stack.resources.tables.main, { client: clientB, timeoutMs: 10_000 });
  silentServer = createServer((socket) => {
    silentSockets.add(socket);
    socket.on('close', () => silentSockets.delete(socket));
  });
  await new Promise<void>((resolve) => silentServer.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  clientB?.destroy();
  for (const socket of silentSockets) socket.destroy();
  await new Promise<void>((resolve) => (silentServer ? silentServer.close(() => resolve()) : resolve()));
  await stack?.stop();
});

/** `count` concurrent requests of one key, alternating between the two instances. */
function burst(keyId: string, count: number, now: Date): Promise<RateLimitDecision[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) => (i % 2 ? instanceB : instanceA).consume(keyId, LIMIT, now)),
  );
}

describe('DynamoDB rate limiter', () => {
  const keyId = 'key-burst';
  let decisions: RateLimitDecision[];

  beforeAll(async () => {
    decisions = await burst(keyId, LIMIT + 5, NOW);
  });

  it('allows exactly the limit of a concurrent burst across instances', () => {
    const allowed = decisions.filter((d) => d.allowed);
    expect(allowed).toHaveLength(LIMIT);
    // Each admitted request saw its own count: remaining runs from LIMIT-1 down to 0, once each.
    expect(allowed.map((d) => d.remaining).sort((a, b) => a - b)).toEqual(
      Array.from({ length: LIMIT }, (_, i) => i),
    );
  });

  it('tells the refused requests to retry when the window ends', () => {
    const refused = decisions.filter((d) => !d.allowed);
    expect(refused).toHaveLength(5);
    for (const decision of refused) {
      expect(decision).toEqual({ allowed: false, limit: LIMIT, remaining: 0, resetSeconds: 45 });
      expect(rateLimitHeaders(decision)['retry-after']).toBe('45');
    }
  });

  it('does not count refused requests, and lets the counter expire after its window', async () => {
    const { Item } = await stack.ddb.send(
      new GetCommand({
        TableName: stack.resources.tables.main,
        Key: keys.rateLimitWindow(keyId, WINDOW_START_SECONDS),
      }),
    );
    expect(Item?.count).toBe(LIMIT);
    expect(Item?.expiresAt).toBeGreaterThan(WINDOW_START_SECONDS + 60);
  });

  it('keeps refusing for the rest of the window, from either instance', async () => {
    const lastSecond = new Date(NOW.getTime() + 44_999);
    expect(await instanceA.consume(keyId, LIMIT, lastSecond)).toMatchObject({
      allowed: false,
      resetSeconds: 1,
    });
    expect(await instanceB.consume(keyId, LIMIT, lastSecond)).toMatchObject({
      allowed: false,
      resetSeconds: 1,
    });
  });

  it('allows the key again in the next window', async () => {
    const nextWindow = new Date((WINDOW_START_SECONDS + 60) * 1000);
    expect(await instanceB.consume(keyId, LIMIT, nextWindow)).toEqual({
      allowed: true,
      limit: LIMIT,
      remaining: LIMIT - 1,
      resetSeconds: 60,
    });
  });

  it('leaves other keys unaffected', async () => {
    expect(await instanceA.consume('key-bystander', LIMIT, NOW)).toEqual({
      allowed: true,
      limit: LIMIT,
      remaining: LIMIT - 1,
      resetSeconds: 45,
    });
  });

  it('honours a lower limit set for the key since', async () => {
    const lowered = await instanceA.consume('key-bystander', 1, NOW);
    expect(lowered).toEqual({ allowed: false, limit: 1, remaining: 0, resetSeconds: 45 });
  });

  it('refuses to run with a limit that would let requests through', async () => {
    for (const limit of [0, -1, 2.5]) {
      await expect(instanceA.consume('key-zero', limit, NOW)).rejects.toBeInstanceOf(RangeError);
    }
  });
});

describe('DynamoDB rate limiter when DynamoDB fails', () => {
  /** A limiter (a fresh instance) whose DynamoDB answers every request with `fault`. */
  async function limiterFacing(fault: Fault, use: (limiter: DynamoRateLimiter) => Promise<void>) {
    const proxy = await startFaultProxy({
      target: stack.env.AWS_ENDPOINT_URL_DYNAMODB ?? '',
      fault,
      rule: () => true,
    });
    const client = clientAt(proxy.url);
    try {
      await use(new DynamoRateLimiter(stack.resources.tables.main, { client }));
    } finally {
      client.destroy();
      await proxy.stop();
    }
  }

  it('fails open, with a warning and a metric, when DynamoDB refuses connections', async () => {
    const warn = vi.spyOn(logger, 'warn');
    const addMetric = vi.spyOn(metrics, 'addMetric');
    const broken = clientAt('http://127.0.0.1:1');
    try {
      const limiter = new DynamoRateLimiter(stack.resources.tables.main, { client: broken });
      // Counted by the instance alone: this one is spent.
      expect(await limiter.consume('key-down', LIMIT, NOW)).toEqual({
        allowed: true,
        limit: LIMIT,
        remaining: LIMIT - 1,
        resetSeconds: 45,
      });
      expect(warn).toHaveBeenCalledWith(
        expect.stringContaining('rate limiter unavailable'),
        expect.anything(),
      );
      expect(addMetric).toHaveBeenCalledWith('RateLimiterUnavailable', 'Count', 1);
    } finally {
      broken.destroy();
      warn.mockRestore();
      addMetric.mockRestore();
    }
  });

  it('fails open no further than the limit per instance while DynamoDB is down', async () => {
    const broken = clientAt('http://127.0.0.1:1');
    try {
      const limiter = new DynamoRateLimiter(stack.resources.tables.main, { client: broken });
      const decisions = await Promise.all(
        Array.from({ length: LIMIT + 10 }, () => limiter.consume('key-down-burst', LIMIT, NOW)),
      );
      expect(decisions.filter((d) => d.allowed)).toHaveLength(LIMIT);
    } finally {
      broken.destroy();
    }
  });

  it.each([
    ['throttled', DYNAMODB_THROTTLING],
    ['failing (500)', DYNAMODB_INTERNAL_ERROR],
  ])('fails open when DynamoDB is %s after the SDK gave up', async (_name, fault) => {
    await limiterFacing(fault, async (limiter) => {
      expect(await limiter.consume(`key-${fault.status}`, LIMIT, NOW)).toMatchObject({ allowed: true });
    });
  });

  it('does not hide a request DynamoDB rejects as wrong: that is a defect, not an outage', async () => {
    await limiterFacing(DYNAMODB_REFUSED, async (limiter) => {
      await expect(limiter.consume('key-wrong', LIMIT, NOW)).rejects.toMatchObject({
        name: 'ValidationException',
      });
    });
  });

  it('refuses as undecided, within its time budget, when DynamoDB hangs: slowness never lets a request through', async () => {
    const address = silentServer.address();
    if (!address || typeof address === 'string') throw new Error('silent server has no port');
    const hanging = clientAt(`http://127.0.0.1:${address.port}`);
    try {
      const limiter = new DynamoRateLimiter(stack.resources.tables.main, { client: hanging, timeoutMs: 200 });
      const started = performance.now();
      const decision = await limiter.consume('key-slow', LIMIT, NOW);
      const elapsed = performance.now() - started;
      expect(decision).toEqual({
        allowed: false,
        undecided: true,
        limit: LIMIT,
        remaining: 0,
        resetSeconds: 45,
      });
      expect(rateLimitHeaders(decision)['retry-after']).toBe('1');
      expect(elapsed).toBeGreaterThanOrEqual(150);
      expect(elapsed).toBeLessThan(2_000);
    } finally {
      hanging.destroy();
    }
  });
});

describe('DynamoDB rate limiter under a burst across a fleet', () => {
  it('admits no more than the limit when each of 300 instances gets one request at once', async () => {
    // As Lambda scales out: every request on an instance of its own (no instance tally helps),
    // all on one counter item that the emulator serves slowly; the default time budget.
    const fleet = Array.from({ length: 300 }, () => new DynamoRateLimiter(stack.resources.tables.main));
    const fleetNow = new Date(NOW.getTime() + 60_000 * 10);
    const decisions = await Promise.all(fleet.map((limiter) => limiter.consume('key-fleet', 5, fleetNow)));
    expect(decisions.filter((d) => d.allowed).length).toBeLessThanOrEqual(5);
    // The emulator still works through the updates the fleet gave up on. Updates of one item
    // take its lock in turn, so a few more, one after another, end behind every one of them
    // (even those still being read off the wire): none is left running when the stack stops.
    for (let settle = 0; settle < 3; settle += 1) {
      await stack.ddb.send(
        new UpdateCommand({
          TableName: stack.resources.tables.main,
          Key: keys.rateLimitWindow('key-fleet', WINDOW_START_SECONDS + 600),
          UpdateExpression: 'SET settled = :n',
          ExpressionAttributeValues: { ':n': settle },
        }),
      );
    }
  }, 60_000);
});
