import type { KubeObject } from '@netmap/model';
import type { ObjectChange } from './cluster-state.ts';
import type { Evaluation } from './evaluation.ts';
import { mayBeIngressController } from './ingress-controllers.ts';
import type { PodFacts } from './pod-facts.ts';
import { WORKLOAD_KINDS } from './workloads.ts';

/** What the changes since the last look touched, as the topology depends on it. */
export interface Touched {
  /** Namespaces whose nodes (and routes) are to be derived again. */
  namespaces: 'all' | Set<string>;
  /** Namespaces whose labels (or existence) changed: every flow to or from their pods is to be found again. */
  relabelled: Set<string>;
  isPolicyTouched: boolean;
  /** Pods or workloads that may be an ingress controller's, or IngressClasses, changed. */
  areControllersStale: boolean;
  /** Some object changed (findings may look at any). */
  isAny: boolean;
}

const CLUSTER_SCOPED: ReadonlySet<string> = new Set(['Namespace', 'Node', 'IngressClass']);
/** Kinds whose objects show as nodes of their namespace, or decide them. */
const NODE_KINDS: ReadonlySet<string> = new Set([
  'Pod',
  'NetworkPolicy',
  'Service',
  'EndpointSlice',
  'Ingress',
]);

/** Collects what object changes touch, looking at the facts before and after each change. */
export class TouchedObjects {
  private touched = nothingTouched();
  /** EndpointSlices that name pods of another namespace: by that namespace, the slices' namespaces. */
  private readonly crossSlices = new Map<string, Map<string, string>>();

  constructor(private readonly evaluation: Evaluation) {
    for (const object of evaluation.state.stored.values())
      if (object.kind === 'EndpointSlice') this.indexSlice(object, true);
  }

  /** Everything is to be derived (the first look). */
  touchEverything(): void {
    this.touched = {
      ...nothingTouched(),
      namespaces: 'all',
      areControllersStale: true,
      isAny: true,
    };
  }

  /**
   * Namespaces whose facts changed without an object changing (what could be read of them): their
   * nodes, and every flow to or from their pods, are to be derived again.
   */
  relabel(namespaces: readonly string[]): void {
    if (namespaces.length === 0) return;
    const touched = this.touched;
    touched.isAny = true;
    touched.isPolicyTouched = true;
    touched.areControllersStale = true;
    for (const namespace of namespaces) {
      touched.relabelled.add(namespace);
      if (touched.namespaces !== 'all') touched.namespaces.add(namespace);
    }
  }

  /** Before a change is applied: what the state held of the object. */
  before(change: ObjectChange): void {
    this.inspect(change.object);
  }

  /** After a change is applied: what the state holds of the object now. */
  after(change: ObjectChange): void {
    if (change.object.kind === 'EndpointSlice') this.indexSlice(change.object, change.type === 'upsert');
    this.inspect(change.object);
  }

  /** Whether some object changed since the last call of `take`. */
  get isAnyTouched(): boolean {
    return this.touched.isAny;
  }

  /** What was touched since the last call. */
  take(): Touched {
    const touched = this.touched;
    this.touched = nothingTouched();
    return touched;
  }

  private inspect(object: KubeObject): void {
    const kind = object.kind ?? '';
    const touched = this.touched;
    touched.isAny = true;
    if (kind === 'IngressClass') touched.areControllersStale = true;
    if (CLUSTER_SCOPED.has(kind) && kind !== 'Namespace') return;
    const namespace =
      kind === 'Namespace' ? (object.metadata?.name ?? '') : object.metadata?.namespace || 'default';
    if (kind === 'Namespace') touched.relabelled.add(namespace);
    if (kind !== 'Namespace' && !NODE_KINDS.has(kind) && !WORKLOAD_KINDS.has(kind)) return;
    if (touched.namespaces !== 'all') touched.namespaces.add(namespace);
    if (kind === 'NetworkPolicy') touched.isPolicyTouched = true;
    const { state } = this.evaluation;
    if (kind === 'Pod') {
      // Services elsewhere whose EndpointSlices name this pod send to it: their backends follow it.
      for (const served of this.crossSlices.get(namespace)?.values() ?? [])
        if (touched.namespaces !== 'all') touched.namespaces.add(served);
      const pod = state.pods.get(`${namespace}/${object.metadata?.name ?? ''}`);
      // A workload's stand-in goes when its first pod comes, and comes back when its last pod goes.
      const standIn = pod && state.representatives.get(pod.workload);
      for (const each of [pod, standIn]) if (each) this.inspectPod(each);
    }
    if (WORKLOAD_KINDS.has(kind)) {
      // Owners decide which workload pods belong to, and stand-ins come and go with them.
      for (const pod of state.representatives.values()) if (pod.namespace === namespace) this.inspectPod(pod);
    }
  }

  private indexSlice(slice: KubeObject, isPresent: boolean): void {
    const namespace = slice.metadata?.namespace || 'default';
    const key = `${namespace}/${slice.metadata?.name ?? ''}`;
    for (const [target, slices] of this.crossSlices) {
      slices.delete(key);
      if (slices.size === 0) this.crossSlices.delete(target);
    }
    if (!isPresent) return;
    const endpoints = (slice as { endpoints?: unknown }).endpoints;
    for (const endpoint of Array.isArray(endpoints) ? endpoints : []) {
      const target = (endpoint as { targetRef?: { namespace?: unknown } } | null)?.targetRef?.namespace;
      if (typeof target !== 'string' || target === namespace) continue;
      let slices = this.crossSlices.get(target);
      if (!slices) this.crossSlices.set(target, (slices = new Map()));
      slices.set(key, namespace);
    }
  }

  private inspectPod(pod: PodFacts): void {
    if (mayBeIngressController(pod.labels, this.evaluation.options.ingressControllerLabels))
      this.touched.areControllersStale = true;
  }
}

function nothingTouched(): Touched {
  return {
    namespaces: new Set(),
    relabelled: new Set(),
    isPolicyTouched: false,
    areControllersStale: false,
    isAny: false,
  };
}
