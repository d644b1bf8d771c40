import { performance } from 'node:perf_hooks';
import type { ModelHub } from '../hub/model-hub.ts';
import type { SourceEvent } from '../sources/object-source.ts';
import type { NetmapMetrics } from './netmap-metrics.ts';

/**
 * The hub's `receive`, timed and counted: the first `synced` event evaluates the whole source,
 * later events update the evaluation. Also counts the patches the hub publishes.
 */
export function meterHub(hub: ModelHub, metrics: NetmapMetrics): (event: SourceEvent) => void {
  metrics.watchModel({
    version: () => hub.topology?.version,
    isSynced: () => hub.status.synced,
    problems: () => Object.keys(hub.status.problems).length,
  });
  hub.subscribe(() => metrics.patchPublished());
  return (event) => {
    metrics.sourceEvent(event.type);
    const wasEvaluated = hub.evaluation !== undefined;
    const start = performance.now();
    hub.receive(event);
    const seconds = (performance.now() - start) / 1000;
    if (wasEvaluated) metrics.evaluated(seconds, false);
    else if (hub.evaluation !== undefined) metrics.evaluated(seconds, true);
  };
}
