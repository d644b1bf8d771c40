import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { CORE_SCHEMA } from './core-schema.ts';
import { DivergenceGuard } from './divergence-guard.ts';
import type { LoaderState } from './loader-state.ts';

function load(source: string): unknown[] {
  const guard = new DivergenceGuard();
  return loadAll(source, null, {
    schema: CORE_SCHEMA,
    listener: (event, state) => guard.track(event, state as unknown as LoaderState),
  });
}

describe('DivergenceGuard', () => {
  it.each([
    ['a block mapping', 'a: 1\nb: {c: [d, ~], e: }\nf:\n- g: ~\n- [h]\n'],
    ['flow collections of collections', 'a: [[b], {c: d}, [e]]\nf: {g: [h], i: {j: k}}\n'],
    ['a key alone in a flow mapping', 'a: {b, c: d, "e"}\n'],
    ['a flow mapping after a bare tag', 'a: ! {b: c}\n'],
    ['a question mark ending text', 'a: Is it?\nb: 1\n'],
    ['a flow sequence read twice over, as a would-be key', '- [a, b]\n- {c: d}\n'],
    ['entries on the line after their dash', '-\n  a: 1\n-\n  - b\n'],
    ['a block scalar without an indentation indicator', 'a: |-\n  1\nb: >+\n  2\n'],
  ])('lets %s through', (_name, source) => {
    expect(() => load(source)).not.toThrow();
  });

  it.each([
    ['an anchor', 'a: &x 1\n', /anchors/],
    ['an alias (after its anchor)', 'a: &x 1\nb: *x\n', /anchors/],
    ['a null key', 'a: 1\n~: 2\n', /keys that are not strings/],
    ['an empty key in a flow mapping', 'a: {: 1}\n', /keys that are not strings/],
    ['a null key alone in a flow mapping', 'a: {b: 1, ~}\n', /keys that are not strings/],
    ['a sequence as a key', '[a, b]: 1\n', /keys that are not strings/],
    ['a mapping as a key in a flow pair', 'a: [{b: c}: d]\n', /keys that are not strings/],
    ['a sequence alone in a flow mapping', 'a: { # c\n  [x]}\n', /keys that are not strings/],
    ['a bare tag on an empty node', 'a: !\n', /tagged empty nodes/],
    ['an empty entry', '- a\n-\n- b\n', /empty entries/],
    ['an empty entry before a less indented one', '- - a\n  -\n- b\n', /empty entries/],
    ['a block scalar with an indentation indicator', 'a: >-2\n   b\n', /indentation indicator/],
    ['a comment right after a node', 'a: [b]#c\n', /comments must follow a space/],
    ['a tab before the root', '\tvalue\n', /tabs/],
  ])('stops at %s', (_name, source, reason) => {
    expect(() => load(source)).toThrow(reason);
  });
});
