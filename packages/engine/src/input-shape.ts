/**
 * Input is untrusted: a field the types promise as a list may hold anything. These read such
 * fields defensively so that a malformed object is reported, never a crash.
 */

/** The value if it is a list, else an empty one. */
export function listOf<T>(value: T[] | null | undefined | unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

/** Whether a value is present but not a list (null and undefined count as absent). */
export function isNotList(value: unknown): boolean {
  return value !== undefined && value !== null && !Array.isArray(value);
}

/** Whether a value is present but not a plain object. */
export function isNotObject(value: unknown): boolean {
  return value !== undefined && value !== null && (typeof value !== 'object' || Array.isArray(value));
}
