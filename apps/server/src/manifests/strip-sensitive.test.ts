import { detectCni } from '@netmap/engine';
import type { KubeObject, Workload } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { LAST_APPLIED_ANNOTATION, stripSensitive } from './strip-sensitive.ts';

const container = () => ({
  name: 'app',
  image: 'shop/app:1',
  ports: [{ containerPort: 8080, name: 'http' }],
  env: [{ name: 'DB_PASSWORD', value: 'hunter2' }],
  envFrom: [{ secretRef: { name: 'db' } }],
  args: ['--token=hunter2'],
  command: ['/app'],
});

const podSpec = () => ({
  nodeName: 'n1',
  containers: [container()],
  initContainers: [container()],
  ephemeralContainers: [container()],
  volumes: [{ name: 'creds', secret: { secretName: 'db' } }],
});

const strippedContainer = {
  name: 'app',
  image: 'shop/app:1',
  ports: [{ containerPort: 8080, name: 'http' }],
};
const strippedPodSpec = {
  nodeName: 'n1',
  containers: [strippedContainer],
  initContainers: [strippedContainer],
  ephemeralContainers: [strippedContainer],
};

describe('stripSensitive', () => {
  it('drops the last-applied annotation and keeps the others', () => {
    const object: KubeObject = {
      kind: 'NetworkPolicy',
      metadata: { name: 'p', annotations: { [LAST_APPLIED_ANNOTATION]: '{"secret":1}', team: 'shop' } },
    };
    expect(stripSensitive(object).metadata).toEqual({ name: 'p', annotations: { team: 'shop' } });
  });

  it('strips a Pod spec', () => {
    expect(stripSensitive({ kind: 'Pod', metadata: { name: 'a' }, spec: podSpec() }).spec).toEqual(
      strippedPodSpec,
    );
  });

  it.each(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicationController'])(
    'strips the pod template of a %s and keeps its labels',
    (kind) => {
      const template = { metadata: { labels: { app: 'a' } }, spec: podSpec() };
      const object = stripSensitive({ kind, metadata: { name: 'a' }, spec: { replicas: 2, template } });
      expect(object.spec).toEqual({
        replicas: 2,
        template: { metadata: { labels: { app: 'a' } }, spec: strippedPodSpec },
      });
    },
  );

  it("strips a CronJob's job template", () => {
    const spec = { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: podSpec() } } } };
    const object = stripSensitive({ kind: 'CronJob', metadata: { name: 'a' }, spec });
    expect(object.spec).toEqual({
      schedule: '* * * * *',
      jobTemplate: { spec: { template: { spec: strippedPodSpec } } },
    });
  });

  it('leaves the spec of other kinds alone', () => {
    const spec = { selector: { app: 'a' }, ports: [{ port: 80 }], volumes: 'not a pod spec' };
    expect(stripSensitive({ kind: 'Service', metadata: { name: 'a' }, spec: { ...spec } }).spec).toEqual(
      spec,
    );
  });

  it('tolerates odd shapes', () => {
    const odd = [
      { kind: 'Pod' },
      { kind: 'Pod', metadata: { name: 'a', annotations: null }, spec: 'x' },
      { kind: 'Pod', spec: { containers: 'x' } },
      { kind: 'Pod', spec: { containers: [null, 'x', 3] } },
      { kind: 'Deployment', spec: { template: [] } },
      { kind: 'CronJob', spec: { jobTemplate: { spec: null } } },
    ];
    for (const object of odd) expect(() => stripSensitive(object as KubeObject)).not.toThrow();
  });

  it('leaves no secret anywhere in a stripped workload', () => {
    const object = stripSensitive({ kind: 'Deployment', spec: { template: { spec: podSpec() } } });
    expect(JSON.stringify(object)).not.toMatch(/hunter2|secretRef|DB_PASSWORD/);
  });
});

describe('stripSensitive and the network plugin', () => {
  it('keeps only the flags that tell whether a plugin enforces policies', () => {
    const routerContainer = {
      name: 'kube-router',
      image: 'cloudnativelabs/kube-router',
      args: ['--run-firewall=false', '--kubeconfig=/var/lib/kube-router/kubeconfig', '--token=hunter2'],
      command: ['/usr/local/bin/kube-router', '--enable-network-policy=true'],
    };
    const daemonSet = stripSensitive({
      kind: 'DaemonSet',
      metadata: { namespace: 'kube-system', name: 'kube-router' },
      spec: { template: { spec: { containers: [routerContainer] } } },
    });
    expect(daemonSet.spec).toEqual({
      template: {
        spec: {
          containers: [
            {
              name: 'kube-router',
              image: 'cloudnativelabs/kube-router',
              args: ['--run-firewall=false'],
              command: ['--enable-network-policy=true'],
            },
          ],
        },
      },
    });
    expect(detectCni([daemonSet as Workload])).toMatchObject({
      name: 'kube-router',
      enforcesNetworkPolicy: false,
    });
  });
});
