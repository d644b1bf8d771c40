import type { KubeObject } from '@netmap/model';
import { stripSensitive } from '../manifests/strip-sensitive.ts';
import type { SourceEvent } from './object-source.ts';
import { apiVersionOf, type WatchedResource } from './watched-resources.ts';

const keyOf = (object: KubeObject) => `${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;

/** Same object (by uid; objects without one match by name alone). */
const isSameObject = (a: KubeObject, b: KubeObject) =>
  !a.metadata?.uid || !b.metadata?.uid || a.metadata.uid === b.metadata.uid;

/**
 * What a scope has emitted, by namespace/name: upserts only on a new resourceVersion, deletes only
 * of what was emitted. Watch events, informer callbacks and relists can all feed it; it turns them
 * into the minimal event stream downstream.
 */
export class ObjectView {
  private readonly known = new Map<string, KubeObject>();

  constructor(
    private readonly resource: WatchedResource,
    private readonly emit: (event: SourceEvent) => void,
  ) {}

  /**
   * List items come without kind and apiVersion: set them. Drop managedFields, which netmap never
   * reads, and fields that may hold credentials (env, volumes, …), so they are neither kept nor sent.
   */
  private normalize(object: KubeObject): KubeObject {
    const metadata: Record<string, unknown> = { ...object.metadata };
    delete metadata.managedFields;
    return stripSensitive({
      ...object,
      apiVersion: object.apiVersion ?? apiVersionOf(this.resource),
      kind: object.kind ?? this.resource.kind,
      metadata,
    });
  }

  /** Emits an upsert unless this version was already emitted; an object recreated under the same name deletes its predecessor first. */
  upsert(raw: KubeObject): void {
    const object = this.normalize(raw);
    const key = keyOf(object);
    const known = this.known.get(key);
    if (
      known &&
      isSameObject(known, object) &&
      known.metadata?.resourceVersion === object.metadata?.resourceVersion
    )
      return;
    if (known && !isSameObject(known, object)) this.emit({ type: 'delete', object: known });
    this.known.set(key, object);
    this.emit({ type: 'upsert', object });
  }

  /** Emits a delete of an object that was emitted. */
  remove(raw: KubeObject): void {
    const object = this.normalize(raw);
    const key = keyOf(object);
    const known = this.known.get(key);
    if (!known || !isSameObject(known, object)) return;
    this.known.delete(key);
    this.emit({ type: 'delete', object });
  }

  /** Applies a full list: deletes what it no longer holds, upserts what changed. */
  replaceAll(items: readonly KubeObject[]): void {
    const listed = new Set(items.map(keyOf));
    for (const [key, known] of [...this.known]) {
      if (listed.has(key)) continue;
      this.known.delete(key);
      this.emit({ type: 'delete', object: known });
    }
    for (const item of items) this.upsert(item);
  }

  /** Withdraws every object (the scope became unreadable). */
  clear(): void {
    this.replaceAll([]);
  }

  /** The objects as emitted. */
  objects(): KubeObject[] {
    return [...this.known.values()];
  }
}
