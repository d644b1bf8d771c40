/** The characters Kubernetes uses for generated name suffixes and pod-template-hash (no vowels, no 0/1/3). */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** FNV-1a over a string's UTF-16 code units, 32 bits, seeded so several rounds differ. */
export function hashText(text: string, seed = 0): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** JSON with object keys sorted, so equal values hash alike whatever their key order. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A `length`-character name-safe hash of a value, like a Deployment's pod-template-hash. */
export function hashName(value: unknown, length = 10): string {
  const text = stableStringify(value);
  let out = '';
  for (let round = 0; out.length < length; round++) {
    let hash = hashText(text, round);
    for (let i = 0; i < 4 && out.length < length; i++) {
      out += NAME_ALPHABET[hash % NAME_ALPHABET.length];
      hash = Math.floor(hash / NAME_ALPHABET.length);
    }
  }
  return out;
}
