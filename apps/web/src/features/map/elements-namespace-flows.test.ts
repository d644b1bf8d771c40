import { describe, expect, it } from 'vitest';
import { buildElements } from './elements.ts';
import { external, flow, namespace, pod, topology, viewOf, workload } from './test-model.ts';

// Large clusters stream flows between namespaces (`flowLevel: 'namespace'`), not workloads.
describe('a topology whose flows join namespaces', () => {
  const shop = namespace('shop');
  const billing = namespace('billing');
  const web = workload('shop/web');
  const ledger = workload('billing/ledger');
  const internet = external('0.0.0.0-255.255.255.255[External]');
  const model = {
    ...topology(
      [shop, billing, web, pod(web, 'a'), ledger, pod(ledger, 'a'), internet],
      [flow(shop, billing, ['TCP 5432']), flow(shop, shop, 'all'), flow(internet, shop, ['TCP 443'])],
    ),
    flowLevel: 'namespace' as const,
  };

  it('draws them between the namespace boxes, ports on the edge', () => {
    const { elements } = buildElements(model, viewOf());
    const edges = elements.edges.filter((edge) => edge.id.startsWith('flow:'));
    expect(edges.map(({ source, target, label }) => ({ source, target, label }))).toEqual([
      { source: 'internet', target: 'namespace:shop', label: 'TCP 443' },
      { source: 'namespace:shop', target: 'namespace:billing', label: 'TCP 5432' },
      { source: 'namespace:shop', target: 'namespace:shop', label: 'all ports' },
    ]);
  });

  it('draws them between collapsed namespaces too', () => {
    const { elements, aggregated } = buildElements(model, viewOf(), { maxNodes: 3 });
    expect(aggregated).toBeDefined();
    const edges = elements.edges.filter((edge) => edge.id.startsWith('flow:'));
    expect(edges.map(({ source, target }) => `${source}>${target}`).sort()).toEqual([
      'aggregate:shop>aggregate:billing',
      'aggregate:shop>aggregate:shop',
      'internet>aggregate:shop',
    ]);
  });
});
