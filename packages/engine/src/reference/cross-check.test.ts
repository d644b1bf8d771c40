// Properties that hold the fast engine (pod classes, port sets, incremental state) to the naive
// reference evaluator and to the algebra of the NetworkPolicy spec, on small random clusters.
import { evaluateCluster, type Evaluation, type Matrix } from '@netmap/engine';
import type { KubeObject, NetworkPolicy, Protocol, Verdict } from '@netmap/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildPolicy,
  clusterArbitrary,
  clusterHistoryArbitrary,
  policySpecArbitrary,
} from '../test-support/arbitrary-cluster.ts';
import { referenceVerdict } from './reference-evaluator.ts';

/** Ports the generated policies and container ports name, on every protocol they use. */
const PROBES: readonly (readonly [number, Protocol])[] = [
  [80, 'TCP'],
  [81, 'TCP'],
  [8080, 'TCP'],
  [53, 'UDP'],
  [80, 'UDP'],
  [80, 'SCTP'],
  [9090, 'TCP'],
];

/** Runs per property: thousands of random clusters in about 20 s on two cores. */
const RUNS = { reference: 5000, can: 2500, unreadable: 1500, incremental: 3000, order: 2000, additive: 3000 };

/** Long enough for the runs below on a slow two-core machine, and for shrinking a failure. */
const TIMEOUT = 120_000;

function matrixVerdict(matrix: Matrix, from: string, to: string): Verdict {
  if (matrix.allowed[from]?.includes(to)) return 'allowed';
  return matrix.unknown?.[from]?.includes(to) ? 'unknown' : 'denied';
}

function matrices(evaluation: Evaluation): Matrix[] {
  return PROBES.map(([port, protocol]) => evaluation.matrix(port, protocol));
}

/** How the engine answers for one pair: from the matrix, or through `can()` and its explanations. */
type EngineVerdict = (evaluation: Evaluation, matrix: Matrix, from: string, to: string) => Verdict;

const fromMatrix: EngineVerdict = (_, matrix, from, to) => matrixVerdict(matrix, from, to);

const fromCan: EngineVerdict = (evaluation, matrix, from, to) =>
  evaluation.can({ kind: 'pod', ref: from }, { kind: 'pod', ref: to }, matrix.port, matrix.protocol).verdict;

/** Every pair and probe on which the engine and the reference evaluator differ, readably. */
function disagreements(
  objects: KubeObject[],
  ipBlockMatchesPods: boolean,
  engineVerdict: EngineVerdict,
  unreadablePolicies: readonly string[] = [],
): string[] {
  const evaluation = evaluateCluster(objects, { ipBlockMatchesPods });
  if (unreadablePolicies.length > 0) {
    const namespaces = objects.map((object) => object.metadata?.namespace ?? 'default');
    const read = namespaces.filter((namespace) => !unreadablePolicies.includes(namespace));
    evaluation.setVisibility({ policies: [...new Set(read)], namespaceLabels: true });
  }
  // The reference reads valid objects only: the generator must not produce any other.
  const found = [...evaluation.state.invalid.values()].map(
    (invalid) => `invalid ${invalid.ref}: ${invalid.error}`,
  );
  for (const matrix of matrices(evaluation)) {
    for (const from of matrix.pods) {
      for (const to of matrix.pods) {
        const engine = engineVerdict(evaluation, matrix, from, to);
        const reference = referenceVerdict(objects, from, to, matrix.port, matrix.protocol, {
          ipBlockMatchesPods,
          unreadablePolicies,
        });
        if (engine !== reference) {
          const options = `ipBlockMatchesPods ${ipBlockMatchesPods}, unreadable [${unreadablePolicies.join(', ')}]`;
          found.push(
            `${from} → ${to} ${matrix.protocol} ${matrix.port} (${options}): engine ${engine}, reference ${reference}`,
          );
        }
      }
    }
  }
  return found;
}

const RANK: Record<Verdict, number> = { denied: 0, unknown: 1, allowed: 2 };

/** Pairs and probes whose verdict got worse from `before` to `after` (allowed > unknown > denied). */
function lostConnections(before: Matrix[], after: Matrix[]): string[] {
  return before.flatMap((matrix, i) =>
    matrix.pods.flatMap((from) =>
      matrix.pods
        .filter((to) => RANK[matrixVerdict(after[i]!, from, to)] < RANK[matrixVerdict(matrix, from, to)])
        .map((to) => `${from} → ${to} ${matrix.protocol} ${matrix.port}`),
    ),
  );
}

