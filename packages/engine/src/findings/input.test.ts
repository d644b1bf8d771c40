import type { KubeObject } from '@netmap/model';
import { describe, expect, it } from 'vitest';
import { findingWith, findingsOf, runningPod, service } from '../test-support/finding-objects.ts';
import { policy } from '../test-support/objects.ts';

const invalidIds = (objects: KubeObject[]) =>
  findingsOf(objects)
    .filter((finding) => finding.category === 'invalid')
    .map((finding) => finding.id);

describe('invalid objects', () => {
  it.each<[string, KubeObject, string]>([
    [
      'a bad selector',
      policy('shop/p', { podSelector: { matchExpressions: [{ key: 'app', operator: 'Has' }] } }),
      'operator "Has"',
    ],
    [
      'a bad CIDR',
      policy('shop/p', { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/33' } }] }] }),
      '10.0.0.0/33',
    ],
    [
      'an except outside its cidr',
      policy('shop/p', {
        podSelector: {},
        ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/24', except: ['10.1.0.0/24'] } }] }],
      }),
      'is not a strict subset of 10.0.0.0/24',
    ],
  ])('reports a policy with %s, as the API server would reject it', (_title, object, reason) => {
    const found = findingWith([object], 'invalid-object:NetworkPolicy:shop/p');
    expect(found).toMatchObject({ severity: 'high', category: 'invalid', objects: ['NetworkPolicy shop/p'] });
    expect(found.message).toContain(reason);
  });

  it('reports fields of pods, pod templates and Services that it ignores', () => {
    const objects = [
      runningPod('shop/dns', { app: 'dns' }, { ports: [{ containerPort: 53, protocol: 'ICMP' }] }),
      {
        kind: 'Deployment',
        metadata: { namespace: 'shop', name: 'api' },
        spec: { template: { spec: { containers: [{ name: 'api', ports: [{ containerPort: 0 }] }] } } },
      } as KubeObject,
      service('shop/web', {
        selector: { app: 'web', tier: 1 as never },
        ports: [{ port: 'eighty' as never }, { port: 53, protocol: 'ICMP' }],
        externalIPs: ['not-an-ip'],
      }),
    ];
    expect(invalidIds(objects)).toEqual([
      'unreadable-field:Deployment:shop/api:container api: containerPort 0 is not a port number',
      'unreadable-field:Pod:shop/dns:container main: port 53: protocol "ICMP" is not TCP, UDP or SCTP',
      'unreadable-field:Service:shop/web:externalIPs: "not-an-ip" is not an IP address',
      'unreadable-field:Service:shop/web:ports[0]: port eighty is not a number',
      'unreadable-field:Service:shop/web:ports[1]: protocol "ICMP" is not TCP, UDP or SCTP',
      'unreadable-field:Service:shop/web:selector["tier"] is not a string',
    ]);
    expect(findingWith(objects, invalidIds(objects)[0]!)).toMatchObject({
      severity: 'low',
      objects: ['Deployment shop/api'],
      message: 'Deployment shop/api: container api: containerPort 0 is not a port number; ignored',
    });
  });
});
