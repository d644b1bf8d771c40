import type { Service } from '@netmap/model';
import type { ClusterState } from './cluster-state.ts';
import { connectionPorts } from './connection-ports.ts';
import type { FlowTable } from './flow-table.ts';
import { ingressControllerPods } from './ingress-controllers.ts';
import { routeServicePort } from './ingress-routes.ts';
import type { Labels } from './label-selector.ts';
import { PortSet } from './port-set.ts';
import type { MatchContext, Party } from './rule-match.ts';
import { readService, serviceBackends } from './services.ts';

/** How flows name the ingress controller. */
const INGRESS_CONTROLLER = '{ingress-controller}';

/**
 * Adds a flow from the ingress controller to each workload an Ingress routes to, on the backend
 * port, as far as the controller's egress and the backend's ingress allow it. When the
 * controller's pods are not in the input, what its own policies allow is not known.
 */
export function addIngressControllerFlows(
  table: FlowTable,
  state: ClusterState,
  context: MatchContext,
  controllerLabels?: readonly Labels[],
): void {
  // Finding a class's controller pods reads every pod: once per IngressClass, not once per route.
  const controllersByClass = new Map<string | undefined, Party[]>();
  for (const route of state.ingressRoutes()) {
    const object = state.stored.get(`Service ${route.namespace}/${route.service}`);
    if (!object) continue;
    const service = readService(object as Service, route.namespace);
    const servicePort = routeServicePort(service, route);
    if (!servicePort) continue;
    let controllers = controllersByClass.get(route.ingressClassName);
    if (!controllers) {
      controllers = ingressControllerPods(state, route, controllerLabels).map((pod) => ({
        kind: 'pod',
        podClass: state.classes.classOf(pod)!,
      }));
      controllersByClass.set(route.ingressClassName, controllers);
    }
    const senders: Party[] = controllers.length > 0 ? controllers : [{ kind: 'unresolved-pod' }];
    for (const backend of serviceBackends(state, service, servicePort)) {
      const podClass = state.classes.classOf(backend.pod);
      if (!podClass) continue;
      const only = PortSet.of(servicePort.protocol, backend.port);
      for (const sender of senders) {
        const ports = connectionPorts(sender, { kind: 'pod', podClass }, context);
        table.add(INGRESS_CONTROLLER, backend.pod.workload, {
          allowed: ports.allowed.intersect(only),
          unknown: ports.unknown.intersect(only),
        });
      }
    }
  }
}
