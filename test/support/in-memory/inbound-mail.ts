import { type KnownOrgs, RawMailKeyTakenError, type RawMailStore } from '#domain/emails/ports.ts';

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/** The in-memory twin of DirectoryRawMailStore (test/integration/contracts proves them alike). */
export class InMemoryRawMailStore implements RawMailStore {
  readonly objects = new Map<string, Uint8Array>();

  async putRaw(orgId: string, mailKey: string, raw: Uint8Array): Promise<string> {
    return this.put(orgId, mailKey, 'raw.eml', raw);
  }

  async putAttachment(orgId: string, mailKey: string, index: number, content: Uint8Array): Promise<string> {
    if (!Number.isInteger(index) || index < 0 || index > 9999)
      throw new Error(`bad attachment index ${index}`);
    return this.put(orgId, mailKey, `attachment-${index}`, content);
  }

  async read(orgId: string, ref: string): Promise<Uint8Array | undefined> {
    if (!ref.startsWith(`${orgId}/`)) return undefined;
    const bytes = this.objects.get(ref);
    return bytes ? new Uint8Array(bytes) : undefined;
  }

  private put(orgId: string, mailKey: string, name: string, bytes: Uint8Array): string {
    if (!SEGMENT.test(orgId) || !SEGMENT.test(mailKey)) throw new Error('bad raw mail key');
    const ref = `${orgId}/${mailKey}/${name}`;
    const kept = this.objects.get(ref);
    if (kept && !Buffer.from(kept).equals(Buffer.from(bytes))) throw new RawMailKeyTakenError(ref);
    if (!kept) this.objects.set(ref, new Uint8Array(bytes));
    return ref;
  }
}

/** The in-memory twin of TableKnownOrgs: the orgs it is given. */
export class InMemoryKnownOrgs implements KnownOrgs {
  constructor(private readonly orgIds: ReadonlySet<string>) {}

  async has(orgId: string): Promise<boolean> {
    return this.orgIds.has(orgId);
  }
}
