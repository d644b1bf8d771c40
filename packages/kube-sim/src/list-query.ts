import type { KubeObject } from '@netmap/model';
import { matchesFields, parseFieldSelector } from './field-selector.ts';
import { matchesLabels, parseLabelSelector } from './label-selector.ts';
import type { ResourceType } from './resources.ts';
import { KubeError } from './status.ts';

/** Where a paginated list continues: the snapshot's resourceVersion and the last key returned. */
export interface ContinueToken {
  resourceVersion: number;
  after: string;
}

/** What a list asks for: a namespace (or all), selectors, a page size and where to continue. */
export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continueFrom?: ContinueToken;
}

/** One page of a list, with the list metadata the API returns. */
export interface ListPage {
  items: KubeObject[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

/** Encodes a continue token the way the API server does: base64 JSON, opaque to clients. */
export function encodeContinue(token: ContinueToken): string {
  const json = JSON.stringify({ v: 'meta.k8s.io/v1', rv: token.resourceVersion, start: `${token.after}\u0000` });
  return Buffer.from(json).toString('base64url');
}

/** Decodes a continue token; 400 BadRequest when it is not one. */
export function decodeContinue(value: string): ContinueToken {
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as { rv?: unknown; start?: unknown };
    if (typeof parsed.rv === 'number' && typeof parsed.start === 'string') {
      return { resourceVersion: parsed.rv, after: parsed.start.endsWith('\u0000') ? parsed.start.slice(0, -1) : parsed.start };
    }
  } catch {
    // fall through to the error below
  }
  throw new KubeError('BadRequest', 'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
}

/** Builds the object filter for a list or a watch from its selectors and namespace. */
export function buildObjectFilter(options: Pick<ListOptions, 'namespace' | 'labelSelector' | 'fieldSelector'>) {
  const labels = parseLabelSelector(options.labelSelector ?? '');
  const fields = parseFieldSelector(options.fieldSelector ?? '');
  return (object: KubeObject): boolean =>
    (!options.namespace || object.metadata?.namespace === options.namespace) &&
    matchesLabels(labels, object.metadata?.labels) &&
    matchesFields(fields, object);
}

/** Selects one page of a type's objects from a snapshot, sorted by key like etcd. */
export function selectPage(objects: Map<string, KubeObject>, type: ResourceType, options: ListOptions, snapshotAt: number): ListPage {
  const prefix = `${type.group}/${type.resource}/`;
  const matches = buildObjectFilter(options);
  const after = options.continueFrom ? prefix + options.continueFrom.after : '';
  const selected = [...objects]
    .filter(([key, object]) => key.startsWith(prefix) && key > after && matches(object))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const limit = options.limit && options.limit > 0 ? options.limit : selected.length;
  const page = selected.slice(0, limit);
  // Items of a list carry no kind and apiVersion: the list's own kind says what they are.
  const items = page.map(([, object]) => {
    const item = structuredClone(object);
    delete item.kind;
    delete item.apiVersion;
    return item;
  });
  const result: ListPage = { items, resourceVersion: String(snapshotAt) };
  const last = page.at(-1);
  if (selected.length > limit && last) {
    result.continue = encodeContinue({ resourceVersion: snapshotAt, after: last[0].slice(prefix.length) });
    // Like the API server, the remaining count is only known when no selector filters the list.
    if (!options.labelSelector && !options.fieldSelector) result.remainingItemCount = selected.length - limit;
  }
  return result;
}
