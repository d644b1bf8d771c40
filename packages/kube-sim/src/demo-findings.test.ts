import type { Workload } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { detectCni, enforcementFindings, evaluateCluster } from '@netmap/engine';
import { loadDemoCluster } from './demo/index.ts';

// The demo cluster (packages/kube-sim/demo) was written with deliberate mistakes, marked in its
// YAML. Each one that a rule can see is found; everything else found is true of the demo too.
const cluster = loadDemoCluster();
const findings = evaluateCluster(cluster).findings();
const byId = new Map(findings.map((finding) => [finding.id, finding]));

describe('the findings of the demo cluster', () => {
  it('find the shipping policy that selects no pod (a typo: app=shiping)', () => {
    expect(byId.get('policy-selects-no-pod:shop/shipping')).toMatchObject({
      severity: 'medium',
      objects: ['NetworkPolicy shop/shipping'],
    });
  });

  it("find the partner feed's ipBlock that source NAT hides the partners from", () => {
    expect(byId.get('snat-ipblock:shop/partner-feed')).toMatchObject({
      severity: 'medium',
      objects: ['Service shop/partner-feed', 'NetworkPolicy shop/partner-feed'],
    });
  });

  it('find the admin console on a public load balancer, with no policy in its namespace', () => {
    expect(byId.get('exposure:Service:backoffice/order-admin-debug')).toMatchObject({ severity: 'high' });
    expect(byId.get('exposure:Service:backoffice/order-admin-debug')?.message).toContain('203.0.113.20');
    expect(byId.get('unprotected:ingress:backoffice/order-admin[Deployment]')?.severity).toBe('medium');
    expect(byId.has('no-default-deny:ingress:backoffice')).toBe(true);
  });

  it('find nothing else of high severity, and nothing wrong with the wiring the demo means', () => {
    expect(
      findings.filter((f) => f.severity === 'high' || f.severity === 'critical').map((f) => f.id),
    ).toEqual(['exposure:Service:backoffice/order-admin-debug']);
    // redis-cart's "from: podSelector {}" admits the whole namespace: too wide, yet what the
    // policy says; no rule can tell it from a deliberate allow-all (see allow-egress-within-shop).
    expect(findings.filter((f) => f.category === 'wiring').map((f) => f.id)).toEqual([
      'snat-ipblock:shop/partner-feed',
    ]);
  });

  it('are exactly these: every other one is true of the demo', () => {
    expect(findings.map((f) => f.id)).toEqual([
      'exposure:Ingress:shop/shop:shop.example.com/',
      'exposure:Service:backoffice/order-admin-debug',
      'exposure:Service:ingress-nginx/ingress-nginx-controller',
      'exposure:Service:shop/partner-feed',
      ...['backoffice', 'ingress-nginx', 'kube-system', 'monitoring'].map(
        (ns) => `no-default-deny:egress:${ns}`,
      ),
      ...['backoffice', 'ingress-nginx', 'kube-system', 'monitoring'].map(
        (ns) => `no-default-deny:ingress:${ns}`,
      ),
      'policy-selects-no-pod:shop/shipping',
      // replicas: 1 in the demo's manifests.
      ...['backoffice/order-admin', 'backoffice/order-admin-debug', 'monitoring/prometheus']
        .concat(
          [
            'ad',
            'checkout',
            'email',
            'partner-feed',
            'payment',
            'recommendation',
            'redis-cart',
            'shipping',
          ].map((name) => `shop/${name}`),
        )
        .map((service) => `single-backend:${service}`),
      'snat-ipblock:shop/partner-feed',
      // A consequence of the shipping policy selecting no pod.
      'unmatched-named-port:shop/shipping:ingress[0].ports[0]',
      ...[
        'backoffice/order-admin',
        'ingress-nginx/ingress-nginx-controller',
        'kube-system/coredns',
        'monitoring/prometheus',
      ].map((workload) => `unprotected:egress:${workload}[Deployment]`),
      ...['backoffice/order-admin', 'ingress-nginx/ingress-nginx-controller', 'kube-system/coredns'].map(
        (workload) => `unprotected:ingress:${workload}[Deployment]`,
      ),
    ]);
  });

  it('rate the ingress controller behind its load balancer as expected, and the shop behind its Ingress as guarded', () => {
    expect(byId.get('exposure:Service:ingress-nginx/ingress-nginx-controller')?.severity).toBe('info');
    expect(byId.get('exposure:Ingress:shop/shop:shop.example.com/')?.severity).toBe('low');
  });

  it('find that its network plugin (Calico) enforces policies', () => {
    const daemonSets = cluster.filter((object): object is Workload => object.kind === 'DaemonSet');
    expect(detectCni(daemonSets).name).toBe('Calico');
    expect(enforcementFindings(detectCni(daemonSets), 15)).toEqual([]);
  });
});
