import { evaluateCluster, type Evaluation } from '@netmap/engine';
import type { KubeObject } from '@netmap/model';
import { findChangeTargets } from './change-targets.ts';
import { generateCluster } from './generate-cluster.ts';
import { measureChanges, type ChangeTimings } from './incremental-changes.ts';
import { medianTime, peakRssMb, settledHeapMb, timeOnce } from './measure.ts';

/** One benchmark case: a cluster size and how many times to repeat each measurement. */
export interface SizeConfig {
  pods: number;
  policies: number;
  seed: number;
  /** Runs of JSON.parse, full evaluation and who-can-reach. */
  fullRuns: number;
  /** Runs of each incremental change. */
  changeRuns: number;
}

/** Medians of one benchmark case. */
export interface SizeResult extends ChangeTimings {
  pods: number;
  policies: number;
  objects: number;
  classes: number;
  generateMs: number;
  jsonMb: number;
  parseMs: number;
  evaluateMs: number;
  whoCanReachMs: number;
  /** Pods the who-can-reach answer lists. */
  whoCanReachPods: number;
  /** Heap the generated objects take, as an informer cache would hold them. */
  objectsHeapMb: number;
  /** Heap an Evaluation keeps, beyond the objects it was built from. */
  evaluationHeapMb: number;
  /** Peak RSS of the process up to and including the evaluation measurements (objects included). */
  peakRssMb: number;
}

/**
 * Generates the cluster, then measures in order: full evaluation, incremental changes, who-can-reach
 * and peak RSS; the JSON baseline comes last so that its strings do not count towards the peak.
 */
export function measureSize(config: SizeConfig): SizeResult {
  let objects: KubeObject[] = [];
  const generateMs = timeOnce(() => (objects = generateCluster(config)));
  const heapBefore = settledHeapMb();
  let evaluation: Evaluation | undefined;
  const evaluateMs = medianTime(
    config.fullRuns,
    () => (evaluation = evaluateCluster(objects)),
    () => (evaluation = undefined),
  );
  if (!evaluation) throw new Error('no evaluation');
  const evaluationHeapMb = settledHeapMb() - heapBefore;
  // Counted before the changes, which may split classes.
  const classes = evaluation.state.classes.size;
  const targets = findChangeTargets(objects);
  const changes = measureChanges(evaluation, targets, config.changeRuns);
  const target = {
    kind: 'pod' as const,
    ref: `${targets.pod.metadata?.namespace}/${targets.pod.metadata?.name}`,
  };
  let whoCanReachPods = 0;
  const whoCanReachMs = medianTime(
    config.fullRuns,
    () => (whoCanReachPods = evaluation!.whoCanReach(target).length),
  );
  const peak = peakRssMb();
  evaluation = undefined;
  const json = JSON.stringify(objects);
  const parseMs = medianTime(config.fullRuns, () => JSON.parse(json));
  return {
    pods: config.pods,
    policies: config.policies,
    objects: objects.length,
    classes,
    generateMs,
    jsonMb: json.length / 2 ** 20,
    parseMs,
    evaluateMs,
    ...changes,
    whoCanReachMs,
    whoCanReachPods,
    objectsHeapMb: heapBefore,
    evaluationHeapMb,
    peakRssMb: peak,
  };
}
