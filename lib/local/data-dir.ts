import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The data directory holds the pepper, dev credentials and every org's data: its owner's only. */
export const PRIVATE_DIR_MODE = 0o700;

/** Names the process that has the data directory open, so a second one can say who holds it. */
const HOLDER_FILE = 'npm-start.pid';

export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError';
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `${dataDir} is in use by another npm start (pid ${pid}): stop that one, or set AICTIVE_DATA_DIR to another directory`,
    );
  }
}

/**
 * Creates the data directory (private) and claims it for this process: one running stack per
 * directory, since the emulators' files cannot be shared. A claim left by a process that is gone
 * (killed without stopping) is taken over. Returns how to release the claim.
 */
export async function claimDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const path = join(dataDir, HOLDER_FILE);
  const release = () => rm(path, { force: true });
  // Bounded: once a stale claim is cleared, the next write either wins or meets a live holder.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      await writeFile(path, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
    if (Number.isSafeInteger(holder) && holder > 0 && isRunning(holder))
      throw new DataDirInUseError(dataDir, holder);
    await rm(path, { force: true });
  }
  throw new Error(`could not claim ${dataDir}: ${path} keeps reappearing`);
}

/** Whether a process with this id exists (signal 0 checks without signalling). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