/** policyTypes as the API server defaults it: Ingress, plus Egress when egress holds a rule. */
function effectivePolicyTypes(policy: NetworkPolicy): string[] {
  const declared = policy.spec?.policyTypes;
  if (declared && declared.length > 0) return declared;
  return (policy.spec?.egress ?? []).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

function identityOf(object: KubeObject): string {
  return `${object.kind} ${object.metadata?.namespace ?? ''}/${object.metadata?.name}`;
}

/** Sorts `items` by `keys` (stable), a shrinkable way to shuffle. */
function permute<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, key: keys[i % keys.length] ?? 0 }))
    .sort((a, b) => a.key - b.key)
    .map(({ item }) => item);
}

describe('fast engine against the reference evaluator', { timeout: TIMEOUT }, () => {
  it('fast engine agrees with the reference evaluator on every pod pair', () => {
    fc.assert(
      fc.property(clusterArbitrary, (objects) => {
        expect(disagreements(objects, true, fromMatrix)).toEqual([]);
        expect(disagreements(objects, false, fromMatrix)).toEqual([]);
      }),
      { numRuns: RUNS.reference },
    );
  });

  it('can() agrees with the reference evaluator on every pod pair', () => {
    fc.assert(
      fc.property(clusterArbitrary, fc.boolean(), (objects, ipBlockMatchesPods) => {
        expect(disagreements(objects, ipBlockMatchesPods, fromCan)).toEqual([]);
      }),
      { numRuns: RUNS.can },
    );
  });
});

describe(
  'fast engine against the reference evaluator where policies could not be read',
  { timeout: TIMEOUT },
  () => {
    const unreadable = fc.subarray(['alpha', 'beta', 'gamma'], { minLength: 1 });

    it('matrix and can() agree with the reference evaluator on every pod pair', () => {
      fc.assert(
        fc.property(clusterArbitrary, fc.boolean(), unreadable, (objects, ipBlockMatchesPods, namespaces) => {
          expect(disagreements(objects, ipBlockMatchesPods, fromMatrix, namespaces)).toEqual([]);
          expect(disagreements(objects, ipBlockMatchesPods, fromCan, namespaces)).toEqual([]);
        }),
        { numRuns: RUNS.unreadable },
      );
    });
  },
);

describe('NetworkPolicy algebra on the fast engine', { timeout: TIMEOUT }, () => {
  it('incremental updates equal a fresh evaluation', () => {
    fc.assert(
      fc.property(clusterHistoryArbitrary, fc.boolean(), (history, ipBlockMatchesPods) => {
        const options = { ipBlockMatchesPods };
        const evaluation = evaluateCluster(history.initial, options);
        const current = new Map(history.initial.map((object) => [identityOf(object), object]));
        // Queries between changes fill the engine's caches, which later changes must invalidate.
        for (const change of history.changes) {
          evaluation.apply(change);
          if (change.type === 'upsert') current.set(identityOf(change.object), change.object);
          else current.delete(identityOf(change.object));
          expect(matrices(evaluation)).toEqual(matrices(evaluateCluster([...current.values()], options)));
        }
        expect(matrices(evaluation)).toEqual(matrices(evaluateCluster(history.final, options)));
      }),
      { numRuns: RUNS.incremental },
    );
  });

  it('policy order never matters', () => {
    const keys = fc.array(fc.nat(99), { minLength: 16, maxLength: 16 });
    fc.assert(
      fc.property(clusterArbitrary, keys, fc.boolean(), (objects, order, ipBlockMatchesPods) => {
        const expected = matrices(evaluateCluster(objects, { ipBlockMatchesPods }));
        expect(matrices(evaluateCluster(permute(objects, order), { ipBlockMatchesPods }))).toEqual(expected);
      }),
      { numRuns: RUNS.order },
    );
  });

  it('adding a policy to an isolated pod only adds connections', () => {
    // A policy without rules first isolates the added policy's pods in its directions; from there
    // the added policy can only allow more, as NetworkPolicies are additive.
    const added = fc.record({
      namespace: fc.nat(2),
      spec: policySpecArbitrary,
      ipBlockMatchesPods: fc.boolean(),
    });
    fc.assert(
      fc.property(clusterArbitrary, added, (objects, { namespace, spec, ipBlockMatchesPods }) => {
        const namespaces = [
          ...new Set(objects.filter((o) => o.kind === 'Pod').map((o) => o.metadata!.namespace!)),
        ];
        const policy = buildPolicy(namespaces[namespace % namespaces.length]!, 'added', spec);
        const isolation = buildPolicy(policy.metadata!.namespace!, 'isolation', {
          podSelector: spec.podSelector ?? {},
          policyTypes: effectivePolicyTypes(policy),
        });
        const before = matrices(evaluateCluster([...objects, isolation], { ipBlockMatchesPods }));
        const after = matrices(evaluateCluster([...objects, isolation, policy], { ipBlockMatchesPods }));
        expect(lostConnections(before, after)).toEqual([]);
      }),
      { numRuns: RUNS.additive },
    );
  });
});
