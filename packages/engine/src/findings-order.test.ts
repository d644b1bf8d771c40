import type { KubeObject } from '@netmap/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCluster } from './evaluation.ts';
import { clusterArbitrary, clusterHistoryArbitrary } from './test-support/arbitrary-cluster.ts';
import { servicesArbitrary } from './test-support/arbitrary-services.ts';

/** A random cluster with Services and Ingresses, and the same objects in another order. */
const reorderedArbitrary = fc
  .tuple(clusterArbitrary, servicesArbitrary)
  .map(([cluster, services]) => [...cluster, ...services])
  .chain((objects: KubeObject[]) =>
    fc.tuple(
      fc.constant(objects),
      fc.shuffledSubarray(objects, { minLength: objects.length, maxLength: objects.length }),
    ),
  );

describe('findings as a set', () => {
  it('are the same, ids and all, whatever the order of the objects', () => {
    fc.assert(
      fc.property(reorderedArbitrary, ([objects, reordered]) => {
        expect(evaluateCluster(reordered).findings()).toEqual(evaluateCluster(objects).findings());
      }),
      { numRuns: 300 },
    );
  });

  it('have unique ids, sorted, each with a severity, a category and objects', () => {
    fc.assert(
      fc.property(reorderedArbitrary, ([objects]) => {
        const findings = evaluateCluster(objects).findings();
        const ids = findings.map((finding) => finding.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(ids);
        for (const finding of findings) {
          expect(finding.category).toBeDefined();
          expect(finding.objects.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('after changes applied one by one equal those of the final objects read at once', () => {
    fc.assert(
      fc.property(clusterHistoryArbitrary, (history) => {
        const evaluation = evaluateCluster(history.initial);
        for (const change of history.changes) evaluation.apply(change);
        expect(evaluation.findings()).toEqual(evaluateCluster(history.final).findings());
      }),
      { numRuns: 200 },
    );
  });
});
