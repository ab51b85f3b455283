import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoAuditTrail } from '#adapters/dynamodb/audit-trail.ts';
import type { AuditEntry, AuditRecord } from '#domain/audit/audit-record.ts';
import { AuditWriteFailed } from '#domain/audit/audit-write-failed.ts';
import type { AuditFilter, AuditTrail } from '#domain/audit/ports.ts';
import { InvalidCursorError } from '#domain/inbox/stored-event.ts';
import { logger, metrics } from '#platform/observability.ts';
import { InMemoryAuditTrail } from '#test/support/in-memory/audit-trail.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';
import { RETENTION } from '#vocabulary/desk.ts';

let stack: TestStack | undefined;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

/** `broken`: a trail whose writes cannot succeed (the twin's switch; a table that is not there). */
const implementations: { name: string; trail(): AuditTrail; broken(): AuditTrail }[] = [
  {
    name: 'in-memory twin',
    trail: () => new InMemoryAuditTrail(),
    broken: () => {
      const trail = new InMemoryAuditTrail();
      trail.failWrites();
      return trail;
    },
  },
  {
    name: 'DynamoDB adapter',
    trail: () => {
      if (!stack) throw new Error('the test stack is not started');
      return new DynamoAuditTrail(stack.resources.tables.main);
    },
    broken: () => new DynamoAuditTrail('no-such-audit-table'),
  },
];

const freshOrg = () => `org-${randomBytes(5).toString('hex')}`;
const T0 = Date.parse('2026-11-28T09:00:00.000Z');
const minute = (n: number) => new Date(T0 + n * 60_000);
const DAY_MS = 86_400_000;

const entry = (orgId: string, fields: Partial<AuditEntry> = {}): AuditEntry => ({
  orgId,
  action: 'agent.updated',
  actor: { kind: 'key', keyId: 'k1k1k1k1k1k1k1k1', agentId: 'maria' },
  target: { kind: 'agent', id: 'sam' },
  from: { ip: '203.0.113.7', userAgent: 'desk/1.0' },
  ...fields,
});

/** Every page, following cursors (bounded). */
async function everyPage(trail: AuditTrail, orgId: string, filter: AuditFilter, limit: number, now: Date) {
  const pages: (readonly AuditRecord[])[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page += 1) {
    const answer = await trail.list(orgId, filter, { limit, ...(cursor ? { cursor } : {}) }, now);
    expect(answer.records.length).toBeLessThanOrEqual(limit);
    pages.push(answer.records);
    cursor = answer.cursor;
    if (!cursor) return { pages, records: pages.flat() };
  }
  throw new Error('the listing did not end within 50 pages');
}

