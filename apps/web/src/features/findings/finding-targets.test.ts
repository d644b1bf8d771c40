import { describe, expect, it } from 'vitest';
import type { Finding, Topology } from '@netmap/model';
import { findingTargets } from './finding-targets.ts';

const nodes = Object.fromEntries(
  [
    'namespace:backoffice',
    'workload:backoffice/order-admin[Deployment]',
    'service:shop/partner-feed',
    'ingress:shop/shop',
    'pod:shop/cart-1',
  ].map((id) => [id, { kind: 'namespace', id, name: id, labels: {} }]),
) as Topology['nodes'];

const finding = (objects: string[]): Finding => ({ id: 'f', severity: 'medium', objects, message: 'm' });

describe('findingTargets', () => {
  it('finds the node of each kind of object', () => {
    expect(
      findingTargets(
        finding([
          'Namespace backoffice',
          'Deployment backoffice/order-admin',
          'Service shop/partner-feed',
          'Ingress shop/shop',
          'Pod shop/cart-1',
        ]),
        nodes,
      ).nodeIds,
    ).toEqual([
      'namespace:backoffice',
      'workload:backoffice/order-admin[Deployment]',
      'service:shop/partner-feed',
      'ingress:shop/shop',
      'pod:shop/cart-1',
    ]);
  });

  it('lists NetworkPolicies apart, and leaves out objects the model does not hold', () => {
    expect(
      findingTargets(
        finding(['Service shop/partner-feed', 'NetworkPolicy shop/partner-feed', 'StatefulSet shop/gone']),
        nodes,
      ),
    ).toEqual({ nodeIds: ['service:shop/partner-feed'], policies: ['shop/partner-feed'] });
  });
});
