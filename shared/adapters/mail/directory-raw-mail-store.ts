import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { RawMailKeyTakenError, type RawMailStore } from '#domain/emails/ports.ts';

/** One segment of a key: an org id or a mail key (an email id); never `..` or a separator. */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
const REF =
  /^([A-Za-z0-9][A-Za-z0-9_-]{0,127})\/[A-Za-z0-9][A-Za-z0-9_-]{0,127}\/(?:raw\.eml|attachment-\d{1,4})$/;

/**
 * Inbound mail kept in a directory (the local data dir), as S3 keeps it in AWS: the key
 * `<orgId>/<mailKey>/raw.eml` and `…/attachment-<n>`, owner-only. A write goes to a temporary
 * file linked into place, so a reader never sees half a message, and only where nothing is yet:
 * a key is written once (as S3's `If-None-Match: *`). The same bytes again are the same reference
 * (a redelivery); other bytes under a kept key throw and change nothing.
 */
export class DirectoryRawMailStore implements RawMailStore {
  constructor(private readonly root: string) {}

  async putRaw(orgId: string, mailKey: string, raw: Uint8Array): Promise<string> {
    return this.write(keyOf(orgId, mailKey, 'raw.eml'), raw);
  }

  async putAttachment(orgId: string, mailKey: string, index: number, content: Uint8Array): Promise<string> {
    if (!Number.isInteger(index) || index < 0 || index > 9999)
      throw new Error(`bad attachment index ${index}`);
    return this.write(keyOf(orgId, mailKey, `attachment-${index}`), content);
  }

  async read(orgId: string, ref: string): Promise<Uint8Array | undefined> {
    // Org isolation: a reference is read only by the org it starts with.
    if (REF.exec(ref)?.[1] !== orgId) return undefined;
    try {
      return new Uint8Array(await readFile(join(this.root, ref)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  private async write(ref: string, bytes: Uint8Array): Promise<string> {
    const path = join(this.root, ref);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temporary, bytes, { mode: 0o600, flag: 'wx' });
    try {
      // link(2) fails with EEXIST where a file is: create-only, and atomic as a rename is.
      await link(temporary, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!Buffer.from(await readFile(path)).equals(Buffer.from(bytes))) throw new RawMailKeyTakenError(ref);
    } finally {
      await rm(temporary, { force: true });
    }
    return ref;
  }
}

function keyOf(orgId: string, mailKey: string, name: string): string {
  if (!SEGMENT.test(orgId) || !SEGMENT.test(mailKey)) throw new Error('bad raw mail key');
  return `${orgId}/${mailKey}/${name}`;
}