describe.each(implementations)('AuditTrail contract: $name', ({ trail: make, broken }) => {
  it('appends lines as given, with an id sorted by time, and lists them newest first for that org only', async () => {
    const trail = make();
    const orgId = freshOrg();
    const first = await trail.record(
      entry(orgId, { before: { status: 'offline' }, after: { status: 'busy' }, note: 'shift' }),
      minute(0),
    );
    const second = await trail.record(entry(orgId, { action: 'agent.created' }), minute(1));
    await trail.record(entry(freshOrg()), minute(2));
    expect(first).toMatchObject({
      orgId,
      at: minute(0).toISOString(),
      before: { status: 'offline' },
      note: 'shift',
    });
    expect(first.auditId.startsWith(`${minute(0).toISOString()}#`)).toBe(true);
    const { records } = await trail.list(orgId, {}, { limit: 10 }, minute(3));
    expect(records).toEqual([second, first]);
  });

  it('keeps two lines of the same instant apart', async () => {
    const trail = make();
    const orgId = freshOrg();
    const a = await trail.record(entry(orgId), minute(0));
    const b = await trail.record(entry(orgId), minute(0));
    expect(a.auditId).not.toBe(b.auditId);
    expect((await trail.list(orgId, {}, { limit: 10 }, minute(1))).records).toHaveLength(2);
  });

  it('writes a keyed line once: recorded again with its instant and key, it is not added', async () => {
    const trail = make();
    const orgId = freshOrg();
    const first = await trail.record(entry(orgId), minute(1), 'a1b2c3d4e5f6');
    const again = await trail.record(entry(orgId), minute(1), 'a1b2c3d4e5f6');
    expect(again.auditId).toBe(first.auditId);
    await trail.record(entry(orgId), minute(1), '0f0f0f0f0f0f');
    await trail.record(entry(orgId), minute(2), 'a1b2c3d4e5f6');
    expect((await trail.list(orgId, {}, { limit: 10 }, minute(3))).records).toHaveLength(3);
  });

  it('filters by since, by actor (person or key) and by action, paging through sparse matches', async () => {
    const trail = make();
    const orgId = freshOrg();
    for (let n = 0; n < 12; n += 1) {
      await trail.record(
        entry(orgId, {
          action: n % 3 === 0 ? 'api_key.rotated' : 'agent.updated',
          actor:
            n % 2 === 0
              ? { kind: 'key', keyId: 'adminkey00000001' }
              : { kind: 'key', keyId: 'personkey0000001', agentId: 'maria' },
        }),
        minute(n),
      );
    }
    await trail.record(entry(orgId, { actor: { kind: 'system', name: 'sweeper' } }), minute(20));
    const all = await everyPage(trail, orgId, {}, 5, minute(30));
    expect(all.records).toHaveLength(13);
    expect(all.pages.length).toBeGreaterThanOrEqual(3);
    const times = all.records.map((r) => r.at);
    expect(times).toEqual([...times].sort().reverse());

    const rotated = await everyPage(trail, orgId, { action: 'api_key.rotated' }, 2, minute(30));
    expect(rotated.records.map((r) => r.at)).toEqual([9, 6, 3, 0].map((n) => minute(n).toISOString()));

    const byPerson = await everyPage(trail, orgId, { actor: 'maria' }, 4, minute(30));
    expect(byPerson.records).toHaveLength(6);
    const byKey = await everyPage(trail, orgId, { actor: 'personkey0000001' }, 4, minute(30));
    expect(byKey.records).toEqual(byPerson.records);

    const recent = await everyPage(
      trail,
      orgId,
      { since: minute(6).toISOString(), actor: 'adminkey00000001', action: 'api_key.rotated' },
      3,
      minute(30),
    );
    expect(recent.records.map((r) => r.at)).toEqual([minute(6).toISOString()]);
  });

  it("finds a response link's lines by the link or the vendor it was sent to, and never by purpose", async () => {
    const trail = make();
    const orgId = freshOrg();
    const linkId = 'a'.repeat(64);
    const owner = await trail.record(
      entry(orgId, {
        action: 'approval.decided',
        actor: { kind: 'link', purpose: 'owner_approval', linkId },
        target: { kind: 'workflow', id: 'wf_1' },
      }),
      minute(1),
    );
    const vendor = await trail.record(
      entry(orgId, {
        action: 'offer.answered',
        actor: { kind: 'link', purpose: 'vendor_offer', linkId: 'b'.repeat(64), recipient: 'vendor-11' },
        target: { kind: 'workflow', id: 'wf_1' },
      }),
      minute(2),
    );
    await trail.record(entry(orgId), minute(3));
    expect((await everyPage(trail, orgId, { actor: linkId }, 5, minute(9))).records).toEqual([owner]);
    expect((await everyPage(trail, orgId, { actor: 'vendor-11' }, 5, minute(9))).records).toEqual([vendor]);
    expect((await everyPage(trail, orgId, { actor: 'owner_approval' }, 5, minute(9))).records).toEqual([]);
  });

  it('throws AuditWriteFailed carrying the entry when a line cannot be written, counted once and logged', async () => {
    const counted = vi.spyOn(metrics, 'addMetric').mockImplementation(() => metrics);
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    try {
      const line = entry(freshOrg(), { action: 'api_key.revoked' });
      const failed = broken().record(line, minute(0));
      await expect(failed).rejects.toBeInstanceOf(AuditWriteFailed);
      await expect(failed).rejects.toMatchObject({ entry: line });
      expect(counted.mock.calls).toEqual([['AuditWriteFailed', 'Count', 1]]);
      expect(logged).toHaveBeenCalledWith(
        'audit line not written',
        expect.objectContaining({ auditEntry: line }),
      );
    } finally {
      vi.restoreAllMocks();
    }
  });

  it(`never answers a line older than ${RETENTION.historyDays} days, before the table removes it`, async () => {
    const trail = make();
    const orgId = freshOrg();
    const old = await trail.record(entry(orgId, { action: 'agent.created' }), minute(0));
    const newer = await trail.record(entry(orgId), new Date(T0 + 10 * DAY_MS));
    const justBefore = new Date(T0 + RETENTION.historyDays * DAY_MS - 1000);
    expect((await trail.list(orgId, {}, { limit: 10 }, justBefore)).records).toEqual([newer, old]);
    const after = new Date(T0 + RETENTION.historyDays * DAY_MS + 1000);
    expect((await trail.list(orgId, {}, { limit: 10 }, after)).records).toEqual([newer]);
    expect((await trail.list(orgId, { action: 'agent.created' }, { limit: 10 }, after)).records).toEqual([]);
  });

  it("refuses a cursor from another org or outside the query's range", async () => {
    const trail = make();
    const orgId = freshOrg();
    for (let n = 0; n < 3; n += 1) await trail.record(entry(orgId), minute(n));
    const { cursor } = await trail.list(orgId, {}, { limit: 1 }, minute(5));
    expect(cursor).toBeDefined();
    await expect(trail.list(freshOrg(), {}, { limit: 1, cursor }, minute(5))).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
    await expect(
      trail.list(orgId, { since: minute(4).toISOString() }, { limit: 1, cursor }, minute(5)),
    ).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(
      trail.list(orgId, {}, { limit: 1, cursor: 'not-a-cursor' }, minute(5)),
    ).rejects.toBeInstanceOf(InvalidCursorError);
  });
});
