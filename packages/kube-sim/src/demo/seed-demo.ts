import type { EndpointSlice, KubeObject } from '@netmap/model';
import type { SimStore } from '../sim-store.ts';

/**
 * Creates objects in order (owners before what they own, as `loadDemoCluster` returns them), and
 * keeps their links: the API server gives every created object a fresh uid, so ownerReferences and
 * EndpointSlice targetRefs are rewritten to the uids the store gave their targets, as real
 * controllers, which create owners first, would have written them.
 */
export function seedDemoCluster(store: SimStore, objects: readonly KubeObject[]): void {
  const uids = new Map<string, string>();
  const relink = (ref: { uid?: string } | undefined) => {
    const uid = ref?.uid === undefined ? undefined : uids.get(ref.uid);
    if (ref && uid) ref.uid = uid;
  };
  for (const object of objects) {
    const copy = structuredClone(object);
    for (const owner of copy.metadata?.ownerReferences ?? []) relink(owner);
    for (const endpoint of (copy as EndpointSlice).endpoints ?? []) relink(endpoint.targetRef);
    const created = store.create(copy);
    const [given, assigned] = [object.metadata?.uid, created.metadata?.uid];
    if (given && assigned) uids.set(given, assigned);
  }
}
