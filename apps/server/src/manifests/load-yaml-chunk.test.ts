import { describe, expect, it } from 'vitest';
import { loadYamlChunk } from './load-yaml-chunk.ts';
import type { DocumentChunk } from './split-documents.ts';

const chunk = (text: string, line = 1): DocumentChunk => ({
  text,
  offset: 0,
  line,
  isExplicit: /^---(?:\s|$)/.test(text),
});

describe('loadYamlChunk', () => {
  it('reads a document with the line of its content, counted from the part', () => {
    expect(loadYamlChunk(chunk('--- # pod\n\nkind: Pod\nmetadata: {name: a}\n', 10))).toEqual([
      { value: { kind: 'Pod', metadata: { name: 'a' } }, line: 12, itemLines: [] },
    ]);
  });

  it('gives the lines of list entries, `kubectl get -o yaml` style and indented', () => {
    const list = 'apiVersion: v1\nitems:\n- kind: Pod\n  metadata: {name: a}\n- kind: Pod\nkind: List\n';
    expect(loadYamlChunk(chunk(list, 5))?.[0]).toMatchObject({ line: 5, itemLines: [7, 9] });
    expect(loadYamlChunk(chunk('- a: 1\n\n-\n  b: 2\n'))?.[0]?.itemLines).toEqual([1, 4]);
  });

  it('places an empty document after `---` at the marker, and reads none from comments', () => {
    expect(loadYamlChunk(chunk('--- # empty\n\n', 3))).toEqual([{ value: null, line: 3, itemLines: [] }]);
    expect(loadYamlChunk(chunk('# only a comment\n\n'))).toEqual([]);
    expect(loadYamlChunk(chunk('---\nnull\n', 3))).toEqual([{ value: null, line: 4, itemLines: [] }]);
  });

  it('reads plain scalars by the YAML 1.2 core schema', () => {
    expect(
      loadYamlChunk(chunk('a: on\nb: yes\nc: 017\nd: 0o17\ne: 0x1F\nf: 1e3\ng: ~\nh: "12"\n'))?.[0]?.value,
    ).toEqual({
      a: 'on',
      b: 'yes',
      c: 17,
      d: 15,
      e: 31,
      f: 1000,
      g: null,
      h: '12',
    });
  });

  it.each([
    ['a syntax error', 'a: [1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['an anchor and its alias', 'a: &x 1\nb: *x\n'],
    ['a merge key', 'a:\n  <<: {b: 1}\n'],
    ['a tag', 'a: !!int "1"\n'],
    ['a null key', '~: 1\n'],
    ['an explicit key', '? [a]\n: 1\n'],
    ['an empty entry', 'items:\n- a\n-\n- b\n'],
    ['a flow pair in a list', 'items: [a: 1]\n'],
    ['a flow collection at the root', '[a,\n b]\n'],
    ['a flow collection on its own line for `items`', 'items:\n  [\n  a]\n'],
    ['a block collection on the `---` line', '--- a: 1\n'],
    ['`---` followed by text at the start', '---a\n'],
    ['a tab-indented `---` at the start', '# c\n\t---\na: 1\n'],
    ['a flow collection indented too little', 'a: [1,\n2]\n'],
    ['a block scalar with an indentation indicator', 'a: |2\n   b\n'],
    ['nesting at the limit', `a: ${'['.repeat(100)}${']'.repeat(100)}\n`],
    ['a comment ending an empty document', '# c\n...\n'],
    ['a blank line holding a tab', 'a: |\n  x\n\t\nb: 1\n'],
    ['spaces ending the stream with no line break', 'a: |+\n  x\n\n  '],
  ])('leaves %s to the yaml package', (_name, text) => {
    expect(loadYamlChunk(chunk(text))).toBeUndefined();
  });
});
