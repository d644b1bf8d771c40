import type { Evaluation } from '@netmap/engine';
import type { SourceStatus } from '@netmap/model';

export type { SourceStatus } from '@netmap/model';

/** A source of Kubernetes objects, evaluated: what the HTTP routes read. */
export interface EvaluationSource {
  /** The current evaluation; undefined until the first load or sync completes. */
  readonly evaluation: Evaluation | undefined;
  readonly status: SourceStatus;
}
