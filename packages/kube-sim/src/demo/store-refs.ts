import type { KubeObject } from '@netmap/model';
import type { ObjectRef, SimStore } from '../sim-store.ts';
import { controllerOf } from './pod-factory.ts';
import { PodPlacer, readNodeSlots } from './pod-placer.ts';

/** References to the collections the demo reads and writes. */
export const REFS = {
  pod: { apiVersion: 'v1', kind: 'Pod' },
  node: { apiVersion: 'v1', kind: 'Node' },
  service: { apiVersion: 'v1', kind: 'Service' },
  endpointSlice: { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice' },
  networkPolicy: { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy' },
  deployment: { apiVersion: 'apps/v1', kind: 'Deployment' },
  replicaSet: { apiVersion: 'apps/v1', kind: 'ReplicaSet' },
} as const satisfies Record<string, ObjectRef>;

/** Objects in name order, so choices depend on the seed and not on storage order. */
export function byName(a: KubeObject, b: KubeObject): number {
  const left = `${a.metadata?.namespace ?? ''}/${a.metadata?.name ?? ''}`;
  const right = `${b.metadata?.namespace ?? ''}/${b.metadata?.name ?? ''}`;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Lists a kind (in a namespace, or all) in name order. */
export function listSorted(store: SimStore, ref: ObjectRef): KubeObject[] {
  return store.list(ref).sort(byName);
}

/** The objects of a namespace whose controller is `owner`. */
export function ownedBy(store: SimStore, ref: ObjectRef, owner: KubeObject): KubeObject[] {
  const namespace = owner.metadata?.namespace;
  return listSorted(store, { ...ref, namespace }).filter((object) => {
    const controller = controllerOf(object);
    return controller?.kind === owner.kind && controller?.name === owner.metadata?.name;
  });
}

/** A placer that knows the store's nodes and every pod's node and address. */
export function placerFor(store: SimStore): PodPlacer {
  return new PodPlacer(readNodeSlots(store.list(REFS.node)), store.list(REFS.pod));
}
