import type { Finding, KubeObject, Protocol } from '@netmap/model';
import { collectFindings } from './findings.ts';
import { checkConnection, type CheckResult, type CheckScope } from './check-connection.ts';
import { ClusterState, type ObjectChange } from './cluster-state.ts';
import { connectionPorts, type PortVerdicts } from './connection-ports.ts';
import { QueryError, resolvePods, type EndpointSpec } from './endpoints.ts';
import type { Labels } from './label-selector.ts';
import type { PodClass } from './pod-classes.ts';
import type { PodFacts } from './pod-facts.ts';
import { PortSet } from './port-set.ts';
import { compareText } from './compare-text.ts';
import type { MatchContext } from './rule-match.ts';
import { addExternalFlows } from './external-flows.ts';
import { FlowTable, type WorkloadFlow } from './flow-table.ts';
import { addIngressControllerFlows } from './ingress-controller-flows.ts';
import type { Visibility } from './visibility.ts';
import { addWorkloadFlows } from './workload-flows.ts';

/** How the engine reads facts that the NetworkPolicy spec leaves to the CNI. */
export interface EngineOptions {
  /** Whether ipBlocks match pod IPs (default true, as the upstream e2e suite and most CNIs; false for e.g. Cilium). */
  ipBlockMatchesPods?: boolean;
  /** Labels that find ingress controller pods, instead of the well-known labels of each IngressClass controller. */
  ingressControllerLabels?: Labels[];
}

/** Which pods each pod can reach on one port/protocol (itself included). */
export interface Matrix {
  port: number;
  protocol: Protocol;
  pods: string[];
  allowed: Record<string, string[]>;
  /** Pairs whose verdict depends on a fact that is not known; absent when there are none. */
  unknown?: Record<string, string[]>;
}

/** One pod that can reach (or be reached by) the pod asked about, and on which ports. */
export interface Reach {
  pod: string;
  workload: string;
  /** `"all"` or `["TCP 80", …]`. */
  ports: 'all' | string[];
  unknownPorts: string[];
}

/** Evaluates a cluster's objects; answers reachability queries; follows changes incrementally. */
export function evaluateCluster(objects: readonly KubeObject[], options: EngineOptions = {}): Evaluation {
  return new Evaluation(new ClusterState(objects), options);
}

/** The evaluated cluster. Queries compute on pod classes and never change the state. */
export class Evaluation {
  readonly context: MatchContext;
  private flowCache: { revision: string; flows: WorkloadFlow[]; unknown: WorkloadFlow[] } | undefined;

  constructor(
    readonly state: ClusterState,
    /** How facts the spec leaves to the CNI are read (topology derivation follows them too). */
    readonly options: EngineOptions = {},
  ) {
    this.context = { namespaces: state.namespaces, ipBlockMatchesPods: options.ipBlockMatchesPods ?? true };
  }

  /**
   * Records what the source could read; later queries answer unknown where they depend on what it
   * could not. Returns the namespaces whose every flow may have changed.
   */
  setVisibility(visibility: Visibility): string[] {
    return this.state.setVisibility(visibility);
  }

  /** Applies one object change; later queries see it. */
  apply(change: ObjectChange): void {
    this.state.apply(change);
  }

  /** Ports `source` can open to `destination` (loopback allows everything). */
  portsBetween(source: PodFacts, destination: PodFacts): PortVerdicts {
    return this.classPorts(this.classOf(source), this.classOf(destination), source === destination);
  }

  /** Can `from` reach `to` on `port`/`protocol`, through Services and Ingresses? Explained per distinct pair of pod classes. */
  can(from: EndpointSpec, to: EndpointSpec, port: number, protocol: Protocol): CheckResult {
    const scope: CheckScope = { state: this.state, context: this.context };
    if (this.options.ingressControllerLabels)
      scope.ingressControllerLabels = this.options.ingressControllerLabels;
    return checkConnection(scope, from, to, port, protocol);
  }

  /** Every active pod, and the pods it can reach on `port`/`protocol`. */
  matrix(port: number, protocol: Protocol): Matrix {
    const pods = [...this.state.pods.values()]
      .filter((p) => p.isActive)
      .sort((a, b) => compareText(a.ref, b.ref));
    const allowed: Record<string, string[]> = {};
    const unknown: Record<string, string[]> = {};
    const cache = new Map<string, PortVerdicts>();
    for (const source of pods) {
      allowed[source.ref] = [];
      for (const destination of pods) {
        const isSelf = source === destination;
        const key = `${this.classOf(source).id}>${this.classOf(destination).id}`;
        let ports = isSelf ? undefined : cache.get(key);
        if (!ports) {
          ports = this.portsBetween(source, destination);
          if (!isSelf) cache.set(key, ports);
        }
        if (ports.allowed.has(protocol, port)) allowed[source.ref]!.push(destination.ref);
        else if (ports.unknown.has(protocol, port)) (unknown[source.ref] ??= []).push(destination.ref);
      }
    }
    const result: Matrix = { port, protocol, pods: pods.map((p) => p.ref), allowed };
    if (Object.keys(unknown).length > 0) result.unknown = unknown;
    return result;
  }

