import type {
  KubeObject,
  LabelSelector,
  LabelSelectorRequirement,
  Namespace,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  NetworkPolicySpec,
  Pod,
} from '@netmap/model';
import fc, { type Arbitrary } from 'fast-check';
import type { ObjectChange } from '../cluster-state.ts';

// Small random clusters that the API server would accept, for property tests. Vocabularies are
// tiny on purpose: selectors, ipBlocks and named ports then often hit the pods that exist.

type Labels = Record<string, string>;
type Vocabulary = Record<string, readonly string[]>;

const NAMESPACE_NAMES = ['alpha', 'beta', 'gamma'];
const POD_LABELS: Vocabulary = { app: ['web', 'db', 'api'], tier: ['front', 'back'] };
const NAMESPACE_LABELS: Vocabulary = { team: ['a', 'b'], env: ['prod', 'dev'] };
const NAMESPACE_SELECTOR_LABELS: Vocabulary = {
  ...NAMESPACE_LABELS,
  'kubernetes.io/metadata.name': NAMESPACE_NAMES,
};
const MAX_PODS = 7;
const MAX_POLICIES = 5;
const MAX_OBJECTS = NAMESPACE_NAMES.length + MAX_PODS + MAX_POLICIES;
/** Pod IPs, beside the edges of the ipBlocks below (10.0.0.5/32, 10.0.0.0/25, 10.1.0.2/31, …). */
const IP_POOL = [
  ...[1, 5, 6, 7, 9, 130].map((host) => `10.0.0.${host}`),
  ...[1, 2, 3, 200].map((host) => `10.1.0.${host}`),
];
/** ipBlocks valid per ValidateIPBlock: each `except` a strict subset of `cidr`; host bits may be set. */
const IP_BLOCKS: readonly { cidr: string; except?: string[] }[] = [
  { cidr: '10.0.0.0/24' },
  { cidr: '10.0.0.0/16' },
  { cidr: '0.0.0.0/0' },
  { cidr: '10.0.0.5/32' },
  { cidr: '10.0.0.7/24' },
  { cidr: '10.0.0.0/24', except: ['10.0.0.0/25'] },
  { cidr: '10.0.0.0/24', except: ['10.0.0.5/32', '10.0.0.128/25'] },
  { cidr: '10.0.0.0/16', except: ['10.0.0.0/24'] },
  { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] },
  { cidr: '0.0.0.0/0', except: ['10.1.0.0/24', '10.0.0.7/32'] },
  { cidr: '10.0.0.7/24', except: ['10.0.0.7/32'] },
  { cidr: '10.0.0.7/24', except: ['10.0.0.0/29'] },
  { cidr: '10.1.0.0/24', except: ['10.1.0.2/31'] },
];

/** Container ports: `http` 80 or 8080, `dns` 53/UDP, `metrics` 9090 (maybe in a sidecar container). */
interface PortsChoice {
  http?: number;
  hasDns: boolean;
  hasMetrics: boolean;
  hasSidecar: boolean;
  /** Whether TCP is written out or left to its default. */
  isProtocolExplicit: boolean;
}

/** A pod as indices into the draft's label sets and port sets, so that pods often look alike. */
interface PodChoice {
  labels: number;
  ports: number;
  hostNetwork: boolean;
  /** No status: declared in a manifest, not scheduled yet, so without an IP. */
  hasStatus: boolean;
}

/** A cluster before it becomes objects. */
interface ClusterDraft {
  namespaceCount: number;
  /** Labels of a Namespace object per name; undefined: no Namespace object for it. */
  namespaceLabels: (Labels | undefined)[];
  /** Distinct IPs; pod `i` gets `ips[i]`. */
  ips: string[];
  /** A few label sets and port sets that pods share: alike pods form classes in the engine. */
  labelSets: Labels[];
  portSets: PortsChoice[];
  pods: { namespace: number; choice: PodChoice }[];
  policies: { namespace: number; spec: NetworkPolicySpec }[];
}

function optional<T>(arbitrary: Arbitrary<T>): Arbitrary<T | undefined> {
  return fc.option(arbitrary, { nil: undefined });
}

