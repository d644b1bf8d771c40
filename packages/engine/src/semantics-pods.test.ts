// Which pods take part in flows (phase, IP, hostNetwork) and which workload each belongs to.
import type {
  KubeObject,
  NetworkPolicy,
  NetworkPolicySpec,
  OwnerReference,
  Pod,
  Workload,
} from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { policy } from './test-support/objects.ts';
import { QueryError } from './endpoints.ts';
import { evaluateCluster, type Evaluation } from './evaluation.ts';

let lastIp = 0;

interface PodOptions {
  labels?: Record<string, string>;
  /** `null` writes the pod without any status. */
  status?: Pod['status'] | null;
  hostNetwork?: boolean;
  owner?: OwnerReference;
}

function pod(ref: string, options: PodOptions = {}): Pod {
  const [namespace, name] = ref.split('/');
  lastIp++;
  const running = { phase: 'Running', podIP: `10.0.${lastIp >> 8}.${lastIp & 255}` };
  const status = options.status === null ? undefined : (options.status ?? running);
  const ownerReferences = options.owner ? [{ ...options.owner, controller: true }] : undefined;
  return {
    kind: 'Pod',
    metadata: { namespace, name, labels: options.labels ?? {}, ownerReferences },
    spec: {
      hostNetwork: options.hostNetwork ?? false,
      containers: [{ name: 'c', ports: [{ containerPort: 8080 }] }],
    },
    status,
  };
}

function workload(
  kind: string,
  ref: string,
  owner?: OwnerReference,
  labels: Record<string, string> = {},
): Workload {
  const [namespace, name] = ref.split('/');
  const template = {
    metadata: { labels },
    spec: { containers: [{ name: 'c', ports: [{ containerPort: 8080 }] }] },
  };
  const spec = kind === 'CronJob' ? { jobTemplate: { spec: { template } } } : { template };
  return {
    kind,
    metadata: { namespace, name, ownerReferences: owner ? [{ ...owner, controller: true }] : undefined },
    spec,
  };
}

function check(evaluation: Evaluation, from: string, to: string) {
  return evaluation.can({ kind: 'pod', ref: from }, { kind: 'pod', ref: to }, 80, 'TCP');
}

describe('pods that take part in flows', () => {
  const peer = () => pod('x/peer');

  it.each<[string, Pod['status']]>([
    ['a Pending pod without IP', { phase: 'Pending' }],
    ['a Succeeded pod', { phase: 'Succeeded', podIP: '10.9.0.1' }],
    ['a Failed pod', { phase: 'Failed', podIP: '10.9.0.2' }],
  ])('%s takes part in no flow: absent from the matrix, and a query about it fails', (_, status) => {
    const evaluation = evaluateCluster([peer(), pod('x/gone', { status })]);
    expect(evaluation.matrix(80, 'TCP').pods).toEqual(['x/peer']);
    expect(() => check(evaluation, 'x/gone', 'x/peer')).toThrow(QueryError);
    expect(() => check(evaluation, 'x/peer', 'x/gone')).toThrow(QueryError);
    expect(
      evaluation.flows().flows.filter((f) => !f.from.endsWith('[External]') && !f.to.endsWith('[External]')),
    ).toEqual([]);
  });

  it('a pod without any status (a manifest not yet applied) takes part', () => {
    const evaluation = evaluateCluster([peer(), pod('x/planned', { status: null })]);
    expect(evaluation.matrix(80, 'TCP').pods).toEqual(['x/peer', 'x/planned']);
    expect(check(evaluation, 'x/planned', 'x/peer').verdict).toBe('allowed');
    expect(evaluation.whoCanReach({ kind: 'pod', ref: 'x/planned' }).map((r) => r.pod)).toEqual([
      'x/peer',
      'x/planned',
    ]);
  });
});

