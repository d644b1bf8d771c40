import type { KubeObject, Namespace } from '@netmap/model';
import { ClusterNetwork } from './cluster-network.ts';
import type { AppInfo, GenerationContext, NamespaceInfo } from './generation-context.ts';
import { generateNamespaceApps } from './generate-apps.ts';
import { generatePolicies } from './generate-policies.ts';
import { nginxIngressClass } from './generate-services.ts';
import { SYSTEM_NAMESPACES, generateSystemWorkloads } from './generate-system.ts';
import { NAME_LABEL } from './policy-builder.ts';
import { Random } from './random.ts';
import { APP_WORDS } from './workload-templates.ts';

/** How big a cluster to generate; the same options always give the same objects. */
export interface ClusterOptions {
  pods: number;
  policies: number;
  seed?: number;
}

/** About 40 pods per node, as on mid-sized cloud nodes. */
const PODS_PER_NODE = 40;
const TEAMS = [
  'checkout',
  'payments',
  'search',
  'identity',
  'growth',
  'data',
  'mobile',
  'web',
  'ledger',
  'risk',
  'logistics',
  'catalog',
  'ads',
  'messaging',
  'media',
  'support',
  'pricing',
  'partners',
  'ml',
  'core',
];
const ENVS = ['prod', 'prod', 'prod', 'prod', 'prod', 'staging', 'staging', 'staging', 'dev', 'dev'];

/**
 * A realistic cluster as the API server would list it: nodes, namespaces (one per 100-300 pods, plus
 * kube-system, monitoring, logging and ingress-nginx), workloads with their ReplicaSets and pods,
 * Services, Ingresses and `policies` NetworkPolicies. Deterministic for a given seed.
 */
export function generateCluster({ pods, policies, seed = 1 }: ClusterOptions): KubeObject[] {
  const random = new Random(seed);
  const network = new ClusterNetwork(Math.max(3, Math.ceil(pods / PODS_PER_NODE)), random);
  const context: GenerationContext = { random, network, objects: [], podBudget: pods };
  const appsByNamespace = new Map<string, AppInfo[]>();
  for (const app of generateSystemWorkloads(context)) {
    appsByNamespace.set(app.namespace, [...(appsByNamespace.get(app.namespace) ?? []), app]);
  }
  const namespaces: NamespaceInfo[] = [];
  const names = new Set<string>();
  while (context.podBudget > 0) {
    const namespace = newNamespace(random, names);
    namespaces.push(namespace);
    appsByNamespace.set(namespace.name, generateNamespaceApps(context, namespace, random.int(100, 300)));
  }
  const policyObjects = generatePolicies(context, namespaces, appsByNamespace, policies);
  const namespaceObjects = [...SYSTEM_NAMESPACES, ...namespaces].map((n) => namespaceObject(random, n));
  return [
    ...network.nodeObjects(),
    nginxIngressClass(),
    ...namespaceObjects,
    ...context.objects,
    ...policyObjects,
  ];
}

function newNamespace(random: Random, names: Set<string>): NamespaceInfo {
  const team = random.pick(TEAMS);
  const env = random.pick(ENVS);
  const base = `${random.pick(APP_WORDS)}-${env}`;
  let name = base;
  for (let n = 2; names.has(name); n++) name = `${base}-${n}`;
  names.add(name);
  // Egress lockdown is rarer than ingress lockdown: about half the namespaces.
  return { name, team, env, isSystem: false, locksEgress: random.chance(0.5) };
}

function namespaceObject(random: Random, namespace: NamespaceInfo): Namespace {
  const labels: Record<string, string> = {
    [NAME_LABEL]: namespace.name,
    team: namespace.team,
    env: namespace.env,
  };
  if (!namespace.isSystem) labels['pod-security.kubernetes.io/enforce'] = 'baseline';
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: namespace.name, uid: random.uid(), labels },
  };
}
