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
    for (const pod of ready) {
      const number = targetPortOn(port, pod);
      if (number !== undefined) backends.push({ pod, port: number });
    }
    return backends;
  });
}

/** As `serviceBackends` reads targetPort: a number, a number written as text, or a container port name with the port's protocol. */
function targetPortOn(port: ServicePortFacts, pod: PodFacts): number | undefined {
  if (typeof port.targetPort === 'number') return port.targetPort;
  if (/^[0-9]+$/.test(port.targetPort)) return Number(port.targetPort);
  return pod.ports.find((p) => p.name === port.targetPort && p.protocol === port.protocol)?.port;
}
