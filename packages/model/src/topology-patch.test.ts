import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Topology, TopologyNode, VersionedTopology } from './topology.ts';
import { applyPatch, diffTopology, isEmptyPatch } from './topology-patch.ts';

const namespace = (name: string, labels: Record<string, string> = {}): TopologyNode => ({
  kind: 'namespace',
  id: `namespace:${name}`,
  name,
  labels,
});

const topologyArbitrary: fc.Arbitrary<Topology> = fc
  .record({
    names: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 5 }),
    labels: fc.array(fc.constantFrom('x', 'y'), { maxLength: 5 }),
    flows: fc.uniqueArray(
      fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.constantFrom('a', 'b', 'c'), fc.boolean()),
      { maxLength: 6, selector: ([f, t]) => `${f}>${t}` },
    ),
  })
  .map(({ names, labels, flows }) => ({
    nodes: Object.fromEntries(
      names.map((name, i) => [`namespace:${name}`, namespace(name, labels[i] ? { team: labels[i]! } : {})]),
    ),
    flows: Object.fromEntries(
      flows.map(([from, to, isAll]) => [
        `${from}>${to}`,
        {
          id: `${from}>${to}`,
          from,
          to,
          ports: isAll ? ('all' as const) : ['TCP 80'],
          verdict: 'allowed' as const,
        },
      ]),
    ),
    findings: {},
  }));

const at = (topology: Topology, version: number): VersionedTopology => ({
  ...topology,
  epoch: 'e1',
  version,
});

describe('topology patches', () => {
  it('turn one topology into the next, whatever the two', () => {
    fc.assert(
      fc.property(topologyArbitrary, topologyArbitrary, (before, after) => {
        const patch = { epoch: 'e1', from: 3, to: 4, ...diffTopology(before, after) };
        expect(applyPatch(at(before, 3), patch)).toEqual(at(after, 4));
      }),
      { numRuns: 500 },
    );
  });

  it('hold only what changed', () => {
    const before: Topology = {
      nodes: { 'namespace:a': namespace('a'), 'namespace:b': namespace('b') },
      flows: {},
      findings: {},
    };
    const after: Topology = {
      nodes: { 'namespace:a': namespace('a'), 'namespace:c': namespace('c', { team: 'x' }) },
      flows: {},
      findings: {},
    };
    expect(diffTopology(before, after)).toEqual({
      upserts: { nodes: { 'namespace:c': namespace('c', { team: 'x' }) }, flows: {}, findings: {} },
      removals: { nodes: ['namespace:b'], flows: [], findings: [] },
    });
    expect(isEmptyPatch(diffTopology(before, before))).toBe(true);
  });

  it('compare flows by their ports, ends and verdict', () => {
    const flow = (ports: 'all' | string[], verdict: 'allowed' | 'unknown' = 'allowed') => ({
      flows: { f: { id: 'f', from: 'a', to: 'b', ports, verdict } },
      nodes: {},
      findings: {},
    });
    expect(isEmptyPatch(diffTopology(flow(['TCP 80']), flow(['TCP 80'])))).toBe(true);
    expect(diffTopology(flow(['TCP 80']), flow(['TCP 80', 'UDP 53'])).upserts.flows).toHaveProperty('f');
    expect(diffTopology(flow('all'), flow(['TCP 80'])).upserts.flows).toHaveProperty('f');
    expect(diffTopology(flow('all'), flow('all', 'unknown')).upserts.flows).toHaveProperty('f');
  });

  it('share the parts a patch leaves alone, and keep the flow level', () => {
    const model: VersionedTopology = {
      ...at({ nodes: { 'namespace:a': namespace('a') }, flows: {}, findings: {} }, 1),
      flowLevel: 'namespace',
    };
    const next = applyPatch(model, {
      epoch: 'e1',
      from: 1,
      to: 2,
      upserts: { nodes: { 'namespace:b': namespace('b') }, flows: {}, findings: {} },
      removals: { nodes: [], flows: [], findings: [] },
    });
    expect(next.flows).toBe(model.flows);
    expect(next.nodes).not.toBe(model.nodes);
    expect(next.flowLevel).toBe('namespace');
    expect(Object.keys(model.nodes)).toEqual(['namespace:a']);
  });

  it('refuse a patch that does not follow on from the model, and leave the model as it was', () => {
    const model = at({ nodes: { 'namespace:a': namespace('a') }, flows: {}, findings: {} }, 7);
    const patch = {
      epoch: 'e1',
      from: 6,
      to: 7,
      upserts: { nodes: {}, flows: {}, findings: {} },
      removals: { nodes: ['namespace:a'], flows: [], findings: [] },
    };
    expect(() => applyPatch(model, patch)).toThrow(/does not apply/);
    expect(() => applyPatch(model, { ...patch, from: 7, to: 8, epoch: 'e2' })).toThrow(/does not apply/);
    applyPatch(model, { ...patch, from: 7, to: 8 });
    expect(Object.keys(model.nodes)).toEqual(['namespace:a']);
  });
});
