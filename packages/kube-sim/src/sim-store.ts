import type { KubeObject } from '@netmap/model';
import type { ObjectStore } from './object-store.ts';
import { findResourceTypeByKind, type ResourceType } from './resources.ts';
import { KubeError } from './status.ts';

/** Names an object or a collection by apiVersion, kind, namespace and name. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name?: string;
}

function resolveType(ref: { apiVersion?: string; kind?: string }): ResourceType {
  const type = findResourceTypeByKind(ref.apiVersion, ref.kind);
  if (!type) throw new KubeError('NotFound', `the simulator does not serve ${ref.apiVersion}/${ref.kind}`);
  return type;
}

const refOf = (object: KubeObject): ObjectRef => ({
  apiVersion: object.apiVersion ?? '',
  kind: object.kind ?? '',
  namespace: object.metadata?.namespace,
  name: object.metadata?.name,
});

/** The simulator's objects seen from a test or the demo: writes here reach every watch like API writes. */
export class SimStore {
  constructor(private readonly store: ObjectStore) {}

  /** The current resourceVersion. */
  get resourceVersion(): string {
    return this.store.resourceVersion;
  }

  /** Creates an object; 409 when it exists, 404 when its namespace does not. */
  create(object: KubeObject): KubeObject {
    return this.store.createObject(resolveType(object), object.metadata?.namespace ?? '', object);
  }

  /** Replaces an object, status included; a stale metadata.resourceVersion is a 409 Conflict. */
  update(object: KubeObject): KubeObject {
    const { namespace = '', name = '' } = refOf(object);
    return this.store.updateObject(resolveType(object), namespace, name, object);
  }

  /** Creates the object, or replaces it (ignoring its resourceVersion) when it exists. */
  apply(object: KubeObject): KubeObject {
    const type = resolveType(object);
    const { namespace = '', name = '' } = refOf(object);
    if (this.find({ ...refOf(object) }) === undefined) return this.store.createObject(type, namespace, object);
    const metadata = { ...object.metadata };
    delete metadata.resourceVersion;
    return this.store.updateObject(type, namespace, name, { ...object, metadata });
  }

  /** Deletes an object; 404 when it does not exist. */
  delete(ref: ObjectRef | KubeObject): KubeObject {
    const { apiVersion, kind, namespace = '', name = '' } = 'metadata' in ref ? refOf(ref) : (ref as ObjectRef);
    return this.store.deleteObject(resolveType({ apiVersion, kind }), namespace, name);
  }

  /** Reads an object; 404 when it does not exist. */
  get(ref: ObjectRef): KubeObject {
    return this.store.getObject(resolveType(ref), ref.namespace ?? '', ref.name ?? '');
  }

  /** Reads an object, or undefined. */
  find(ref: ObjectRef): KubeObject | undefined {
    try {
      return this.get(ref);
    } catch (error) {
      if (error instanceof KubeError && error.reason === 'NotFound') return undefined;
      throw error;
    }
  }

  /** Lists the objects of a kind (in a namespace, or all), with kind and apiVersion set. */
  list(ref: ObjectRef, labelSelector?: string): KubeObject[] {
    const type = resolveType(ref);
    const page = this.store.listObjects(type, { namespace: ref.namespace, labelSelector });
    return page.items.map((item) => ({ apiVersion: ref.apiVersion, kind: type.kind, ...item }));
  }
}
