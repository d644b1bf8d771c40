import { describe, expect, it } from 'vitest';
import type { CanvasEdge, CanvasNode } from '@netmap/graph-canvas';
import type { Topology } from '@netmap/model';
import type { ViewState } from '../../view-state.ts';
import { buildElements } from './elements.ts';
import { service, shopModel, topology, viewOf, workload } from './test-model.ts';
import { EDGE_VISUALS, MARKINGS, nodeVisual } from './visuals.ts';

const shop = shopModel();

function draw(change: Partial<ViewState> = {}, model: Topology = shop.model) {
  const result = buildElements(model, viewOf(change));
  const node = (id: string): CanvasNode | undefined => result.elements.nodes.find((each) => each.id === id);
  const edge = (id: string): CanvasEdge | undefined => result.elements.edges.find((each) => each.id === id);
  return { ...result, node, edge };
}

describe('buildElements: nodes', () => {
  it('draws namespaces as boxes holding their objects, with short names inside', () => {
    const map = draw();
    expect(map.node('namespace:shop')).toMatchObject({
      label: 'shop',
      caption: '4 workloads · 4 services · 1 ingress',
    });
    expect(map.node(shop.frontend.id)).toMatchObject({
      parent: 'namespace:shop',
      label: 'frontend',
      caption: 'Deployment · 2 pods',
    });
    expect(map.node(shop.frontendPods[0]!.id)).toBeUndefined();
  });

  it('names objects in full when drawn flat, with no boxes', () => {
    const map = draw({ grouping: 'flat' });
    expect(map.node('namespace:shop')).toBeUndefined();
    expect(map.node(shop.frontend.id)).toEqual(expect.objectContaining({ label: 'shop/frontend' }));
    expect(map.node(shop.frontend.id)?.parent).toBeUndefined();
  });

  it('draws an expanded workload as a box of its pods, with flows still on the workload', () => {
    const map = draw({ expanded: [shop.frontend.id] });
    expect(map.node(shop.frontendPods[1]!.id)).toMatchObject({
      parent: shop.frontend.id,
      label: 'frontend-b',
      caption: '10.244.2.4 · node-2',
    });
    expect(map.edge(`flow:allowed:${shop.frontend.id}>${shop.cart.id}`)).toBeDefined();
    expect(map.edge(`backend:${shop.frontendService.id}>${shop.frontendPods[0]!.id}`)).toBeDefined();
    expect(map.edge(`backend:${shop.frontendService.id}>${shop.frontend.id}`)).toBeUndefined();
  });

  it('expands the workload of a selected pod so that the pod is on screen', () => {
    expect(draw({ selected: shop.cartPod.id }).node(shop.cartPod.id)).toMatchObject({ parent: shop.cart.id });
  });

  it('shows each Service type in its caption and look, and marks a broken Service', () => {
    const map = draw();
    expect(map.node(shop.frontendService.id)).toMatchObject({
      caption: 'LoadBalancer · TCP 80',
      visual: nodeVisual('service-load-balancer'),
    });
    expect(map.node(shop.feedService.id)?.visual).toEqual(nodeVisual('service-node-port'));
    expect(map.node(shop.brokenService.id)).toMatchObject({
      caption: 'ClusterIP · TCP 80 · selector matches no pods',
      visual: nodeVisual('service-broken'),
    });
    const unready = shopModel();
    unready.model.nodes[unready.brokenService.id] = service('shop/orders', [], { selector: { app: 'cart' } });
    expect(draw({}, unready.model).node(unready.brokenService.id)?.caption).toBe(
      'ClusterIP · TCP 80 · no ready endpoints',
    );
  });

  it('captions headless and ExternalName Services', () => {
    const model = topology([
      service('db/pg', [], {
        isHeadless: true,
        selector: undefined,
        ports: [{ port: 5432, protocol: 'TCP', targetPort: 5432 }],
      }),
      service('db/remote', [], {
        serviceType: 'ExternalName',
        externalName: 'db.example.com',
        selector: undefined,
      }),
    ]);
    const map = draw({}, model);
    expect(map.node('service:db/pg')?.caption).toBe('headless · TCP 5432 · no ready endpoints');
    expect(map.node('service:db/remote')).toMatchObject({
      caption: 'ExternalName → db.example.com',
      visual: nodeVisual('service-external-name'),
    });
  });

  it('marks workloads whose policies could not be read as unknown, not as unprotected or cut off', () => {
    const hidden = workload('vault/keeper', {
      isolated: { ingress: false, egress: false },
      policiesUnknown: true,
    });
    const map = draw({}, topology([hidden]));
    expect(map.node(hidden.id)?.visual).toMatchObject(MARKINGS['policies-unknown'].border);
    expect(map.legend.map((entry) => entry.label)).toContain(MARKINGS['policies-unknown'].label);
    expect(map.legend.map((entry) => entry.label)).not.toContain(MARKINGS['no-policy'].label);
  });

  it('marks workloads and their pods that no policy protects, and those whose every flow is denied', () => {
    const map = draw({ expanded: [shop.legacy.id, shop.redis.id] });
    expect(map.node(shop.legacy.id)?.visual).toMatchObject(MARKINGS['no-policy'].border);
    expect(map.node(shop.legacyPod.id)?.visual).toEqual(nodeVisual('pod', 'no-policy'));
    expect(map.node(shop.cart.id)?.visual).toEqual(nodeVisual('workload'));
    expect(map.node(shop.redis.id)?.visual).toEqual(nodeVisual('workload-all-denied'));
    expect(map.node(shop.redisPod.id)?.visual).toEqual(nodeVisual('pod-all-denied'));
    const egressOpen = shopModel();
    egressOpen.cart.isolated.egress = false;
    expect(draw({}, egressOpen.model).node(egressOpen.cart.id)?.visual).toEqual(
      nodeVisual('workload', 'no-egress-policy'),
    );
    egressOpen.cart.isolated = { ingress: false, egress: true };
    expect(draw({}, egressOpen.model).node(egressOpen.cart.id)?.visual).toEqual(
      nodeVisual('workload', 'no-ingress-policy'),
    );
  });

  it('draws Ingresses with hosts and TLS, and the outside', () => {
    const map = draw();
    expect(map.node(shop.web.id)).toMatchObject({ label: 'web', caption: 'shop.example.com · TLS' });
    expect(map.node('internet')).toMatchObject({ label: 'Internet' });
    expect(map.node(shop.private10.id)).toMatchObject({ label: '10.0.0.0/8', visual: nodeVisual('cidr') });
    expect(map.node(shop.ingressController.id)).toMatchObject({ label: 'Ingress controller' });
    expect(map.node(shop.lowInternet.id)).toBeUndefined();
  });
});

