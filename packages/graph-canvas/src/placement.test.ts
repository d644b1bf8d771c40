import { describe, expect, it } from 'vitest';
import { placeNewNodes, type PlacementInput, type Position } from './placement.ts';

const distance = (a: Position, b: Position) => Math.hypot(a.x - b.x, a.y - b.y);

function input(overrides: Partial<PlacementInput>): PlacementInput {
  return {
    newNodes: [],
    parentOf: new Map(),
    neighbours: new Map(),
    placed: new Map(),
    centre: { x: 0, y: 0 },
    ...overrides,
  };
}

describe('placeNewNodes', () => {
  const placed = new Map<string, Position>([
    ['near', { x: 1000, y: 1000 }],
    ['far', { x: -1000, y: -1000 }],
  ]);

  it('puts a new node beside the node it connects to, not on it', () => {
    const positions = placeNewNodes(
      input({
        newNodes: [{ id: 'new' }],
        parentOf: new Map([['new', undefined]]),
        neighbours: new Map([['new', ['near']]]),
        placed,
      }),
    );
    const position = positions.get('new')!;
    expect(distance(position, placed.get('near')!)).toBeGreaterThan(20);
    expect(distance(position, placed.get('near')!)).toBeLessThan(150);
  });

  it('spreads nodes that share an anchor so that none stack', () => {
    const newNodes = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
    const positions = [
      ...placeNewNodes(
        input({
          newNodes,
          parentOf: new Map(newNodes.map(({ id }) => [id, undefined])),
          neighbours: new Map(newNodes.map(({ id }) => [id, ['near']])),
          placed,
        }),
      ).values(),
    ];
    for (const [i, a] of positions.entries()) {
      for (const b of positions.slice(i + 1)) expect(distance(a, b)).toBeGreaterThan(20);
    }
  });

  it('keeps a node inside its parent, near its siblings, even when it connects elsewhere', () => {
    const positions = placeNewNodes(
      input({
        newNodes: [{ id: 'pod', parent: 'ns' }],
        parentOf: new Map([
          ['pod', 'ns'],
          ['sibling', 'ns'],
          ['ns', undefined],
        ]),
        neighbours: new Map([['pod', ['far']]]),
        placed: new Map([...placed, ['sibling', { x: 500, y: 500 }], ['ns', { x: 500, y: 500 }]]),
      }),
    );
    expect(distance(positions.get('pod')!, { x: 500, y: 500 })).toBeLessThan(150);
  });

  it('places a new parent where its children connect, and the children around it', () => {
    const positions = placeNewNodes(
      input({
        newNodes: [{ id: 'child', parent: 'box' }, { id: 'box' }],
        parentOf: new Map<string, string | undefined>([
          ['child', 'box'],
          ['box', undefined],
        ]),
        neighbours: new Map([['child', ['far']]]),
        placed,
      }),
    );
    expect(distance(positions.get('box')!, placed.get('far')!)).toBeLessThan(150);
    expect(distance(positions.get('child')!, positions.get('box')!)).toBeLessThan(150);
  });

  it('falls back to the centre and gives the same answer every time', () => {
    const run = () =>
      placeNewNodes(
        input({ newNodes: [{ id: 'x' }, { id: 'y' }], parentOf: new Map(), centre: { x: 10, y: 20 } }),
      );
    expect(run()).toEqual(run());
    expect(distance(run().get('x')!, { x: 10, y: 20 })).toBeLessThan(150);
  });
});
