/**
 * The due sweep against its floor.
 *   npm run bench:sweep
 * 10,000 open workflows in 20 orgs on dynalite, written by the store itself (`create`, so the
 * items are the store's shape): 50 due at the sweep's instant, a third due later, the rest
 * waiting on nothing. Then `due(now, {limit: 100})` paged to its end, 5 times:
 * items read against workflows due (aim ≤ 1.1×) and the sweep's median time; the same with
 * pages of 10; and, for contrast, the naive sweep (every org's workflows through the listing
 * index, filtered to the open and due ones).
 * Prints figures; asserts nothing.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#adapters/dynamodb/document-client.ts';
import { keys } from '#adapters/dynamodb/keys.ts';
import { DynamoWorkflowStore } from '#adapters/dynamodb/workflow-store.ts';
import type { WaitingStep, Workflow } from '#domain/workflow/workflow.ts';
import { startEmulators } from '#lib/local/emulators.ts';
import { localPlatformEnv } from '#lib/local/local-deployment.ts';
import { provision } from '#lib/local/provision.ts';

const WORKFLOWS = 10_000;
const DUE = 50;
const ORGS = 20;
const RUNS = 5;
const SEED_CONCURRENCY = 64;
const AIM = 1.1;
const NOW = new Date('2026-06-01T12:00:00.000Z');
const HOLDERS = ['property_manager', 'maintenance_supervisor', 'owner'] as const;

const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000).toISOString();
const median = (xs: readonly number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** The i-th workflow: the first DUE fell due in the last hours, every third of the rest falls due later. */
function workflowAt(i: number): Workflow {
  const orgId = `bench-sweep-${i % ORGS}`;
  const workflowId = `wf_${createHash('sha256').update(String(i)).digest('hex').slice(0, 32)}`;
  const dueAt = i < DUE ? minutes(-1 - i * 7) : i % 3 === 0 ? minutes(60 + i) : undefined;
  const waiting: WaitingStep | undefined =
    dueAt === undefined
      ? undefined
      : i % 2 === 0
        ? {
            stepId: 'approve.1',
            state: 'approve',
            kind: 'approval',
            enteredAt: minutes(-600),
            dueAt,
            holder: HOLDERS[i % HOLDERS.length],
          }
        : { stepId: 'wait.1', state: 'wait', kind: 'wait_until', enteredAt: minutes(-600), dueAt };
  return {
    orgId,
    workflowId,
    type: 'maintenance_routine',
    status: 'open',
    state: waiting?.state ?? 'dispatch',
    urgency: 'medium',
    version: 1,
    source: { kind: 'manual' },
    requestedBy: { kind: 'system', name: 'bench' },
    facts: { propertyId: `p${i % 300}`, summary: 'The kitchen tap drips.' },
    ...(waiting ? { waiting } : {}),
    pendingEffects: [],
    history: [
      {
        at: minutes(-600),
        actor: { kind: 'system', name: 'bench' },
        from: '',
        to: 'triage',
        reason: 'started',
      },
    ],
    appliedInputs: [],
    visits: { triage: 1 },
    times: { reopened: 0, slaBreaches: 0 },
    createdAt: minutes(-600 - i),
    updatedAt: minutes(-600),
  };
}

async function seed(store: DynamoWorkflowStore): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < WORKFLOWS; i += SEED_CONCURRENCY) {
    const batch = Array.from({ length: Math.min(SEED_CONCURRENCY, WORKFLOWS - i) }, (_, j) =>
      workflowAt(i + j),
    );
    const results = await Promise.all(batch.map((workflow) => store.create(workflow)));
    if (results.some((result) => result !== 'created'))
      throw new Error('seeding found a workflow already there');
  }
  return (performance.now() - started) / 1000;
}

async function sweep(store: DynamoWorkflowStore, limit: number) {
  const started = performance.now();
  let itemsRead = 0;
  let found = 0;
  let pages = 0;
  let cursor: string | undefined;
  do {
    const page = await store.due(NOW, cursor === undefined ? { limit } : { limit, cursor });
    itemsRead += page.itemsRead;
    found += page.due.length;
    pages += 1;
    cursor = page.cursor;
  } while (cursor !== undefined);
  return { itemsRead, found, pages, ms: performance.now() - started };
}

/** The sweep without the due index: every org's workflows through GSI1, filtered after the read. */
async function naiveSweep(table: string) {
  const started = performance.now();
  let itemsRead = 0;
  let found = 0;
  for (let org = 0; org < ORGS; org += 1) {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await documentClient().send(
        new QueryCommand({
          TableName: table,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          FilterExpression: '#status = :open AND #waiting.dueAt <= :now',
          ExpressionAttributeNames: { '#status': 'status', '#waiting': 'waiting' },
          ExpressionAttributeValues: {
            ':pk': keys.listing(`bench-sweep-${org}`, 'WORKFLOWS', '', '').GSI1PK,
            ':open': 'open',
            ':now': NOW.toISOString(),
          },
          ExclusiveStartKey: startKey,
        }),
      );
      itemsRead += page.ScannedCount ?? 0;
      found += page.Count ?? 0;
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }
  return { itemsRead, found, ms: performance.now() - started };
}

async function main(): Promise<void> {
  const emulators = await startEmulators();
  try {
    Object.assign(process.env, localPlatformEnv(emulators));
    const resources = await provision(emulators, { prefix: 'bench-sweep' });
    const table = resources.tables.main;
    const store = new DynamoWorkflowStore(table);
    const seconds = await seed(store);
    const dueLater = Array.from({ length: WORKFLOWS }, (_, i) => i).filter(
      (i) => i >= DUE && i % 3 === 0,
    ).length;
    console.log(
      `Seeded ${WORKFLOWS} open workflows in ${ORGS} orgs through store.create in ${seconds.toFixed(1)} s: ` +
        `${DUE} due at ${NOW.toISOString()}, ${dueLater} due later, ${WORKFLOWS - DUE - dueLater} waiting on nothing`,
    );
    for (const limit of [100, 10]) {
      const runs = [];
      for (let run = 0; run < RUNS; run += 1) runs.push(await sweep(store, limit));
      const [first] = runs;
      if (!first) continue;
      console.log(`\ndue(now, {limit: ${limit}}) paged to its end (${first.pages} pages), ${RUNS} runs`);
      console.log(
        `  items read ${first.itemsRead}, due found ${first.found}: ${(first.itemsRead / first.found).toFixed(2)}× (aim ≤ ${AIM}×)`,
      );
      console.log(`  sweep time: median ${median(runs.map((r) => r.ms)).toFixed(1)} ms`);
    }
    const naive = [];
    for (let run = 0; run < RUNS; run += 1) naive.push(await naiveSweep(table));
    const [first] = naive;
    if (first)
      console.log(
        `\nNaive sweep (every org's workflows through GSI1, filtered): items read ${first.itemsRead}, due found ${first.found}: ` +
          `${(first.itemsRead / first.found).toFixed(0)}×; median ${median(naive.map((r) => r.ms)).toFixed(1)} ms`,
      );
  } finally {
    await emulators.stop();
  }
}

await main();
