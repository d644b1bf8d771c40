import type { WorkloadNode } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import type { ViewState } from '../../view-state.ts';
import { filterModel } from './filters.ts';
import { indexModel } from './model-index.ts';
import { isSystemNamespace } from './system-namespaces.ts';
import { external, flow, namespace, shopModel, topology, viewOf, workload } from './test-model.ts';

const shop = shopModel();
const index = indexModel(shop.model);
const filter = (change: Partial<ViewState>) => filterModel(index, viewOf(change));
const kept = (change: Partial<ViewState>) => [...filter(change).nodes].sort();
const flowIds = (change: Partial<ViewState>) => filter(change).flows.map((flow) => flow.id);

describe('filterModel', () => {
  it.each([
    ['kube-system', true],
    ['kube-public', true],
    ['kube-node-lease', true],
    ['calico-system', true],
    ['calico-apiserver', true],
    ['tigera-operator', true],
    ['cilium', true],
    ['cilium-secrets', true],
    ['kube-flannel', true],
    ['shop', false],
    ['calicoville', false],
    ['monitoring', false],
  ])('counts %s as a system namespace: %s', (name, expected) => {
    expect(isSystemNamespace(name)).toBe(expected);
  });

  it('hides system namespaces by default, shows them on request or when chosen by name', () => {
    expect(kept({})).not.toContain(shop.dns.id);
    expect(kept({})).not.toContain('namespace:kube-system');
    expect(kept({ hideSystem: false })).toContain(shop.dns.id);
    expect(kept({ namespaces: ['kube-system'] })).toEqual(
      [shop.dns.id, shop.dnsPod.id, 'namespace:kube-system', shop.lowInternet.id].sort(),
    );
    expect(filter({}).hiddenCount).toBe(2);
  });

  it('keeps only the chosen namespaces, and the outside their workloads talk with', () => {
    const nodes = kept({ namespaces: ['shop'], kinds: ['workload', 'external'] });
    expect(nodes).toContain(shop.cart.id);
    expect(nodes).toContain(shop.private10.id);
    expect(nodes).not.toContain(shop.cartService.id);
    expect(nodes).not.toContain(shop.dns.id);
  });

  it('shows only the chosen kinds; pods go with workloads', () => {
    const nodes = kept({ kinds: ['service', 'ingress'] });
    expect(nodes).toContain(shop.cartService.id);
    expect(nodes).toContain(shop.web.id);
    expect(
      nodes.some((id) => id.startsWith('workload:') || id.startsWith('pod:') || id.startsWith('external:')),
    ).toBe(false);
    expect(flowIds({ kinds: ['service', 'ingress'] })).toEqual([]);
  });

  it('selects workloads and pods by label, Services by their pods, Ingresses by their Services', () => {
    const nodes = kept({ labels: 'app in (frontend)' });
    expect(nodes).toEqual(
      [
        shop.frontend.id,
        ...shop.frontendPods.map((each) => each.id),
        shop.frontendService.id,
        shop.web.id,
        shop.ingressController.id,
        'namespace:shop',
      ].sort(),
    );
    expect(flowIds({ labels: 'app in (frontend)' })).toEqual([
      `allowed:${shop.ingressController.id}>${shop.frontend.id}`,
    ]);
  });

  it('keeps a Service whose selector satisfies the label selector even with no pods', () => {
    expect(kept({ labels: 'app=orders' })).toEqual(['namespace:shop', shop.brokenService.id]);
  });

  it('reports a bad selector and ignores it', () => {
    const result = filter({ labels: 'app in (a' });
    expect(result.selectorError).toMatch(/^Invalid label selector/);
    expect(result.nodes).toEqual(filter({}).nodes);
  });

  it('narrows to what the search text finds, pods with their workload', () => {
    // The address is also one of 10.0.0.0/8's, as policies see it.
    expect(kept({ search: '10.244.1.5' })).toEqual(
      [shop.cart.id, shop.cartPod.id, 'namespace:shop', shop.private10.id].sort(),
    );
    expect(kept({ search: '10.1.1.1' })).toEqual([shop.private10.id]);
  });

  it('never hides the selected node, nor the workload of a selected pod', () => {
    expect(kept({ selected: shop.dnsPod.id, namespaces: ['shop'] })).toEqual(
      expect.arrayContaining([shop.dnsPod.id, shop.dns.id]),
    );
    expect(kept({ selected: shop.dns.id, kinds: [] })).toEqual([shop.dns.id]);
  });

  it('focuses on the flows into or out of the selection and their other ends', () => {
    const into = { selected: shop.cart.id, flowFocus: 'into' } as const;
    expect(flowIds(into)).toEqual([
      `allowed:${shop.frontend.id}>${shop.cart.id}`,
      `allowed:${shop.legacy.id}>${shop.cart.id}`,
      `unknown:${shop.frontend.id}>${shop.cart.id}`,
    ]);
    expect(kept(into)).toEqual(
      [
        shop.cart.id,
        shop.cartPod.id,
        shop.frontend.id,
        ...shop.frontendPods.map((each) => each.id),
        shop.legacy.id,
        shop.legacyPod.id,
      ].sort(),
    );
    expect(flowIds({ selected: shop.cart.id, flowFocus: 'out-of' })).toEqual([]);
    expect(flowIds({ selected: 'internet', flowFocus: 'out-of' })).toEqual([
      `allowed:${shop.lowInternet.id}>${shop.legacy.id}`,
      `allowed:${shop.highInternet.id}>${shop.legacy.id}`,
    ]);
    expect(flowIds({ selected: shop.cartService.id, flowFocus: 'into' })).toHaveLength(3);
  });

  it('focuses on a collapsed namespace or a Kubernetes node as on the workloads inside', () => {
    expect(flowIds({ selected: 'aggregate:shop', flowFocus: 'out-of' })).toEqual(
      flowIds({ selected: 'namespace:shop', flowFocus: 'out-of' }),
    );
    expect(flowIds({ selected: 'namespace:shop', flowFocus: 'out-of' })).toHaveLength(3);
    // node-2 runs a frontend pod, redis and legacy: the flows out of their workloads.
    expect(flowIds({ selected: 'k8s-node:node-2', flowFocus: 'out-of' })).toEqual([
      `allowed:${shop.frontend.id}>${shop.cart.id}`,
      `allowed:${shop.legacy.id}>${shop.cart.id}`,
      `unknown:${shop.frontend.id}>${shop.cart.id}`,
    ]);
  });

  it('ignores the focus when an edge or nothing is selected', () => {
    expect(filter({ flowFocus: 'into' }).flows).toEqual(filter({}).flows);
    expect(filter({ flowFocus: 'into', selected: 'flow:allowed:a>b' }).flows).toEqual(filter({}).flows);
  });
});