/** Absent, `[]`, or one to three entries. */
function listOrAbsent<T>(entry: Arbitrary<T>): Arbitrary<T[] | undefined> {
  const some = fc.array(entry, { minLength: 1, maxLength: 3 });
  return fc.oneof(fc.constant(undefined), fc.array(entry, { maxLength: 0 }), some);
}

function labelsArbitrary(vocabulary: Vocabulary): Arbitrary<Labels> {
  const entries = Object.entries(vocabulary).map(([key, values]) =>
    optional(fc.constantFrom(...values)).map((value) => [key, value] as const),
  );
  return fc.tuple(...entries).map((pairs) => withoutUndefined(Object.fromEntries(pairs)) as Labels);
}

function requirementArbitrary(vocabulary: Vocabulary): Arbitrary<LabelSelectorRequirement> {
  const perKey = Object.entries(vocabulary).map(([key, values]) =>
    fc.oneof(
      fc.constantFrom('Exists', 'DoesNotExist').map((operator) => ({ key, operator })),
      // In and NotIn need at least one value; `other` is a value no object carries.
      fc
        .tuple(fc.constantFrom('In', 'NotIn'), fc.subarray([...values, 'other'], { minLength: 1 }))
        .map(([operator, chosen]) => ({ key, operator, values: chosen })),
    ),
  );
  return fc.oneof(...perKey);
}

/** `{}`, matchLabels, matchExpressions, or both. */
function selectorArbitrary(vocabulary: Vocabulary): Arbitrary<LabelSelector> {
  const matchLabels = labelsArbitrary(vocabulary);
  const matchExpressions = fc.array(requirementArbitrary(vocabulary), { minLength: 1, maxLength: 2 });
  return fc.oneof(
    fc.constant({}),
    matchLabels.map((labels) => ({ matchLabels: labels })),
    matchExpressions.map((expressions) => ({ matchExpressions: expressions })),
    fc
      .tuple(matchLabels, matchExpressions)
      .map(([labels, expressions]) => ({ matchLabels: labels, matchExpressions: expressions })),
  );
}

const podSelectorArbitrary = selectorArbitrary(POD_LABELS);
const namespaceSelectorArbitrary = selectorArbitrary(NAMESPACE_SELECTOR_LABELS);

const peerArbitrary: Arbitrary<NetworkPolicyPeer> = fc.oneof(
  podSelectorArbitrary.map((podSelector) => ({ podSelector })),
  namespaceSelectorArbitrary.map((namespaceSelector) => ({ namespaceSelector })),
  fc
    .tuple(podSelectorArbitrary, namespaceSelectorArbitrary)
    .map(([podSelector, namespaceSelector]) => ({ podSelector, namespaceSelector })),
  fc
    .constantFrom(...IP_BLOCKS)
    .map(({ cidr, except }) => ({ ipBlock: except ? { cidr, except: [...except] } : { cidr } })),
);

const protocolArbitrary = fc.constantFrom('TCP', 'UDP', 'SCTP');

const portArbitrary: Arbitrary<NetworkPolicyPort> = fc
  .oneof(
    fc.record({ port: fc.constantFrom(80, 81, 53, 8080), protocol: optional(protocolArbitrary) }),
    fc.record({ port: fc.constantFrom('http', 'dns', 'metrics'), protocol: optional(protocolArbitrary) }),
    fc.constant({}),
    protocolArbitrary.map((protocol) => ({ protocol })),
    optional(protocolArbitrary).map((protocol) => ({ port: 80, endPort: 8080, protocol })),
  )
  .map((entry) => withoutUndefined(entry));

const ruleArbitrary = fc.record({ peers: listOrAbsent(peerArbitrary), ports: listOrAbsent(portArbitrary) });

