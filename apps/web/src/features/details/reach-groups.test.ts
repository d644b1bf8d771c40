import { expect, it } from 'vitest';
import { groupReach, reachIds } from './reach-groups.ts';

it('groups an answer by workload and merges their ports', () => {
  const groups = groupReach([
    { pod: 'shop/cart-2', workload: 'shop/cart[Deployment]', ports: ['TCP 7070'], unknownPorts: [] },
    { pod: 'mon/prom-0', workload: 'mon/prom[StatefulSet]', ports: 'all', unknownPorts: [] },
    {
      pod: 'shop/cart-1',
      workload: 'shop/cart[Deployment]',
      ports: ['TCP 9090', 'TCP 7070'],
      unknownPorts: ['UDP 53'],
    },
  ]);
  expect(groups).toEqual([
    {
      workload: 'mon/prom[StatefulSet]',
      id: 'workload:mon/prom[StatefulSet]',
      pods: ['mon/prom-0'],
      ports: 'all',
      unknownPorts: [],
    },
    {
      workload: 'shop/cart[Deployment]',
      id: 'workload:shop/cart[Deployment]',
      pods: ['shop/cart-2', 'shop/cart-1'],
      ports: ['TCP 7070', 'TCP 9090'],
      unknownPorts: ['UDP 53'],
    },
  ]);
  expect(reachIds(groups)).toEqual([
    'workload:mon/prom[StatefulSet]',
    'pod:mon/prom-0',
    'workload:shop/cart[Deployment]',
    'pod:shop/cart-2',
    'pod:shop/cart-1',
  ]);
});
