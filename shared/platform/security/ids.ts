import { createHash, randomBytes } from 'node:crypto';

/** A deterministic id: the same parts always give the same id (dedupe by natural key). */
export function stableId(prefix: string, ...parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return `${prefix}_${hash.digest('hex').slice(0, 32)}`;
}

/** A random id with a time-ordered head, so listings sort roughly by creation. */
export function timeOrderedId(prefix: string, now: Date): string {
  return `${prefix}_${now.getTime().toString(36).padStart(9, '0')}${randomBytes(10).toString('hex')}`;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