describe('buildElements: edges', () => {
  it('merges flows per pair of drawn nodes and verdict, with their ports', () => {
    const map = draw();
    expect(map.edge(`flow:allowed:${shop.frontend.id}>${shop.cart.id}`)).toMatchObject({
      label: 'TCP 7070',
      visual: EDGE_VISUALS['flow-allowed'].visual,
    });
    expect(map.edge(`flow:unknown:${shop.frontend.id}>${shop.cart.id}`)).toMatchObject({
      label: 'TCP 9555',
      visual: EDGE_VISUALS['flow-unknown'].visual,
    });
    const fromInternet = `flow:allowed:internet>${shop.legacy.id}`;
    expect(map.edge(fromInternet)).toMatchObject({ source: 'internet', label: 'all ports' });
    expect(map.members[fromInternet]).toEqual([
      `allowed:${shop.lowInternet.id}>${shop.legacy.id}`,
      `allowed:${shop.highInternet.id}>${shop.legacy.id}`,
    ]);
    expect(map.members.internet).toEqual([shop.lowInternet.id, shop.highInternet.id]);
  });

  it('links Services to the workloads behind them and Ingresses to their Services', () => {
    const map = draw();
    expect(map.edge(`backend:${shop.cartService.id}>${shop.cart.id}`)).toMatchObject({
      source: shop.cartService.id,
      target: shop.cart.id,
      visual: EDGE_VISUALS['service-backend'].visual,
    });
    expect(map.edge(`route:${shop.web.id}>${shop.frontendService.id}`)).toMatchObject({
      label: 'shop.example.com/',
    });
  });

  it('draws what the outside reaches: NodePort and LoadBalancer Services and Ingresses', () => {
    const map = draw();
    const exposures = map.elements.edges.filter((edge) => edge.id.startsWith('exposure:'));
    expect(exposures.map((edge) => [edge.id, edge.source, edge.label])).toEqual([
      [`exposure:${shop.web.id}`, 'internet', 'HTTPS'],
      [`exposure:${shop.feedService.id}`, 'internet', 'node port TCP 30443'],
      [`exposure:${shop.frontendService.id}`, 'internet', 'TCP 80'],
    ]);
    expect(
      draw({ kinds: ['workload', 'service', 'ingress'] }).elements.edges.some((edge) =>
        edge.id.startsWith('exposure:'),
      ),
    ).toBe(false);
  });
});

describe('buildElements: grouping by node', () => {
  it('places pods on their nodes with their IPs, and draws flows between pods', () => {
    const map = draw({ grouping: 'node' });
    expect(map.node('k8s-node:node-1')).toMatchObject({
      label: 'node-1',
      caption: '2 pods',
      visual: nodeVisual('k8s-node'),
    });
    expect(map.node(shop.frontendPods[1]!.id)).toMatchObject({
      parent: 'k8s-node:node-2',
      label: 'shop/frontend-b',
      caption: '10.244.2.4',
    });
    expect(map.node(shop.frontend.id)).toBeUndefined();
    expect(map.edge(`flow:allowed:${shop.frontendPods[1]!.id}>${shop.cartPod.id}`)).toMatchObject({
      label: 'TCP 7070',
    });
    expect(map.edge(`flow:allowed:internet>${shop.legacyPod.id}`)).toBeDefined();
    expect(map.edge(`backend:${shop.cartService.id}>${shop.cartPod.id}`)).toBeDefined();
  });
});
