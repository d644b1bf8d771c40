import type { ServerResponse } from 'node:http';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { StreamObserver } from '../routes/stream.ts';
import type { WatchObserver } from '../sources/cluster-source.ts';

/** What the source and the model look like at scrape time. */
export interface ModelProbe {
  version(): number | undefined;
  isSynced(): boolean;
  problems(): number;
}

/**
 * netmap's Prometheus metrics, in a registry of their own (so several apps in one process, as in
 * tests, do not collide): the stream's clients and lag, the source's watches and events, and how
 * long evaluation takes.
 */
export class NetmapMetrics implements StreamObserver, WatchObserver {
  readonly registry = new Registry();
  private readonly streams = new Set<ServerResponse>();
  private probe: ModelProbe | undefined;

  private readonly clientsRefused = this.counter(
    'netmap_stream_clients_refused_total',
    'Stream connections refused at the client limit.',
  );
  private readonly clientsDropped = this.counter(
    'netmap_stream_clients_dropped_total',
    'Stream clients dropped for falling behind.',
  );
  private readonly patches = this.counter('netmap_model_patches_total', 'Patches published to the stream.');
  private readonly sourceEvents = this.counter(
    'netmap_source_events_total',
    'Events from the source, by type.',
    ['type'],
  );
  private readonly watchRestarts = this.counter(
    'netmap_watch_restarts_total',
    'Watches restarted after a failure, by resource (and namespace).',
    ['scope'],
  );
  private readonly watchLists = this.counter(
    'netmap_watch_lists_total',
    'Full lists (initial syncs and resyncs), by resource (and namespace).',
    ['scope'],
  );
  private readonly initialEvaluation = new Gauge({
    name: 'netmap_initial_evaluation_seconds',
    help: 'Time the first evaluation of the whole source took.',
    registers: [this.registry],
  });
  private readonly changeEvaluation = new Histogram({
    name: 'netmap_change_evaluation_seconds',
    help: 'Time to apply one source event to the evaluation, after the first sync.',
    buckets: [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
    registers: [this.registry],
  });

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
    this.gauge('netmap_stream_clients', 'Connected stream clients.', () => this.streams.size);
    this.gauge(
      'netmap_stream_lag_bytes',
      'Bytes written but not yet taken by the furthest-behind stream client.',
      () => Math.max(0, ...[...this.streams].map((response) => response.writableLength)),
    );
    this.gauge(
      'netmap_model_version',
      'Version of the model served (0 before the first sync).',
      () => this.probe?.version() ?? 0,
    );
    this.gauge('netmap_source_synced', '1 once every readable resource has been listed.', () =>
      this.probe?.isSynced() ? 1 : 0,
    );
    this.gauge('netmap_source_problems', 'Resources that cannot be read.', () => this.probe?.problems() ?? 0);
  }

  /** Reads the model's version, sync state and problems at each scrape. */
  watchModel(probe: ModelProbe): void {
    this.probe = probe;
  }

  opened(response: ServerResponse): void {
    this.streams.add(response);
  }
  closed(response: ServerResponse): void {
    this.streams.delete(response);
  }
  refused(): void {
    this.clientsRefused.inc();
  }
  dropped(): void {
    this.clientsDropped.inc();
  }

  patchPublished(): void {
    this.patches.inc();
  }
  sourceEvent(type: string): void {
    this.sourceEvents.inc({ type });
  }
  evaluated(seconds: number, isInitial: boolean): void {
    if (isInitial) this.initialEvaluation.set(seconds);
    else this.changeEvaluation.observe(seconds);
  }
  restarted(scope: string): void {
    this.watchRestarts.inc({ scope });
  }
  listed(scope: string): void {
    this.watchLists.inc({ scope });
  }

  /** The Prometheus text exposition of every metric. */
  async exposition(): Promise<{ contentType: string; text: string }> {
    return { contentType: this.registry.contentType, text: await this.registry.metrics() };
  }

  private counter(name: string, help: string, labelNames: string[] = []): Counter {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  private gauge(name: string, help: string, read: () => number): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.set(read());
      },
    });
  }
}
