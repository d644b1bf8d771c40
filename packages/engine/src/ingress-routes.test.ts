import type { Ingress } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { matchIngressRoute, readIngressRoutes } from './ingress-routes.ts';

const backend = (name: string, number = 80) => ({ service: { name, port: { number } } });

const ingress: Ingress = {
  kind: 'Ingress',
  metadata: { name: 'web', namespace: 'shop' },
  spec: {
    ingressClassName: 'nginx',
    tls: [{ hosts: ['shop.example.com'] }],
    defaultBackend: backend('fallback'),
    rules: [
      {
        host: 'shop.example.com',
        http: {
          paths: [
            { path: '/', pathType: 'Prefix', backend: backend('frontend') },
            { path: '/api', pathType: 'Prefix', backend: backend('api') },
            { path: '/api/health', pathType: 'Exact', backend: backend('health') },
            { path: '/static', pathType: 'ImplementationSpecific', backend: backend('static') },
          ],
        },
      },
      {
        host: '*.example.com',
        http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('wildcard') }] },
      },
    ],
  },
};

const routes = readIngressRoutes(ingress, 'shop');

describe('Ingress routes', () => {
  it.each([
    ['shop.example.com', '/', 'frontend'],
    ['shop.example.com', '/cart', 'frontend'],
    ['shop.example.com', '/api', 'api'],
    ['shop.example.com', '/api/', 'api'],
    ['shop.example.com', '/api/v1/items', 'api'],
    ['shop.example.com', '/apis', 'frontend'],
    ['shop.example.com', '/api/health', 'health'],
    ['shop.example.com', '/api/health/deep', 'api'],
    ['shop.example.com', '/static/app.js', 'static'],
    ['SHOP.example.com', '/api', 'api'],
    ['blog.example.com', '/', 'wildcard'],
    ['a.b.example.com', '/', 'fallback'],
    ['other.org', '/anything', 'fallback'],
  ])('%s%s goes to Service %s', (host, path, service) => {
    expect(matchIngressRoute(routes, host, path)?.service).toBe(service);
  });

  it('marks hosts listed under tls, and keeps the class name', () => {
    const api = routes.find((r) => r.service === 'api')!;
    expect(api).toMatchObject({
      ingress: 'shop/web',
      isTls: true,
      ingressClassName: 'nginx',
      servicePort: { number: 80 },
    });
    expect(routes.find((r) => r.service === 'wildcard')!.isTls).toBe(false);
  });

  it('reads the legacy kubernetes.io/ingress.class annotation', () => {
    const legacy: Ingress = {
      metadata: { name: 'old', annotations: { 'kubernetes.io/ingress.class': 'traefik' } },
      spec: { rules: [{ http: { paths: [{ path: '/', backend: backend('app') }] } }] },
    };
    expect(readIngressRoutes(legacy, 'default')).toEqual([
      expect.objectContaining({
        host: '',
        path: '/',
        pathType: 'ImplementationSpecific',
        ingressClassName: 'traefik',
      }),
    ]);
  });

  it('has no route when nothing matches and there is no defaultBackend', () => {
    const withoutDefault = routes.filter((r) => r.pathType !== 'Default');
    expect(matchIngressRoute(withoutDefault, 'other.org', '/')).toBeUndefined();
  });
});
