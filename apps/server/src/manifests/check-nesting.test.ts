import { isNode, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkNesting } from './check-nesting.ts';

function nesting(source: string, maxDepth: number) {
  const doc = parseDocument(source);
  expect(doc.errors).toEqual([]);
  return checkNesting(doc.contents, maxDepth);
}

const nestedFlow = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('checkNesting', () => {
  it.each([
    ['a scalar', 'x', 0],
    ['a flat mapping', 'a: 1', 1],
    ['a mapping in a mapping', 'a: {b: 1}', 2],
    ['a block sequence of mappings', '- a: 1\n- b: [1]\n', 3],
    ['a collection as a key', '? [a, [b]]\n: 1\n', 3],
  ])('accepts %s at its exact depth', (_name, source, depth) => {
    expect(nesting(source, depth)).toBeUndefined();
    if (depth > 0) expect(nesting(source, depth - 1)?.type).toBe('too-deep');
  });

  it('accepts 100 levels and refuses 101 by default', () => {
    expect(checkNesting(parseDocument(nestedFlow(100)).contents)).toBeUndefined();
    expect(checkNesting(parseDocument(nestedFlow(101)).contents)?.type).toBe('too-deep');
  });

  it('points at the first node too deep', () => {
    const problem = nesting('a:\n  b:\n    c: {d: 1}\n', 3);
    expect(problem?.type).toBe('too-deep');
    expect(isNode(problem?.node) && problem.node.range?.[0]).toBe('a:\n  b:\n    c: '.length);
  });

  it('counts what an alias expands to', () => {
    // The root mapping, two sequences, then the three levels `*d` stands for.
    const source = 'deep: &d [[[1]]]\nuse: [[*d]]\n';
    expect(nesting(source, 6)).toBeUndefined();
    expect(nesting(source, 5)?.type).toBe('too-deep');
  });

  it('counts aliases of aliases', () => {
    const source = 'a: &a [[1]]\nb: &b [*a]\nc: [*b]\n';
    expect(nesting(source, 5)).toBeUndefined();
    expect(nesting(source, 4)?.type).toBe('too-deep');
  });

  it('uses the latest anchor of a name, as YAML does', () => {
    const source = 'a: &x [[[[1]]]]\nb: &x 1\nc: [*x]\n';
    expect(nesting(source, 5)).toBeUndefined();
  });

  it('refuses an alias to a node that encloses it', () => {
    expect(nesting('a: &loop [1, *loop]\n', 100)?.type).toBe('recursive-alias');
  });

  it('refuses an alias without an anchor before it', () => {
    expect(checkNesting(parseDocument('a: *later\nb: &later 1\n').contents)?.type).toBe('unknown-alias');
  });

  it('walks 5,000 siblings without trouble', () => {
    const source = `[${Array.from({ length: 5_000 }, () => '[1]').join(',')}]`;
    expect(nesting(source, 2)).toBeUndefined();
  });
});
