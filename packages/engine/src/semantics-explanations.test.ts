// What a verdict's explanation names, and how malformed objects are reported instead of evaluated.
import type { KubeObject, LabelSelector, Pod } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { app, namespace, policy } from './test-support/objects.ts';
import { evaluateCluster, type Evaluation } from './evaluation.ts';

let lastIp = 0;

function pod(ref: string, labels: Record<string, string>): Pod {
  const [namespace, name] = ref.split('/');
  lastIp++;
  return {
    kind: 'Pod',
    metadata: { namespace, name, labels },
    spec: {},
    status: { phase: 'Running', podIP: `10.0.0.${lastIp & 255}` },
  };
}

function connection(evaluation: Evaluation, from: string, to: string, port = 80) {
  const check = evaluation.can({ kind: 'pod', ref: from }, { kind: 'pod', ref: to }, port, 'TCP');
  expect(check.connections).toHaveLength(1);
  return check.connections[0]!;
}

const pods = (): Pod[] => [
  pod('x/client', { app: 'client' }),
  pod('x/server', { app: 'server' }),
  pod('y/a', { app: 'a' }),
];

describe('explanations', () => {
  it('for an allowed connection, name the policy, direction, rule, peer and port that allowed it', () => {
    const allow = policy('x/allow-client', {
      podSelector: app('server'),
      ingress: [
        { from: [{ podSelector: app('client') }], ports: [{ port: 443 }] },
        {
          from: [{ podSelector: app('nobody') }, { podSelector: app('client') }],
          ports: [{ protocol: 'UDP', port: 53 }, { port: 80 }],
        },
      ],
    });
    const explained = connection(evaluateCluster([...pods(), allow]), 'x/client', 'x/server');
    expect(explained.verdict).toBe('allowed');
    expect(explained.egress).toMatchObject({
      direction: 'egress',
      verdict: 'allowed',
      isolated: false,
      tiers: [],
    });
    expect(explained.ingress).toMatchObject({ direction: 'ingress', verdict: 'allowed', isolated: true });
    expect(explained.ingress.tiers).toEqual([
      {
        tier: 'NetworkPolicy',
        verdict: 'allowed',
        policies: [
          {
            policy: 'x/allow-client',
            result: 'match',
            rules: [
              {
                rule: 0,
                result: 'no-match',
                peer: 0,
                reason: expect.stringMatching(/ports TCP 443 do not include TCP 80/),
              },
              {
                rule: 1,
                result: 'match',
                peer: 1,
                port: 1,
                reason: expect.stringMatching(/^from\[1\] .* selects x\/client; ports\[1\]/),
              },
            ],
          },
        ],
      },
    ]);
    expect(explained.ingress.reason).toMatch(/allowed by x\/allow-client/);
  });

  it('for an egress rule, trace the egress side', () => {
    const out = policy('x/client-out', {
      podSelector: app('client'),
      egress: [{ to: [{ podSelector: app('server') }] }],
    });
    const explained = connection(evaluateCluster([...pods(), out]), 'x/client', 'x/server');
    expect(explained.egress.tiers[0]?.policies).toEqual([
      {
        policy: 'x/client-out',
        result: 'match',
        rules: [{ rule: 0, result: 'match', peer: 0, reason: expect.stringMatching(/no ports list/) }],
      },
    ]);
    expect(explained.ingress.isolated).toBe(false);
  });

  it('for a denial, list each selecting policy as no-match, saying the peer was not selected or the port not matched', () => {
    const wrongPeer = policy('x/from-a', {
      podSelector: app('server'),
      ingress: [{ from: [{ podSelector: app('a') }] }],
    });
    const wrongPort = policy('x/on-443', {
      podSelector: app('server'),
      ingress: [{ ports: [{ port: 443 }] }],
    });
    const explained = connection(evaluateCluster([...pods(), wrongPeer, wrongPort]), 'x/client', 'x/server');
    expect(explained.verdict).toBe('denied');
    const policies = explained.ingress.tiers[0]?.policies ?? [];
    expect(policies.map((p) => [p.policy, p.result])).toEqual([
      ['x/from-a', 'no-match'],
      ['x/on-443', 'no-match'],
    ]);
    expect(policies[0]?.rules[0]?.reason).toMatch(
      /from\[0\] \(podSelector \{app=a\}\) does not select x\/client/,
    );
    expect(policies[1]?.rules[0]?.reason).toMatch(/ports TCP 443 do not include TCP 80/);
    expect(explained.ingress.reason).toMatch(/no rule of 2 selecting policies allows TCP 80 from x\/client/);
  });

  it('for a policy without rules, the denial lists the policy with no rules', () => {
    const explained = connection(
      evaluateCluster([...pods(), policy('x/deny', { podSelector: {}, ingress: [] })]),
      'y/a',
      'x/server',
    );
    expect(explained.ingress.tiers[0]?.policies).toEqual([
      { policy: 'x/deny', result: 'no-match', rules: [] },
    ]);
  });

  describe('unknown namespace labels', () => {
    const evaluate = (namespaceSelector: LabelSelector): Evaluation => {
      const allow = policy('x/from-team', {
        podSelector: app('server'),
        ingress: [{ from: [{ namespaceSelector }] }],
      });
      const evaluation = evaluateCluster([namespace('y', { team: 'a' }), ...pods(), allow]);
      // A namespace whose labels could not be read (manifests cannot express this).
      evaluation.state.namespaces.set('y', undefined);
      return evaluation;
    };

    it('make a namespaceSelector on another label unknown, with the peer named', () => {
      const evaluation = evaluate({ matchLabels: { team: 'a' } });
      const explained = connection(evaluation, 'y/a', 'x/server');
      expect(explained.verdict).toBe('unknown');
      expect(explained.ingress.tiers[0]?.policies[0]?.rules[0]).toMatchObject({ result: 'unknown', peer: 0 });
      expect(evaluation.matrix(80, 'TCP').unknown).toEqual({ 'y/a': ['x/server'] });
    });

    it('still know kubernetes.io/metadata.name', () => {
      const byName = evaluate({ matchLabels: { 'kubernetes.io/metadata.name': 'y' } });
      expect(connection(byName, 'y/a', 'x/server').verdict).toBe('allowed');
      const otherName = evaluate({ matchLabels: { 'kubernetes.io/metadata.name': 'z', team: 'a' } });
      expect(connection(otherName, 'y/a', 'x/server').verdict).toBe('denied');
    });
  });
});

