import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { CORE_SCHEMA } from './core-schema.ts';
import { LineTracker } from './line-tracker.ts';
import type { LoaderState } from './loader-state.ts';

function track(source: string) {
  const tracker = new LineTracker();
  loadAll(source, null, {
    schema: CORE_SCHEMA,
    listener: (event, state) => tracker.track(event, state as unknown as LoaderState),
  });
  return tracker.documents;
}

describe('LineTracker', () => {
  it('finds the line of the content, past markers, comments and blank lines', () => {
    expect(track('--- # c\n\n# d\nkind: Pod\n')).toMatchObject([{ rootLine: 3, rootKind: 'mapping' }]);
    expect(track('--- [a]\n')).toMatchObject([{ rootLine: 0, rootKind: 'sequence' }]);
  });

  it('finds the entries of a top-level sequence, block or flow', () => {
    expect(track('- a: 1\n\n- b: 2\n  c: 3\n-\n  # c\n  d: 4\n')[0]?.rootItemLines).toEqual([0, 2, 6]);
    expect(track('- [a,\n  b]\n- {c: 1}\n')[0]?.rootItemLines).toEqual([0, 2]);
  });

  it('tells when js-yaml read the root or `items` through one more level, as a flow collection', () => {
    expect(track('[\n  a]\n')).toMatchObject([{ rootKind: 'sequence', isWrapped: true }]);
    expect(track('{a: 1}\n')).toMatchObject([{ rootKind: 'mapping', isWrapped: true }]);
    expect(track('items:\n  [\n  a]\n')).toMatchObject([{ rootKind: 'mapping', isWrapped: true }]);
    expect(track('- [a]\n')).toMatchObject([{ isWrapped: false }]);
    expect(track('a: {b: 1}\nitems: [c]\n')).toMatchObject([{ isWrapped: false }]);
    expect(track('items:\n- [a]\n')).toMatchObject([{ isWrapped: false }]);
  });

  it("finds the entries of the root mapping's `items`, as kubectl indents them or not", () => {
    expect(track('kind: List\nitems:\n- a: 1\n- b: 2\nmetadata: {}\n')[0]?.listItemLines).toEqual([2, 3]);
    expect(track('"items":\n  - x\n\n  - |\n    y\nkind: List\n')[0]?.listItemLines).toEqual([1, 3]);
    expect(track('items: [a, {b: 1},\n  c]\n')[0]?.listItemLines).toEqual([0, 0, 1]);
  });

  it("ignores `items` that are not the root mapping's sequence", () => {
    expect(track('spec:\n  items:\n  - a\n')[0]?.listItemLines).toEqual([]);
    expect(track('kind: items\nother: [a]\n')[0]?.listItemLines).toEqual([]);
    expect(track('items: {a: [b]}\n')[0]?.listItemLines).toEqual([]);
    expect(track('items:\nkind: [a]\n')[0]?.listItemLines).toEqual([]);
  });

  it('reports an empty document with no kind', () => {
    expect(track('---\n# nothing\n')).toMatchObject([{ rootKind: null }]);
  });
});
