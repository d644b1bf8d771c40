import type { KubeObject, Service } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { deployment, findingWith, idsOf, runningPod, service } from '../test-support/finding-objects.ts';

const web = runningPod('shop/web-1', { app: 'web' }, { ports: [{ name: 'http', containerPort: 8080 }] });
const webService = (spec: Partial<NonNullable<Service['spec']>> = {}) =>
  service('shop/web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }], ...spec });
const slice = (ready: boolean[], service = 'web'): KubeObject =>
  ({
    kind: 'EndpointSlice',
    metadata: {
      namespace: 'shop',
      name: `${service}-abc`,
      labels: { 'kubernetes.io/service-name': service },
    },
    ports: [{ port: 8080, protocol: 'TCP' }],
    endpoints: ready.map((isReady, i) => ({
      addresses: [`10.9.0.${i + 1}`],
      conditions: { ready: isReady },
      targetRef: { kind: 'Pod', namespace: 'shop', name: `web-${i + 1}` },
    })),
  }) as KubeObject;

describe('Services that select no pod', () => {
  it.each<[string, KubeObject[], string[]]>([
    ['a selector that selects a pod', [web, webService()], []],
    [
      'a typo in the selector',
      [web, webService({ selector: { app: 'wbe' } })],
      ['service-selects-no-pod:shop/web'],
    ],
    [
      'a pod of another namespace',
      [runningPod('other/web', { app: 'web' }), webService()],
      ['service-selects-no-pod:shop/web'],
    ],
    ['a workload without pods, by its template', [deployment('shop/web', { app: 'web' }), webService()], []],
    ['no selector (endpoints managed elsewhere)', [webService({ selector: undefined })], []],
    [
      'an ExternalName Service',
      [service('shop/web', { type: 'ExternalName', externalName: 'x.example.com' })],
      [],
    ],
  ])('%s', (_title, objects, expected) => {
    expect(idsOf(objects, 'service-selects-no-pod')).toEqual(expected);
  });

  it('says which selector, about the Service', () => {
    expect(
      findingWith([webService({ selector: { app: 'wbe' } })], 'service-selects-no-pod:shop/web'),
    ).toMatchObject({
      severity: 'medium',
      category: 'wiring',
      objects: ['Service shop/web'],
      message:
        'Service shop/web: selector {app=wbe} selects no pod in namespace shop, so it sends traffic nowhere',
    });
  });
});

describe('Service targetPorts the pods do not define', () => {
  it.each<[string, KubeObject[], string | undefined]>([
    ['a named targetPort the pods define', [web, webService()], undefined],
    [
      'a named targetPort no pod defines',
      [web, webService({ ports: [{ port: 80, targetPort: 'htp' }] })],
      'medium',
    ],
    [
      'a named targetPort of another protocol',
      [web, webService({ ports: [{ port: 80, targetPort: 'http', protocol: 'UDP' }] })],
      'medium',
    ],
    ['a number the pods declare', [web, webService({ ports: [{ port: 80, targetPort: 8080 }] })], undefined],
    [
      'a number the pods do not declare',
      [web, webService({ ports: [{ port: 80, targetPort: 9000 }] })],
      'low',
    ],
    ['a number as text', [web, webService({ ports: [{ port: 80, targetPort: '9000' }] })], 'low'],
    [
      'a number, when the pods declare no ports (containerPort is informational)',
      [
        runningPod('shop/web-1', { app: 'web' }, { ports: [] }),
        webService({ ports: [{ port: 80, targetPort: 9000 }] }),
      ],
      undefined,
    ],
    ['targetPort left to the port', [web, webService({ ports: [{ port: 8080 }] })], undefined],
  ])('%s', (_title, objects, severity) => {
    const ids = idsOf(objects, 'service-target-port');
    if (!severity) return expect(ids).toEqual([]);
    expect(ids).toEqual([expect.stringMatching(/^service-target-port:shop\/web:(TCP|UDP)\/80$/)]);
    expect(findingWith(objects, ids[0]!).severity).toBe(severity);
  });

  it('names the port and what is wrong', () => {
    const objects = [web, webService({ ports: [{ port: 80, targetPort: 'htp' }] })];
    expect(findingWith(objects, 'service-target-port:shop/web:TCP/80').message).toBe(
      'Service shop/web port TCP 80: targetPort "htp" names no TCP container port of the pods it selects, so this port has no endpoints',
    );
  });
});

describe('Services without a ready endpoint', () => {
  it.each<[string, KubeObject[], boolean]>([
    ['a ready pod', [web, webService()], false],
    [
      'pods that are not ready',
      [runningPod('shop/web-1', { app: 'web' }, { isReady: false }), webService()],
      true,
    ],
    ['EndpointSlices with a ready endpoint', [web, webService(), slice([false, true])], false],
    ['EndpointSlices without one', [web, webService(), slice([false])], true],
    [
      'EndpointSlices without one, and no selector',
      [webService({ selector: undefined }), slice([false])],
      true,
    ],
    ['a selector that selects no pod (another finding)', [webService({ selector: { app: 'x' } })], false],
    [
      'pods that are not ready, published anyway',
      [
        runningPod('shop/web-1', { app: 'web' }, { isReady: false }),
        webService({ publishNotReadyAddresses: true } as never),
      ],
      false,
    ],
  ])('%s', (_title, objects, isReported) => {
    expect(idsOf(objects, 'service-no-ready-endpoints')).toEqual(
      isReported ? ['service-no-ready-endpoints:shop/web'] : [],
    );
  });

  it('says why', () => {
    const objects = [runningPod('shop/web-1', { app: 'web' }, { isReady: false }), webService()];
    expect(findingWith(objects, 'service-no-ready-endpoints:shop/web').message).toBe(
      'Service shop/web has no ready endpoint: none of the 1 pod it selects is ready, so connections to it fail',
    );
  });
});
