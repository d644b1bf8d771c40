import type { KubeObject } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { findingWith, idsOf, ingress, NGINX, runningPod, service } from '../test-support/finding-objects.ts';
import { app, policy } from '../test-support/objects.ts';

const web = runningPod('shop/web-1', { app: 'web' });
const api = runningPod('shop/api-1', { app: 'web', role: 'api' });
const webService = service('shop/web', {
  selector: { app: 'web' },
  ports: [{ name: 'http', port: 80, targetPort: 'http' }],
});
const route = ingress('shop/web', 'shop.example.com', 'web', 'http');
const denyAll = policy('shop/deny', { podSelector: {}, policyTypes: ['Ingress'] });
const fromController = policy('shop/from-nginx', {
  podSelector: {},
  ingress: [
    {
      from: [
        {
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } },
          podSelector: { matchLabels: { 'app.kubernetes.io/component': 'controller' } },
        },
      ],
      ports: [{ port: 'http' }],
    },
  ],
});

describe('Ingress backends that do not exist', () => {
  it.each<[string, KubeObject[], string[]]>([
    ['a Service port by name', [web, webService, route], []],
    ['a Service port by number', [web, webService, ingress('shop/web', 'shop.example.com', 'web', 80)], []],
    [
      'no such Service',
      [web, ingress('shop/web', 'shop.example.com', 'wbe', 'http')],
      ['ingress-backend-missing:shop/web:wbe:http'],
    ],
    [
      'no such port name',
      [web, webService, ingress('shop/web', 'shop.example.com', 'web', 'https')],
      ['ingress-backend-missing:shop/web:web:https'],
    ],
    [
      'no such port number',
      [web, webService, ingress('shop/web', 'shop.example.com', 'web', 8080)],
      ['ingress-backend-missing:shop/web:web:8080'],
    ],
    [
      'an ExternalName Service',
      [service('shop/web', { type: 'ExternalName', externalName: 'web.example.com' }), route],
      [],
    ],
  ])('%s', (_title, objects, expected) => {
    expect(idsOf(objects, 'ingress-backend-missing')).toEqual(expected);
  });

  it('says what is missing, about the Ingress and the Service', () => {
    const objects = [web, ingress('shop/web', 'shop.example.com', 'wbe', 'http')];
    expect(findingWith(objects, 'ingress-backend-missing:shop/web:wbe:http')).toMatchObject({
      severity: 'medium',
      objects: ['Ingress shop/web', 'Service shop/wbe'],
      message:
        'Ingress shop/web sends shop.example.com/ to port http of Service shop/wbe, but Service shop/wbe does not exist: requests get an error',
    });
  });
});

describe('Ingress controllers that policies keep from their backends', () => {
  it.each<[string, KubeObject[], string | undefined]>([
    ['no policy', [...NGINX, web, webService, route], undefined],
    ['a default deny', [...NGINX, web, webService, route, denyAll], 'high'],
    [
      'a default deny and a rule for the controller',
      [...NGINX, web, webService, route, denyAll, fromController],
      undefined,
    ],
    [
      'a rule for the controller on another port',
      [
        ...NGINX,
        web,
        webService,
        route,
        policy('shop/p', {
          podSelector: {},
          ingress: [{ from: [{ namespaceSelector: {} }], ports: [{ port: 9090 }] }],
        }),
      ],
      'high',
    ],
    [
      "the controller's egress",
      [
        ...NGINX,
        web,
        webService,
        route,
        policy('ingress-nginx/p', { podSelector: {}, policyTypes: ['Egress'] }),
      ],
      'high',
    ],
    [
      'some of the backends',
      [
        ...NGINX,
        web,
        api,
        webService,
        route,
        policy('shop/api', { podSelector: app('web'), ingress: [{ from: [{ podSelector: {} }] }] }),
      ],
      'high',
    ],
    [
      'one of two backend workloads',
      [
        ...NGINX,
        web,
        api,
        webService,
        route,
        policy('shop/api', { podSelector: { matchLabels: { role: 'api' } }, policyTypes: ['Ingress'] }),
      ],
      'medium',
    ],
    [
      'a default deny, with no controller pod in the input (not known)',
      [NGINX[0]!, web, webService, route, denyAll],
      undefined,
    ],
  ])('%s', (_title, objects, severity) => {
    const ids = idsOf(objects, 'ingress-controller-denied');
    if (!severity) return expect(ids).toEqual([]);
    expect(ids).toEqual(['ingress-controller-denied:shop/web:web:http']);
    expect(findingWith(objects, ids[0]!).severity).toBe(severity);
  });

  it('names the workloads the controller cannot reach', () => {
    const objects = [
      ...NGINX,
      web,
      api,
      webService,
      route,
      policy('shop/api', { podSelector: { matchLabels: { role: 'api' } }, policyTypes: ['Ingress'] }),
    ];
    expect(findingWith(objects, 'ingress-controller-denied:shop/web:web:http').message).toBe(
      'Ingress shop/web shop.example.com/ → Service shop/web port http: NetworkPolicy denies the ingress controller the pods of shop/api-1[Pod], so some requests fail',
    );
  });

  it('follows the labels the engine is told find the controller', () => {
    const objects = [web, webService, route, denyAll, runningPod('edge/proxy', { app: 'proxy' })];
    expect(
      idsOf(objects, 'ingress-controller-denied', { ingressControllerLabels: [{ app: 'proxy' }] }),
    ).toEqual(['ingress-controller-denied:shop/web:web:http']);
  });
});