/** A NetworkPolicySpec: any podSelector, policyTypes absent or set, rules absent, `[]` or a few. */
export const policySpecArbitrary: Arbitrary<NetworkPolicySpec> = fc
  .record({
    podSelector: podSelectorArbitrary,
    policyTypes: fc.constantFrom(undefined, 'Ingress', 'Egress', 'Ingress,Egress'),
    ingress: listOrAbsent(ruleArbitrary),
    egress: listOrAbsent(ruleArbitrary),
  })
  .map(({ podSelector, policyTypes, ingress, egress }) =>
    withoutUndefined({
      podSelector,
      policyTypes: policyTypes?.split(','),
      ingress: ingress?.map(({ peers, ports }) => withoutUndefined({ from: peers, ports })),
      egress: egress?.map(({ peers, ports }) => withoutUndefined({ to: peers, ports })),
    }),
  );

const clusterDraftArbitrary: Arbitrary<ClusterDraft> = fc.record({
  namespaceCount: fc.integer({ min: 2, max: 3 }),
  namespaceLabels: fc.tuple(...NAMESPACE_NAMES.map(() => optional(labelsArbitrary(NAMESPACE_LABELS)))),
  ips: fc.shuffledSubarray(IP_POOL, { minLength: MAX_PODS, maxLength: MAX_PODS }),
  labelSets: fc.array(labelsArbitrary(POD_LABELS), { minLength: 1, maxLength: 3 }),
  portSets: fc.array(
    fc.record({
      http: fc.constantFrom(80, 8080, undefined),
      hasDns: fc.boolean(),
      hasMetrics: fc.boolean(),
      hasSidecar: fc.boolean(),
      isProtocolExplicit: fc.boolean(),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  pods: fc.array(
    fc.record({
      namespace: fc.nat(2),
      choice: fc.record({
        labels: fc.nat(2),
        ports: fc.nat(2),
        hostNetwork: fc.nat(4).map((n) => n === 4),
        hasStatus: fc.boolean().map((isPending) => !isPending),
      }),
    }),
    { minLength: 2, maxLength: MAX_PODS },
  ),
  policies: fc.array(fc.record({ namespace: fc.nat(2), spec: policySpecArbitrary }), {
    maxLength: MAX_POLICIES,
  }),
});

/** A small random valid cluster: 2-3 namespaces, 2-7 pods with distinct IPs, 0-5 NetworkPolicies. */
export const clusterArbitrary: Arbitrary<KubeObject[]> = clusterDraftArbitrary.map((draft) =>
  objectsOf(draft),
);

/**
 * The objects of a draft: Namespaces, Pods, then NetworkPolicies. With `content`, the same objects
 * (same kind, namespace, name and IP) revised: their labels, ports, status and spec come from `content`.
 */
function objectsOf(draft: ClusterDraft, content = draft): KubeObject[] {
  const used = NAMESPACE_NAMES.slice(0, draft.namespaceCount);
  const namespaceOf = (index: number) => used[index % used.length]!;
  return [
    ...used.flatMap((name, i) => {
      const labels = draft.namespaceLabels[i];
      return labels ? [buildNamespace(name, content.namespaceLabels[i] ?? labels)] : [];
    }),
    ...draft.pods.map((pod, i) => {
      const choice = content.pods[i]?.choice ?? pod.choice;
      return buildPod(namespaceOf(pod.namespace), `pod-${i}`, draft.ips[i]!, content, choice);
    }),
    ...draft.policies.map((policy, i) =>
      buildPolicy(namespaceOf(policy.namespace), `policy-${i}`, content.policies[i]?.spec ?? policy.spec),
    ),
  ];
}

function buildNamespace(name: string, labels: Labels): Namespace {
  // The API server sets kubernetes.io/metadata.name on every namespace.
  const metadata = { name, labels: { ...labels, 'kubernetes.io/metadata.name': name } };
  return { apiVersion: 'v1', kind: 'Namespace', metadata };
}

/** A Pod; container port names are unique within it, as the API server requires. */
function buildPod(namespace: string, name: string, ip: string, draft: ClusterDraft, choice: PodChoice): Pod {
  const labels = draft.labelSets[choice.labels % draft.labelSets.length]!;
  const ports = draft.portSets[choice.ports % draft.portSets.length]!;
  const tcp = ports.isProtocolExplicit ? { protocol: 'TCP' } : {};
  const main = [
    ...(ports.http === undefined ? [] : [{ name: 'http', containerPort: ports.http, ...tcp }]),
    ...(ports.hasDns ? [{ name: 'dns', containerPort: 53, protocol: 'UDP' }] : []),
  ];
  const metrics = ports.hasMetrics ? [{ name: 'metrics', containerPort: 9090, ...tcp }] : [];
  const containers = ports.hasSidecar
    ? [
        { name: 'main', ports: main },
        { name: 'sidecar', ports: metrics },
      ]
    : [{ name: 'main', ports: [...main, ...metrics] }];
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { namespace, name, labels: { ...labels } },
    spec: { containers, ...(choice.hostNetwork ? { hostNetwork: true } : {}) },
  };
  if (choice.hasStatus) pod.status = { phase: 'Running', podIP: ip, podIPs: [{ ip }] };
  return pod;
}

/** A NetworkPolicy. */
export function buildPolicy(namespace: string, name: string, spec: NetworkPolicySpec): NetworkPolicy {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { namespace, name }, spec };
}

/** A cluster reached by changes: `initial`, then `changes` applied in order, gives `final`. */
interface ClusterHistory {
  initial: KubeObject[];
  changes: ObjectChange[];
  final: KubeObject[];
}

/** What happens to one object: whether the initial cluster holds it, then its changes in order. */
const FATES: Record<string, [isInitial: boolean, steps: ('first' | 'revised' | 'delete')[]]> = {
  kept: [true, []],
  added: [false, ['first']],
  revised: [true, ['revised']],
  deleted: [true, ['delete']],
  'added then deleted': [false, ['first', 'delete']],
  'deleted then revised': [true, ['delete', 'revised']],
};

interface Plan {
  fate: string;
  /** Sort keys that interleave this object's changes with the others'. */
  order: number[];
}

/**
 * A random cluster and a random way to reach it: an initial subset (or nothing), then upserts of
 * the rest, upserts of revised versions and deletes, interleaved in random order.
 */
export const clusterHistoryArbitrary: Arbitrary<ClusterHistory> = fc
  .record({
    draft: clusterDraftArbitrary,
    revision: clusterDraftArbitrary,
    isEmptyAtFirst: fc.boolean(),
    plans: fc.array(
      fc.record({
        fate: fc.constantFrom(...Object.keys(FATES)),
        order: fc.tuple(fc.nat(99), fc.nat(99), fc.nat(99)),
      }),
      { minLength: MAX_OBJECTS, maxLength: MAX_OBJECTS },
    ),
  })
  .map(({ draft, revision, isEmptyAtFirst, plans }) =>
    historyOf(objectsOf(draft), objectsOf(draft, revision), plans, isEmptyAtFirst),
  );

function historyOf(firsts: KubeObject[], revisions: KubeObject[], plans: Plan[], isEmptyAtFirst: boolean) {
  const history: ClusterHistory = { initial: [], changes: [], final: [] };
  const queues: ObjectChange[][] = [];
  const slots: { key: number; object: number }[] = [];
  firsts.forEach((first, object) => {
    const plan = plans[object]!;
    const [isInitial, steps] = FATES[plan.fate]!;
    const versions = { first, revised: revisions[object]! };
    const changes = steps.map((step): ObjectChange =>
      step === 'delete' ? { type: 'delete', object: first } : { type: 'upsert', object: versions[step] },
    );
    if (isInitial && isEmptyAtFirst) changes.unshift({ type: 'upsert', object: first });
    else if (isInitial) history.initial.push(first);
    const last = changes.at(-1);
    if (last ? last.type === 'upsert' : isInitial) history.final.push(last?.object ?? first);
    queues.push(changes);
    changes.forEach((_, i) => slots.push({ key: plan.order[i]!, object }));
  });
  // Interleave the objects by key; each object's own changes keep their order.
  slots.sort((a, b) => a.key - b.key);
  history.changes = slots.map((slot) => queues[slot.object]!.shift()!);
  return history;
}

function withoutUndefined<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}
