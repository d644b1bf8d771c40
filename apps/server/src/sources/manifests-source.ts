import { loadManifests } from '../manifests/index.ts';
import type { ObjectSource, SourceEvent } from './object-source.ts';

/** Manifests on disk: every object they hold, then `synced`. */
export class ManifestsSource implements ObjectSource {
  readonly kind = 'manifests';
  readonly description: string;
  /** Objects of kinds netmap does not read, by kind, once started. */
  skipped: Record<string, number> = {};

  constructor(private readonly paths: readonly string[]) {
    this.description = paths.join(', ');
  }

  /** Reads the files; a bad file rejects with a ManifestError naming it and its line. */
  async start(emit: (event: SourceEvent) => void): Promise<void> {
    const load = await loadManifests(this.paths);
    this.skipped = load.skipped;
    for (const loaded of load.objects) emit({ type: 'upsert', object: loaded.object });
    emit({ type: 'synced' });
  }

  async stop(): Promise<void> {}
}
