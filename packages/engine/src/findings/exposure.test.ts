import type { KubeObject } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import {
  deployment,
  findingWith,
  idsOf,
  ingress,
  NGINX,
  runningPod,
  service,
} from '../test-support/finding-objects.ts';
import { policy } from '../test-support/objects.ts';

const web = runningPod('shop/web-1', { app: 'web' });
const isolateWeb = policy('shop/web', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{}] });
const ports = [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }];

describe('exposure findings', () => {
  it.each([
    ['ClusterIP', { type: 'ClusterIP' }, false],
    ['NodePort', { type: 'NodePort' }, true],
    ['LoadBalancer', { type: 'LoadBalancer' }, true],
    ['ClusterIP with externalIPs', { type: 'ClusterIP', externalIPs: ['198.51.100.4'] }, true],
    ['headless', { clusterIP: 'None' }, false],
    ['ExternalName', { type: 'ExternalName', externalName: 'db.example.com' }, false],
  ])('a %s Service is a path from outside: %s', (_title, spec, isExposed) => {
    const objects = [web, service('shop/web', { selector: { app: 'web' }, ports, ...spec })];
    expect(idsOf(objects, 'exposure')).toEqual(isExposed ? ['exposure:Service:shop/web'] : []);
  });

  it('names every entry: load balancer addresses and source ranges, node ports, external IPs', () => {
    const lb = service(
      'shop/web',
      {
        type: 'LoadBalancer',
        selector: { app: 'web' },
        ports,
        externalIPs: ['198.51.100.4'],
        loadBalancerSourceRanges: ['192.0.2.0/24'],
      } as never,
      { loadBalancer: { ingress: [{ ip: '203.0.113.9' }] } },
    );
    const { message, objects } = findingWith([web, isolateWeb, lb], 'exposure:Service:shop/web');
    expect(message).toBe(
      'Service shop/web (LoadBalancer) takes TCP 80 from outside the cluster at load balancer 203.0.113.9 (only from 192.0.2.0/24), node port 30080 and external IP 198.51.100.4 to shop/web-1[Pod] on port 8080; policies isolate those pods for ingress',
    );
    expect(objects).toEqual(['Service shop/web']);
  });

  it('leaves out node ports a load balancer does without', () => {
    const lb = service('shop/web', {
      type: 'LoadBalancer',
      selector: { app: 'web' },
      ports,
      allocateLoadBalancerNodePorts: false,
    } as never);
    expect(findingWith([web, lb], 'exposure:Service:shop/web').message).toContain(
      'at load balancer (address pending) to',
    );
  });

  const nodePort = service('shop/web', { type: 'NodePort', selector: { app: 'web' }, ports });
  it.each<[string, KubeObject[], string]>([
    ['pods no policy isolates', [web, nodePort], 'high'],
    ['isolated pods', [web, isolateWeb, nodePort], 'low'],
    ['a workload without pods, by its template', [deployment('shop/web', { app: 'web' }), nodePort], 'high'],
    [
      'hostNetwork pods, which policies cannot isolate',
      [runningPod('shop/web-1', { app: 'web' }, { hostNetwork: true }), isolateWeb, nodePort],
      'high',
    ],
    ['no ready pod', [runningPod('shop/web-1', { app: 'web' }, { isReady: false }), nodePort], 'info'],
  ])('rates a path to %s', (_title, objects, severity) => {
    expect(findingWith(objects, 'exposure:Service:shop/web').severity).toBe(severity);
  });

  it('rates a path to the ingress controller as expected: info', () => {
    const controllerService = service('ingress-nginx/lb', {
      type: 'LoadBalancer',
      selector: { 'app.kubernetes.io/name': 'ingress-nginx' },
      ports: [{ port: 80, targetPort: 'http' }],
    });
    const found = findingWith([...NGINX, controllerService], 'exposure:Service:ingress-nginx/lb');
    expect(found).toMatchObject({ severity: 'info', category: 'exposure' });
    expect(found.message).toContain('the ingress controller');
  });

  it('lists each host and path of an Ingress, with the Service and pods it ends at', () => {
    const objects = [
      ...NGINX,
      web,
      service('shop/web', {
        selector: { app: 'web' },
        ports: [{ name: 'http', port: 80, targetPort: 'http' }],
      }),
      ingress('shop/web', 'shop.example.com', 'web', 'http'),
    ];
    const found = findingWith(objects, 'exposure:Ingress:shop/web:shop.example.com/');
    expect(found).toMatchObject({ severity: 'high', objects: ['Ingress shop/web', 'Service shop/web'] });
    expect(found.message).toBe(
      'Ingress shop/web takes http shop.example.com/ from outside the cluster through the ingress controller and Service shop/web to shop/web-1[Pod] on port 8080; no NetworkPolicy isolates the pods of shop/web-1[Pod] for ingress, so they also accept connections from any other pod or address',
    );
    expect(findingWith([...objects, isolateWeb], found.id).severity).toBe('low');
  });

  it('says nothing of an Ingress route whose Service is missing (a wiring finding says it)', () => {
    expect(idsOf([...NGINX, ingress('shop/web', 'shop.example.com', 'web', 80)], 'exposure')).toEqual([]);
  });
});
