import type { Visibility } from '@netmap/engine';
import type { KubeObject } from '@netmap/model';

/** What a source reports: object changes, the end of the initial sync, problems and what it can read. */
export type SourceEvent =
  | { type: 'upsert'; object: KubeObject }
  | { type: 'delete'; object: KubeObject }
  /** Every resource the source can read has been listed once: the view is complete. */
  | { type: 'synced' }
  /** A resource cannot be read (forbidden, unreachable, …); `resource` is e.g. `pods` or `pods in shop`. */
  | { type: 'problem'; resource: string; message: string }
  /** A resource that could not be read, can be read again. */
  | { type: 'resolved'; resource: string }
  /** What could be read of NetworkPolicies and Namespaces changed (a cluster's RBAC). */
  | { type: 'visibility'; visibility: Visibility };

/** Turns the outside world (a cluster, files, the demo) into a stream of object events. */
export interface ObjectSource {
  /** `cluster`, `manifests` or `demo`, and what it points at (a context name, paths, …). */
  readonly kind: 'cluster' | 'manifests' | 'demo';
  readonly description: string;
  /** Starts reading; events arrive through `emit` until `stop`. Resolves once the first lists have started. */
  start(emit: (event: SourceEvent) => void): Promise<void>;
  stop(): Promise<void>;
}
