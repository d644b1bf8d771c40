import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Whether two secrets are equal, in time that tells nothing about where they differ or how long they are. */
export function isSameSecret(given: string, expected: string): boolean {
  // Digests have one length, so neither the comparison nor its early exit leaks the secret's length.
  return timingSafeEqual(digest(given), digest(expected));
}
