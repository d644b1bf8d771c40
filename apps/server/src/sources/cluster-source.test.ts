import { afterEach, describe, expect, it } from 'vitest';
import { startKubeSim, type KubeSim, type KubeSimOptions } from '@netmap/kube-sim';
import type { KubeObject } from '@netmap/model';
import { ClusterSource, createClusterSource } from './cluster-source.ts';
import {
  eventually,
  fixtures as f,
  simObjects,
  startSource,
  writeKubeconfig,
  type EventLog,
} from './cluster-test-kit.ts';
import { loadClusterConfig } from './kube-config.ts';
import { WATCHED_RESOURCES } from './watched-resources.ts';

const TOKEN = 'netmap-token';
let sim: KubeSim | undefined;
let source: ClusterSource | undefined;

afterEach(async () => {
  await source?.stop();
  await sim?.close();
  source = sim = undefined;
});

const seed: KubeObject[] = [
  f.namespace('shop', { team: 'shop' }),
  f.namespace('kube-system'),
  f.pod('shop', 'web-1', { app: 'web' }),
  f.pod('shop', 'db-0', { app: 'db' }),
  f.service('shop', 'web'),
  f.networkPolicy('shop', 'default-deny'),
  f.deployment('shop', 'web'),
  f.daemonSet('kube-system', 'calico-node', 'docker.io/calico/node:v3.28.0'),
  f.other('v1', 'Node', undefined, 'node-1'),
  f.other('discovery.k8s.io/v1', 'EndpointSlice', 'shop', 'web-abc12'),
  f.other('networking.k8s.io/v1', 'Ingress', 'shop', 'web'),
  f.other('networking.k8s.io/v1', 'IngressClass', undefined, 'nginx'),
  f.other('apps/v1', 'ReplicaSet', 'shop', 'web-5d9c'),
  f.other('apps/v1', 'StatefulSet', 'shop', 'db'),
  f.other('batch/v1', 'Job', 'shop', 'migrate'),
  f.other('batch/v1', 'CronJob', 'shop', 'report'),
];

async function start(options: KubeSimOptions = {}, namespaces?: string[]): Promise<EventLog> {
  sim = await startKubeSim({ token: TOKEN, seed, ...options });
  const kubeconfig = writeKubeconfig([{ name: 'sim', server: sim.url, token: TOKEN }]);
  source = createClusterSource({ kubeconfig, namespaces });
  return startSource(source);
}

const synced = (log: EventLog) => expect(log.of('synced')).toHaveLength(1);

describe('ClusterSource: initial sync and changes', () => {
  it('emits every object of the watched kinds, with kind and apiVersion, then synced', async () => {
    const log = await start();
    await eventually(() => synced(log));
    const beforeSynced = log.events.slice(
      0,
      log.events.findIndex((e) => e.type === 'synced'),
    );
    expect(beforeSynced.every((e) => e.type === 'upsert')).toBe(true);
    expect(log.view).toEqual(simObjects(sim!));
    expect(log.view.size).toBe(seed.length);
    for (const event of log.of('upsert')) expect(event.object.kind && event.object.apiVersion).toBeTruthy();
  });

  it('keeps and emits no env, volumes or command lines: they can hold credentials', async () => {
    const log = await start();
    await eventually(() => synced(log));
    const leaky = f.pod('shop', 'leaky', { app: 'leaky' });
    const spec = {
      containers: [
        { name: 'main', env: [{ name: 'DB_PASSWORD', value: 'hunter2' }], args: ['--token=hunter2'] },
      ],
      volumes: [{ name: 'creds', secret: { secretName: 'db' } }],
    };
    sim!.store.create({ ...leaky, spec });
    await eventually(() => expect(log.view.has('Pod/shop/leaky')).toBe(true));
    expect(log.view.get('Pod/shop/leaky')?.spec).toEqual({ containers: [{ name: 'main' }] });
    expect(JSON.stringify(log.events)).not.toContain('hunter2');
  });

  it('reads only the kinds netmap needs: never Secrets or ConfigMaps', () => {
    const kinds = WATCHED_RESOURCES.map((r) => r.resource);
    expect(kinds).not.toContain('secrets');
    expect(kinds).not.toContain('configmaps');
    expect(kinds).toHaveLength(14);
  });

  it('turns a create, a relabel and a delete into upsert, upsert, delete', async () => {
    const log = await start();
    await eventually(() => synced(log));
    const from = log.events.length;
    sim!.store.create(f.pod('shop', 'web-2', { app: 'web' }));
    await eventually(() => expect(log.lines(from)).toEqual(['upsert Pod/shop/web-2']));
    sim!.store.apply(f.pod('shop', 'web-2', { app: 'web', version: 'v2' }));
    await eventually(() =>
      expect(log.view.get('Pod/shop/web-2')?.metadata?.labels).toEqual({ app: 'web', version: 'v2' }),
    );
    sim!.store.delete(f.pod('shop', 'web-2'));
    await eventually(() =>
      expect(log.lines(from)).toEqual([
        'upsert Pod/shop/web-2',
        'upsert Pod/shop/web-2',
        'delete Pod/shop/web-2',
      ]),
    );
    expect(log.view).toEqual(simObjects(sim!));
  });
});