describe('hostNetwork pods', () => {
  const objects = (...policies: NetworkPolicy[]): KubeObject[] => [
    pod('x/a', { labels: { app: 'a' } }),
    pod('x/host', {
      labels: { app: 'host' },
      hostNetwork: true,
      status: { phase: 'Running', podIP: '192.168.0.10' },
    }),
    ...policies,
  ];
  const denyAll = policy('x/deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });

  it('are exempt from policy on their own side, for ingress and egress', () => {
    const evaluation = evaluateCluster(
      objects(denyAll, policy('x/a-open', { podSelector: { matchLabels: { app: 'a' } }, ingress: [{}] })),
    );
    const inbound = check(evaluation, 'x/a', 'x/host').connections[0];
    expect(inbound?.ingress).toMatchObject({
      verdict: 'allowed',
      exemption: 'host-network',
      reason: expect.stringMatching(/host network/),
    });
    const outbound = check(evaluation, 'x/host', 'x/a').connections[0];
    expect(outbound?.egress).toMatchObject({ verdict: 'allowed', exemption: 'host-network' });
    expect(outbound?.verdict).toBe('allowed');
  });

  it.each<[string, NetworkPolicySpec['ingress']]>([
    ['podSelector {}', [{ from: [{ podSelector: {} }] }]],
    ['podSelector matching its labels', [{ from: [{ podSelector: { matchLabels: { app: 'host' } } }] }]],
    ['namespaceSelector {}', [{ from: [{ namespaceSelector: {} }] }]],
  ])('are not selected as peers by %s, and the explanation says so', (_, ingress) => {
    const evaluation = evaluateCluster(
      objects(policy('x/allow', { podSelector: { matchLabels: { app: 'a' } }, ingress })),
    );
    const connection = check(evaluation, 'x/host', 'x/a').connections[0];
    expect(connection?.verdict).toBe('denied');
    expect(connection?.notes).toEqual([expect.stringMatching(/x\/host uses the host network/)]);
  });

  it('are not selected as egress destinations by pod selectors', () => {
    const allowOut = policy('x/out', {
      podSelector: { matchLabels: { app: 'a' } },
      egress: [{ to: [{ podSelector: {} }] }],
    });
    expect(check(evaluateCluster(objects(allowOut)), 'x/a', 'x/host').verdict).toBe('denied');
  });

  it('are selected by an ipBlock holding their node’s IP, even when ipBlocks do not match pods', () => {
    const allow = policy('x/allow', {
      podSelector: { matchLabels: { app: 'a' } },
      ingress: [{ from: [{ ipBlock: { cidr: '192.168.0.0/24' } }] }],
    });
    expect(
      check(evaluateCluster(objects(allow), { ipBlockMatchesPods: false }), 'x/host', 'x/a').verdict,
    ).toBe('allowed');
  });
});

describe('workloads: pods grouped by top owner', () => {
  /** The workload a pod is grouped in, as a check names it. */
  function workloadOf(objects: KubeObject[], ref: string): string | undefined {
    const from = check(evaluateCluster(objects), ref, ref).connections[0]?.from;
    return from?.kind === 'pod' ? from.workload : undefined;
  }

  it.each<[string, KubeObject[], string, string]>([
    [
      'Pod → ReplicaSet → Deployment',
      [
        workload('Deployment', 'x/web'),
        workload('ReplicaSet', 'x/web-5d', { kind: 'Deployment', name: 'web' }),
        pod('x/web-5d-abc', { owner: { kind: 'ReplicaSet', name: 'web-5d' } }),
      ],
      'x/web-5d-abc',
      'x/web[Deployment]',
    ],
    [
      'Pod → Job → CronJob',
      [
        workload('CronJob', 'x/nightly'),
        workload('Job', 'x/nightly-123', { kind: 'CronJob', name: 'nightly' }),
        pod('x/nightly-123-q', { owner: { kind: 'Job', name: 'nightly-123' } }),
      ],
      'x/nightly-123-q',
      'x/nightly[CronJob]',
    ],
    [
      'Pod → StatefulSet',
      [workload('StatefulSet', 'x/db'), pod('x/db-0', { owner: { kind: 'StatefulSet', name: 'db' } })],
      'x/db-0',
      'x/db[StatefulSet]',
    ],
    [
      'owners as far as the objects go',
      [pod('x/web-5d-abc', { owner: { kind: 'ReplicaSet', name: 'web-5d' } })],
      'x/web-5d-abc',
      'x/web-5d[ReplicaSet]',
    ],
    ['a bare pod is its own workload', [pod('x/solo')], 'x/solo', 'x/solo[Pod]'],
    [
      'a mirror pod owned by its Node',
      [pod('kube-system/etcd-n1', { owner: { kind: 'Node', name: 'n1' } })],
      'kube-system/etcd-n1',
      'kube-system/etcd-n1[Pod]',
    ],
  ])('%s', (_, objects, ref, expected) => {
    expect(workloadOf(objects, ref)).toBe(expected);
  });

  it('flows join the pods of a workload and leave out flows within it', () => {
    const objects = [
      workload('Deployment', 'x/web'),
      workload('ReplicaSet', 'x/web-5d', { kind: 'Deployment', name: 'web' }),
      pod('x/web-5d-a', { owner: { kind: 'ReplicaSet', name: 'web-5d' } }),
      pod('x/web-5d-b', { owner: { kind: 'ReplicaSet', name: 'web-5d' } }),
      pod('x/client'),
    ];
    expect(evaluateCluster(objects).flows()).toEqual({
      flows: [
        { from: '0.0.0.0-255.255.255.255[External]', to: 'x/client[Pod]', ports: 'all' },
        { from: '0.0.0.0-255.255.255.255[External]', to: 'x/web[Deployment]', ports: 'all' },
        { from: 'x/client[Pod]', to: '0.0.0.0-255.255.255.255[External]', ports: 'all' },
        { from: 'x/client[Pod]', to: 'x/web[Deployment]', ports: 'all' },
        { from: 'x/web[Deployment]', to: '0.0.0.0-255.255.255.255[External]', ports: 'all' },
        { from: 'x/web[Deployment]', to: 'x/client[Pod]', ports: 'all' },
      ],
      unknown: [],
    });
  });

  describe('a workload without pods', () => {
    const objects = (): KubeObject[] => [
      workload('Deployment', 'x/api', undefined, { app: 'api' }),
      pod('x/client', { labels: { app: 'client' } }),
      pod('x/other', { labels: { app: 'other' } }),
      policy('x/api-in', {
        podSelector: { matchLabels: { app: 'api' } },
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'client' } } }], ports: [{ port: 8080 }] }],
      }),
    ];

    it('contributes a representative pod from its template, named ns/name[Kind], to flows but not to the matrix', () => {
      const evaluation = evaluateCluster(objects());
      expect(evaluation.matrix(8080, 'TCP').pods).toEqual(['x/client', 'x/other']);
      const intoApi = evaluation.flows().flows.filter((f) => f.to === 'x/api[Deployment]');
      expect(intoApi).toEqual([{ from: 'x/client[Pod]', to: 'x/api[Deployment]', ports: ['TCP 8080'] }]);
      expect(check(evaluation, 'x/other', 'x/api[Deployment]').connections[0]?.to).toMatchObject({
        representative: true,
      });
    });

    it('builds a CronJob’s representative from its jobTemplate', () => {
      const evaluation = evaluateCluster([
        ...objects(),
        workload('CronJob', 'x/report', undefined, { app: 'api' }),
      ]);
      expect(evaluation.flows().flows.filter((f) => f.to === 'x/report[CronJob]')).toEqual([
        { from: 'x/client[Pod]', to: 'x/report[CronJob]', ports: ['TCP 8080'] },
      ]);
    });

    it('has no representative once a pod of it exists', () => {
      const replicaSet = workload(
        'ReplicaSet',
        'x/api-7f',
        { kind: 'Deployment', name: 'api' },
        { app: 'api' },
      );
      const running = pod('x/api-7f-z', {
        labels: { app: 'api' },
        owner: { kind: 'ReplicaSet', name: 'api-7f' },
      });
      const evaluation = evaluateCluster([...objects(), replicaSet, running]);
      expect(() => check(evaluation, 'x/client', 'x/api[Deployment]')).toThrow(QueryError);
      expect(() => check(evaluation, 'x/client', 'x/api-7f[ReplicaSet]')).toThrow(QueryError);
      expect(check(evaluation, 'x/client', 'x/api-7f-z').verdict).toBe('denied');
    });
  });
});
