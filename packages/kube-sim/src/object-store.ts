import { randomUUID } from 'node:crypto';
import type { KubeObject } from '@netmap/model';
import { ChangeHistory, type Change, type ChangeType } from './history.ts';
import { apiVersionOf, findResourceTypeByKind, RESOURCE_TYPES, type ResourceType } from './resources.ts';
import { KubeError, notFound } from './status.ts';
import { selectPage, type ListOptions, type ListPage } from './list-query.ts';

/** Which part of an object an update may change: the status subresource only changes status. */
export type UpdatePart = 'all' | 'spec' | 'status';

/** A listener of every change the store makes, in resourceVersion order. */
export type ChangeListener = (change: Change) => void;

const NAMESPACE = RESOURCE_TYPES.find((t) => t.kind === 'Namespace') as ResourceType;

/** The storage key of an object: sorted like etcd's `/registry/<resource>/<namespace>/<name>`. */
export function objectKey(type: ResourceType, namespace: string, name: string): string {
  return `${type.group}/${type.resource}/${namespace}/${name}`;
}

const clone = <T>(value: T): T => structuredClone(value);

/** The cluster's objects with one global resourceVersion counter, a bounded history and listeners. */
export class ObjectStore {
  private readonly objects = new Map<string, KubeObject>();
  private readonly history: ChangeHistory;
  private readonly listeners = new Set<ChangeListener>();
  private revision = 0;

  constructor(historySize = 1000) {
    this.history = new ChangeHistory(historySize);
  }

  /** The current resourceVersion, as the opaque string the API returns. */
  get resourceVersion(): string {
    return String(this.revision);
  }

  /** Calls `listener` for every later change; returns the function that stops it. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The changes after `resourceVersion`; `410 Expired` when the history no longer holds them. */
  changesSince(resourceVersion: number, requested?: string): Change[] {
    return this.history.since(resourceVersion, requested);
  }

  /** Drops the whole history: every resourceVersion before now expires. */
  compact(): void {
    this.history.compact(this.revision);
  }

  /** Reads one object, or throws 404. */
  getObject(type: ResourceType, namespace: string, name: string): KubeObject {
    const found = this.objects.get(objectKey(type, namespace, name));
    if (!found) throw notFound(type.resource, name, type.group);
    return clone(found);
  }

  /** Lists objects of a type (in a namespace, or all), filtered and paginated. */
  listObjects(type: ResourceType, options: ListOptions = {}): ListPage {
    const snapshotAt = options.continueFrom?.resourceVersion ?? this.revision;
    const objects = snapshotAt === this.revision ? this.objects : this.history.rewind(this.objects, snapshotAt);
    return selectPage(objects, type, options, snapshotAt);
  }

  /** Creates an object: sets uid, creationTimestamp and resourceVersion; 409 when it exists. */
  createObject(type: ResourceType, namespace: string, input: KubeObject): KubeObject {
    const object = clone(input);
    const metadata = (object.metadata ??= {}) as KubeObject['metadata'] & Record<string, unknown>;
    if (!metadata.name && typeof metadata.generateName === 'string') {
      metadata.name = metadata.generateName + randomUUID().slice(0, 5);
    }
    const name = metadata.name;
    if (!name) throw new KubeError('Invalid', `${type.kind} "" is invalid: metadata.name: Required value: name or generateName is required`);
    const ns = type.namespaced ? namespace || metadata.namespace || 'default' : '';
    if (type.namespaced && !this.objects.has(objectKey(NAMESPACE, '', ns))) throw notFound('namespaces', ns);
    const key = objectKey(type, ns, name);
    if (this.objects.has(key)) {
      throw new KubeError('AlreadyExists', `${type.resource} "${name}" already exists`, { name, group: type.group, kind: type.resource });
    }
    object.apiVersion = apiVersionOf(type);
    object.kind = type.kind;
    if (type.namespaced) metadata.namespace = ns;
    else delete metadata.namespace;
    metadata.uid = randomUUID();
    metadata.creationTimestamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    if (type.kind !== 'Pod' && type.kind !== 'Namespace') metadata.generation = 1;
    // The API server labels every namespace with its own name (NamespaceDefaultLabelName).
    if (type === NAMESPACE) metadata.labels = { ...metadata.labels, 'kubernetes.io/metadata.name': name };
    return this.commit('ADDED', type, key, object);
  }

  /** Replaces an object; 409 Conflict when the given resourceVersion is not the current one. */
  updateObject(type: ResourceType, namespace: string, name: string, input: KubeObject, part: UpdatePart = 'all'): KubeObject {
    const key = objectKey(type, type.namespaced ? namespace : '', name);
    const current = this.objects.get(key);
    if (!current) throw notFound(type.resource, name, type.group);
    const given = input.metadata?.resourceVersion;
    if (given && given !== current.metadata?.resourceVersion) {
      throw new KubeError(
        'Conflict',
        `Operation cannot be fulfilled on ${type.resource} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
        { name, group: type.group, kind: type.resource },
      );
    }
    const next = mergeForUpdate(current, clone(input), part);
    if (JSON.stringify(next) === JSON.stringify(current)) return clone(current);
    return this.commit('MODIFIED', type, key, next, current);
  }

  /** Deletes an object (and, for a namespace, everything in it); returns it as it was deleted. */
  deleteObject(type: ResourceType, namespace: string, name: string): KubeObject {
    const key = objectKey(type, type.namespaced ? namespace : '', name);
    const current = this.objects.get(key);
    if (!current) throw notFound(type.resource, name, type.group);
    if (type === NAMESPACE) {
      for (const [otherKey, other] of [...this.objects]) {
        const otherType = findResourceTypeByKind(other.apiVersion, other.kind);
        if (otherType?.namespaced && other.metadata?.namespace === name) {
          this.commit('DELETED', otherType, otherKey, clone(other), other);
        }
      }
    }
    return this.commit('DELETED', type, key, clone(current), current);
  }

  private commit(type: ChangeType, resourceType: ResourceType, key: string, object: KubeObject, previous?: KubeObject): KubeObject {
    this.revision++;
    object.metadata = { ...object.metadata, resourceVersion: String(this.revision) };
    if (type === 'DELETED') this.objects.delete(key);
    else this.objects.set(key, object);
    const change: Change = { type, resourceVersion: this.revision, resourceType, key, object, previous };
    this.history.record(change);
    for (const listener of this.listeners) listener(change);
    return clone(object);
  }
}

/** The object an update stores: identity kept, status or spec taken from the input as `part` says. */
function mergeForUpdate(current: KubeObject, input: KubeObject, part: UpdatePart): KubeObject {
  const identity = {
    name: current.metadata?.name,
    namespace: current.metadata?.namespace,
    uid: current.metadata?.uid,
    creationTimestamp: (current.metadata as Record<string, unknown> | undefined)?.creationTimestamp,
    resourceVersion: current.metadata?.resourceVersion,
  };
  if (part === 'status') return { ...current, status: input.status };
  const next: KubeObject = { ...input, apiVersion: current.apiVersion, kind: current.kind };
  next.metadata = { ...input.metadata, ...identity } as KubeObject['metadata'];
  if (part === 'spec') next.status = current.status;
  const generation = (current.metadata as Record<string, unknown> | undefined)?.generation;
  if (typeof generation === 'number') {
    const specChanged = JSON.stringify(input.spec) !== JSON.stringify(current.spec);
    (next.metadata as Record<string, unknown>).generation = specChanged ? generation + 1 : generation;
  }
  if (next.status === undefined) delete next.status;
  return next;
}
