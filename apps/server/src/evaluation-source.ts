import type { Cni, Evaluation } from '@netmap/engine';

/** Where the evaluated model comes from, and how that is going. */
export interface SourceStatus {
  /** `manifests`, `cluster` or `demo`. */
  kind: 'manifests' | 'cluster' | 'demo';
  /** What the user pointed netmap at: manifest paths, a context name, … */
  description: string;
  /** Whether every readable resource has been listed once. */
  synced: boolean;
  /** Resources that cannot be read, and why (e.g. `{ networkpolicies: "forbidden: …" }`). */
  problems: Record<string, string>;
  /** The CNI the cluster runs, from its DaemonSets, and whether it enforces NetworkPolicy. */
  cni: Cni;
}

/** A source of Kubernetes objects, evaluated: what the HTTP routes read. */
export interface EvaluationSource {
  /** The current evaluation; undefined until the first load or sync completes. */
  readonly evaluation: Evaluation | undefined;
  readonly status: SourceStatus;
}
