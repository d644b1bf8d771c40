import type { KubeObject } from '@netmap/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { WATCHED_RESOURCES } from '../sources/watched-resources.ts';
import { hasKubectl, only, renderOverlay } from './deploy-kit.ts';

interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  verbs?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

const READ_VERBS = ['get', 'list', 'watch'];
const NEVER = [
  'secrets',
  'configmaps',
  'pods/exec',
  'pods/log',
  'pods/attach',
  'pods/portforward',
  'serviceaccounts/token',
  '*',
];

/** `group/resource` pairs a role grants, after checking that every rule is read-only and plain. */
function grantsOf(role: KubeObject): string[] {
  const rules = (role as { rules?: PolicyRule[] }).rules ?? [];
  return rules.flatMap((rule) => {
    expect([...(rule.verbs ?? [])].sort()).toEqual(READ_VERBS);
    expect(rule.resourceNames).toBeUndefined();
    expect(rule.nonResourceURLs).toBeUndefined();
    return (rule.apiGroups ?? []).flatMap((group) =>
      (rule.resources ?? []).map((resource) => `${group}/${resource}`),
    );
  });
}

const watched = (filter: (namespaced: boolean) => boolean) =>
  WATCHED_RESOURCES.filter((r) => filter(r.namespaced))
    .map((r) => `${r.group}/${r.resource}`)
    .sort();

const isBoundToNetmap = (binding: KubeObject, roleKind: string, roleName: string) =>
  expect(binding).toMatchObject({
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: roleKind, name: roleName },
    subjects: [{ kind: 'ServiceAccount', name: 'netmap', namespace: 'netmap' }],
  });

describe.skipIf(!hasKubectl)('RBAC of the cluster-wide overlay', () => {
  let objects: KubeObject[];
  beforeAll(async () => {
    objects = await renderOverlay('cluster-wide');
  });

  it('grants get, list and watch on exactly the resources the server watches', () => {
    const grants = grantsOf(only(objects, 'ClusterRole'));
    expect([...grants].sort()).toEqual(watched(() => true));
    for (const resource of NEVER) expect(grants.some((grant) => grant.endsWith(`/${resource}`))).toBe(false);
  });

  it('binds the role to the netmap service account, and to nothing else', () => {
    isBoundToNetmap(only(objects, 'ClusterRoleBinding'), 'ClusterRole', 'netmap-reader');
    expect(objects.filter((o) => ['Role', 'RoleBinding'].includes(o.kind ?? ''))).toEqual([]);
  });
});

describe.skipIf(!hasKubectl)('RBAC of the namespaced overlay', () => {
  let objects: KubeObject[];
  beforeAll(async () => {
    objects = await renderOverlay('namespaced');
  });

  it('has no cluster-wide role', () => {
    expect(objects.filter((o) => o.kind?.startsWith('Cluster'))).toEqual([]);
  });

  it('grants each namespace get, list and watch on the namespaced resources the server watches', () => {
    const roles = objects.filter((o) => o.kind === 'Role');
    expect(roles.length).toBeGreaterThan(0);
    for (const role of roles) {
      expect([...grantsOf(role)].sort()).toEqual(watched((namespaced) => namespaced));
      const binding = only(
        objects.filter((o) => o.metadata?.namespace === role.metadata?.namespace),
        'RoleBinding',
      );
      isBoundToNetmap(binding, 'Role', role.metadata!.name!);
    }
  });

  it('tells the server to read exactly the namespaces it has roles in', () => {
    const deployment = only(objects, 'Deployment') as {
      spec: { template: { spec: { containers: { args: string[] }[] } } };
    };
    const args = deployment.spec.template.spec.containers[0]!.args;
    const namespaces = args
      .filter((a) => a.startsWith('--namespace='))
      .map((a) => a.slice('--namespace='.length));
    const roleNamespaces = objects.filter((o) => o.kind === 'Role').map((o) => o.metadata!.namespace!);
    expect(namespaces.sort()).toEqual(roleNamespaces.sort());
  });
});
