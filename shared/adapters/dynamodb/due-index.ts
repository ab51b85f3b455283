import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { InvalidCursorError } from '#domain/inbox/stored-event.ts';
import { documentClient } from './document-client.ts';
import { DUE_SHARDS, type DueFamily, keys } from './keys.ts';

type Key = Record<string, unknown>;

/** Where a sweep stands in one shard: the key to read on from, and the entries read but not yet returned. */
interface ShardPosition {
  readonly start?: Key;
  readonly done: boolean;
  readonly buffered: string[];
}

/** An entry of the due index: what is due, in which org, and when. */
export interface DueEntry {
  readonly orgId: string;
  readonly id: string;
  readonly dueAt: string;
}

export interface DueEntries {
  readonly due: readonly DueEntry[];
  /** Index items read to find them (a sweep's cost: about the number due). */
  readonly itemsRead: number;
  readonly cursor?: string;
}

/** The cursor: the sweep's instant and every shard's position. */
interface SweepState {
  readonly at: string;
  readonly shards: ShardPosition[];
}

/**
 * Entries of one family (workflows, queue items, pages, conversations) due at `at` or before,
 * across orgs, earliest first: a merge of the family's shards of the due index (GSI3, `GSI3SK <= '<at>#\uffff'`), each read lazily, a shard read again only when the
 * merge has used everything it gave. Entries read but not returned travel in the cursor instead
 * of being read again, so a sweep paged to its end reads each due entry once: the sum of
 * `itemsRead` over its pages is the number of entries due (a page alone reads at most `limit`
 * per shard). Nothing that is not yet due is read. The index is eventually consistent, so an
 * entry can outlive its due step by a moment: whoever acts on it re-reads the workflow.
 */
export async function readDue(
  tableName: string,
  family: DueFamily,
  at: Date,
  page: { limit: number; cursor?: string },
): Promise<DueEntries> {
  const state = page.cursor === undefined ? fresh(at) : decode(page.cursor, at, family);
  const upTo = `${state.at}#\uffff`;
  const due: DueEntry[] = [];
  let itemsRead = 0;
  const refill = async (shard: number, position: ShardPosition, limit: number) => {
    const answer = await documentClient().send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'GSI3',
        KeyConditionExpression: 'GSI3PK = :pk AND GSI3SK <= :upTo',
        ExpressionAttributeValues: { ':pk': keys.duePartition(shard, family), ':upTo': upTo },
        ExclusiveStartKey: position.start,
        Limit: limit,
      }),
    );
    itemsRead += answer.ScannedCount ?? 0;
    state.shards[shard] = {
      start: answer.LastEvaluatedKey,
      done: answer.LastEvaluatedKey === undefined,
      buffered: [...position.buffered, ...(answer.Items ?? []).map((item) => String(item.GSI3SK))],
    };
  };
  // The first reads share the page between the shards (ids hash evenly); a shard that runs dry
  // before the page is full is asked for what the page still lacks.
  let want = Math.max(1, Math.ceil(page.limit / DUE_SHARDS));
  while (due.length < page.limit) {
    const dry = state.shards.flatMap((position, shard) =>
      position.buffered.length === 0 && !position.done ? [{ shard, position }] : [],
    );
    await Promise.all(dry.map(({ shard, position }) => refill(shard, position, want)));
    want = page.limit - due.length;
    let earliest: ShardPosition | undefined;
    for (const position of state.shards) {
      const head = position.buffered[0];
      if (head !== undefined && (earliest === undefined || head < (earliest.buffered[0] ?? '')))
        earliest = position;
    }
    const next = earliest?.buffered.shift();
    if (next === undefined) break;
    const entry = parse(next);
    if (entry) due.push(entry);
  }
  const more = state.shards.some((position) => position.buffered.length > 0 || !position.done);
  return more ? { due, itemsRead, cursor: encode(state) } : { due, itemsRead };
}

function fresh(at: Date): SweepState {
  return {
    at: at.toISOString(),
    shards: Array.from({ length: DUE_SHARDS }, () => ({ done: false, buffered: [] })),
  };
}

/** `<dueAt>#<orgId>#<id>`: neither ids nor instants contain `#`. */
function parse(sortKey: string): DueEntry | undefined {
  const [dueAt, orgId, id] = sortKey.split('#');
  return dueAt && orgId && id ? { orgId, id, dueAt } : undefined;
}

function encode(state: SweepState): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

/** A cursor resumes the sweep it came from: the same instant, every shard's position from this index. */
function decode(cursor: string, at: Date, family: DueFamily): SweepState {
  let state: unknown;
  try {
    state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!isSweepState(state, family) || state.at !== at.toISOString()) throw new InvalidCursorError();
  return state;
}

function isSweepState(value: unknown, family: DueFamily): value is SweepState {
  if (!value || typeof value !== 'object') return false;
  const { at, shards } = value as Partial<SweepState>;
  return (
    typeof at === 'string' &&
    Array.isArray(shards) &&
    shards.length === DUE_SHARDS &&
    shards.every((position, shard) => isPosition(position, shard, family))
  );
}

function isPosition(value: unknown, shard: number, family: DueFamily): boolean {
  if (!value || typeof value !== 'object') return false;
  const { start, done, buffered } = value as Partial<ShardPosition>;
  const startOk =
    start === undefined ||
    (typeof start === 'object' &&
      start !== null &&
      start.GSI3PK === keys.duePartition(shard, family) &&
      typeof start.GSI3SK === 'string' &&
      typeof start.PK === 'string' &&
      typeof start.SK === 'string' &&
      Object.keys(start).length === 4);
  return (
    startOk &&
    typeof done === 'boolean' &&
    Array.isArray(buffered) &&
    buffered.every((entry) => typeof entry === 'string' && parse(entry) !== undefined)
  );
}
