// NetworkPolicy semantics of isolation, rules and selectors, each checked on a tiny cluster.
import type { KubeObject, NetworkPolicy, NetworkPolicyPeer, Pod, Verdict } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { app, namespace, policy } from './test-support/objects.ts';
import { evaluateCluster, type Evaluation } from './evaluation.ts';

let lastIp = 0;

function pod(ref: string, labels: Record<string, string> = {}): Pod {
  const [namespace, name] = ref.split('/');
  lastIp++;
  const podIP = `10.0.${lastIp >> 8}.${lastIp & 255}`;
  return {
    kind: 'Pod',
    metadata: { namespace, name, labels },
    spec: {},
    status: { phase: 'Running', podIP },
  };
}

function verdict(evaluation: Evaluation, from: string, to: string): Verdict {
  return evaluation.can({ kind: 'pod', ref: from }, { kind: 'pod', ref: to }, 80, 'TCP').verdict;
}

/** Verdicts from each source to one destination, as `{ source: verdict }`. */
function verdictsInto(objects: KubeObject[], sources: string[], to: string): Record<string, Verdict> {
  const evaluation = evaluateCluster(objects);
  return Object.fromEntries(sources.map((from) => [from, verdict(evaluation, from, to)]));
}

/** x/a, x/b, x/d and y/c, each labelled app=<name>. */
const pods = (): Pod[] => [
  pod('x/a', { app: 'a' }),
  pod('x/b', { app: 'b' }),
  pod('x/d', { app: 'd' }),
  pod('y/c', { app: 'c' }),
];

describe('isolation', () => {
  it('a pod that no policy selects allows every connection, both ways', () => {
    const matrix = evaluateCluster(pods()).matrix(80, 'TCP');
    for (const source of matrix.pods) expect(matrix.allowed[source]).toEqual(matrix.pods);
    expect(matrix.unknown).toBeUndefined();
  });

  it('a pod is isolated only by a policy of its own namespace', () => {
    // The policy lives in y; its podSelector would select x/a's labels, but only y's pods are selected.
    const evaluation = evaluateCluster([...pods(), policy('y/deny', { podSelector: app('a'), ingress: [] })]);
    expect(verdict(evaluation, 'x/b', 'x/a')).toBe('allowed');
    expect(verdict(evaluation, 'y/c', 'x/a')).toBe('allowed');
  });

  it('a pod is isolated only by a policy whose podSelector selects it', () => {
    const evaluation = evaluateCluster([...pods(), policy('x/deny', { podSelector: app('a'), ingress: [] })]);
    expect(verdict(evaluation, 'x/b', 'x/a')).toBe('denied');
    expect(verdict(evaluation, 'x/a', 'x/b')).toBe('allowed');
  });

  it('a policy isolates only for the policyTypes it holds', () => {
    const deny = policy('x/deny-egress', { podSelector: app('a'), policyTypes: ['Egress'], ingress: [] });
    const evaluation = evaluateCluster([...pods(), deny]);
    expect(verdict(evaluation, 'x/a', 'x/b')).toBe('denied');
    expect(verdict(evaluation, 'x/b', 'x/a')).toBe('allowed');
    expect(
      evaluation.can({ kind: 'pod', ref: 'x/b' }, { kind: 'pod', ref: 'x/a' }, 80, 'TCP').connections[0]
        ?.ingress.isolated,
    ).toBe(false);
  });

  it('policies are additive: a connection is allowed when any selecting policy allows it', () => {
    const fromB = policy('x/from-b', {
      podSelector: app('a'),
      ingress: [{ from: [{ podSelector: app('b') }] }],
    });
    const fromC = policy('x/from-c', {
      podSelector: app('a'),
      ingress: [{ from: [{ namespaceSelector: {}, podSelector: app('c') }] }],
    });
    expect(verdictsInto([...pods(), fromB, fromC], ['x/b', 'y/c', 'x/d'], 'x/a')).toEqual({
      'x/b': 'allowed',
      'y/c': 'allowed',
      'x/d': 'denied',
    });
  });

  it.each<[string, boolean, boolean, Verdict]>([
    ['both sides allow', true, true, 'allowed'],
    ['the source egress denies', false, true, 'denied'],
    ['the destination ingress denies', true, false, 'denied'],
    ['both deny', false, false, 'denied'],
  ])(
    'a connection needs source egress AND destination ingress: %s → %s',
    (_, isEgressOpen, isIngressOpen, expected) => {
      const egress = policy('x/egress', {
        podSelector: app('a'),
        policyTypes: ['Egress'],
        egress: isEgressOpen ? [{ to: [{ podSelector: app('b') }] }] : [],
      });
      const ingress = policy('x/ingress', {
        podSelector: app('b'),
        ingress: isIngressOpen ? [{ from: [{ podSelector: app('a') }] }] : [],
      });
      expect(verdict(evaluateCluster([...pods(), egress, ingress]), 'x/a', 'x/b')).toBe(expected);
    },
  );
});

