import { describe, expect, it } from 'vitest';
import { splitDocuments } from './split-documents.ts';

const split = (source: string) =>
  [...splitDocuments(source)].map(({ text, line, isExplicit }) => ({ text, line, isExplicit }));

describe('splitDocuments', () => {
  it('cuts before each `---` line, with the line where each part starts', () => {
    expect(split('# header\na: 1\n---\nb: 2\n--- # c\n\n---\n')).toEqual([
      { text: '# header\na: 1\n', line: 1, isExplicit: false },
      { text: '---\nb: 2\n', line: 3, isExplicit: true },
      { text: '--- # c\n\n', line: 5, isExplicit: true },
      { text: '---\n', line: 7, isExplicit: true },
    ]);
  });

  it('cuts after each `...` line', () => {
    expect(split('a: 1\n...\nb: 2\n... # end\n# c\n---\nc: 3\n')).toEqual([
      { text: 'a: 1\n...\n', line: 1, isExplicit: false },
      { text: 'b: 2\n... # end\n', line: 3, isExplicit: false },
      { text: '# c\n', line: 5, isExplicit: false },
      { text: '---\nc: 3\n', line: 6, isExplicit: true },
    ]);
    expect(split('...\n...')).toEqual([
      { text: '...\n', line: 1, isExplicit: false },
      { text: '...', line: 2, isExplicit: false },
    ]);
  });

  it('starts with a `---` part when the stream does, and yields nothing for an empty one', () => {
    expect(split('---\na: 1')).toEqual([{ text: '---\na: 1', line: 1, isExplicit: true }]);
    expect(split('\n---\n')).toEqual([
      { text: '\n', line: 1, isExplicit: false },
      { text: '---\n', line: 2, isExplicit: true },
    ]);
    expect(split('')).toEqual([]);
  });

  it.each([
    ['a marker on the last line', 'a: 1\n---', 2],
    ['CRLF line endings', 'a: 1\r\n---\r\nb: 2\r\n...\r\nc: 3', 3],
    ['a tab after the marker', 'a: 1\n---\t\nb: 2\n', 2],
    ['content after the marker', 'a: 1\n--- |\n  text\n', 2],
  ])('cuts at %s', (_name, source, parts) => {
    expect(split(source)).toHaveLength(parts);
    expect(
      split(source)
        .map(({ text }) => text)
        .join(''),
    ).toBe(source);
  });

  it.each([
    ['dashes or dots followed by text', 'a: 1\n---x\n----\n...x\n'],
    ['an indented marker', 'a: |\n  ---\n  ...\n  text\n'],
    ['a marker after text', 'a: ---\nb: ...\n'],
  ])('does not cut at %s', (_name, source) => {
    expect(split(source)).toHaveLength(1);
  });
});
