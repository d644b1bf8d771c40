import type { FlowLevel, Service } from '@netmap/model';
import type { ClassChanges } from './class-changes.ts';
import { connectionPorts } from './connection-ports.ts';
import type { Evaluation } from './evaluation.ts';
import { emptyUnion, FlowPairs, type PortUnion } from './flow-pairs.ts';
import { ingressControllerPods } from './ingress-controllers.ts';
import { routeServicePort, type IngressRoute } from './ingress-routes.ts';
import type { PodFacts } from './pod-facts.ts';
import type { PodClass } from './pod-classes.ts';
import { PortSet } from './port-set.ts';
import type { Party } from './rule-match.ts';
import { readService, serviceBackends } from './services.ts';

/** How flows name the ingress controller (as `addIngressControllerFlows` does). */
export const INGRESS_CONTROLLER = '{ingress-controller}';

/** What changed since the last update, as the controller's flows depend on it. */
export interface ControllerChanges {
  classes: ClassChanges;
  /** Namespaces where any object changed (`all` at first). */
  touched: 'all' | ReadonlySet<string>;
  /** Pods that look like an ingress controller's, or IngressClasses, changed. */
  areControllersStale: boolean;
}

/**
 * Flows from the ingress controller to the workloads Ingresses route to (the same flows as
 * `addIngressControllerFlows`), kept per namespace of the routes: found again for the namespaces
 * whose objects, classes or backends' namespaces changed, and for all when the controller's pods
 * change. The controller's pods are looked up once per IngressClass name, not once per route.
 */
export class ControllerPairFlows {
  readonly pairs = new FlowPairs();
  /** Per namespace of routes: ports per destination workload, and the namespaces of the backends. */
  private readonly byNamespace = new Map<string, { flows: Map<string, PortUnion>; backends: Set<string> }>();
  private controllers: Map<string, PodFacts[]> | undefined;

  constructor(private readonly level: FlowLevel) {}

  update(evaluation: Evaluation, changes: ControllerChanges, allRoutes: readonly IngressRoute[]): void {
    const routes = new Map<string, IngressRoute[]>();
    for (const route of allRoutes) {
      const list = routes.get(route.namespace);
      if (list) list.push(route);
      else routes.set(route.namespace, [route]);
    }
    const changed = new Set([
      ...(changes.touched === 'all' ? [] : changes.touched),
      ...changes.classes.namespaces,
    ]);
    let isAll =
      changes.touched === 'all' || changes.classes.isAll || changes.areControllersStale || !this.controllers;
    if (isAll) this.controllers = new Map();
    else isAll = this.controllerNamespaces(evaluation).some((namespace) => changed.has(namespace));
    const stale = [...new Set([...routes.keys(), ...this.byNamespace.keys()])].filter((namespace) => {
      const before = this.byNamespace.get(namespace);
      return isAll || !before || changed.has(namespace) || [...before.backends].some((n) => changed.has(n));
    });
    const workloads = new Set<string>();
    for (const namespace of stale) {
      for (const workload of this.byNamespace.get(namespace)?.flows.keys() ?? []) workloads.add(workload);
      const found = this.flowsOf(evaluation, routes.get(namespace) ?? []);
      if (found.flows.size > 0) this.byNamespace.set(namespace, found);
      else this.byNamespace.delete(namespace);
      for (const workload of found.flows.keys()) workloads.add(workload);
    }
    this.refresh(workloads);
  }

  /** Ports per destination workload of the controller's flows, one entry per namespace of routes. */
  workloadFlows(): Map<string, PortUnion> {
    const result = new Map<string, PortUnion>();
    for (const { flows } of this.byNamespace.values()) {
      for (const [workload, ports] of flows) {
        const union = result.get(workload) ?? emptyUnion();
        result.set(workload, {
          allowed: union.allowed.union(ports.allowed),
          unknown: union.unknown.union(ports.unknown),
        });
      }
    }
    return result;
  }

  /** Sets the pairs of the level for workloads whose flows may have changed. */
  private refresh(workloads: ReadonlySet<string>): void {
    if (workloads.size === 0) return;
    const all = this.workloadFlows();
    const ends = new Set([...workloads].map((workload) => this.endOf(workload)));
    for (const end of ends) this.pairs.set(INGRESS_CONTROLLER, end, undefined);
    for (const [workload, union] of all)
      if (ends.has(this.endOf(workload))) this.pairs.add(INGRESS_CONTROLLER, this.endOf(workload), union);
  }

  private flowsOf(evaluation: Evaluation, routes: readonly IngressRoute[]) {
    const { state, context } = evaluation;
    const flows = new Map<string, PortUnion>();
    const backends = new Set<string>();
    for (const route of routes) {
      const object = state.stored.get(`Service ${route.namespace}/${route.service}`);
      if (!object) continue;
      const service = readService(object as Service, route.namespace);
      const servicePort = routeServicePort(service, route);
      if (!servicePort) continue;
      const senders = this.sendersFor(evaluation, route);
      for (const backend of serviceBackends(state, service, servicePort)) {
        backends.add(backend.pod.namespace);
        const podClass = state.classes.classOf(backend.pod);
        if (!podClass) continue;
        const only = PortSet.of(servicePort.protocol, backend.port);
        const union = flows.get(backend.pod.workload) ?? emptyUnion();
        for (const sender of senders) {
          const ports = connectionPorts(sender, { kind: 'pod', podClass }, context);
          union.allowed = union.allowed.union(ports.allowed.intersect(only));
          union.unknown = union.unknown.union(ports.unknown.intersect(only));
        }
        if (!union.allowed.isEmpty() || !union.unknown.isEmpty()) flows.set(backend.pod.workload, union);
      }
    }
    return { flows, backends };
  }

  /** The controller's pods as parties (one per class), or a pod nothing is known of when there are none. */
  private sendersFor(evaluation: Evaluation, route: IngressRoute): Party[] {
    const name = route.ingressClassName ?? '';
    let pods = this.controllers!.get(name);
    if (!pods) {
      pods = ingressControllerPods(evaluation.state, route, evaluation.options.ingressControllerLabels);
      this.controllers!.set(name, pods);
    }
    const classes = new Set<PodClass>();
    for (const pod of pods) {
      const podClass = evaluation.state.classes.classOf(pod);
      if (podClass) classes.add(podClass);
    }
    if (classes.size === 0) return [{ kind: 'unresolved-pod' }];
    return [...classes].map((podClass) => ({ kind: 'pod', podClass }));
  }

  private controllerNamespaces(evaluation: Evaluation): string[] {
    const namespaces = new Set<string>();
    for (const pods of this.controllers?.values() ?? [])
      for (const pod of pods) if (evaluation.state.classes.classOf(pod)) namespaces.add(pod.namespace);
    return [...namespaces];
  }

  private endOf(workload: string): string {
    return this.level === 'namespace' ? workload.slice(0, workload.indexOf('/')) : workload;
  }
}
