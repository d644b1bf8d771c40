import { describe, expect, it } from 'vitest';
import { nextChar } from './loader-state.ts';
import type { LoaderState } from './loader-state.ts';

// The state of js-yaml's loader at `|` in `text`.
const at = (text: string) => ({ input: text.replace('|', ''), position: text.indexOf('|') }) as LoaderState;

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
    expect(nextChar(at(text))).toBe(expected);
  });
});
