import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Topology } from '@netmap/model';
import demo from './demo-model.fixture.json' with { type: 'json' };
import { buildElements } from './elements.ts';
import { generatedModel, shopModel, viewOf } from './test-model.ts';

const demoModel = demo as unknown as Topology;

describe('buildElements: staying within the limits', () => {
  const model = generatedModel(4, 10, 3);

  it('draws everything when within the limits, and says nothing', () => {
    const map = buildElements(model, viewOf());
    expect(map.aggregated).toBeUndefined();
    expect(map.elements.nodes.filter((node) => node.id.startsWith('workload:'))).toHaveLength(40);
  });

  it('drops expanded pods first, then collapses namespaces, and says why', () => {
    const allWorkloads = Array.from({ length: 10 }, (_, w) => `workload:team-0/app-${w}[Deployment]`);
    const withPods = buildElements(model, viewOf({ expanded: allWorkloads }), { maxNodes: 100 });
    expect(withPods.aggregated).toBe(
      'Workloads are drawn without their pods, because the more detailed map would have 114 nodes (more than 100).',
    );
    expect(withPods.elements.nodes.some((node) => node.id.startsWith('pod:'))).toBe(false);

    const collapsed = buildElements(model, viewOf(), { maxNodes: 50 });
    expect(collapsed.aggregated).toBe(
      'Each namespace is drawn as one node with counts, because the more detailed map would have 84 nodes (more than 50).',
    );
    expect(collapsed.elements.nodes.map((node) => [node.id, node.caption])).toEqual(
      [0, 1, 2, 3].map((n) => [`aggregate:team-${n}`, '10 workloads · 30 pods · 10 services']),
    );
    expect(collapsed.elements.edges.map((edge) => [edge.id, edge.label])).toEqual([
      ...[0, 1, 2, 3].map((n) => [`flow:allowed:aggregate:team-${n}>aggregate:team-${n}`, 'TCP 8080']),
      ...[0, 1, 2, 3].map((n) => [`flow:unknown:aggregate:team-${n}>aggregate:team-${n}`, 'TCP 9090']),
    ]);
    expect(collapsed.legend.map((entry) => entry.label)).toEqual([
      'Namespace, collapsed (counts)',
      'Allowed flow',
      'Flow that depends on unknown facts',
    ]);
  });

  it('collapses on too many edges too', () => {
    expect(buildElements(model, viewOf(), { maxEdges: 50 }).aggregated).toMatch(/72 edges \(more than 50\)/);
  });

  it('by node: leaves out flows between pods first, then draws each node with counts', () => {
    const noFlows = buildElements(model, viewOf({ grouping: 'node' }), { maxEdges: 300 });
    expect(noFlows.aggregated).toBe(
      'Flows between pods are left out (group by namespace to see flows between workloads), because the more detailed map would have 648 edges (more than 300).',
    );
    expect(noFlows.elements.edges.some((edge) => edge.id.startsWith('flow:'))).toBe(false);
    const perNode = buildElements(model, viewOf({ grouping: 'node' }), { maxNodes: 100 });
    expect(perNode.aggregated).toMatch(/^Each Kubernetes node is drawn as one node with counts/);
    expect(perNode.elements.nodes.map((node) => [node.id, node.caption])).toEqual([
      ['k8s-node:node-0', '40 pods'],
      ['k8s-node:node-1', '40 pods'],
      ['k8s-node:node-2', '40 pods'],
    ]);
  });
});

describe('buildElements: determinism', () => {
  const shuffled = (model: Topology, seed: number): Topology => {
    const order = <T>(entries: [string, T][]) =>
      Object.fromEntries(
        fc.sample(fc.shuffledSubarray(entries, { minLength: entries.length }), { seed, numRuns: 1 })[0]!,
      );
    return {
      nodes: order(Object.entries(model.nodes)),
      flows: order(Object.entries(model.flows)),
      findings: {},
    };
  };

  it('gives the same elements, sorted by id, whatever order the model lists things in', () => {
    const { model } = shopModel();
    const view = viewOf({ expanded: ['workload:shop/frontend[Deployment]'] });
    const first = buildElements(model, view);
    for (const seed of [1, 2, 3]) expect(buildElements(shuffled(model, seed), view)).toEqual(first);
    const ids = first.elements.nodes.map((node) => node.id);
    expect(ids).toEqual([...ids].sort());
  });
});

describe('buildElements on the demo cluster', () => {
  const map = buildElements(demoModel, viewOf());

  it('draws only edges between drawn nodes, and only parents that are drawn', () => {
    const ids = new Set(map.elements.nodes.map((node) => node.id));
    for (const edge of map.elements.edges)
      expect([ids.has(edge.source), ids.has(edge.target)]).toEqual([true, true]);
    for (const node of map.elements.nodes) if (node.parent) expect(ids.has(node.parent)).toBe(true);
    expect(new Set(map.elements.edges.map((edge) => edge.id)).size).toBe(map.elements.edges.length);
  });

  it('shows the shop behind its Ingress and the outside it reaches', () => {
    const labels = map.legend.map((entry) => entry.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'Namespace',
        'Ingress (hosts and paths)',
        'Service (NodePort)',
        'Service (LoadBalancer)',
        'Internet / outside the cluster',
        'IP range named by a policy',
        'No ingress or egress policy (unprotected)',
        'Exposed outside the cluster (NodePort, LoadBalancer, Ingress)',
      ]),
    );
    expect(labels).not.toContain('Flow that depends on unknown facts');
    expect(
      map.elements.edges.find((edge) => edge.id === 'route:ingress:shop/shop>service:shop/frontend')?.label,
    ).toBe('shop.example.com/');
    expect(
      map.elements.nodes.find((node) => node.id === 'external:198.51.100.0-198.51.100.255[External]')?.label,
    ).toBe('198.51.100.0/24');
  });

  it('lists in the legend only what a narrower view shows', () => {
    const narrow = buildElements(demoModel, viewOf({ namespaces: ['shop'], kinds: ['workload'] }));
    expect(narrow.legend.map((entry) => entry.label)).toEqual([
      'Namespace',
      'Workload (its pods as one node)',
      'Allowed flow',
    ]);
    expect(narrow.hidden.nodes).toBeGreaterThan(0);
  });
});
