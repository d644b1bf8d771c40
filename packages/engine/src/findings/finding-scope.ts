import type { Service } from '@netmap/model';
import type { ClusterState } from '../cluster-state.ts';
import { connectionPorts, type PortVerdicts } from '../connection-ports.ts';
import type { EngineOptions } from '../evaluation.ts';
import { ingressControllerPods, WELL_KNOWN_CONTROLLER_LABELS } from '../ingress-controllers.ts';
import type { IngressRoute } from '../ingress-routes.ts';
import type { PodClass } from '../pod-classes.ts';
import type { PodFacts } from '../pod-facts.ts';
import type { MatchContext } from '../rule-match.ts';
import { readService, type Backend, type ServiceFacts } from '../services.ts';
import { LabelSetMatcher } from './label-set-matcher.ts';
import { PodIndex } from './pod-index.ts';
import { readyBackends } from './ready-backends.ts';

/** A Service as findings read it: its facts, the object as stored, and its ready backends per port. */
export interface ServiceEntry {
  facts: ServiceFacts;
  object: Service;
  /** A selector with at least one label: its endpoints follow the pods it selects. */
  hasSelector: boolean;
  /** publishNotReadyAddresses: it sends to its pods whether they are ready or not. */
  isPublishingNotReady: boolean;
  /** Ready backends of each of `facts.ports`, in the same order. */
  backends: Backend[][];
}

/**
 * What the finding rules share, each piece computed once per run: the pods by namespace and
 * label, the Services with their backends, the ingress controller's pods, and the ports between
 * pairs of classes.
 */
export class FindingScope {
  readonly context: MatchContext;
  readonly pods: PodIndex;
  private serviceEntries: ServiceEntry[] | undefined;
  private servicesByRef: Map<string, ServiceEntry> | undefined;
  private readonly selected = new Map<ServiceEntry, PodFacts[]>();
  private readonly controllers = new Map<string, PodFacts[]>();
  private readonly controllerMatcher: LabelSetMatcher;
  private readonly ports = new Map<string, PortVerdicts>();

  constructor(
    readonly state: ClusterState,
    readonly options: EngineOptions = {},
  ) {
    this.context = { namespaces: state.namespaces, ipBlockMatchesPods: options.ipBlockMatchesPods ?? true };
    this.pods = new PodIndex(state);
    this.controllerMatcher = new LabelSetMatcher(
      options.ingressControllerLabels ?? Object.values(WELL_KNOWN_CONTROLLER_LABELS).flat(),
    );
  }

  /** Every Service except ExternalName ones, which send to no pod. */
  services(): readonly ServiceEntry[] {
    if (!this.serviceEntries) {
      this.serviceEntries = [];
      for (const object of this.state.stored.values()) {
        if (object.kind !== 'Service') continue;
        const facts = serviceFactsOf(object as Service);
        if (facts.type === 'ExternalName') continue;
        const entry: ServiceEntry = {
          facts,
          object: object as Service,
          hasSelector: Object.keys(facts.selector ?? {}).length > 0,
          isPublishingNotReady:
            (object.spec as { publishNotReadyAddresses?: unknown } | undefined)?.publishNotReadyAddresses ===
            true,
          backends: [],
        };
        entry.backends = readyBackends(this.state, facts, this.selectedPods(entry));
        this.serviceEntries.push(entry);
      }
    }
    return this.serviceEntries;
  }

  /** A Service by `namespace/name` (not an ExternalName one). */
  service(ref: string): ServiceEntry | undefined {
    this.servicesByRef ??= new Map(this.services().map((entry) => [entry.facts.ref, entry]));
    return this.servicesByRef.get(ref);
  }

  /** The pods (of any phase, and stand-ins) a Service's selector selects; none without a selector. */
  selectedPods(entry: ServiceEntry): PodFacts[] {
    let pods = this.selected.get(entry);
    if (!pods) {
      pods = this.pods.withLabels(entry.facts.namespace, entry.facts.selector ?? {});
      this.selected.set(entry, pods);
    }
    return pods;
  }

  /** The pods of the controller that serves a route (none when they are not in the input). */
  controllerPods(route: IngressRoute): PodFacts[] {
    const key = route.ingressClassName ?? '';
    let pods = this.controllers.get(key);
    if (!pods) {
      pods = ingressControllerPods(this.state, route, this.options.ingressControllerLabels);
      this.controllers.set(key, pods);
    }
    return pods;
  }

  /** Whether a pod carries the labels of an ingress controller (of any class). */
  isControllerPod(pod: PodFacts): boolean {
    return this.controllerMatcher.matches(pod.labels);
  }

  /** Ports `source` can open to `destination`, once per pair of classes. */
  classPorts(source: PodClass, destination: PodClass): PortVerdicts {
    const key = `${source.id}>${destination.id}`;
    let ports = this.ports.get(key);
    if (!ports) {
      ports = connectionPorts(
        { kind: 'pod', podClass: source },
        { kind: 'pod', podClass: destination },
        this.context,
      );
      this.ports.set(key, ports);
    }
    return ports;
  }
}

/** Services as read, by object: an object is replaced, not changed, when its Service changes. */
const readServices = new WeakMap<Service, ServiceFacts>();

function serviceFactsOf(object: Service): ServiceFacts {
  let facts = readServices.get(object);
  if (!facts)
    readServices.set(object, (facts = readService(object, object.metadata?.namespace || 'default')));
  return facts;
}
