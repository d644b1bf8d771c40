// What the source could not read: verdicts that depend on it are unknown, never allowed or denied.
import type { KubeObject, Pod, Verdict } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { deriveTopology } from './derive-topology.ts';
import { evaluateCluster, type Evaluation } from './evaluation.ts';
import { app, namespace, policy } from './test-support/objects.ts';
import { TopologyDeriver } from './topology-deriver.ts';
import type { Visibility } from './visibility.ts';

function pod(ref: string, ip: string, labels: Record<string, string>, hostNetwork = false): Pod {
  const [ns, name] = ref.split('/');
  return {
    kind: 'Pod',
    metadata: { namespace: ns, name, labels },
    spec: hostNetwork ? { hostNetwork: true } : {},
    status: { phase: 'Running', podIP: ip },
  };
}

const client = pod('front/client', '10.0.0.1', { app: 'client' });
const web = pod('shop/web', '10.0.0.2', { app: 'web' });
const agent = pod('shop/agent', '192.168.0.9', { app: 'agent' }, true);

function verdict(evaluation: Evaluation, from: string, to: string): Verdict {
  return evaluation.can({ kind: 'pod', ref: from }, { kind: 'pod', ref: to }, 80, 'TCP').verdict;
}

function evaluate(objects: KubeObject[], visibility: Visibility): Evaluation {
  const evaluation = evaluateCluster(objects);
  evaluation.setVisibility(visibility);
  return evaluation;
}

const shopUnread: Visibility = { policies: ['front'], namespaceLabels: true };

describe('unreadable NetworkPolicies', () => {
  it('makes every verdict to or from the namespace unknown, both in queries and in the matrix', () => {
    const evaluation = evaluate([client, web], shopUnread);
    expect(verdict(evaluation, 'front/client', 'shop/web')).toBe('unknown');
    expect(verdict(evaluation, 'shop/web', 'front/client')).toBe('unknown');
    const matrix = evaluation.matrix(80, 'TCP');
    expect(matrix.unknown).toEqual({ 'front/client': ['shop/web'], 'shop/web': ['front/client'] });
    expect(matrix.allowed['shop/web']).toEqual(['shop/web']);
  });

  it('explains the unknown side by the namespace that could not be read', () => {
    const result = evaluate([client, web], shopUnread).can(
      { kind: 'pod', ref: 'front/client' },
      { kind: 'pod', ref: 'shop/web' },
      80,
      'TCP',
    );
    const [explanation] = result.connections;
    expect(explanation?.egress.verdict).toBe('allowed');
    expect(explanation?.ingress).toMatchObject({ verdict: 'unknown', exemption: 'unreadable' });
    expect(explanation?.ingress.reason).toContain('NetworkPolicies of namespace shop could not be read');
  });

  it('keeps a definite deny of the side that was read', () => {
    const denyEgress = policy('front/deny', { podSelector: {}, policyTypes: ['Egress'] });
    const evaluation = evaluate([client, web, denyEgress], shopUnread);
    expect(verdict(evaluation, 'front/client', 'shop/web')).toBe('denied');
    expect(verdict(evaluation, 'shop/web', 'front/client')).toBe('unknown');
  });

  it('ignores policies held from before the namespace became unreadable', () => {
    const denyAll = policy('shop/deny', { podSelector: {}, ingress: [] });
    const evaluation = evaluate([client, web, denyAll], shopUnread);
    expect(verdict(evaluation, 'front/client', 'shop/web')).toBe('unknown');
  });

  it('leaves loopback and host-network pods, to which no policy applies, allowed', () => {
    const evaluation = evaluate([client, web, agent], shopUnread);
    expect(verdict(evaluation, 'shop/web', 'shop/web')).toBe('allowed');
    expect(verdict(evaluation, 'shop/agent', 'front/client')).toBe('allowed');
  });

  it('answers again as before once the policies can be read', () => {
    const evaluation = evaluate([client, web], shopUnread);
    expect(evaluation.flows().unknown.length).toBeGreaterThan(0);
    expect(evaluation.setVisibility({ policies: 'all', namespaceLabels: true })).toEqual(['shop']);
    expect(verdict(evaluation, 'front/client', 'shop/web')).toBe('allowed');
    expect(evaluation.flows().unknown).toEqual([]);
  });

  it('reports the namespace instead of unprotected workloads and missing default denies there', () => {
    const ids = evaluate([client, web], shopUnread)
      .findings()
      .map((finding) => finding.id);
    expect(ids).toContain('policies-unreadable:shop');
    expect(ids).not.toContain('policies-unreadable:front');
    expect(ids.filter((id) => id.includes(':shop') || id.includes('shop/'))).toEqual([
      'policies-unreadable:shop',
    ]);
    expect(ids).toContain('no-default-deny:ingress:front');
  });
});

