import type { Service } from '@netmap/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCluster } from '../evaluation.ts';
import { readService, serviceBackends } from '../services.ts';
import { clusterArbitrary } from '../test-support/arbitrary-cluster.ts';
import { servicesArbitrary } from '../test-support/arbitrary-services.ts';
import { PodIndex } from './pod-index.ts';
import { readyBackends } from './ready-backends.ts';

const key = ({ pod, port }: { pod: { ref: string }; port: number }) => `${pod.ref}:${port}`;

describe('readyBackends', () => {
  it('finds the backends serviceBackends finds, port by port, from the pods the selector selects', () => {
    fc.assert(
      fc.property(clusterArbitrary, servicesArbitrary, (cluster, services) => {
        const { state } = evaluateCluster([...cluster, ...services]);
        const pods = new PodIndex(state);
        for (const object of services.filter((o): o is Service => o.kind === 'Service')) {
          const facts = readService(object, object.metadata?.namespace ?? 'default');
          const found = readyBackends(state, facts, pods.withLabels(facts.namespace, facts.selector ?? {}));
          const expected = facts.ports.map((port) => serviceBackends(state, facts, port).map(key).sort());
          expect(found.map((backends) => backends.map(key).sort())).toEqual(expected);
        }
      }),
      { numRuns: 200 },
    );
  });
});
