import type { KubeObject } from '@netmap/model';
import type { ClusterState, ObjectChange } from './cluster-state.ts';
import type { PodFacts } from './pod-facts.ts';

/**
 * The pods and Services of each namespace, by their keys in the state, pods in the order the state
 * holds them (a changed pod moves to the end there, and here): re-deriving one namespace's nodes
 * then reads its own objects, not the whole cluster's.
 */
export class NamespaceMembers {
  private readonly pods = new Map<string, Set<string>>();
  private readonly services = new Map<string, Set<string>>();

  constructor(private readonly state: ClusterState) {
    for (const pod of state.pods.values()) this.add(this.pods, pod.namespace, pod.ref);
    for (const [key, object] of state.stored)
      if (object.kind === 'Service') this.add(this.services, namespaceOf(object), key);
  }

  /** Follows a change once the state has applied it. */
  follow(change: ObjectChange): void {
    const { object } = change;
    const namespace = namespaceOf(object);
    const ref = `${namespace}/${object.metadata?.name ?? ''}`;
    if (object.kind === 'Pod') this.refresh(this.pods, namespace, ref, this.state.pods.has(ref));
    if (object.kind === 'Service') {
      const key = `Service ${ref}`;
      this.refresh(this.services, namespace, key, this.state.stored.has(key));
    }
  }

  podsIn(namespace: string): PodFacts[] {
    return [...(this.pods.get(namespace) ?? [])].map((ref) => this.state.pods.get(ref)!);
  }

  servicesIn(namespace: string): KubeObject[] {
    return [...(this.services.get(namespace) ?? [])].map((key) => this.state.stored.get(key)!);
  }

  private refresh(index: Map<string, Set<string>>, namespace: string, key: string, isPresent: boolean): void {
    index.get(namespace)?.delete(key);
    if (isPresent) this.add(index, namespace, key);
  }

  private add(index: Map<string, Set<string>>, namespace: string, key: string): void {
    let keys = index.get(namespace);
    if (!keys) index.set(namespace, (keys = new Set()));
    keys.add(key);
  }
}

function namespaceOf(object: KubeObject): string {
  return object.metadata?.namespace || 'default';
}
