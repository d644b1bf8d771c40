import type { ClusterState } from '../cluster-state.ts';
import type { PodFacts } from '../pod-facts.ts';
import { serviceBackends, type Backend, type ServiceFacts, type ServicePortFacts } from '../services.ts';

/**
 * The ready backends of each port of a Service, as `serviceBackends` finds them, given the pods
 * its selector selects: from its EndpointSlices when it has some, else from those pods that take
 * part in flows and are ready, with targetPort resolved per pod. Walks the selected pods instead
 * of the namespace once per port.
 */
export function readyBackends(
  state: ClusterState,
  service: ServiceFacts,
  selected: readonly PodFacts[],
): Backend[][] {
  const hasSlices = !state.endpointSlicesOf(service.namespace, service.name)[Symbol.iterator]().next().done;
  if (hasSlices) return service.ports.map((port) => serviceBackends(state, service, port));
  const ready = selected.filter((pod) => pod.isActive && pod.isReady);
  return service.ports.map((port) => {
    const backends: Backend[] = [];
    const number = targetNumber(port);
    for (const pod of ready) {
      const target = number ?? namedPortOn(port, pod);
      if (target !== undefined) backends.push({ pod, port: target });
    }
    return backends;
  });
}

/** As `serviceBackends` reads targetPort: a number, or a number written as text, is the same on every pod. */
function targetNumber(port: ServicePortFacts): number | undefined {
  if (typeof port.targetPort === 'number') return port.targetPort;
  return /^[0-9]+$/.test(port.targetPort) ? Number(port.targetPort) : undefined;
}

/** A targetPort name: the pod's container port of that name and the Service port's protocol. */
function namedPortOn(port: ServicePortFacts, pod: PodFacts): number | undefined {
  for (const p of pod.ports) if (p.name === port.targetPort && p.protocol === port.protocol) return p.port;
  return undefined;
}
