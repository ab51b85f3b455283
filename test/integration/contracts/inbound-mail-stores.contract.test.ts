import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TableKnownOrgs } from '#adapters/dynamodb/known-orgs.ts';
import { DynamoOrgStore } from '#adapters/dynamodb/org-store.ts';
import { DirectoryRawMailStore } from '#adapters/mail/directory-raw-mail-store.ts';
import { TableWebhookSecrets } from '#adapters/secrets/webhook-secrets.ts';
import { type KnownOrgs, RawMailKeyTakenError, type RawMailStore } from '#domain/emails/ports.ts';
import { InMemoryKnownOrgs, InMemoryRawMailStore } from '#test/support/in-memory/inbound-mail.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

/**
 * The inbound mail ports against their twins and their adapters: RawMailStore on a directory
 * (the local data dir), KnownOrgs on the table (dynalite).
 */
let stack: TestStack;
let dir: string;
beforeAll(async () => {
  stack = await startTestStack();
  dir = await mkdtemp(join(tmpdir(), 'aictive-raw-mail-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await stack?.stop();
});

const rawMailStores: readonly { name: string; make(): Promise<RawMailStore> }[] = [
  { name: 'in memory', make: async () => new InMemoryRawMailStore() },
  { name: 'directory', make: async () => new DirectoryRawMailStore(await mkdtemp(join(dir, 'store-'))) },
];

const bytes = (text: string) => new TextEncoder().encode(text);

describe.each(rawMailStores)('RawMailStore ($name)', ({ make }) => {
  it('keeps the raw message and each attachment under the org, byte for byte', async () => {
    const store = await make();
    const rawRef = await store.putRaw('acme', 'em_1', bytes('Subject: hi\r\n\r\nbody'));
    const photo = await store.putAttachment('acme', 'em_1', 0, new Uint8Array([0, 255, 7]));
    const lease = await store.putAttachment('acme', 'em_1', 1, bytes('%PDF'));
    expect(new Set([rawRef, photo, lease]).size).toBe(3);
    for (const ref of [rawRef, photo, lease]) expect(ref.startsWith('acme/')).toBe(true);
    expect(await store.read('acme', rawRef)).toEqual(bytes('Subject: hi\r\n\r\nbody'));
    expect(await store.read('acme', photo)).toEqual(new Uint8Array([0, 255, 7]));
  });

  it('writes the same key again to the same reference (a redelivery)', async () => {
    const store = await make();
    const first = await store.putRaw('acme', 'em_2', bytes('same'));
    expect(await store.putRaw('acme', 'em_2', bytes('same'))).toBe(first);
    expect(await store.read('acme', first)).toEqual(bytes('same'));
  });

  it('never overwrites a kept key: other bytes are refused, even racing, and the first stay', async () => {
    const store = await make();
    const raw = await store.putRaw('acme', 'em_5', bytes('the original'));
    const photo = await store.putAttachment('acme', 'em_5', 0, bytes('the real photo'));
    await expect(store.putRaw('acme', 'em_5', bytes('a forgery'))).rejects.toBeInstanceOf(
      RawMailKeyTakenError,
    );
    await expect(store.putAttachment('acme', 'em_5', 0, bytes('a forged photo'))).rejects.toBeInstanceOf(
      RawMailKeyTakenError,
    );
    expect(await store.read('acme', raw)).toEqual(bytes('the original'));
    expect(await store.read('acme', photo)).toEqual(bytes('the real photo'));
    const racing = await Promise.allSettled(
      ['one', 'two', 'three'].map((text) => store.putRaw('acme', 'em_6', bytes(text))),
    );
    expect(racing.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const winner = racing.findIndex((outcome) => outcome.status === 'fulfilled');
    expect(await store.read('acme', 'acme/em_6/raw.eml')).toEqual(
      bytes(['one', 'two', 'three'][winner] ?? ''),
    );
  });

  it('never reads across orgs, an unknown reference, or a key outside the store', async () => {
    const store = await make();
    const ref = await store.putRaw('acme', 'em_3', bytes('private'));
    expect(await store.read('birch', ref)).toBeUndefined();
    expect(await store.read('acme', 'acme/em_none/raw.eml')).toBeUndefined();
    expect(await store.read('acme', 'acme/../birch/em_3/raw.eml')).toBeUndefined();
    await expect(store.putRaw('acme', '../escape', bytes('x'))).rejects.toThrow();
    await expect(store.putRaw('a/b', 'em_4', bytes('x'))).rejects.toThrow();
    await expect(store.putAttachment('acme', 'em_4', -1, bytes('x'))).rejects.toThrow();
  });
});

const knownOrgs: readonly { name: string; make(): Promise<KnownOrgs> }[] = [
  { name: 'in memory', make: async () => new InMemoryKnownOrgs(new Set(['created-org', 'seeded-org'])) },
  {
    name: 'table (dynalite)',
    async make() {
      const table = stack.resources.tables.main;
      await new DynamoOrgStore(table).create({
        orgId: 'created-org',
        name: 'Created',
        createdAt: '2026-11-28T10:00:00.000Z',
      });
      // Seeded as npm start seeds org demo: signing secrets, no org record.
      await new TableWebhookSecrets(table).setSecrets('seeded-org', ['seeded-secret-for-tests']);
      return new TableKnownOrgs(table);
    },
  },
];

describe.each(knownOrgs)('KnownOrgs ($name)', ({ make }) => {
  it('knows an org with a record and an org seeded with its secrets, and no other', async () => {
    const orgs = await make();
    expect(await orgs.has('created-org')).toBe(true);
    expect(await orgs.has('seeded-org')).toBe(true);
    expect(await orgs.has('unknown-org')).toBe(false);
  });
});