  /** Active pods that can open a connection to `target` (on `port`/`protocol` when given). */
  whoCanReach(target: EndpointSpec, filter?: { port: number; protocol: Protocol }): Reach[] {
    const targets = this.podsOf(target);
    return this.reach(targets, 'in', filter);
  }

  /** Active pods that `source` can open a connection to (on `port`/`protocol` when given). */
  reachableFrom(source: EndpointSpec, filter?: { port: number; protocol: Protocol }): Reach[] {
    const sources = this.podsOf(source);
    return this.reach(sources, 'out', filter);
  }

  /** What a review should look at: exposure, unprotected pods, dead or broken parts, invalid objects. */
  findings(): Finding[] {
    return collectFindings(this.state, this.options);
  }

  /**
   * Allowed connections between distinct workloads, ports merged per protocol; also to and from
   * pieces of the outside (`first-last[External]`) and from the ingress controller.
   */
  flows(): { flows: WorkloadFlow[]; unknown: WorkloadFlow[] } {
    // Flows between workloads and the outside change only with classes, policies or namespaces:
    // a pod rolled or scaled within its class keeps them, and the cache saves a quadratic pass.
    if (this.flowCache?.revision !== this.state.flowRevision) {
      const table = new FlowTable();
      addWorkloadFlows(table, this.state.classes, this.context, (source, destination) =>
        this.classPorts(source, destination, false),
      );
      addExternalFlows(table, this.state, [...this.state.classes.all()], this.context);
      this.flowCache = { revision: this.state.flowRevision, ...table.result() };
    }
    // Flows from the ingress controller follow Services and pod readiness too: always fresh.
    const controller = new FlowTable();
    addIngressControllerFlows(controller, this.state, this.context, this.options.ingressControllerLabels);
    const fromController = controller.result();
    return {
      flows: [...this.flowCache.flows, ...fromController.flows],
      unknown: [...this.flowCache.unknown, ...fromController.unknown],
    };
  }

  /** What each active pod can open to the anchors ('in') or the anchors to it ('out'), computed once per class. */
  private reach(
    anchors: PodFacts[],
    direction: 'in' | 'out',
    filter: { port: number; protocol: Protocol } | undefined,
  ): Reach[] {
    const anchorClasses = new Set(anchors.map((anchor) => this.classOf(anchor)));
    const result: Reach[] = [];
    for (const podClass of this.state.classes.all()) {
      let allowed = PortSet.EMPTY;
      let unknown = PortSet.EMPTY;
      for (const anchorClass of anchorClasses) {
        const ports =
          direction === 'in'
            ? this.classPorts(podClass, anchorClass, false)
            : this.classPorts(anchorClass, podClass, false);
        allowed = allowed.union(ports.allowed);
        unknown = unknown.union(ports.unknown);
      }
      for (const pod of podClass.members) {
        // A pod can always reach itself.
        const own = anchors.includes(pod) ? PortSet.ALL : allowed;
        const rest = unknown.subtract(own);
        if (filter && !own.has(filter.protocol, filter.port) && !rest.has(filter.protocol, filter.port))
          continue;
        if (own.isEmpty() && rest.isEmpty()) continue;
        result.push({
          pod: pod.ref,
          workload: pod.workload,
          ports: own.isAll() ? 'all' : own.toStrings(),
          unknownPorts: rest.toStrings(),
        });
      }
    }
    return result.sort((a, b) => compareText(a.pod, b.pod));
  }

  private podsOf(spec: EndpointSpec): PodFacts[] {
    const pods = resolvePods(this.state, spec);
    if (pods.length === 0) throw new QueryError(`no active pod for ${JSON.stringify(spec)}`);
    return pods;
  }

  private classOf(pod: PodFacts): PodClass {
    const podClass = this.state.classes.classOf(pod);
    if (!podClass) throw new QueryError(`pod ${pod.ref} takes part in no flow`);
    return podClass;
  }

  private classPorts(source: PodClass, destination: PodClass, isLoopback: boolean): PortVerdicts {
    // A pod can always reach itself.
    if (isLoopback) return { allowed: PortSet.ALL, unknown: PortSet.EMPTY };
    return connectionPorts(
      { kind: 'pod', podClass: source },
      { kind: 'pod', podClass: destination },
      this.context,
    );
  }
}