describe('unreadable namespace labels', () => {
  const allowTeam = policy('shop/allow-team', {
    podSelector: app('web'),
    ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'front' } } }] }],
  });
  const allowByName = policy('shop/allow-by-name', {
    podSelector: app('web'),
    ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'front' } } }] }],
  });

  it('makes namespaceSelectors on other labels unknown, and says so', () => {
    const evaluation = evaluate([client, web, allowTeam], { policies: 'all', namespaceLabels: false });
    expect(verdict(evaluation, 'front/client', 'shop/web')).toBe('unknown');
    expect(evaluation.findings().map((finding) => finding.id)).toContain('namespace-labels-unreadable');
    // With the labels known (manifests without the Namespace: only its name label), it is denied.
    expect(verdict(evaluateCluster([client, web, allowTeam]), 'front/client', 'shop/web')).toBe('denied');
  });

  it('still matches on the name label every namespace carries', () => {
    const evaluation = evaluate([client, web, allowByName], { policies: 'all', namespaceLabels: false });
    expect(verdict(evaluation, 'front/client', 'shop/web')).toBe('allowed');
    expect(evaluation.findings().map((finding) => finding.id)).not.toContain('namespace-labels-unreadable');
  });

  it('keeps the labels of Namespace objects that were read', () => {
    const front = namespace('front', { team: 'front' });
    const evaluation = evaluate([front, client, web, allowTeam], { policies: 'all', namespaceLabels: false });
    expect(verdict(evaluation, 'front/client', 'shop/web')).toBe('allowed');
  });
});

describe('a topology deriver told what could be read', () => {
  const denyAll = policy('front/deny', { podSelector: {}, ingress: [] });
  const objects = [client, web, agent, denyAll];
  const steps: Visibility[] = [
    shopUnread,
    { policies: [], namespaceLabels: false },
    { policies: ['shop'], namespaceLabels: true },
    { policies: 'all', namespaceLabels: true },
  ];

  it('derives the same topology as a fresh evaluation with that visibility, at each step', () => {
    for (const flowLevel of ['workload', 'namespace'] as const) {
      const deriver = new TopologyDeriver(evaluateCluster(objects), { flowLevel });
      for (const visibility of steps) {
        deriver.setVisibility(visibility);
        deriver.update();
        expect(deriver.topology).toEqual(deriveTopology(evaluate(objects, visibility), { flowLevel }));
      }
    }
  });

  it('marks flows into the unreadable namespace unknown', () => {
    const deriver = new TopologyDeriver(evaluateCluster([client, web]));
    deriver.setVisibility(shopUnread);
    deriver.update();
    const intoShop = Object.values(deriver.topology.flows).filter((flow) => flow.to.includes('shop/'));
    expect(intoShop.map((flow) => flow.verdict)).toEqual(intoShop.map(() => 'unknown'));
    expect(intoShop.length).toBe(2);
    const node = (id: string) => deriver.topology.nodes[id] as { policiesUnknown?: true } | undefined;
    expect(node('workload:shop/web[Pod]')?.policiesUnknown).toBe(true);
    expect(node('workload:front/client[Pod]')?.policiesUnknown).toBeUndefined();
    expect(Object.keys(deriver.topology.findings)).toContain('policies-unreadable:shop');
  });
});
