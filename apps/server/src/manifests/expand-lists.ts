import { isMapping } from './classify-object.ts';
import type { ParsedDocument } from './parse-documents.ts';

/** A candidate object — a whole document or one entry of a list — with the line where it starts. */
export interface ManifestEntry {
  value: unknown;
  line: number;
}

/**
 * Splits a document into the objects it holds: itself; the `items` of a `List` or typed list
 * (`PodList`, `NetworkPolicyList`: what `kubectl get -o yaml|json` prints); or the entries of a
 * top-level sequence. Empty documents and empty entries hold nothing.
 */
export function expandDocument(doc: ParsedDocument): ManifestEntry[] {
  const { value, line, itemLines } = doc;
  if (!Array.isArray(value) && !isList(value)) return value == null ? [] : [{ value, line }];
  const items: unknown[] = Array.isArray(value) ? value : fillItems(value);
  return items.flatMap((item, index) =>
    item == null ? [] : [{ value: item, line: itemLines[index] ?? line }],
  );
}

/** Whether `value` is a list object: `kind: List` or `<Kind>List`, with an `items` sequence. */
export function isList(value: unknown): value is ListObject {
  if (!isMapping(value) || typeof value.kind !== 'string' || !value.kind.endsWith('List')) return false;
  // A kind that merely ends in "List" (a CRD such as `AllowList`) is a list only if it has items.
  return Array.isArray(value.items) || (value.kind === 'List' && value.items == null);
}

interface ListObject {
  kind: string;
  apiVersion?: unknown;
  items?: unknown[] | null;
}

// Items of a typed list often omit kind (and apiVersion): the list's kind names them.
function fillItems(list: ListObject): unknown[] {
  const items = list.items ?? [];
  if (list.kind === 'List') return items;
  const kind = list.kind.slice(0, -'List'.length);
  return items.map((item) => {
    if (!isMapping(item)) return item;
    const filled: Record<string, unknown> = { ...item };
    if (filled.kind === undefined) filled.kind = kind;
    if (filled.apiVersion === undefined && typeof list.apiVersion === 'string') {
      filled.apiVersion = list.apiVersion;
    }
    return filled;
  });
}
