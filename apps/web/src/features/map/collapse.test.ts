import { describe, expect, it } from 'vitest';
import { buildElements } from './elements.ts';
import { generatedModel, viewOf } from './test-model.ts';

describe('collapsing by default', () => {
  it('draws up to a thousand nodes in detail', () => {
    // 10 namespaces, each with 49 workloads and their Services: 990 nodes.
    const map = buildElements(generatedModel(10, 49, 1), viewOf());
    expect(map.aggregated).toBeUndefined();
    expect(map.elements.nodes).toHaveLength(990);
  });

  it('draws each namespace as one node with counts beyond, and says why', () => {
    const map = buildElements(generatedModel(10, 50, 1), viewOf());
    expect(map.aggregated).toBe(
      'Each namespace is drawn as one node with counts, because the more detailed map would have 1,010 nodes (more than 1,000).',
    );
    expect(map.elements.nodes.map((node) => node.caption)).toEqual(
      Array(10).fill('50 workloads · 50 pods · 50 services'),
    );
  });
});