describe('ClusterSource: RBAC', () => {
  const cannotListPoliciesClusterWide = { forbidden: [{ resource: 'networkpolicies', namespace: '' }] };

  it('reports a resource it cannot list cluster-wide and still syncs the rest', async () => {
    const log = await start(cannotListPoliciesClusterWide);
    await eventually(() => synced(log));
    expect(log.of('problem')).toEqual([
      {
        type: 'problem',
        resource: 'networkpolicies',
        message:
          'forbidden: netmap cannot list networkpolicies cluster-wide; give it get/list/watch or name namespaces with --namespace',
      },
    ]);
    expect(log.view.has('NetworkPolicy/shop/default-deny')).toBe(false);
    expect(log.view.has('Pod/shop/web-1')).toBe(true);
    // No namespace's policies are known: the engine is told, so verdicts there are unknown.
    expect(log.of('visibility').at(-1)?.visibility).toEqual({ policies: [], namespaceLabels: true });
  });

  it('falls back to the namespaces named with --namespace, and reports those it cannot read', async () => {
    const forbidden = [
      ...cannotListPoliciesClusterWide.forbidden,
      { resource: 'networkpolicies', namespace: 'kube-system' },
    ];
    const log = await start({ forbidden }, ['shop', 'kube-system']);
    await eventually(() => synced(log));
    expect(log.view.has('NetworkPolicy/shop/default-deny')).toBe(true);
    expect(log.of('problem')).toEqual([
      {
        type: 'problem',
        resource: 'networkpolicies',
        message:
          'forbidden: netmap cannot list networkpolicies cluster-wide; reading them only in shop, kube-system (--namespace); verdicts to or from pods of other namespaces are unknown',
      },
      expect.objectContaining({ resource: 'networkpolicies in kube-system' }),
    ]);
    expect(log.of('visibility').at(-1)?.visibility).toEqual({ policies: ['shop'], namespaceLabels: true });
    const from = log.events.length;
    sim!.store.create(f.networkPolicy('shop', 'allow-web'));
    await eventually(() => expect(log.lines(from)).toEqual(['upsert NetworkPolicy/shop/allow-web']));
  });

  it('says namespace labels are unknown when namespaces cannot be read', async () => {
    const log = await start({ forbidden: [{ resource: 'namespaces' }] });
    await eventually(() => synced(log));
    expect(log.of('problem')).toEqual([
      expect.objectContaining({
        resource: 'namespaces',
        message: expect.stringContaining('namespace labels are unknown'),
      }),
    ]);
    expect(log.view.has('Pod/shop/web-1')).toBe(true);
    expect(log.of('visibility').at(-1)?.visibility).toEqual({ policies: 'all', namespaceLabels: false });
  });

  it('looks again at what it could not read, and reads it once RBAC allows', async () => {
    const forbidden = [{ resource: 'networkpolicies', namespace: '' }];
    sim = await startKubeSim({ token: TOKEN, seed, forbidden });
    const kubeconfig = writeKubeconfig([{ name: 'sim', server: sim.url, token: TOKEN }]);
    source = new ClusterSource({ config: loadClusterConfig({ kubeconfig }), unreadableRetryMs: 50 });
    const log = await startSource(source);
    await eventually(() => synced(log));
    expect(log.of('visibility').at(-1)?.visibility).toEqual({ policies: [], namespaceLabels: true });
    forbidden.length = 0; // the cluster's admin grants list/watch on networkpolicies
    await eventually(() => expect(log.view.has('NetworkPolicy/shop/default-deny')).toBe(true));
    expect(log.of('resolved')).toEqual([{ type: 'resolved', resource: 'networkpolicies' }]);
    expect(log.of('visibility').at(-1)?.visibility).toEqual({ policies: 'all', namespaceLabels: true });
  });

  it('reports refused credentials', async () => {
    sim = await startKubeSim({ token: TOKEN, seed });
    source = createClusterSource({
      kubeconfig: writeKubeconfig([{ name: 'sim', server: sim.url, token: 'wrong' }]),
    });
    const log = await startSource(source);
    await eventually(() => expect(log.of('problem').length).toBe(WATCHED_RESOURCES.length));
    expect(log.of('problem')[0]?.message).toMatch(/^unauthorized: /);
    expect(log.of('synced')).toHaveLength(0);
  });
});
