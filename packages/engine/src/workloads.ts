import type { PodTemplateSpec, Workload } from '@netmap/model';
import { controllerOf, readPorts, stringLabels, type PodFacts } from './pod-facts.ts';

/** Kinds that own pods. */
export const WORKLOAD_KINDS: ReadonlySet<string> = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'CronJob',
]);

interface WorkloadEntry {
  kind: string;
  name: string;
  namespace: string;
  owner?: { kind: string; name: string };
  template?: PodTemplateSpec;
}

/** `namespace/name[Kind]`, the form flows name workloads by. */
function workloadRef(namespace: string, name: string, kind: string): string {
  return `${namespace}/${name}[${kind}]`;
}

/** The workload objects of a cluster, to find each pod's top owner (ReplicaSet → Deployment, Job → CronJob). */
export class WorkloadIndex {
  private readonly entries = new Map<string, WorkloadEntry>();
  /** Memo of top owners by a pod's namespace, owner kind and owner name; cleared when any workload changes. */
  private readonly topOwners = new Map<string, Map<string, Map<string, string>>>();

  set(object: Workload, namespace: string): void {
    const kind = object.kind ?? '';
    const name = object.metadata?.name ?? '';
    const controller = controllerOf(object.metadata?.ownerReferences);
    const entry: WorkloadEntry = { kind, name, namespace };
    if (controller?.kind && controller.name) entry.owner = { kind: controller.kind, name: controller.name };
    const template = kind === 'CronJob' ? object.spec?.jobTemplate?.spec?.template : object.spec?.template;
    if (template) entry.template = template;
    this.entries.set(workloadRef(namespace, name, kind), entry);
    this.topOwners.clear();
  }

  delete(namespace: string, name: string, kind: string): void {
    this.entries.delete(workloadRef(namespace, name, kind));
    this.topOwners.clear();
  }

  /** The top owner of a pod, following owners as far as the known objects go. */
  topOwnerOf(pod: Pick<PodFacts, 'namespace' | 'name' | 'owner'>): string {
    // Mirror pods of static manifests are owned by their Node, which is no workload.
    if (!pod.owner || !WORKLOAD_KINDS.has(pod.owner.kind)) return workloadRef(pod.namespace, pod.name, 'Pod');
    // Memoized by namespace, kind and name without building a key: this runs for every pod.
    let byKind = this.topOwners.get(pod.namespace);
    if (!byKind) this.topOwners.set(pod.namespace, (byKind = new Map()));
    let byName = byKind.get(pod.owner.kind);
    if (!byName) byKind.set(pod.owner.kind, (byName = new Map()));
    let top = byName.get(pod.owner.name);
    if (top === undefined) {
      let current = workloadRef(pod.namespace, pod.owner.name, pod.owner.kind);
      for (let hops = 0; hops < 8; hops++) {
        const owner = this.entries.get(current)?.owner;
        if (!owner || !WORKLOAD_KINDS.has(owner.kind)) break;
        current = workloadRef(pod.namespace, owner.name, owner.kind);
      }
      byName.set(pod.owner.name, (top = current));
    }
    return top;
  }

  /** Refs of every workload (of a namespace, when given). */
  refs(namespace?: string): string[] {
    const all = [...this.entries.entries()];
    return all
      .filter(([, entry]) => namespace === undefined || entry.namespace === namespace)
      .map(([ref]) => ref);
  }

  /**
   * A pod built from the template of a top-level workload, to stand for the pods it will create
   * while it has none, so that manifests from a GitOps repo (workloads, no pods) can be analysed.
   */
  representativeOf(ref: string): PodFacts | undefined {
    const entry = this.entries.get(ref);
    if (!entry?.template) return undefined;
    const isOwnedByKnown =
      entry.owner && this.entries.has(workloadRef(entry.namespace, entry.owner.name, entry.owner.kind));
    return isOwnedByKnown ? undefined : podFromTemplate(entry, ref);
  }
}

function podFromTemplate(entry: WorkloadEntry, ref: string): PodFacts {
  const spec = entry.template?.spec;
  const { ports, problems } = readPorts(spec);
  return {
    ref,
    namespace: entry.namespace,
    name: entry.name,
    labels: stringLabels(entry.template?.metadata?.labels),
    ips: [],
    ports,
    problems,
    hostNetwork: spec?.hostNetwork === true,
    isActive: true,
    isReady: true,
    representative: true,
    workload: ref,
    owner: { kind: entry.kind, name: entry.name },
  };
}