describe('malformed objects never crash', () => {
  it('an invalid policy is kept in state.invalid with its reason, and is not evaluated', () => {
    const invalid = policy('x/bad', {
      podSelector: app('server'),
      ingress: [{ from: [{ podSelector: app('client') }] }, { from: [{}] }],
    });
    const valid = policy('x/deny-client', { podSelector: app('client'), ingress: [] });
    const evaluation = evaluateCluster([...pods(), invalid, valid]);
    expect([...evaluation.state.invalid.values()]).toEqual([
      { kind: 'NetworkPolicy', ref: 'x/bad', error: 'spec.ingress[1].from[0]: must specify a peer' },
    ]);
    // Not even its valid rule isolates x/server; the valid policy beside it is evaluated.
    expect(connection(evaluation, 'y/a', 'x/server')).toMatchObject({
      verdict: 'allowed',
      ingress: { isolated: false },
    });
    expect(connection(evaluation, 'y/a', 'x/client').verdict).toBe('denied');
  });

  it('objects without kind, name or namespace, and kinds the engine does not read, are passed over', () => {
    const objects = [
      {},
      { kind: 'ConfigMap', metadata: { name: 'c' } },
      { kind: 'Namespace' },
      { kind: 'NetworkPolicy' },
    ];
    const evaluation = evaluateCluster([...pods(), ...(objects as KubeObject[])]);
    expect(evaluation.matrix(80, 'TCP').allowed['x/client']).toEqual(['x/client', 'x/server', 'y/a']);
    expect(evaluation.state.ignored.get('ConfigMap')).toBe(1);
  });

  // Manifests are untrusted: a field of the wrong type must not stop the analysis of the rest.
  it.each<[string, unknown]>([
    ['ingress that is not a list', { ingress: { from: [] } }],
    ['matchExpressions that is not a list', { podSelector: { matchExpressions: 'app In (web)' } }],
    [
      'except that is not a list',
      { ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: '10.1.0.0/16' } }] }] },
    ],
  ])('a policy with %s is reported invalid', (_, spec) => {
    const malformed = {
      kind: 'NetworkPolicy',
      metadata: { namespace: 'x', name: 'typo' },
      spec,
    } as KubeObject;
    const evaluation = evaluateCluster([...pods(), malformed]);
    expect(evaluation.state.invalid.get('NetworkPolicy x/typo')).toMatchObject({
      ref: 'x/typo',
      error: expect.any(String),
    });
    expect(evaluation.matrix(80, 'TCP').allowed['y/a']).toEqual(['x/client', 'x/server', 'y/a']);
  });

  it.each<[string, unknown]>([
    ['a podIP that is not a string', { phase: 'Running', podIP: 10 }],
    [
      'conditions that are not a list',
      { phase: 'Running', podIP: '10.9.0.1', conditions: { type: 'Ready' } },
    ],
  ])('a pod with %s does not stop the evaluation', (_, status) => {
    const malformed = { kind: 'Pod', metadata: { namespace: 'x', name: 'odd' }, status } as KubeObject;
    const evaluate = () => evaluateCluster([...pods(), malformed]).matrix(80, 'TCP');
    expect(evaluate).not.toThrow();
    expect(evaluate().allowed['y/a']).toEqual(expect.arrayContaining(['x/client', 'x/server', 'y/a']));
  });
});
