import { evaluateCluster, type EngineOptions, type Evaluation } from '@netmap/engine';
import type { EvaluationSource, SourceStatus } from './evaluation-source.ts';
import { loadManifests } from './manifests/index.ts';

/** Manifests on disk, read and evaluated once. */
export class ManifestsSource implements EvaluationSource {
  evaluation: Evaluation | undefined;
  readonly status: SourceStatus;

  private constructor(paths: readonly string[]) {
    this.status = { kind: 'manifests', description: paths.join(', '), skipped: {}, errors: [] };
  }

  /** Reads and evaluates the manifests; a bad file throws a ManifestError naming it. */
  static async load(paths: readonly string[], options: EngineOptions = {}): Promise<ManifestsSource> {
    const source = new ManifestsSource(paths);
    const load = await loadManifests(paths);
    source.status.skipped = load.skipped;
    source.evaluation = evaluateCluster(
      load.objects.map((loaded) => loaded.object),
      options,
    );
    return source;
  }
}
