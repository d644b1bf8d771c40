/** One REST resource the simulator serves, as API discovery describes it. */
export interface ResourceType {
  group: string;
  version: string;
  /** The plural, lower-case path segment, e.g. `pods`. */
  resource: string;
  singularName: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
  /** Subresources served besides the object itself. */
  subresources: string[];
}

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

const define = (
  groupVersion: string,
  resource: string,
  kind: string,
  namespaced: boolean,
  shortNames: string[] = [],
  subresources: string[] = ['status'],
): ResourceType => {
  const [group, version] = groupVersion.includes('/') ? groupVersion.split('/') : ['', groupVersion];
  return {
    group: group ?? '',
    version: version ?? 'v1',
    resource,
    singularName: kind.toLowerCase(),
    kind,
    namespaced,
    shortNames,
    subresources,
  };
};

/** Every resource the simulator serves: the kinds netmap reads. */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  define('v1', 'namespaces', 'Namespace', false, ['ns']),
  define('v1', 'nodes', 'Node', false, ['no']),
  define('v1', 'pods', 'Pod', true, ['po']),
  define('v1', 'services', 'Service', true, ['svc']),
  define('discovery.k8s.io/v1', 'endpointslices', 'EndpointSlice', true, [], []),
  define('networking.k8s.io/v1', 'ingresses', 'Ingress', true, ['ing']),
  define('networking.k8s.io/v1', 'ingressclasses', 'IngressClass', false, [], []),
  define('networking.k8s.io/v1', 'networkpolicies', 'NetworkPolicy', true, ['netpol'], []),
  define('apps/v1', 'deployments', 'Deployment', true, ['deploy']),
  define('apps/v1', 'replicasets', 'ReplicaSet', true, ['rs']),
  define('apps/v1', 'statefulsets', 'StatefulSet', true, ['sts']),
  define('apps/v1', 'daemonsets', 'DaemonSet', true, ['ds']),
  define('batch/v1', 'jobs', 'Job', true, []),
  define('batch/v1', 'cronjobs', 'CronJob', true, ['cj']),
];

/** The verbs every simulated resource supports. */
export const RESOURCE_VERBS: readonly string[] = VERBS;

/** The `apiVersion` of a resource type: `v1` for the core group, `group/version` otherwise. */
export function apiVersionOf(type: ResourceType): string {
  return type.group === '' ? type.version : `${type.group}/${type.version}`;
}

/** Finds the resource type at a group, version and plural resource name. */
export function findResourceType(group: string, version: string, resource: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => t.group === group && t.version === version && t.resource === resource);
}

/** Finds the resource type of an object by its apiVersion and kind. */
export function findResourceTypeByKind(apiVersion: string | undefined, kind: string | undefined): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => apiVersionOf(t) === apiVersion && t.kind === kind);
}

/** The API groups served, with their versions (the core group excluded). */
export function listApiGroups(): { name: string; version: string }[] {
  const seen = new Map<string, string>();
  for (const t of RESOURCE_TYPES) if (t.group !== '') seen.set(t.group, t.version);
  return [...seen].map(([name, version]) => ({ name, version }));
}
