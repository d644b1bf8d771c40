import { watch, type FSWatcher } from 'node:fs';
import type { KubeObject } from '@netmap/model';
import { loadManifests, ManifestError } from '../manifests/index.ts';
import type { ObjectSource, SourceEvent } from './object-source.ts';

/**
 * Manifests on disk: every object they hold, then `synced`. With `watch`, the files are read
 * again when they change, and what changed is emitted (a file that no longer parses is reported,
 * and the last good reading stays).
 */
export class ManifestsSource implements ObjectSource {
  readonly kind = 'manifests';
  readonly description: string;
  /** Objects of kinds netmap does not read, by kind, once started. */
  skipped: Record<string, number> = {};
  private current = new Map<string, KubeObject>();
  private watchers: FSWatcher[] = [];
  private reloadTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly paths: readonly string[],
    private readonly options: { watch?: boolean; debounceMs?: number } = {},
  ) {
    this.description = paths.join(', ');
  }

  /** Reads the files; a bad file rejects with a ManifestError naming it and its line. */
  async start(emit: (event: SourceEvent) => void): Promise<void> {
    this.current = await this.read();
    for (const object of this.current.values()) emit({ type: 'upsert', object });
    emit({ type: 'synced' });
    if (!this.options.watch) return;
    const onChange = () => {
      clearTimeout(this.reloadTimer);
      this.reloadTimer = setTimeout(() => void this.reload(emit), this.options.debounceMs ?? 200);
    };
    this.watchers = this.paths.map((path) => watch(path, { recursive: true }, onChange));
  }

  async stop(): Promise<void> {
    clearTimeout(this.reloadTimer);
    for (const watcher of this.watchers) watcher.close();
    this.watchers = [];
  }

  private async read(): Promise<Map<string, KubeObject>> {
    const load = await loadManifests(this.paths);
    this.skipped = load.skipped;
    return new Map(load.objects.map(({ object }) => [keyOf(object), object]));
  }

  private async reload(emit: (event: SourceEvent) => void): Promise<void> {
    let next: Map<string, KubeObject>;
    try {
      next = await this.read();
    } catch (error) {
      if (!(error instanceof ManifestError)) throw error;
      emit({
        type: 'problem',
        resource: 'manifests',
        message: `${error.message} (the last good reading stays)`,
      });
      return;
    }
    for (const [key, object] of this.current) if (!next.has(key)) emit({ type: 'delete', object });
    for (const [key, object] of next) {
      const before = this.current.get(key);
      if (!before || JSON.stringify(before) !== JSON.stringify(object)) emit({ type: 'upsert', object });
    }
    this.current = next;
  }
}

function keyOf(object: KubeObject): string {
  return `${object.kind}/${object.metadata?.namespace ?? 'default'}/${object.metadata?.name ?? ''}`;
}
