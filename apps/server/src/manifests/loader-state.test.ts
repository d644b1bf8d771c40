import { describe, expect, it } from 'vitest';
import { lineAt, nextChar } from './loader-state.ts';
import type { LoaderState } from './loader-state.ts';

// The state of js-yaml's loader at `|` in `text`.
const at = (text: string) =>
  ({ input: text.replace('|', ''), position: text.indexOf('|'), line: 0 }) as LoaderState;

describe('nextChar', () => {
  it.each([
    ['a|: 1', ':'],
    ['[a]|  : 1', ':'],
    ['? a|\n: 1', ':'],
    ['a|  # why: not\nb: 1', 'b'],
    ['a:| !!str x', 'x'],
    ['a:| ! {b}', '{'],
    ['a:|\n  {b: 1}', '{'],
    ['a: 1|', ''],
    ['a: 1|\n# end', ''],
  ])('%j → %j', (text, expected) => {
    const { input, position } = at(text);
    expect(nextChar(input, position)).toBe(expected);
  });
});

describe('lineAt', () => {
  it('counts the lines from the position to an index', () => {
    const state = at('a:|\n\n  # c\n  b');
    expect(lineAt(state, state.input.indexOf('b'))).toBe(3);
    expect(lineAt(state, state.position)).toBe(0);
  });
});
