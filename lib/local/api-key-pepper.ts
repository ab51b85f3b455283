import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PRIVATE_DIR_MODE } from './data-dir.ts';

const PEPPER_FILE = 'api-key-pepper';

function freshPepper(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The pepper local API-key hashes are keyed with (Secrets Manager holds it in AWS). Generated once
 * per data directory and kept there, readable by its owner only, so keys created through the API
 * keep working after a restart and `aictive … --local` hashes as `npm start` does. Without a data
 * directory (tests) every stack gets its own.
 */
export async function localApiKeyPepper(dataDir: string | undefined): Promise<string> {
  return localGeneratedSecret(dataDir, PEPPER_FILE);
}

/**
 * The key local response links are signed with (Secrets Manager holds it in AWS): kept in the data
 * directory like the pepper, so a link sent before a restart still opens after it.
 */
export async function localResponseLinkSecret(dataDir: string | undefined): Promise<string> {
  return localGeneratedSecret(dataDir, 'response-link-secret');
}

/** A random secret generated once per data directory and kept there; without one, a fresh value. */
async function localGeneratedSecret(dataDir: string | undefined, file: string): Promise<string> {
  if (!dataDir) return freshPepper();
  const path = join(dataDir, file);
  await mkdir(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  // Written whole under a private name, then linked into place: linking fails if the file exists,
  // so two processes starting at once agree on one pepper and neither reads a half-written file.
  const draft = `${path}.${randomBytes(6).toString('hex')}`;
  await writeFile(draft, `${freshPepper()}\n`, { mode: 0o600 });
  try {
    await link(draft, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(draft, { force: true });
  }
  return (await readFile(path, 'utf8')).trim();
}