describe('empty namespaces', () => {
  it('shows a namespace that holds nothing, unless labels or search narrow the view', () => {
    const model = topology(
      [...Object.values(shop.model.nodes), namespace('empty')],
      Object.values(shop.model.flows),
    );
    const emptyIndex = indexModel(model);
    expect(filterModel(emptyIndex, viewOf({})).nodes.has('namespace:empty')).toBe(true);
    expect(filterModel(emptyIndex, viewOf({ labels: 'app=cart' })).nodes.has('namespace:empty')).toBe(false);
    expect(filterModel(emptyIndex, viewOf({ search: 'empt' })).nodes.has('namespace:empty')).toBe(true);
  });
});

describe('filterModel and the ingress controller', () => {
  const controller = workload('ingress-nginx/controller', { ingressController: true });
  const web = workload('shop/web');
  const api = workload('shop/api');
  const standIn = external('{ingress-controller}');
  const model = (relayedTo: WorkloadNode[], fromController: WorkloadNode[]) =>
    indexModel(
      topology(
        [namespace('ingress-nginx'), namespace('shop'), controller, web, api, standIn],
        [
          ...relayedTo.map((to) => flow(standIn, to, ['TCP 8080'])),
          ...fromController.map((to) => flow(controller, to, 'all')),
        ],
      ),
    );

  it('leaves out the {ingress-controller} node when the controller is drawn and sends each of its flows', () => {
    const filtered = filterModel(model([web], [web, api]), viewOf({}));
    expect(filtered.nodes.has(standIn.id)).toBe(false);
    expect(filtered.flows.map((each) => each.from)).toEqual([controller.id, controller.id]);
  });

  it('keeps it while a route goes where the controller drawn does not, or when the controller is hidden', () => {
    expect(filterModel(model([web, api], [web]), viewOf({})).nodes.has(standIn.id)).toBe(true);
    const withoutController = filterModel(model([web], [web]), viewOf({ namespaces: ['shop'] }));
    expect(withoutController.nodes.has(standIn.id)).toBe(true);
  });
});
