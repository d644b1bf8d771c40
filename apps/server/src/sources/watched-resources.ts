/** One API resource the cluster source lists and watches. */
export interface WatchedResource {
  /** `''` for the core group. */
  group: string;
  version: string;
  /** The plural path segment, e.g. `networkpolicies`. */
  resource: string;
  kind: string;
  namespaced: boolean;
}

const define = (groupVersion: string, resource: string, kind: string, namespaced = true): WatchedResource => {
  const [group, version] = groupVersion.includes('/') ? groupVersion.split('/') : ['', groupVersion];
  return { group: group ?? '', version: version ?? 'v1', resource, kind, namespaced };
};

/**
 * Every resource netmap reads from a cluster, and only these: never Secrets or ConfigMaps.
 * Namespaces come first so their labels are known before the objects they hold.
 */
export const WATCHED_RESOURCES: readonly WatchedResource[] = [
  define('v1', 'namespaces', 'Namespace', false),
  define('v1', 'pods', 'Pod'),
  define('v1', 'services', 'Service'),
  define('discovery.k8s.io/v1', 'endpointslices', 'EndpointSlice'),
  define('networking.k8s.io/v1', 'ingresses', 'Ingress'),
  define('networking.k8s.io/v1', 'ingressclasses', 'IngressClass', false),
  define('networking.k8s.io/v1', 'networkpolicies', 'NetworkPolicy'),
  define('v1', 'nodes', 'Node', false),
  define('apps/v1', 'deployments', 'Deployment'),
  define('apps/v1', 'replicasets', 'ReplicaSet'),
  define('apps/v1', 'statefulsets', 'StatefulSet'),
  define('apps/v1', 'daemonsets', 'DaemonSet'),
  define('batch/v1', 'jobs', 'Job'),
  define('batch/v1', 'cronjobs', 'CronJob'),
];

/** `v1` for the core group, `group/version` otherwise. */
export function apiVersionOf(resource: WatchedResource): string {
  return resource.group === '' ? resource.version : `${resource.group}/${resource.version}`;
}

/** The collection path, cluster-wide or in one namespace: `/api/v1/pods`, `/apis/apps/v1/namespaces/shop/deployments`. */
export function collectionPath(resource: WatchedResource, namespace?: string): string {
  const base =
    resource.group === '' ? `/api/${resource.version}` : `/apis/${resource.group}/${resource.version}`;
  const scope = namespace === undefined ? '' : `/namespaces/${encodeURIComponent(namespace)}`;
  return `${base}${scope}/${resource.resource}`;
}
