import { apiVersionOf, listApiGroups, RESOURCE_TYPES, RESOURCE_VERBS, type ResourceType } from './resources.ts';

/** The content type of aggregated discovery (apidiscovery.k8s.io/v2), which kubectl asks for first. */
export const AGGREGATED_DISCOVERY_TYPE = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

/** The Kubernetes version the simulator claims to be. */
export const SIMULATED_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0',
  gitCommit: '70d3cc986aa8221cd1dfb1121852688902d3bf53',
  gitTreeState: 'clean',
  buildDate: '2024-12-11T17:59:15Z',
  goVersion: 'go1.23.3',
  compiler: 'gc',
  platform: 'linux/amd64',
};

const SUBRESOURCE_VERBS = ['get', 'patch', 'update'];

const typesOf = (groupVersion: string) => RESOURCE_TYPES.filter((t) => apiVersionOf(t) === groupVersion);

/** `/api/v1` or `/apis/<group>/<version>`: the APIResourceList of one group version. */
export function buildResourceList(groupVersion: string): object | undefined {
  const types = typesOf(groupVersion);
  if (types.length === 0) return undefined;
  const resources = types.flatMap((t) => [
    { name: t.resource, singularName: t.singularName, namespaced: t.namespaced, kind: t.kind, verbs: RESOURCE_VERBS, shortNames: t.shortNames.length > 0 ? t.shortNames : undefined },
    ...t.subresources.map((sub) => ({ name: `${t.resource}/${sub}`, singularName: '', namespaced: t.namespaced, kind: t.kind, verbs: SUBRESOURCE_VERBS })),
  ]);
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources };
}

/** `/api`: the APIVersions of the core group. */
export function buildCoreVersions(serverAddress: string): object {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

/** `/apis`: the APIGroupList of every named group. */
export function buildGroupList(): object {
  const groups = listApiGroups().map(({ name, version }) => {
    const groupVersion = { groupVersion: `${name}/${version}`, version };
    return { name, versions: [groupVersion], preferredVersion: groupVersion };
  });
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

function discoveryResource(t: ResourceType) {
  const responseKind = { group: t.group, version: t.version, kind: t.kind };
  return {
    resource: t.resource,
    responseKind,
    scope: t.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: t.singularName,
    verbs: RESOURCE_VERBS,
    ...(t.shortNames.length > 0 ? { shortNames: t.shortNames } : {}),
    ...(t.subresources.length > 0
      ? { subresources: t.subresources.map((subresource) => ({ subresource, responseKind, verbs: SUBRESOURCE_VERBS })) }
      : {}),
  };
}

/** Aggregated discovery of `/api` (the core group) or `/apis` (every named group). */
export function buildAggregatedDiscovery(core: boolean): object {
  const groups = core ? [{ name: '', version: 'v1' }] : listApiGroups();
  const items = groups.map(({ name, version }) => ({
    metadata: { name, creationTimestamp: null },
    versions: [
      { version, resources: typesOf(name === '' ? version : `${name}/${version}`).map(discoveryResource), freshness: 'Current' },
    ],
  }));
  return { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items };
}
