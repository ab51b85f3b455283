/**
 * Webhook ingest against its floor.
 *   npm run bench:ingest
 * 1. Latency: signed header-scheme deliveries through the real webhook-ingest handler, in
 *    process, against the local emulators, beside the floor (one conditional PutItem plus one
 *    SendMessage with the same SDK clients on the same emulators). A second floor puts a row of
 *    the inbox's shape (its two index keys): the emulators maintain indexes inside PutItem,
 *    which DynamoDB does asynchronously, so that floor shows what is emulator cost and what is
 *    ours. Rounds alternate between the three so drifting machine load hits all alike.
 * 2. Bundle size and cold import time of the webhook-ingest bundle (the CDK's esbuild options)
 *    beside a handler that only builds a DynamoDBClient and an SQSClient.
 * Prints figures against the aims (≤ 1.25× latency, ≤ 1.3× size and cold import); asserts
 * nothing.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { type BuildOptions, build } from 'esbuild';
import { functionBuildOptions } from '#lib/function-bundling.ts';
import { localApiKeyPepper } from '#lib/local/api-key-pepper.ts';
import { startEmulators } from '#lib/local/emulators.ts';
import { provision, runtimeEnv } from '#lib/local/provision.ts';
import { type ApiHandler, apiEvent, lambdaContext, loadHandler } from '#test/support/lambda-events.ts';
import { workOrderEvent } from '#test/support/rentvine-payloads.ts';

const DELIVERIES = 2_000;
const ROUND = 100;
const WARM_UP = 200;
const COLD_IMPORTS = 15;
const AIMS = { latency: 1.25, size: 1.3, coldImport: 1.3 };
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CDK_BUNDLING: BuildOptions = functionBuildOptions();

interface Stats {
  readonly p50: number;
  readonly p99: number;
  readonly mean: number;
  readonly perSecond: number;
}

function stats(samplesMs: readonly number[]): Stats {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const total = sorted.reduce((sum, x) => sum + x, 0);
  return {
    p50: at(0.5),
    p99: at(0.99),
    mean: total / sorted.length,
    perSecond: (sorted.length / total) * 1000,
  };
}

async function timed(times: number, run: (i: number) => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const started = performance.now();
    await run(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

const ms = (x: number) => `${x.toFixed(2)} ms`;
const ratio = (value: number, floor: number, aim: number) =>
  `${(value / floor).toFixed(2)}× (aim ≤ ${aim}×: ${value / floor <= aim ? 'met' : 'missed'})`;

async function latency(): Promise<Record<string, string>> {
  const emulators = await startEmulators();
  try {
    const resources = await provision(emulators, { prefix: 'bench' });
    Object.assign(process.env, runtimeEnv(emulators, resources, await localApiKeyPepper(undefined)), {
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    });
    // Imported only now: Powertools reads its environment when the observability module loads.
    const { createTestOrg } = await import('#test/support/orgs.ts');
    const { signWebhook } = await import('#platform/security/webhook-signature.ts');
    const org = await createTestOrg(resources.tables.main);
    const handler = await loadHandler<ApiHandler>('webhook-ingest');
    // The same shared clients the handler's adapters use.
    const { documentClient } = await import('#adapters/dynamodb/document-client.ts');
    const { sqsClient } = await import('#adapters/sqs/work-queue.ts');

    let failures = 0;
    const deliver = async (i: number) => {
      const body = JSON.stringify(workOrderEvent({ workOrderID: String(100_000 + i) }));
      const answer = await handler(
        apiEvent({
          method: 'POST',
          resource: '/webhooks/rentvine/{orgId}',
          pathParameters: { orgId: org.orgId },
          headers: {
            'Content-Type': 'application/json',
            ...signWebhook(org.webhookSecret, body, Math.floor(Date.now() / 1000)),
          },
          body,
        }),
        lambdaContext('webhook-ingest'),
      );
      if (answer.statusCode !== 202) failures += 1;
    };
    const floorOf = (indexed: boolean) => async () => {
      const id = randomUUID();
      const at = new Date().toISOString();
      const indexKeys = indexed
        ? {
            GSI1PK: `BENCH#${id}`,
            GSI1SK: `${at}#${id}`,
            GSI2PK: 'OUTBOX#0',
            GSI2SK: `${at}#event#bench#${id}#0`,
          }
        : {};
      await documentClient().send(
        new PutCommand({
          TableName: resources.tables.main,
          Item: { PK: `BENCH#${id}`, SK: 'FLOOR', rawBody: JSON.stringify(workOrderEvent()), ...indexKeys },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      await sqsClient().send(
        new SendMessageCommand({
          QueueUrl: resources.queues.events.url,
          MessageBody: JSON.stringify({ id }),
        }),
      );
    };

    const floor = floorOf(false);
    const indexedFloor = floorOf(true);
    // Warm every path (JIT, sockets) before measuring.
    await timed(WARM_UP, (i) => deliver(DELIVERIES + i));
    await timed(WARM_UP, floor);
    await timed(WARM_UP, indexedFloor);
    const samples = { ingest: [] as number[], floor: [] as number[], indexed: [] as number[] };
    for (let round = 0; round < DELIVERIES / ROUND; round += 1) {
      samples.ingest.push(...(await timed(ROUND, (i) => deliver(round * ROUND + i))));
      samples.floor.push(...(await timed(ROUND, floor)));
      samples.indexed.push(...(await timed(ROUND, indexedFloor)));
    }
    const ingest = stats(samples.ingest);
    const base = stats(samples.floor);
    const indexed = stats(samples.indexed);
    documentClient().destroy();
    sqsClient().destroy();
    return {
      deliveries: `${DELIVERIES} signed (${failures} not answered 202)`,
      'ingest p50 / p99 / mean': `${ms(ingest.p50)} / ${ms(ingest.p99)} / ${ms(ingest.mean)}`,
      'ingest throughput': `${ingest.perSecond.toFixed(0)} deliveries/s (sequential)`,
      'floor p50 / p99 / mean': `${ms(base.p50)} / ${ms(base.p99)} / ${ms(base.mean)}`,
      'floor throughput': `${base.perSecond.toFixed(0)} put+send/s (sequential)`,
      'latency p50 ratio': ratio(ingest.p50, base.p50, AIMS.latency),
      'latency p99 ratio': ratio(ingest.p99, base.p99, AIMS.latency),
      'latency mean ratio': ratio(ingest.mean, base.mean, AIMS.latency),
      'floor with index keys p50 / p99 / mean': `${ms(indexed.p50)} / ${ms(indexed.p99)} / ${ms(indexed.mean)}`,
      'latency p50 ratio to it': ratio(ingest.p50, indexed.p50, AIMS.latency),
      'latency p99 ratio to it': ratio(ingest.p99, indexed.p99, AIMS.latency),
    };
  } finally {
    await emulators.stop();
  }
}

/** Milliseconds to import a bundle in a fresh node. */
function coldImportMs(bundle: string, env: Record<string, string>): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(bundle).href)}); console.log(performance.now() - t);`;
  return Number(
    execFileSync(process.execPath, ['--no-warnings', '--input-type=module', '-e', script], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
    }).trim(),
  );
}

/** Median cold import of each bundle, runs alternating between them. */
function coldImports(bundles: { ingest: string; baseline: string }, env: Record<string, string>) {
  const runs = { ingest: [] as number[], baseline: [] as number[] };
  for (let i = 0; i < COLD_IMPORTS; i += 1) {
    runs.ingest.push(coldImportMs(bundles.ingest, env));
    runs.baseline.push(coldImportMs(bundles.baseline, env));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  return { ingest: median(runs.ingest), baseline: median(runs.baseline) };
}

async function bundles(): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'aictive-bench-'));
  try {
    const ingest = join(dir, 'webhook-ingest.mjs');
    const baseline = join(dir, 'baseline.mjs');
    await build({
      ...CDK_BUNDLING,
      entryPoints: [join(ROOT, 'functions/webhook-ingest/handler.ts')],
      outfile: ingest,
    });
    await build({
      ...CDK_BUNDLING,
      stdin: {
        contents: [
          "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
          "import { SQSClient } from '@aws-sdk/client-sqs';",
          'const dynamodb = new DynamoDBClient({});',
          'const sqs = new SQSClient({});',
          'export const handler = async () => ({ dynamodb: dynamodb.config.serviceId, sqs: sqs.config.serviceId });',
        ].join('\n'),
        resolveDir: ROOT,
        loader: 'ts',
      },
      outfile: baseline,
    });
    // What the function reads at import (fail-fast config); nothing is contacted.
    const env = {
      AWS_REGION: 'us-east-1',
      STAGE: 'bench',
      TABLE_NAME: 'bench-main',
      EVENTS_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/000000000000/bench-events',
      WEBHOOK_SECRETS_SOURCE: 'table',
      WEBHOOK_SECRET_PREFIX: 'bench/',
      POWERTOOLS_METRICS_DISABLED: 'true',
    };
    const size = { ingest: statSync(ingest).size, baseline: statSync(baseline).size };
    const cold = coldImports({ ingest, baseline }, env);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    return {
      'bundle webhook-ingest / baseline': `${kb(size.ingest)} / ${kb(size.baseline)}`,
      'bundle size ratio': ratio(size.ingest, size.baseline, AIMS.size),
      [`cold import (median of ${COLD_IMPORTS}, alternating) webhook-ingest / baseline`]: `${ms(cold.ingest)} / ${ms(cold.baseline)}`,
      'cold import ratio': ratio(cold.ingest, cold.baseline, AIMS.coldImport),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const figures = { ...(await latency()), ...(await bundles()) };
const width = Math.max(...Object.keys(figures).map((k) => k.length));
for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(width)}  ${value}`);
