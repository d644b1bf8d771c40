import type { Evaluation } from '@netmap/engine';

/** Where the evaluated model comes from, and how that is going. */
export interface SourceStatus {
  /** `manifests`, `cluster` or `demo`. */
  kind: 'manifests' | 'cluster' | 'demo';
  /** What the user pointed netmap at: manifest paths, a context name, … */
  description: string;
  /** Counts of objects netmap does not read, by kind. */
  skipped: Record<string, number>;
  /** Problems reading the source, newest last. */
  errors: string[];
}

/** A source of Kubernetes objects, evaluated: what the HTTP routes read. */
export interface EvaluationSource {
  /** The current evaluation; undefined until the first load or sync completes. */
  readonly evaluation: Evaluation | undefined;
  readonly status: SourceStatus;
}
