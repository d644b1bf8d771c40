import type { EndpointSlice, KubeObject, Pod } from '@netmap/model';
import { hasManagedEndpoints, isReadyPod, selectsPod } from './endpoint-slices.ts';

const podKey = (pod: KubeObject) => `${pod.metadata?.name ?? ''} ${(pod as Pod).status?.podIP ?? ''}`;

/**
 * What is inconsistent between a cluster's Services, EndpointSlices and pods: for every Service
 * with a selector, its slices' ready endpoints must be exactly the ready pods it selects.
 * An empty list means consistent; tests and the demo's own checks read it.
 */
export function findEndpointMismatches(objects: readonly KubeObject[]): string[] {
  const pods = objects.filter((o) => o.kind === 'Pod');
  const slices = objects.filter((o): o is EndpointSlice => o.kind === 'EndpointSlice');
  const problems: string[] = [];
  for (const service of objects.filter((o) => o.kind === 'Service' && hasManagedEndpoints(o))) {
    const { namespace, name } = service.metadata ?? {};
    const expected = pods
      .filter((pod) => selectsPod(service, pod) && isReadyPod(pod))
      .map(podKey)
      .sort();
    const actual = slices
      .filter(
        (s) =>
          s.metadata?.namespace === namespace && s.metadata?.labels?.['kubernetes.io/service-name'] === name,
      )
      .flatMap((s) => s.endpoints ?? [])
      .filter((e) => e.conditions?.ready)
      .map((e) => `${e.targetRef?.name ?? ''} ${e.addresses?.[0] ?? ''}`)
      .sort();
    if (JSON.stringify(expected) !== JSON.stringify(actual)) {
      problems.push(
        `Service ${namespace ?? ''}/${name ?? ''}: pods [${expected.join(', ')}], endpoints [${actual.join(', ')}]`,
      );
    }
  }
  return problems;
}
