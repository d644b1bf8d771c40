/** Orders text by UTF-16 code units: the same on every machine and locale, so output is deterministic. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
