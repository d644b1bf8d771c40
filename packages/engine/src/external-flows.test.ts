import type { KubeObject } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { evaluateCluster } from './evaluation.ts';

const pod = (name: string, labels: Record<string, string>, ip: string): KubeObject => ({
  kind: 'Pod',
  metadata: { name, namespace: 'x', labels },
  spec: { containers: [{ name: 'main', ports: [{ name: 'http', containerPort: 8080 }] }] },
  status: { phase: 'Running', podIP: ip, conditions: [{ type: 'Ready', status: 'True' }] },
});

const policy = (name: string, spec: unknown): KubeObject => ({
  kind: 'NetworkPolicy',
  metadata: { name, namespace: 'x' },
  spec,
});

const web = pod('web', { app: 'web' }, '10.1.0.1');
const outsideOf = (objects: KubeObject[]) =>
  evaluateCluster(objects)
    .flows()
    .flows.filter((f) => f.from.endsWith('[External]') || f.to.endsWith('[External]'));

describe('flows to and from outside the cluster', () => {
  it('splits the outside at the edges of the ipBlocks and merges neighbours that every ipBlock treats alike', () => {
    const dnsFromOutside = policy('web', {
      podSelector: {},
      ingress: [
        {
          from: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/9', '10.128.0.0/9', '172.16.0.0/12'] } }],
          ports: [{ port: 53, protocol: 'UDP' }],
        },
      ],
    });
    expect(outsideOf([web, dnsFromOutside])).toEqual([
      { from: '0.0.0.0-9.255.255.255[External]', to: 'x/web[Pod]', ports: ['UDP 53'] },
      { from: '11.0.0.0-172.15.255.255[External]', to: 'x/web[Pod]', ports: ['UDP 53'] },
      { from: '172.32.0.0-255.255.255.255[External]', to: 'x/web[Pod]', ports: ['UDP 53'] },
      { from: 'x/web[Pod]', to: '0.0.0.0-255.255.255.255[External]', ports: 'all' },
    ]);
  });

  it('uses the egress ipBlocks alone to split the outside for egress', () => {
    const egressTo = policy('web', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: '203.0.113.0/24' } }], ports: [{ port: 443 }] }],
    });
    expect(outsideOf([web, egressTo])).toEqual([
      { from: '0.0.0.0-255.255.255.255[External]', to: 'x/web[Pod]', ports: 'all' },
      { from: 'x/web[Pod]', to: '203.0.113.0-203.0.113.255[External]', ports: ['TCP 443'] },
    ]);
  });
});

describe('flows from the ingress controller', () => {
  const service: KubeObject = {
    kind: 'Service',
    metadata: { name: 'web', namespace: 'x' },
    spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] },
  };
  const ingress: KubeObject = {
    kind: 'Ingress',
    metadata: { name: 'web', namespace: 'x' },
    spec: {
      rules: [
        {
          host: 'web.example.com',
          http: {
            paths: [
              { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } },
            ],
          },
        },
      ],
    },
  } as KubeObject;
  const controller = pod(
    'nginx',
    { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' },
    '10.2.0.1',
  );
  const fromController = (objects: KubeObject[]) => {
    const { flows, unknown } = evaluateCluster(objects).flows();
    return {
      flows: flows.filter((f) => f.from === '{ingress-controller}'),
      unknown: unknown.filter((f) => f.from === '{ingress-controller}'),
    };
  };

  it('reaches the backend on its target port when the controller pods are in the input', () => {
    expect(fromController([web, service, ingress, controller])).toEqual({
      flows: [{ from: '{ingress-controller}', to: 'x/web[Pod]', ports: ['TCP 8080'] }],
      unknown: [],
    });
  });

  it('is unknown without the controller pods, and absent when the backend admits no pod', () => {
    expect(fromController([web, service, ingress])).toEqual({
      flows: [],
      unknown: [{ from: '{ingress-controller}', to: 'x/web[Pod]', ports: ['TCP 8080'] }],
    });
    const denyAll = policy('deny', { podSelector: {}, ingress: [] });
    expect(fromController([web, service, ingress, denyAll])).toEqual({ flows: [], unknown: [] });
  });
});
