import { timingSafeEqual } from 'node:crypto';

/**
 * Why a delivery was refused. A closed set, so a metric per reason stays bounded; it is logged
 * and counted, never sent to the caller (the answer must not say which check failed).
 */
export const REJECTION_REASONS = [
  'missing_signature',
  'missing_timestamp',
  'malformed',
  'stale',
  'mismatch',
  'replayed',
  'unknown_sender',
  'forbidden_source',
  'too_large',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export type SignatureCheck = { ok: true } | { ok: false; reason: RejectionReason };

/** Every scheme accepts a signing time at most this far from now, in either direction. */
export const TOLERANCE_SECONDS = 300;

export function withinTolerance(timestampSeconds: number, nowSeconds: number): boolean {
  return Math.abs(nowSeconds - timestampSeconds) <= TOLERANCE_SECONDS;
}

/**
 * True when `presented` equals any of the expected digests. Compares in constant time and always
 * against all of them, so timing reveals neither the digest nor which secret of a rotation matched.
 */
export function matchesAny(presented: Buffer, expected: readonly Buffer[]): boolean {
  let matched = false;
  for (const digest of expected) {
    if (digest.length === presented.length && timingSafeEqual(presented, digest)) matched = true;
  }
  return matched;
}
