import type { KubeObject, TopologyPatch, VersionedTopology } from '@netmap/model';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_COALESCE_MS, ModelHub } from './model-hub.ts';

const pod = (name: string, labels: Record<string, string> = { app: name }): KubeObject => ({
  kind: 'Pod',
  metadata: { name, namespace: 'shop', labels },
  spec: { containers: [{ name: 'main' }] },
  status: { phase: 'Running', podIP: `10.0.0.${name.length}` },
});

const denyAll: KubeObject = {
  kind: 'NetworkPolicy',
  metadata: { name: 'deny', namespace: 'shop' },
  spec: { podSelector: {}, ingress: [] },
};

function syncedHub(options = {}) {
  const hub = new ModelHub({ kind: 'demo', description: 'test' }, { coalesceMs: 100, ...options });
  hub.receive({ type: 'upsert', object: pod('web') });
  hub.receive({ type: 'upsert', object: pod('db') });
  hub.receive({ type: 'synced' });
  return hub;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the model hub', () => {
  it('evaluates once the first sync completes', () => {
    const hub = new ModelHub({ kind: 'demo', description: 'test' });
    hub.receive({ type: 'upsert', object: pod('web') });
    hub.receive({ type: 'upsert', object: pod('gone') });
    hub.receive({ type: 'delete', object: pod('gone') });
    expect(hub.evaluation).toBeUndefined();
    hub.receive({ type: 'synced' });
    expect(hub.status.synced).toBe(true);
    expect(hub.topology?.version).toBe(1);
    expect(Object.keys(hub.topology!.nodes).filter((id) => id.startsWith('pod:'))).toEqual(['pod:shop/web']);
  });

  it('coalesces a burst of changes into one versioned patch for every subscriber', () => {
    const hub = syncedHub();
    const patches: TopologyPatch[] = [];
    hub.subscribe((patch) => patches.push(patch));
    hub.receive({ type: 'upsert', object: denyAll });
    hub.receive({ type: 'upsert', object: pod('cache') });
    hub.receive({ type: 'delete', object: pod('db') });
    expect(patches).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(patches).toHaveLength(1);
    expect(patches[0]).toMatchObject({ epoch: hub.epoch, from: 1, to: 2 });
    expect(Object.keys(patches[0]!.upserts.nodes)).toContain('pod:shop/cache');
    expect(patches[0]!.removals.nodes).toContain('pod:shop/db');
    expect(hub.topology!.nodes['workload:shop/web[Pod]']).toMatchObject({
      isolated: { ingress: true, egress: false },
    });
  });

  it('waits the default window for more changes before it sends a patch', () => {
    const hub = new ModelHub({ kind: 'demo', description: 'test' });
    hub.receive({ type: 'synced' });
    const patches: TopologyPatch[] = [];
    hub.subscribe((patch) => patches.push(patch));
    hub.receive({ type: 'upsert', object: pod('web') });
    vi.advanceTimersByTime(DEFAULT_COALESCE_MS - 1);
    hub.receive({ type: 'upsert', object: pod('db') });
    expect(patches).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(patches).toHaveLength(1);
    expect(Object.keys(patches[0]!.upserts.nodes)).toEqual(
      expect.arrayContaining(['pod:shop/web', 'pod:shop/db']),
    );
  });

  it('sends no patch for a change that changes nothing the views show', () => {
    const hub = syncedHub();
    const patches: TopologyPatch[] = [];
    hub.subscribe((patch) => patches.push(patch));
    hub.receive({ type: 'upsert', object: pod('web') });
    vi.advanceTimersByTime(100);
    expect(patches).toEqual([]);
    expect(hub.topology!.version).toBe(1);
  });

  it('hands resuming clients the patches they missed while it still holds them', () => {
    const hub = syncedHub({ historySize: 2 });
    for (const name of ['a1', 'a2', 'a3']) {
      hub.receive({ type: 'upsert', object: pod(name) });
      vi.advanceTimersByTime(100);
    }
    expect(hub.topology!.version).toBe(4);
    expect(hub.patchesSince(hub.epoch, 4)).toEqual([]);
    expect(hub.patchesSince(hub.epoch, 2)!.map((p) => p.to)).toEqual([3, 4]);
    expect(hub.patchesSince(hub.epoch, 1)).toBeUndefined();
    expect(hub.patchesSince('other-run', 4)).toBeUndefined();
  });

  it('starts a new epoch at namespace level when the cluster grows past the workload limit, and back well below it', () => {
    const hub = syncedHub({ workloadFlowLimit: 2 });
    expect(hub.topology!.flowLevel).toBeUndefined();
    const firstEpoch = hub.epoch;
    const restarts: VersionedTopology[] = [];
    const patches: TopologyPatch[] = [];
    hub.subscribe(
      (patch) => patches.push(patch),
      (topology) => restarts.push(topology),
    );
    hub.receive({ type: 'upsert', object: pod('cart') });
    vi.advanceTimersByTime(100);
    expect(patches).toHaveLength(1); // the change itself, at the level it was made at
    expect(restarts).toHaveLength(1);
    expect(restarts[0]).toMatchObject({ epoch: hub.epoch, version: 1, flowLevel: 'namespace' });
    expect(hub.epoch).not.toBe(firstEpoch);
    expect(hub.patchesSince(firstEpoch, 2)).toBeUndefined();
    expect(Object.keys(hub.topology!.flows)).toContain('allowed:namespace:shop>namespace:shop');
    expect(Object.keys(hub.topology!.nodes)).toContain('workload:shop/cart[Pod]');
    // 2 workloads is not well below the limit of 2: it stays; 1 is.
    hub.receive({ type: 'delete', object: pod('cart') });
    vi.advanceTimersByTime(100);
    expect(restarts).toHaveLength(1);
    hub.receive({ type: 'delete', object: pod('db') });
    vi.advanceTimersByTime(100);
    expect(restarts).toHaveLength(2);
    expect(hub.topology!.flowLevel).toBeUndefined();
    expect(Object.keys(hub.topology!.flows).some((id) => id.includes('namespace:'))).toBe(false);
  });

  it('tells the network plugin from the DaemonSets, at the sync and as they change', () => {
    const flannel: KubeObject = {
      kind: 'DaemonSet',
      metadata: { namespace: 'kube-flannel', name: 'kube-flannel-ds' },
      spec: {
        template: { spec: { containers: [{ name: 'flannel', image: 'docker.io/flannel/flannel:v0.25.1' }] } },
      },
    } as KubeObject;
    const hub = new ModelHub({ kind: 'cluster', description: 'test' }, { coalesceMs: 100 });
    hub.receive({ type: 'upsert', object: flannel });
    hub.receive({ type: 'synced' });
    expect(hub.status.cni).toMatchObject({ name: 'Flannel', enforcesNetworkPolicy: false });
    hub.receive({ type: 'delete', object: flannel });
    expect(hub.status.cni.name).toBe('unknown');
    hub.receive({ type: 'upsert', object: flannel });
    expect(hub.status.cni.name).toBe('Flannel');
  });

  it('records what the source cannot read, until it can again', () => {
    const hub = syncedHub();
    hub.receive({ type: 'problem', resource: 'networkpolicies', message: 'forbidden' });
    expect(hub.status.problems).toEqual({ networkpolicies: 'forbidden' });
    hub.receive({ type: 'resolved', resource: 'networkpolicies' });
    expect(hub.status.problems).toEqual({});
  });

  it('marks flows unknown where policies could not be read, told before or after the sync', () => {
    const verdicts = (hub: ModelHub) =>
      Object.values(hub.topology!.flows).map((flow) => `${flow.verdict} ${flow.from}>${flow.to}`);
    const blind = { policies: [], namespaceLabels: true };
    const before = new ModelHub({ kind: 'cluster', description: 'test' }, { coalesceMs: 100 });
    before.receive({ type: 'visibility', visibility: blind });
    before.receive({ type: 'upsert', object: pod('web') });
    before.receive({ type: 'upsert', object: pod('db') });
    before.receive({ type: 'synced' });
    expect(
      verdicts(before)
        .filter((flow) => !flow.includes('External'))
        .sort(),
    ).toEqual([
      'unknown workload:shop/db[Pod]>workload:shop/web[Pod]',
      'unknown workload:shop/web[Pod]>workload:shop/db[Pod]',
    ]);
    expect(Object.keys(before.topology!.findings)).toContain('policies-unreadable:shop');

    const after = syncedHub();
    const patches: TopologyPatch[] = [];
    after.subscribe((patch) => patches.push(patch));
    after.receive({ type: 'visibility', visibility: blind });
    vi.advanceTimersByTime(100);
    expect(patches).toHaveLength(1);
    expect(verdicts(after).sort()).toEqual(verdicts(before).sort());
    expect(patches[0]!.removals.flows).toContain('allowed:workload:shop/db[Pod]>workload:shop/web[Pod]');
  });

  it('merges flows per namespace above the workload limit, and serves the workload flows behind one on request', () => {
    const hub = new ModelHub(
      { kind: 'demo', description: 'test' },
      { coalesceMs: 100, workloadFlowLimit: 1 },
    );
    hub.receive({ type: 'upsert', object: pod('web') });
    hub.receive({ type: 'upsert', object: pod('db') });
    hub.receive({ type: 'synced' });
    expect(hub.topology!.flowLevel).toBe('namespace');
    expect(Object.keys(hub.topology!.flows)).toContain('allowed:namespace:shop>namespace:shop');
    expect(
      hub
        .workloadFlowsBetween('namespace:shop', 'namespace:shop')
        .map((flow) => flow.id)
        .sort(),
    ).toEqual([
      'allowed:workload:shop/db[Pod]>workload:shop/web[Pod]',
      'allowed:workload:shop/web[Pod]>workload:shop/db[Pod]',
    ]);
    const patches: TopologyPatch[] = [];
    hub.subscribe((patch) => patches.push(patch));
    hub.receive({ type: 'upsert', object: denyAll });
    vi.advanceTimersByTime(100);
    expect(patches[0]!.removals.flows).toContain('allowed:namespace:shop>namespace:shop');
    expect(hub.topology!.flowLevel).toBe('namespace');
  });

  it('keeps workload flows up to the limit', () => {
    expect(syncedHub().topology!.flowLevel).toBeUndefined();
    expect(Object.keys(syncedHub().topology!.flows)).toContain(
      'allowed:workload:shop/web[Pod]>workload:shop/db[Pod]',
    );
  });

  it('sends a change at once and its findings after, when findings are costly', () => {
    const hub = syncedHub({ findingsInlineMs: -1 });
    const patches: TopologyPatch[] = [];
    hub.subscribe((patch) => patches.push(patch));
    hub.receive({ type: 'upsert', object: badPort });
    vi.advanceTimersByTime(100);
    expect(patches).toHaveLength(1);
    expect(Object.keys(patches[0]!.upserts.nodes)).toContain('pod:shop/bad');
    expect(patches[0]!.upserts.findings).toEqual({});
    vi.advanceTimersByTime(1000);
    expect(patches).toHaveLength(2);
    expect(Object.keys(patches[1]!.upserts.findings).join()).toMatch(/shop\/bad/);
  });

  it('derives costly findings once the source pauses, or at the latest after the longest wait', () => {
    const busy = (hub: ModelHub, steps: number) => {
      for (let i = 0; i < steps; i++) {
        vi.advanceTimersByTime(50);
        hub.receive({ type: 'upsert', object: pod('web', { app: 'web', round: String(i) }) });
      }
    };
    const hasFinding = (patches: TopologyPatch[]) =>
      patches.some((patch) => Object.keys(patch.upserts.findings).join().includes('shop/bad'));
    const patient = syncedHub({ findingsInlineMs: -1, findingsMaxWaitMs: 10_000 });
    const waited: TopologyPatch[] = [];
    patient.subscribe((patch) => waited.push(patch));
    patient.receive({ type: 'upsert', object: badPort });
    busy(patient, 12);
    expect(waited.length).toBeGreaterThan(1);
    expect(hasFinding(waited)).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(hasFinding(waited)).toBe(true);

    const hurried = syncedHub({ findingsInlineMs: -1, findingsMaxWaitMs: 300 });
    const patches: TopologyPatch[] = [];
    hurried.subscribe((patch) => patches.push(patch));
    hurried.receive({ type: 'upsert', object: badPort });
    busy(hurried, 12);
    expect(hasFinding(patches)).toBe(true);
  });
});

const badPort: KubeObject = {
  kind: 'Pod',
  metadata: { name: 'bad', namespace: 'shop', labels: { app: 'bad' } },
  spec: { containers: [{ name: 'main', ports: [{ containerPort: 0 }] }] },
  status: { phase: 'Running', podIP: '10.0.0.9' },
};