describe('rules', () => {
  it('`ingress: []` isolates the pod and allows nothing in', () => {
    const objects = [...pods(), policy('x/none', { podSelector: app('a'), ingress: [] })];
    expect(verdictsInto(objects, ['x/b', 'y/c'], 'x/a')).toEqual({ 'x/b': 'denied', 'y/c': 'denied' });
  });

  it('`ingress: [{}]` isolates the pod and allows everything in', () => {
    const evaluation = evaluateCluster([
      ...pods(),
      policy('x/all', { podSelector: app('a'), ingress: [{}] }),
    ]);
    const check = evaluation.can({ kind: 'pod', ref: 'y/c' }, { kind: 'pod', ref: 'x/a' }, 12345, 'UDP');
    expect(check.verdict).toBe('allowed');
    expect(check.connections[0]?.ingress.isolated).toBe(true);
  });

  it('`egress: [{}]` allows everything out', () => {
    const objects = [...pods(), policy('x/all-out', { podSelector: app('a'), egress: [{}] })];
    expect(evaluateCluster(objects).matrix(443, 'TCP').allowed['x/a']).toEqual(['x/a', 'x/b', 'x/d', 'y/c']);
  });

  it('`podSelector: {}` selects every pod of the namespace, and no pod elsewhere', () => {
    const matrix = evaluateCluster([
      ...pods(),
      policy('x/deny-all', { podSelector: {}, ingress: [] }),
    ]).matrix(80, 'TCP');
    expect(matrix.allowed['y/c']).toEqual(['y/c']);
    expect(matrix.allowed['x/a']).toEqual(['x/a', 'y/c']);
  });
});

describe('selectors', () => {
  const cluster = (...objects: KubeObject[]): KubeObject[] => [
    namespace('x', { team: 'a' }),
    namespace('y', { team: 'b' }),
    pod('x/server', { app: 'server' }),
    pod('x/a', { app: 'a' }),
    pod('y/a', { app: 'a' }),
    pod('y/b', { app: 'b' }),
    pod('z/a', { app: 'a' }),
    ...objects,
  ];
  const sources = ['x/a', 'y/a', 'y/b', 'z/a'];
  const allowFrom = (...from: NetworkPolicyPeer[]) =>
    policy('x/allow', { podSelector: app('server'), ingress: [{ from }] });
  const allowedInto = (objects: KubeObject[]) =>
    Object.entries(verdictsInto(objects, sources, 'x/server'))
      .filter(([, v]) => v === 'allowed')
      .map(([source]) => source);

  it.each<[string, NetworkPolicy, string[]]>([
    [
      'namespaceSelector alone selects every pod of the selected namespaces',
      allowFrom({ namespaceSelector: { matchLabels: { team: 'b' } } }),
      ['y/a', 'y/b'],
    ],
    [
      'podSelector alone selects pods of the policy’s own namespace only',
      allowFrom({ podSelector: app('a') }),
      ['x/a'],
    ],
    [
      'both selectors in ONE peer select pods matching both (AND)',
      allowFrom({ namespaceSelector: { matchLabels: { team: 'b' } }, podSelector: app('a') }),
      ['y/a'],
    ],
    [
      'two peers select pods matching either (OR)',
      allowFrom({ namespaceSelector: { matchLabels: { team: 'b' } } }, { podSelector: app('a') }),
      ['x/a', 'y/a', 'y/b'],
    ],
    [
      'namespaceSelector {} selects every namespace',
      allowFrom({ namespaceSelector: {}, podSelector: app('a') }),
      ['x/a', 'y/a', 'z/a'],
    ],
  ])('%s', (_, allow, expected) => {
    expect(allowedInto(cluster(allow))).toEqual(expected);
  });

  it('every namespace carries kubernetes.io/metadata.name, even when its manifest lacks it', () => {
    const allow = allowFrom({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'y' } } });
    expect(allowedInto(cluster(allow))).toEqual(['y/a', 'y/b']);
  });

  it('a namespace with no Namespace object carries only kubernetes.io/metadata.name', () => {
    const byName = allowFrom({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'z' } } });
    expect(allowedInto(cluster(byName))).toEqual(['z/a']);
    const withoutTeam = allowFrom({
      namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'DoesNotExist' }] },
    });
    expect(allowedInto(cluster(withoutTeam))).toEqual(['z/a']);
    // Its labels are known, not guessed: a selector on another label is a definite no.
    expect(
      verdictsInto(
        cluster(allowFrom({ namespaceSelector: { matchLabels: { team: 'a' } } })),
        ['z/a'],
        'x/server',
      ),
    ).toEqual({
      'z/a': 'denied',
    });
  });
});

describe('loopback', () => {
  const denyAll = policy('x/deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });

  it('a pod can always reach itself, even when policy denies it everything', () => {
    const evaluation = evaluateCluster([...pods(), denyAll]);
    const check = evaluation.can({ kind: 'pod', ref: 'x/a' }, { kind: 'pod', ref: 'x/a' }, 80, 'TCP');
    expect(check.verdict).toBe('allowed');
    expect([check.connections[0]?.egress.exemption, check.connections[0]?.ingress.exemption]).toEqual([
      'loopback',
      'loopback',
    ]);
    expect(evaluation.matrix(80, 'TCP').allowed['x/a']).toEqual(['x/a']);
  });

  it('the exemption is for the pod itself, not for pods with the same labels', () => {
    const evaluation = evaluateCluster([...pods(), pod('x/a-twin', { app: 'a' }), denyAll]);
    expect(verdict(evaluation, 'x/a', 'x/a-twin')).toBe('denied');
    expect(evaluation.matrix(80, 'TCP').allowed['x/a-twin']).toEqual(['x/a-twin']);
  });
});
