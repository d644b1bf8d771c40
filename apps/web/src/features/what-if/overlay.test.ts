import { describe, expect, it } from 'vitest';
import type { FlowChange } from '@netmap/model';
import { buildElements } from '../map/elements.ts';
import { shopModel, viewOf } from '../map/test-model.ts';
import { whatIfOverlay, withOverlay } from './overlay.ts';

const shop = shopModel();
const frontend = 'shop/frontend[Deployment]';
const cart = 'shop/cart[Deployment]';
const redis = 'shop/redis[StatefulSet]';
const change = (from: string, to: string, ports: FlowChange['ports']): FlowChange => ({ from, to, ports });

describe('whatIfOverlay', () => {
  const map = buildElements(shop.model, viewOf());

  it('draws added flows as green edges and removed ones as red dashed edges between the workloads', () => {
    const overlay = whatIfOverlay(
      { added: [change(frontend, redis, ['TCP 6379'])], removed: [change(frontend, cart, ['TCP 7070'])] },
      map,
      shop.model,
    );
    expect(overlay.notDrawn).toBe(0);
    expect(overlay.edges).toEqual([
      {
        id: `what-if:added:workload:${frontend}>workload:${redis}`,
        source: `workload:${frontend}`,
        target: `workload:${redis}`,
        label: '+ TCP 6379',
        visual: { color: '#009E73', lineStyle: 'solid', width: 3.5, arrow: true },
      },
      {
        id: `what-if:removed:workload:${frontend}>workload:${cart}`,
        source: `workload:${frontend}`,
        target: `workload:${cart}`,
        label: '− TCP 7070',
        visual: { color: '#B3261E', lineStyle: 'dashed', width: 3.5, arrow: true },
      },
    ]);
  });

  it('joins the outside through the node that stands for it, also for pieces only the draft names', () => {
    const overlay = whatIfOverlay(
      {
        added: [
          change('0.0.0.0-9.255.255.255[External]', redis, ['TCP 6379']),
          change('13.0.0.0-19.255.255.255[External]', redis, ['TCP 6380']),
        ],
        removed: [change('10.0.0.0-10.255.255.255[External]', 'shop/legacy[Deployment]', ['TCP 443'])],
      },
      map,
      shop.model,
    );
    expect(overlay.edges.map((edge) => [edge.source, edge.target, edge.label])).toEqual([
      ['internet', `workload:${redis}`, '+ TCP 6379-6380'],
      ['external:10.0.0.0-10.255.255.255[External]', 'workload:shop/legacy[Deployment]', '− TCP 443'],
    ]);
  });

  it('counts the changes with an end not on screen instead of drawing them', () => {
    const overlay = whatIfOverlay(
      { added: [], removed: [change('kube-system/coredns[Deployment]', frontend, 'all')] },
      map,
      shop.model,
    );
    expect(overlay).toEqual({ edges: [], notDrawn: 1 });
  });

  it('attaches to the namespace when the map is collapsed to namespaces', () => {
    const collapsed = buildElements(shop.model, viewOf(), { maxNodes: 4 });
    expect(collapsed.elements.nodes.map((node) => node.id)).toContain('aggregate:shop');
    const overlay = whatIfOverlay(
      { added: [], removed: [change(frontend, cart, 'all'), change(frontend, redis, ['TCP 1'])] },
      collapsed,
      shop.model,
    );
    expect(overlay.edges.map((edge) => [edge.id, edge.label])).toEqual([
      ['what-if:removed:aggregate:shop>aggregate:shop', '− all ports'],
    ]);
  });

  it('joins the pods of a workload when the map groups by Kubernetes node', () => {
    const byNode = buildElements(shop.model, viewOf({ grouping: 'node' }));
    const overlay = whatIfOverlay(
      { added: [change(frontend, cart, ['TCP 1'])], removed: [] },
      byNode,
      shop.model,
    );
    expect(overlay.edges.map((edge) => `${edge.source}>${edge.target}`)).toEqual([
      'pod:shop/frontend-a>pod:shop/cart-a',
      'pod:shop/frontend-b>pod:shop/cart-a',
    ]);
  });
});

describe('withOverlay', () => {
  const map = buildElements(shop.model, viewOf());

  it('adds the edges to the map and their meaning to the legend, leaving the nodes as they are', () => {
    const overlay = whatIfOverlay({ added: [], removed: [change(frontend, cart, 'all')] }, map, shop.model);
    const shown = withOverlay(map, overlay);
    expect(shown.elements.nodes).toBe(map.elements.nodes);
    expect(shown.elements.edges).toHaveLength(map.elements.edges.length + 1);
    const labels = shown.legend.map((entry) => entry.label);
    expect(labels).toContain('Flow the draft would deny');
    expect(labels).not.toContain('Flow the draft would allow');
    expect(withOverlay(map, null)).toEqual({ elements: map.elements, legend: map.legend });
  });
});
